// newsd-train: learns word clusters, trains the entity tagger and measures it.
//
//   newsd-train clusters --out CLUSTERS.tsv INPUT...        (CoNLL files or folders of .txt)
//   newsd-train cv --train eng.train --clusters CLUSTERS.tsv [--dictionary DICT.tsv] [--brown BROWN.tsv] [--folds 3]
//                  [--epochs 12] [--bits 18] [--seed 1] [--history-folds 3 --history-epochs 15]
//                  (prints the best epoch count last)
//   newsd-train train --train eng.train[,eng.testa] --clusters CLUSTERS.tsv[,MORE.tsv] [--dictionary DICT.tsv]
//                     [--brown BROWN.tsv] --epochs N --out MODEL [--dev eng.testa] [--bits 18] [--seed 1] [--scored-words 40000]
//                     [--history-folds 3 --history-epochs 15]
//     The second pass learns from first-pass tags of the training documents, each tagged by a
//     first-pass model of --history-epochs trained on the other --history-folds - 1 parts
//     (--history-folds 0: no second-pass training).
//   newsd-train eval --model MODEL --docs DIR --out RECORDS.jsonl   (DIR from conll_to_docs.py)
//   newsd-train bench --model MODEL --docs DIR [--seconds 5]
//   newsd-train attribution --train POLNEAR_SPLIT --epochs N --out MODEL [--bits 18] [--seed 1] [--seeds 1]
//     --seeds K trains K models, each on the examples in another seeded order, and writes their mean.
//                           [--holdout 0.1]   (scores every 1/H-th article, not trained on, each epoch)
//                           [--tagger entity-tagger.bin] (whose Brown clusters the features read) [--cue-bias B]
import Extraction
import TaggerTraining
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsd-train: \(message)\n".utf8))
    exit(2)
}

func say(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

struct Options {
    var values: [String: String] = [:]
    var positional: [String] = []

    init(_ args: ArraySlice<String>) {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            if a.hasPrefix("--") {
                guard i + 1 < args.endIndex else { fail("\(a) needs a value") }
                values[String(a.dropFirst(2))] = args[i + 1]
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
    }

    func required(_ name: String) -> String {
        guard let v = values[name] else { fail("--\(name) is required") }
        return v
    }

    func int(_ name: String, _ fallback: Int) -> Int {
        guard let v = values[name] else { return fallback }
        guard let n = Int(v) else { fail("--\(name) takes a number") }
        return n
    }
}

func readText(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}

func write(_ path: String, _ data: Data) {
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("cannot write \(path)") }
}

func textFiles(in dir: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { fail("cannot list \(dir)") }
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
}

/// The cluster files of `--clusters` (comma-separated), in order.
func clusterPaths(_ o: Options) -> [String] {
    (o.values["clusters"] ?? "").split(separator: ",").map(String.init)
}

/// The words of a cluster file (`word<TAB>id<TAB>id<TAB>id`, `#` lines are comments), in file order.
func clusterLines(_ path: String) -> [(word: String, ids: [Substring])] {
    readText(path).split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty else { return nil }
        return (String(parts[0]), Array(parts.dropFirst().prefix(3)))
    }
}

/// The word table of the options (the slots of `TokenKeys.clusters`): cluster ids from `--clusters`
/// in slots 0–2, dictionary codes from `--dictionary` in slot 3 (see scripts/gen-tagger-dictionary.py),
/// Brown path prefix ids from `--brown` in slots 4–7 (see scripts/gen-word-clusters.py). With
/// several `--clusters` files, a word takes its ids from the first file that has it; the ids of the
/// n-th file are offset by `n * 4096`, so that clusters of different files never share a feature.
func loadTable(_ o: Options) -> WordClusterTable {
    var entries: [UInt64: SIMD8<UInt16>] = [:]
    var seen = Set<UInt64>()
    for (n, path) in clusterPaths(o).enumerated() {
        for (word, ids) in clusterLines(path) {
            let key = FeatureHash.form(word)
            guard seen.insert(key).inserted else { continue }
            for (l, p) in ids.enumerated() {
                if let id = UInt16(p), id != 0, id < 4096 { entries[key, default: .zero][l] = id + UInt16(n * 4096) }
            }
        }
    }
    if let path = o.values["brown"] {
        for line in readText(path).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count >= 2 else { continue }
            let key = FeatureHash.form(String(parts[0]))
            for (l, p) in parts.dropFirst().prefix(4).enumerated() {
                if let id = UInt16(p), id != 0 { entries[key, default: .zero][4 + l] = id }
            }
        }
    }
    if let path = o.values["dictionary"] {
        for line in readText(path).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let code = UInt16(parts[1]), code != 0 else { continue }
            entries[FeatureHash.form(String(parts[0])), default: .zero][3] = code
        }
    }
    return WordClusterTable(entries: entries.map { (key: $0.key, clusters: $0.value) })
}

