import Extraction
import Foundation

/// One gold attribution of PolNeAR, each part reduced to the hull of its spans (code points).
public struct GoldAttribution: Sendable {
    public var content: Range<Int>
    public var source: Range<Int>?
    public var cue: Range<Int>?

    /// A gold attribution with a content and, where annotated, a source and a cue.
    public init(content: Range<Int>, source: Range<Int>?, cue: Range<Int>?) {
        self.content = content
        self.source = source
        self.cue = cue
    }
}

/// PolNeAR's articles with their gold attributions, read as `../shared/tools/score_attributions.py`
/// reads them: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat), the first annotator's
/// file (in name order) for each text.
public enum PolNeARCorpus {
    /// The articles of split folder `dir`, in name order: (name, text, attributions with a content).
    public static func articles(_ dir: String) throws -> [(name: String, text: String, gold: [GoldAttribution])] {
        let annDir = dir + "/attributions"
        let names = try FileManager.default.contentsOfDirectory(atPath: annDir).filter { $0.hasSuffix(".ann") }.sorted()
        var seen = Set<String>()
        var out: [(name: String, text: String, gold: [GoldAttribution])] = []
        for a in names {
            guard let cut = a.lastIndex(of: "_") else { continue }
            let name = String(a[..<cut]) + ".txt"
            guard seen.insert(name).inserted else { continue }
            let text = try String(contentsOfFile: dir + "/text/" + name, encoding: .utf8)
            let ann = try String(contentsOfFile: annDir + "/" + a, encoding: .utf8)
            out.append((name, text, parse(ann)))
        }
        return out
    }

    /// The attributions of one brat file.
    public static func parse(_ ann: String) -> [GoldAttribution] {
        var terms: [Substring: Range<Int>] = [:]
        var result: [GoldAttribution] = []
        for line in ann.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            if line.hasPrefix("T") {
                let spec = parts[1].split(separator: " ", maxSplits: 1)
                guard spec.count == 2 else { continue }
                var lo = Int.max, hi = Int.min
                for piece in spec[1].split(separator: ";") {
                    let n = piece.split(separator: " ").compactMap { Int($0) }
                    guard n.count == 2 else { continue }
                    lo = min(lo, n[0])
                    hi = max(hi, n[1])
                }
                if lo < hi { terms[parts[0]] = lo..<hi }
            } else if line.hasPrefix("E") {
                var roles: [Substring: Range<Int>] = [:]
                for r in parts[1].split(separator: " ") {
                    let kv = r.split(separator: ":")
                    if kv.count == 2, let span = terms[kv[1]] { roles[kv[0]] = span }
                }
                if let c = roles["Content"] {
                    result.append(GoldAttribution(content: c, source: roles["Source"], cue: roles["Cue"]))
                }
            }
        }
        return result
    }
}

/// Trains `AttributionModel` with averaged perceptrons: the cue tagger on every sentence window,
/// the content and source boundaries on every gold attribution whose cue is in one sentence.
public struct AttributionTrainer {
    /// A cue-tagging example: a window and its gold tags.
    struct CueExample {
        var doc: Int
        var window: Range<Int>
        var tags: [AttributionModel.CueTag]
    }

    /// A boundary example: a cue in a window, its content (first and last token) and source.
    struct BoundaryExample {
        var doc: Int
        var window: Range<Int>
        var cue: Range<Int>
        var content: ClosedRange<Int>?
        var source: ClosedRange<Int>?
    }

    public var model: AttributionModel
    var cueSums: [Double]
    var transitionSums: [Double]
    var boundarySums: [Double]
    var step: Double = 1
    var tokens: [AttributionModel.Tokens] = []
    var cueExamples: [CueExample] = []
    var boundaryExamples: [BoundaryExample] = []

    /// A trainer of a model with `2^bits` rows whose features read the Brown clusters of `clusters`.
    public init(bits: Int, clusters: WordClusterTable) {
        model = AttributionModel(bits: bits)
        model.clusters = clusters
        cueSums = [Double](repeating: 0, count: model.cueWeights.count)
        transitionSums = [Double](repeating: 0, count: model.cueTransitions.count)
        boundarySums = [Double](repeating: 0, count: model.boundaryWeights.count)
    }

    public var exampleCounts: (cueWindows: Int, boundaries: Int) { (cueExamples.count, boundaryExamples.count) }

