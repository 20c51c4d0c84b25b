/// A trained sequence tagger that finds entity spans (PER, ORG, LOC, MISC) in tokenised sentences.
///
/// An averaged structured perceptron over BILOU tags: hashed features per token (see
/// `FeatureTemplates`), Int16 weights, Viterbi decoding within each sentence.
public struct EntityTagger: Sendable {
    /// The trained model; nil tags nothing.
    public let model: TaggerModel?

    /// An untrained tagger that finds nothing.
    public init() {
        model = nil
    }

    /// A tagger running `model`.
    public init(model: TaggerModel) {
        self.model = model
    }

    /// A tagger running the model in the bytes of a model file.
    public init(serialized bytes: UnsafeRawBufferPointer) throws {
        model = try TaggerModel(serialized: bytes)
    }

    /// Entity spans in the sentences of `doc`.
    public func tag(_ doc: Document) -> [MentionCandidate] {
        var result: [MentionCandidate] = []
        tagSpans(doc) { tokens, type, confidence in
            let range = Int(doc.tokens[tokens.lowerBound].start)..<Int(doc.tokens[tokens.upperBound - 1].end)
            result.append(MentionCandidate(range: range, type: TagSet.types[type], confidence: confidence, origin: .tagger))
        }
        return result
    }

    /// Calls `found` with the token range (into `doc.tokens`), type index and confidence of every
    /// span, in text order.
    public func tagSpans(_ doc: Document, _ found: (Range<Int>, Int, Float) -> Void) {
        guard let model, !doc.tokens.isEmpty else { return }
        let F = FeatureTemplates.count
        let T = TagSet.count
        let keys = doc.tokens.map { TokenKeys(doc.scalars, $0.range, clusters: model.clusters) }
        let longest = doc.sentences.lazy.map(\.tokens.count).max() ?? 0
        guard longest > 0 else { return }
        var rows = [UInt32](repeating: 0, count: longest * F)
        var emissions = [Float](repeating: 0, count: longest * T)
        var backpointers = [UInt8](repeating: 0, count: longest * T)
        var scores = [Float](repeating: 0, count: 2 * T)
        var tags = [UInt8](repeating: 0, count: longest)
        let mask = UInt64(model.buckets - 1)
        let spare = UInt32(model.buckets)
        do {
            model.transitions.withUnsafeBufferPointer { transitions in
                for sentence in doc.sentences where !sentence.tokens.isEmpty {
                    let n = sentence.tokens.count
                    rows.withUnsafeMutableBufferPointer { r in
                        FeatureTemplates.rows(keys[sentence.tokens], mask: mask, spare: spare, into: r.baseAddress!)
                    }
                    rows.withUnsafeBufferPointer { r in
                        emissions.withUnsafeMutableBufferPointer { e in
                            TaggerScoring.emissions(n: n, rows: r.baseAddress!, weights: model.weights,
                                                    scale: model.scale, into: e.baseAddress!)
                        }
                    }
                    emissions.withUnsafeBufferPointer { e in
                        backpointers.withUnsafeMutableBufferPointer { b in
                            scores.withUnsafeMutableBufferPointer { s in
                                tags.withUnsafeMutableBufferPointer { t in
                                    ViterbiDecoder.decode(n: n, emissions: e.baseAddress!, transitions: transitions.baseAddress!,
                                                          backpointers: b.baseAddress!, scores: s.baseAddress!, tags: t.baseAddress!)
                                }
                            }
                        }
                    }
                    for span in TagSet.decode(tags[0..<n]) {
                        var margin = Float.greatestFiniteMagnitude
                        for i in span.tokens {
                            let chosen = Int(tags[i])
                            var other = -Float.greatestFiniteMagnitude
                            for t in 0..<T where t != chosen { other = max(other, emissions[i * T + t]) }
                            margin = min(margin, emissions[i * T + chosen] - other)
                        }
                        // Softsign of the smallest margin: 0.5 at a tie, 0.75 at one confidence scale.
                        let x = margin / max(model.confidenceScale, 1e-6)
                        let confidence = 0.5 + 0.5 * x / (1 + abs(x))
                        let first = sentence.tokens.lowerBound + span.tokens.lowerBound
                        found(first..<(first + span.tokens.count), span.type, confidence)
                    }
                }
            }
        }
    }
}

/// Emission scores from quantised weights.
public enum TaggerScoring {
    /// `into[i * TagSet.count + t]`: the score of tag `t` for token `i`, summing the weight rows of
    /// its `FeatureTemplates.count` features (`O` scores zero).
    @inlinable
    public static func emissions(n: Int, rows: UnsafePointer<UInt32>, weights: WeightTable,
                                 scale: Float, into out: UnsafeMutablePointer<Float>) {
        let F = FeatureTemplates.count
        let T = TagSet.count
        for i in 0..<n {
            var acc = SIMD16<Int32>.zero
            let r = rows + i * F
            for f in 0..<F {
                acc &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(r[f])))
            }
            let o = out + i * T
            o[0] = 0
            for t in 0..<16 { o[t + 1] = Float(acc[t]) * scale }
        }
    }
}