func loadModel(_ path: String) -> (EntityTagger, Double) {
    let start = threadCPUTime()
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    do {
        let tagger = try data.withUnsafeBytes { try EntityTagger(serialized: $0) }
        return (tagger, threadCPUTime() - start)
    } catch {
        fail("\(path): \(error)")
    }
}

func clusters(_ o: Options) {
    var learner = ClusterLearner()
    for input in o.positional {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { fail("no such file \(input)") }
        let texts = isDir.boolValue ? textFiles(in: input).map(readText) : CoNLLCorpus.documents(readText(input)).map(\.text)
        for text in texts {
            let doc = CoNLLCorpus.document(text)
            for s in doc.sentences { learner.add(s.tokens.map { doc.tokenText($0) }) }
        }
        say("clusters: read \(input)")
    }
    let result = learner.learn(log: say)
    var out = ""
    for (word, ids) in result {
        out += word + "\t" + ids.map(String.init).joined(separator: "\t") + "\n"
    }
    write(o.required("out"), Data(out.utf8))
    say("clusters: \(result.count) words written")
}

func evaluate(_ tagger: EntityTagger, _ docs: [(Document, GoldDocument)]) -> (SpanScore, [Float]) {
    var score = SpanScore()
    var margins: [Float] = []
    for (doc, gold) in docs {
        var predicted: [(type: Int, range: Range<Int>)] = []
        tagger.tagSpans(doc) { tokens, type, confidence in
            let range = Int(doc.tokens[tokens.lowerBound].start)..<Int(doc.tokens[tokens.upperBound - 1].end)
            predicted.append((type, range))
            let y = 2 * confidence - 1
            margins.append(y / max(1 - abs(y), 1e-6))
        }
        score.add(gold: gold.spans, predicted: predicted)
    }
    return (score, margins)
}

/// The gold documents of the comma-separated CoNLL files `paths`.
func goldDocuments(_ paths: String) -> [GoldDocument] {
    paths.split(separator: ",").flatMap { CoNLLCorpus.documents(readText(String($0))) }
}

/// The training sentences of `docs`; with `firstPassTypes` (per document), also as the second pass sees them.
func encode(_ docs: [GoldDocument], table: WordClusterTable, bits: Int, firstPassTypes: [[Int8]]? = nil) -> [EncodedSentence] {
    var sentences: [EncodedSentence] = []
    for (d, gold) in docs.enumerated() {
        let doc = CoNLLCorpus.document(gold.text)
        sentences += EncodedSentence.sentences(of: doc, tags: CoNLLCorpus.tags(doc, spans: gold.spans), clusters: table,
                                               bucketBits: bits, firstPassTypes: firstPassTypes?[d])
    }
    return sentences
}

/// Trains `epochs` epochs over `sentences` in a seeded order; `afterEpoch` sees each epoch's trainer.
func trainEpochs(_ sentences: [EncodedSentence], bits: Int, epochs: Int, seed: Int,
                 afterEpoch: (Int, Int, PerceptronTrainer) -> Void = { _, _, _ in }) -> PerceptronTrainer {
    var rng = SplitMix64(seed: UInt64(seed))
    var trainer = PerceptronTrainer(bucketBits: bits)
    var order = Array(sentences.indices)
    for epoch in 1...max(epochs, 1) {
        order.shuffle(using: &rng)
        let errors = trainer.epoch(sentences, order: order)
        afterEpoch(epoch, errors, trainer)
    }
    return trainer
}