    /// Adds one article's examples.
    public mutating func add(_ doc: Document, gold: [GoldAttribution]) {
        let d = tokens.count
        let t = AttributionModel.Tokens(doc, clusters: model.clusters)
        tokens.append(t)
        func tokensIn(_ r: Range<Int>) -> Range<Int>? {
            var lo = doc.tokens.count, hi = -1
            for (i, tok) in doc.tokens.enumerated() where Int(tok.start) >= r.lowerBound && Int(tok.start) < r.upperBound {
                lo = min(lo, i)
                hi = max(hi, i)
            }
            return hi >= lo ? lo..<(hi + 1) : nil
        }
        var sentenceOf = [Int](repeating: -1, count: doc.tokens.count)
        for (s, sentence) in doc.sentences.enumerated() {
            for i in sentence.tokens where i < sentenceOf.count { sentenceOf[i] = s }
        }
        var cueTags = [AttributionModel.CueTag](repeating: .outside, count: doc.tokens.count)
        for g in gold {
            guard let cueSpan = g.cue, let cue = tokensIn(cueSpan), sentenceOf[cue.lowerBound] >= 0 else { continue }
            let sentence = doc.sentences[sentenceOf[cue.lowerBound]].tokens
            let w = AttributionModel.window(sentence, around: cue.lowerBound)
            let clipped = cue.lowerBound..<min(cue.upperBound, w.upperBound)
            if cueTags[clipped.lowerBound] == .outside {
                cueTags[clipped.lowerBound] = .begin
                for i in clipped.dropFirst() where cueTags[i] == .outside { cueTags[i] = .inside }
            }
            func boundaries(_ r: Range<Int>, avoiding: ClosedRange<Int>?) -> ClosedRange<Int>? {
                var first: Int? = nil, last: Int? = nil
                for i in w where t.boundary[i] {
                    let tok = doc.tokens[i]
                    guard Int(tok.start) >= r.lowerBound, Int(tok.end) <= r.upperBound else { continue }
                    if first == nil { first = i }
                    last = i
                }
                guard let f = first, let l = last else { return nil }
                if let a = avoiding, f <= a.upperBound, a.lowerBound <= l { return nil }
                return f...l
            }
            let content = boundaries(g.content, avoiding: nil)
            if let c = content, c.lowerBound >= clipped.lowerBound, c.upperBound < clipped.upperBound { continue }
            var source = g.source.flatMap { boundaries($0, avoiding: content) }
            let reach = (clipped.lowerBound - AttributionModel.sourceReach)..<(clipped.upperBound + AttributionModel.sourceReach)
            if let s = source, s.count > AttributionModel.maxSource || s.overlaps(clipped.lowerBound...(clipped.upperBound - 1))
                || !reach.contains(s.lowerBound) || !reach.contains(s.upperBound) {
                source = nil
            }
            boundaryExamples.append(BoundaryExample(doc: d, window: w, cue: clipped, content: content, source: source))
        }
        for sentence in doc.sentences where !sentence.tokens.isEmpty {
            var lo = sentence.tokens.lowerBound
            while lo < sentence.tokens.upperBound {
                let w = lo..<min(lo + AttributionModel.maxWindow, sentence.tokens.upperBound)
                cueExamples.append(CueExample(doc: d, window: w, tags: Array(cueTags[w])))
                lo = w.upperBound
            }
        }
    }

    private mutating func updateCue(_ row: Int, _ tag: Int, _ delta: Float) {
        model.cueWeights[row * 3 + tag] += delta
        cueSums[row * 3 + tag] += step * Double(delta)
    }

    private mutating func updateBoundary(_ rows: AttributionModel.Rows, _ delta: Float) {
        for r in rows.array {
            model.boundaryWeights[r] += delta
            boundarySums[r] += step * Double(delta)
        }
    }

    /// One pass over every example in an order shuffled by `seed`; returns (cue windows wrong,
    /// contents wrong, sources wrong).
    public mutating func epoch(seed: UInt64) -> (Int, Int, Int) {
        var rng = SplitMix64(seed: seed)
        var cueWrong = 0, contentWrong = 0, sourceWrong = 0
        var rows = AttributionModel.Rows()
        for i in shuffled(cueExamples.count, &rng) {
            let ex = cueExamples[i]
            let t = tokens[ex.doc]
            let guess = model.tagCues(t, ex.window)
            if guess != ex.tags {
                cueWrong += 1
                for (k, pos) in ex.window.enumerated() where guess[k] != ex.tags[k] {
                    model.cueRows(t, pos, ex.window, into: &rows)
                    for r in rows.array {
                        updateCue(r, ex.tags[k].rawValue, 1)
                        updateCue(r, guess[k].rawValue, -1)
                    }
                }
                for k in ex.window.indices.map({ $0 - ex.window.lowerBound }) {
                    let pg = k == 0 ? 3 : ex.tags[k - 1].rawValue
                    let pp = k == 0 ? 3 : guess[k - 1].rawValue
                    let g = ex.tags[k].rawValue, p = guess[k].rawValue
                    if g != p || pg != pp {
                        model.cueTransitions[pg * 3 + g] += 1
                        transitionSums[pg * 3 + g] += step
                        model.cueTransitions[pp * 3 + p] -= 1
                        transitionSums[pp * 3 + p] -= step
                    }
                }
            }
            step += 1
        }
        for i in shuffled(boundaryExamples.count, &rng) {
            let ex = boundaryExamples[i]
            let t = tokens[ex.doc]
            if let gold = ex.content, let guess = model.bestSpan(t, start: .contentStart, cue: ex.cue, ex.window), guess != gold {
                contentWrong += 1
                update(t, ex, gold: gold, guess: guess, start: .contentStart, end: .contentEnd, span: .contentSpan, rows: &rows)
            }
            if let gold = ex.source, let guess = model.bestSpan(t, start: .sourceStart, cue: ex.cue, ex.window, excluded: ex.content.map { $0.lowerBound..<($0.upperBound + 1) }),
               guess != gold {
                sourceWrong += 1
                update(t, ex, gold: gold, guess: guess, start: .sourceStart, end: .sourceEnd, span: .sourceSpan, rows: &rows)
            }
            step += 1
        }
        return (cueWrong, contentWrong, sourceWrong)
    }

