import Extraction

/// One training sentence: its feature rows (`FeatureTemplates.count` per token) and gold tags.
public struct EncodedSentence: Sendable {
    public var rows: [UInt32]
    public var tags: [UInt8]

    /// A sentence with `rows` and gold `tags`.
    public init(rows: [UInt32], tags: [UInt8]) {
        self.rows = rows
        self.tags = tags
    }

    /// The training sentences of a document with gold tags for all of `doc.tokens`; tags are
    /// re-encoded per sentence, so a gold span that a sentence boundary cuts stays well formed.
    ///
    /// With `firstPassTypes` (a first pass's type index of every token, -1 outside an entity), each
    /// sentence comes as the first pass sees it and, when some token has a history, once more as
    /// the second pass sees it (`PredictionHistory`): one model learns both passes.
    public static func sentences(of doc: Document, tags: [UInt8], clusters: WordClusterTable, bucketBits: Int,
                                 firstPassTypes: [Int8]? = nil) -> [EncodedSentence] {
        var keys = TokenKeys.of(doc, clusters: clusters)
        DocumentEvidence.annotate(&keys, sentences: doc.sentences, layout: doc.layout)
        var result = sentences(of: doc, keys: keys, tags: tags, bucketBits: bucketBits) { _ in true }
        if let firstPassTypes {
            PredictionHistory.annotate(&keys, types: firstPassTypes)
            result += sentences(of: doc, keys: keys, tags: tags, bucketBits: bucketBits) { sentence in
                keys[sentence].contains { $0.history != 0 }
            }
        }
        return result
    }

    private static func sentences(of doc: Document, keys: [TokenKeys], tags: [UInt8], bucketBits: Int,
                                  where include: (Range<Int>) -> Bool) -> [EncodedSentence] {
        let F = FeatureTemplates.count
        var result: [EncodedSentence] = []
        for sentence in doc.sentences where !sentence.tokens.isEmpty && include(sentence.tokens) {
            let n = sentence.tokens.count
            var rows = [UInt32](repeating: 0, count: n * F)
            rows.withUnsafeMutableBufferPointer { r in
                FeatureTemplates.rows(keys[sentence.tokens], mask: UInt64((1 << bucketBits) - 1),
                                      spare: UInt32(1 << bucketBits), into: r.baseAddress!)
            }
            let spans = TagSet.decode(tags[sentence.tokens])
            result.append(EncodedSentence(rows: rows, tags: TagSet.encode(length: n, spans: spans)))
        }
        return result
    }
}

/// Trains an averaged structured perceptron over BILOU tags with Viterbi decoding.
///
/// Averaging uses the running-sum trick: `accumulated` collects `step * update`, and the average
/// is `weights - accumulated / step`.
public struct PerceptronTrainer: Sendable {
    public let bucketBits: Int
    var weights: [Float]
    var accumulated: [Double]
    var transitions: [Float]
    var transitionsAccumulated: [Double]
    var step: Double = 1
    var emissions: [Float] = []
    var viterbi = ViterbiWorkspace()

    /// A trainer with a table of `2^bucketBits` hashed feature rows.
    public init(bucketBits: Int) {
        self.bucketBits = bucketBits
        let size = ((1 << bucketBits) + 1) * TagSet.count
        weights = [Float](repeating: 0, count: size)
        accumulated = [Double](repeating: 0, count: size)
        transitions = [Float](repeating: 0, count: (TagSet.count + 1) * TagSet.count)
        transitionsAccumulated = [Double](repeating: 0, count: transitions.count)
    }

    /// One pass over `sentences` in `order`; returns the number of tokens tagged wrongly.
    public mutating func epoch(_ sentences: [EncodedSentence], order: [Int]) -> Int {
        var errors = 0
        for i in order { errors += train(sentences[i]) }
        return errors
    }

    /// Decodes one sentence with the current weights and updates them where it is wrong.
    public mutating func train(_ s: EncodedSentence) -> Int {
        let n = s.tags.count
        let T = TagSet.count
        let F = FeatureTemplates.count
        let spare = UInt32(1 << bucketBits)
        if emissions.count < n * T { emissions = [Float](repeating: 0, count: n * T * 2) }
        let predicted = decode(s, n: n)
        var errors = 0
        let step = self.step
        for i in 0..<n {
            let gold = Int(s.tags[i]), guess = Int(predicted[i])
            let prevGold = i == 0 ? T : Int(s.tags[i - 1])
            let prevGuess = i == 0 ? T : Int(predicted[i - 1])
            if gold != guess {
                errors += 1
                for f in 0..<F {
                    let r = s.rows[i * F + f]
                    if r == spare { continue }
                    let base = Int(r) * T
                    weights[base + gold] += 1
                    accumulated[base + gold] += step
                    weights[base + guess] -= 1
                    accumulated[base + guess] -= step
                }
            }
            if gold != guess || prevGold != prevGuess {
                transitions[prevGold * T + gold] += 1
                transitionsAccumulated[prevGold * T + gold] += step
                transitions[prevGuess * T + guess] -= 1
                transitionsAccumulated[prevGuess * T + guess] -= step
            }
        }
        self.step += 1
        return errors
    }

    private mutating func decode(_ s: EncodedSentence, n: Int) -> ArraySlice<UInt8> {
        let T = TagSet.count
        let F = FeatureTemplates.count
        s.rows.withUnsafeBufferPointer { rows in
            weights.withUnsafeBufferPointer { w in
                emissions.withUnsafeMutableBufferPointer { e in
                    for i in 0..<n {
                        let o = e.baseAddress! + i * T
                        for t in 0..<T { o[t] = 0 }
                        for f in 0..<F {
                            let base = Int(rows[i * F + f]) * T
                            for t in 0..<T { o[t] += w[base + t] }
                        }
                    }
                }
            }
        }
        return viterbi.decode(n: n, emissions: emissions, transitions: transitions)
    }

    /// The averaged weights as a quantised model.
    public func averagedModel(clusters: WordClusterTable) -> TaggerModel {
        let inverse = 1 / step
        var avg = [Float](repeating: 0, count: weights.count)
        for i in 0..<weights.count { avg[i] = Float(Double(weights[i]) - accumulated[i] * inverse) }
        let tr = (0..<transitions.count).map { Float(Double(transitions[$0]) - transitionsAccumulated[$0] * inverse) }
        return TaggerModel(bucketBits: bucketBits, floatWeights: avg, transitions: tr, clusters: clusters)
    }
}