/// The first-pass types of every token of `docs` (-1 outside an entity), each document tagged by a
/// first-pass model trained on the other `folds - 1` parts, so that the history the second pass
/// learns from is as wrong as a first pass is on articles it has not seen.
func jackknifedTypes(_ docs: [GoldDocument], folds: Int, epochs: Int, table: WordClusterTable, bits: Int, seed: Int) -> [[Int8]] {
    var types = [[Int8]](repeating: [], count: docs.count)
    for fold in 0..<folds {
        let sentences = encode(docs.indices.filter { $0 % folds != fold }.map { docs[$0] }, table: table, bits: bits)
        let trainer = trainEpochs(sentences, bits: bits, epochs: epochs, seed: seed)
        let tagger = EntityTagger(model: trainer.averagedModel(clusters: table))
        for d in docs.indices where d % folds == fold {
            let doc = CoNLLCorpus.document(docs[d].text)
            var spans: [(tokens: Range<Int>, type: Int)] = []
            tagger.tagSpans(doc, secondPass: false) { tokens, type, _ in spans.append((tokens, type)) }
            types[d] = PredictionHistory.types(count: doc.tokens.count, spans: spans)
        }
        say("history: fold \(fold + 1)/\(folds) tagged by a first pass trained on the others")
    }
    return types
}

/// The sentences to train on: both passes' views unless `--history-folds 0`.
func trainingSentences(_ docs: [GoldDocument], _ o: Options, table: WordClusterTable, bits: Int) -> [EncodedSentence] {
    let folds = o.int("history-folds", 3)
    guard folds >= 2 else { return encode(docs, table: table, bits: bits) }
    let types = jackknifedTypes(docs, folds: folds, epochs: o.int("history-epochs", 15), table: table, bits: bits,
                                seed: o.int("seed", 1))
    return encode(docs, table: table, bits: bits, firstPassTypes: types)
}

/// Cross-validation on the training documents: for each of `--folds` folds, trains on the others
/// and scores every epoch on the fold; prints the pooled F1 per epoch and, last, the best epoch count.
func crossValidate(_ o: Options) {
    let bits = o.int("bits", 18), epochs = o.int("epochs", 12), folds = o.int("folds", 3)
    let table = loadTable(o)
    let docs = goldDocuments(o.required("train"))
    var pooled = [SpanScore](repeating: SpanScore(), count: epochs)
    for fold in 0..<folds {
        let heldOut = docs.indices.filter { $0 % folds == fold }.map { (CoNLLCorpus.document(docs[$0].text), docs[$0]) }
        let sentences = trainingSentences(docs.indices.filter { $0 % folds != fold }.map { docs[$0] }, o, table: table, bits: bits)
        _ = trainEpochs(sentences, bits: bits, epochs: epochs, seed: o.int("seed", 1)) { epoch, _, trainer in
            let (score, _) = evaluate(EntityTagger(model: trainer.averagedModel(clusters: table)), heldOut)
            for t in 0..<TagSet.typeCount {
                pooled[epoch - 1].truePositives[t] += score.truePositives[t]
                pooled[epoch - 1].falsePositives[t] += score.falsePositives[t]
                pooled[epoch - 1].falseNegatives[t] += score.falseNegatives[t]
            }
            say("cv fold \(fold + 1)/\(folds) epoch \(epoch): F1 \(String(format: "%.4f", score.f1))")
        }
    }
    var best = 0
    for (e, score) in pooled.enumerated() {
        say("cv epoch \(e + 1): pooled PER/LOC/ORG F1 \(String(format: "%.4f", score.f1))")
        if score.f1 > pooled[best].f1 { best = e }
    }
    print(best + 1)
}

