// newsd-train: learns word clusters, trains the entity tagger and measures it.
//
//   newsd-train clusters --out CLUSTERS.tsv INPUT...        (CoNLL files or folders of .txt)
//   newsd-train train --train eng.train --dev eng.testa --clusters CLUSTERS.tsv --out MODEL
//                     [--epochs 20] [--bits 19] [--seed 1]
//   newsd-train eval --model MODEL --docs DIR --out RECORDS.jsonl   (DIR from conll_to_docs.py)
//   newsd-train bench --model MODEL --docs DIR [--seconds 5]
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

func loadClusters(_ path: String) -> WordClusterTable {
    var entries: [(key: UInt64, clusters: SIMD4<UInt16>)] = []
    for line in readText(path).split(separator: "\n") {
        let parts = line.split(separator: "\t")
        guard parts.count >= 2 else { continue }
        var c = SIMD4<UInt16>.zero
        for (l, p) in parts.dropFirst().prefix(4).enumerated() { c[l] = UInt16(p) ?? 0 }
        entries.append((FeatureHash.form(String(parts[0])), c))
    }
    return WordClusterTable(entries: entries)
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

func train(_ o: Options) {
    let bits = o.int("bits", 19)
    let epochs = o.int("epochs", 20)
    var rng = SplitMix64(seed: UInt64(o.int("seed", 1)))
    let table = o.values["clusters"].map(loadClusters) ?? WordClusterTable()
    say("train: \(table.count) clustered words")
    var sentences: [EncodedSentence] = []
    for gold in CoNLLCorpus.documents(readText(o.required("train"))) {
        let doc = CoNLLCorpus.document(gold.text)
        sentences += EncodedSentence.sentences(of: doc, tags: CoNLLCorpus.tags(doc, spans: gold.spans),
                                               clusters: table, bucketBits: bits)
    }
    let tokens = sentences.reduce(0) { $0 + $1.tags.count }
    say("train: \(sentences.count) sentences, \(tokens) tokens")
    let dev = CoNLLCorpus.documents(readText(o.required("dev"))).map { (CoNLLCorpus.document($0.text), $0) }
    var trainer = PerceptronTrainer(bucketBits: bits)
    var order = Array(sentences.indices)
    var best: (f1: Double, epoch: Int, model: TaggerModel)?
    for epoch in 1...epochs {
        let started = Date()
        order.shuffle(using: &rng)
        let errors = trainer.epoch(sentences, order: order)
        let model = trainer.averagedModel(clusters: table)
        let (score, _) = evaluate(EntityTagger(model: model), dev)
        say("epoch \(epoch): train errors \(errors), dev F1 \(String(format: "%.4f", score.f1)) (all types \(String(format: "%.4f", score.prf([0, 1, 2, 3]).f1))), \(String(format: "%.1f", Date().timeIntervalSince(started)))s")
        if best == nil || score.f1 > best!.f1 { best = (score.f1, epoch, model) }
    }
    guard let best else { fail("no epochs") }
    // Confidence scale: the median margin of the spans the model finds on the development set.
    let (score, margins) = evaluate(EntityTagger(model: best.model.withConfidenceScale(1)), dev)
    let sorted = margins.sorted()
    var model = best.model.withConfidenceScale(sorted.isEmpty ? 1 : sorted[sorted.count / 2])
    // Word scores for every clustered word: same tags, fewer weight rows to read per token.
    if let path = o.values["clusters"] {
        model = model.withWordScores(readText(path).split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) })
        say("train: precomputed the word scores of \(model.wordScores.count) words")
    }
    say("best epoch \(best.epoch)\n\(score.report)")
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

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: newsd-train clusters|train|eval|bench ...") }
let options = Options(args.dropFirst(2))
switch args[1] {
case "clusters": clusters(options)
case "train": train(options)
case "eval": eval(options)
case "bench": bench(options)
default: fail("unknown command \(args[1])")
}