    private mutating func update(_ t: AttributionModel.Tokens, _ ex: BoundaryExample, gold: ClosedRange<Int>,
                                 guess: ClosedRange<Int>, start: AttributionModel.Role, end: AttributionModel.Role,
                                 span: AttributionModel.Role, rows: inout AttributionModel.Rows) {
        let key = AttributionModel.cueKey(t, ex.cue)
        if gold.lowerBound != guess.lowerBound {
            model.boundaryRows(t, gold.lowerBound, role: start, cue: ex.cue, cueKey: key, ex.window, into: &rows)
            updateBoundary(rows, 1)
            model.boundaryRows(t, guess.lowerBound, role: start, cue: ex.cue, cueKey: key, ex.window, into: &rows)
            updateBoundary(rows, -1)
        }
        if gold.upperBound != guess.upperBound {
            model.boundaryRows(t, gold.upperBound, role: end, cue: ex.cue, cueKey: key, ex.window, into: &rows)
            updateBoundary(rows, 1)
            model.boundaryRows(t, guess.upperBound, role: end, cue: ex.cue, cueKey: key, ex.window, into: &rows)
            updateBoundary(rows, -1)
        }
        for (r, delta) in [(gold, Float(1)), (guess, Float(-1))] {
            model.spanRows(role: span, startSide: AttributionModel.side(r.lowerBound, ex.cue),
                           endSide: AttributionModel.side(r.upperBound, ex.cue), length: r.count, cueKey: key, into: &rows)
            updateBoundary(rows, delta)
        }
    }

    /// The averaged model: each weight minus its step-weighted sum over the number of steps;
    /// `cueBias` is added to every transition into a cue's first token (a higher recall of cues
    /// for a lower precision; chosen on held-out training articles).
    public func averaged(cueBias: Float = 0) -> AttributionModel {
        var m = model
        for i in m.cueWeights.indices { m.cueWeights[i] -= Float(cueSums[i] / step) }
        for i in m.cueTransitions.indices { m.cueTransitions[i] -= Float(transitionSums[i] / step) }
        for previous in 0..<4 { m.cueTransitions[previous * 3 + AttributionModel.CueTag.begin.rawValue] += cueBias }
        for i in m.boundaryWeights.indices { m.boundaryWeights[i] -= Float(boundarySums[i] / step) }
        return m
    }

    private func shuffled(_ n: Int, _ rng: inout SplitMix64) -> [Int] {
        var order = Array(0..<n)
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        return order
    }
}


extension AttributionTrainer {
    /// Scores `model` on this trainer's examples: exact cue spans (precision, recall over windows'
    /// gold cues) and the share of gold contents and sources found exactly from the gold cue.
    public func score(_ model: AttributionModel) -> (cueP: Double, cueR: Double, content: Double, source: Double) {
        var cueTP = 0, cuePred = 0, cueGold = 0
        for ex in cueExamples {
            let t = tokens[ex.doc]
            let gold = Set(AttributionModel.spans(ex.tags, ex.window))
            let guess = Set(model.cues(t, ex.window))
            cueTP += gold.intersection(guess).count
            cuePred += guess.count
            cueGold += gold.count
        }
        var contentRight = 0, contentAll = 0, sourceRight = 0, sourceAll = 0
        for ex in boundaryExamples {
            let t = tokens[ex.doc]
            if let gold = ex.content {
                contentAll += 1
                if model.bestSpan(t, start: .contentStart, cue: ex.cue, ex.window) == gold { contentRight += 1 }
            }
            if let gold = ex.source {
                sourceAll += 1
                let excluded = ex.content.map { $0.lowerBound..<($0.upperBound + 1) }
                if model.bestSpan(t, start: .sourceStart, cue: ex.cue, ex.window, excluded: excluded) == gold { sourceRight += 1 }
            }
        }
        func pct(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : 100 * Double(a) / Double(b) }
        return (pct(cueTP, cuePred), pct(cueTP, cueGold), pct(contentRight, contentAll), pct(sourceRight, sourceAll))
    }
}