/// Trains `--epochs` epochs on `--train` (no epoch is chosen here: see `cv`); `--dev` is only reported.
func train(_ o: Options) {
    let bits = o.int("bits", 18)
    let epochs = o.int("epochs", 10)
    let table = loadTable(o)
    say("train: \(table.count) words with clusters or dictionary codes")
    let docs = goldDocuments(o.required("train"))
    let sentences = trainingSentences(docs, o, table: table, bits: bits)
    let tokens = sentences.reduce(0) { $0 + $1.tags.count }
    say("train: \(docs.count) documents, \(sentences.count) sentences (both passes' views), \(tokens) tokens")
    let dev = o.values["dev"].map { goldDocuments($0).map { (CoNLLCorpus.document($0.text), $0) } } ?? []
    var started = Date()
    let trainer = trainEpochs(sentences, bits: bits, epochs: epochs, seed: o.int("seed", 1)) { epoch, errors, trainer in
        var line = "epoch \(epoch): train errors \(errors)"
        if !dev.isEmpty && epoch == epochs {
            let (score, _) = evaluate(EntityTagger(model: trainer.averagedModel(clusters: table)), dev)
            line += ", dev F1 \(String(format: "%.4f", score.f1)) (reported, not used)"
        }
        say(line + ", \(String(format: "%.1f", Date().timeIntervalSince(started)))s")
        started = Date()
    }
    let trained = trainer.averagedModel(clusters: table)
    // Confidence scale: the median margin of the spans the model finds on (a part of) its training documents.
    let sample = docs.prefix(300).map { (CoNLLCorpus.document($0.text), $0) }
    let (_, margins) = evaluate(EntityTagger(model: trained.withConfidenceScale(1)), sample)
    let sorted = margins.sorted()
    var model = trained.withConfidenceScale(sorted.isEmpty ? 1 : sorted[sorted.count / 2])
    // Word scores for the first `--scored-words` words of the cluster files (the most frequent,
    // in file order): same tags, fewer weight rows to read per token.
    var words = clusterPaths(o).flatMap { clusterLines($0).map(\.word) }
    if let path = o.values["brown"] { words += clusterLines(path).map(\.word) }
    let scored = words.prefix(o.int("scored-words", 40_000))
    if !scored.isEmpty {
        model = model.withWordScores(Array(scored))
        say("train: precomputed the word scores of \(model.wordScores.count) words")
    }
    if !dev.isEmpty { say(evaluate(EntityTagger(model: model), dev).0.report) }
    let bytes = model.serialized()
    write(o.required("out"), Data(bytes))
    say("train: wrote \(bytes.count) bytes to \(o.required("out"))")
}

func eval(_ o: Options) {
    let (tagger, _) = loadModel(o.required("model"))
    var out = ""
    var score = SpanScore()
    let dir = o.required("docs")
    var gold: [String: [(type: Int, range: Range<Int>)]] = [:]
    if let g = FileManager.default.contents(atPath: dir + "/gold.jsonl") {
        for line in String(decoding: g, as: UTF8.self).split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = obj["file"] as? String, let ents = obj["entities"] as? [[String: Any]] else { continue }
            gold[file] = ents.compactMap { e in
                guard let t = (e["type"] as? String).flatMap({ CoNLLCorpus.typeIndex(Substring($0)) }),
                      let s = e["start"] as? Int, let en = e["end"] as? Int else { return nil }
                return (t, s..<en)
            }
        }
    }
    for path in textFiles(in: dir) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let doc = CoNLLCorpus.document(readText(path))
        let found = tagger.tag(doc)
        var w = JSONWriter()
        w.object { w in
            w.key("source")
            w.object { w in w.field("name", name) }
            w.key("entities")
            w.array { w in
                for m in found {
                    w.object { w in
                        w.field("type", m.type.rawValue)
                        w.field("confidence", Double(m.confidence))
                        w.key("mentions")
                        w.array { w in
                            w.object { w in
                                w.field("start", m.range.lowerBound)
                                w.field("end", m.range.upperBound)
                                w.field("text", doc.slice(m.range))
                            }
                        }
                    }
                }
            }
        }
        out += w.string + "\n"
        let types: [EntityType] = TagSet.types
        score.add(gold: gold[name] ?? [], predicted: found.map { (types.firstIndex(of: $0.type)!, $0.range) })
    }
    write(o.required("out"), Data(out.utf8))
    if !gold.isEmpty { say(score.report) }
}

/// CPU time of the calling thread, which other processes on a busy machine do not inflate.
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func bench(_ o: Options) {
    let (tagger, loadTime) = loadModel(o.required("model"))
    say("model loaded in \(String(format: "%.1f", loadTime * 1000)) ms of CPU time")
    let texts = textFiles(in: o.required("docs")).map(readText)
    var started = Date()
    let docs = texts.map(CoNLLCorpus.document)
    let docTime = Date().timeIntervalSince(started)
    let tokens = docs.reduce(0) { $0 + $1.tokens.count }
    say("\(docs.count) documents, \(tokens) tokens; layout+tokenise+split \(Int(Double(tokens) / docTime)) tokens/s")
    let seconds = Double(o.int("seconds", 5))
    var tagged = 0
    var spans = 0
    started = Date()
    let cpuStart = threadCPUTime()
    repeat {
        for d in docs {
            spans += tagger.tag(d).count
            tagged += d.tokens.count
        }
    } while Date().timeIntervalSince(started) < seconds
    let elapsed = Date().timeIntervalSince(started)
    let cpu = threadCPUTime() - cpuStart
    print("tagged \(tagged) tokens (\(spans) spans): \(Int(Double(tagged) / cpu)) tokens per CPU second of this thread (\(String(format: "%.2f", cpu)) s CPU), \(Int(Double(tagged) / elapsed)) tokens/s wall clock")
}

/// Trains the attribution model (cue tagger, content and source boundaries) on a PolNeAR split.
func trainAttribution(_ o: Options) {
    let articles: [(name: String, text: String, gold: [GoldAttribution])]
    do { articles = try PolNeARCorpus.articles(o.required("train")) } catch { fail("\(error)") }
    // Every `every`-th article is held out (not the last ones: the names sort by outlet).
    let holdout = Double(o.values["holdout"] ?? "0") ?? 0
    let every = holdout > 0 ? max(2, Int((1 / holdout).rounded())) : Int.max
    func isHeldOut(_ k: Int) -> Bool { k % every == every - 1 }
    let kept = articles.indices.filter { !isHeldOut($0) }.count
    // The features read the entity tagger's Brown clusters, which the daemon shares with this model.
    let taggerPath = o.values["tagger"] ?? "Sources/ExtractionData/Data/entity-tagger.bin"
    guard let taggerData = FileManager.default.contents(atPath: taggerPath),
          let tagger = try? taggerData.withUnsafeBytes({ try EntityTagger(serialized: $0) }),
          let clusters = tagger.model?.clusters else { fail("cannot read the entity tagger's clusters from \(taggerPath)") }
    let cueBias = Float(o.values["cue-bias"] ?? "0") ?? 0
    var trainer = AttributionTrainer(bits: o.int("bits", 18), clusters: clusters)
    var held = AttributionTrainer(bits: o.int("bits", 18), clusters: clusters)
    for (k, a) in articles.enumerated() {
        let doc = CoNLLCorpus.document(a.text)
        if isHeldOut(k) { held.add(doc, gold: a.gold) } else { trainer.add(doc, gold: a.gold) }
    }
    say("attribution: \(kept) articles, \(trainer.exampleCounts.cueWindows) sentence windows, \(trainer.exampleCounts.boundaries) cues with gold parts")
    // One model per seed (the same examples in another order), their weights averaged: a seed alone
    // moves held-out attribution F1 by about 0.5, and the mean of linear models is one linear model,
    // as fast to run as each of them.
    let firstSeed = UInt64(o.int("seed", 1))
    let seeds = o.int("seeds", 1)
    var models: [AttributionModel] = []
    for k in 0..<seeds {
        var run = trainer
        let seed = firstSeed &+ UInt64(k) &* 1000
        for e in 0..<o.int("epochs", 8) {
            let (c, b, s) = run.epoch(seed: seed &+ UInt64(e))
            var line = "seed \(seed) epoch \(e + 1): wrong cue windows \(c), contents \(b), sources \(s)"
            if kept < articles.count {
                let score = held.score(run.averaged(cueBias: cueBias))
                line += String(format: "; held out: cue tokens P %.1f R %.1f, content exact %.1f%%, source exact %.1f%%",
                               score.cueP, score.cueR, score.content, score.source)
            }
            say(line)
        }
        models.append(run.averaged(cueBias: cueBias))
    }
    let model = AttributionModel.mean(of: models)
    if seeds > 1, kept < articles.count {
        let score = held.score(model)
        say(String(format: "mean of %d seeds: held out: cue tokens P %.1f R %.1f, content exact %.1f%%, source exact %.1f%%",
                   seeds, score.cueP, score.cueR, score.content, score.source))
    }
    let out = o.required("out")
    write(out, Data(model.serialized()))
    let start = threadCPUTime()
    guard let data = FileManager.default.contents(atPath: out),
          let read = try? data.withUnsafeBytes({ try AttributionModel(serialized: $0) }) else { fail("cannot read back \(out)") }
    say("attribution: wrote \(out) (\(data.count) bytes, 2^\(read.bits) rows); read back in \(String(format: "%.1f", 1000 * (threadCPUTime() - start))) ms CPU")
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: newsd-train clusters|cv|train|eval|bench ...") }
let options = Options(args.dropFirst(2))
switch args[1] {
case "clusters": clusters(options)
case "cv": crossValidate(options)
case "train": train(options)
case "eval": eval(options)
case "bench": bench(options)
case "attribution": trainAttribution(options)
default: fail("unknown command \(args[1])")
}
