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
    ///
    /// Two passes: the first tags every sentence from its own words; the second adds what the first
    /// said about the document's other occurrences of each capitalised word (`PredictionHistory`)
    /// to the scores of the sentences that have any, and decodes those again. With `secondPass`
    /// off, the first pass's spans (as the trainer needs them for the history of its documents).
    public func tagSpans(_ doc: Document, secondPass: Bool = true, _ found: (Range<Int>, Int, Float) -> Void) {
        guard let model, !doc.tokens.isEmpty else { return }
        let T = TagSet.count
        var keys = TokenKeys.of(doc, clusters: model.clusters)
        DocumentEvidence.annotate(&keys, sentences: doc.sentences, layout: doc.layout)
        let known = keys.map { model.wordScores.index($0.form) }
        let longest = doc.sentences.lazy.map(\.tokens.count).max() ?? 0
        guard longest > 0 else { return }
        var rows = [UInt32](repeating: 0, count: longest * FeatureTemplates.localCount + FeatureTemplates.wordCount)
        var emissions = [Float](repeating: 0, count: doc.tokens.count * T)
        var tags = [UInt8](repeating: TagSet.outside, count: doc.tokens.count)
        var viterbi = ViterbiWorkspace(capacity: longest)
        let mask = UInt64(model.buckets - 1)
        let spare = UInt32(model.buckets)
        for sentence in doc.sentences where !sentence.tokens.isEmpty {
            rows.withUnsafeMutableBufferPointer { r in
                FeatureTemplates.localRows(keys[sentence.tokens], mask: mask, spare: spare, into: r.baseAddress!,
                                           stride: FeatureTemplates.localCount)
                emissions.withUnsafeMutableBufferPointer { e in
                    known.withUnsafeBufferPointer { k in
                        TaggerScoring.emissions(keys[sentence.tokens], known: k.baseAddress! + sentence.tokens.lowerBound,
                                                localRows: r.baseAddress!, model: model,
                                                into: e.baseAddress! + sentence.tokens.lowerBound * T)
                    }
                }
            }
            tags[sentence.tokens] = viterbi.decode(n: sentence.tokens.count, emissions: emissions,
                                                   from: sentence.tokens.lowerBound, transitions: model.transitions)
        }
        if secondPass {
            PredictionHistory.annotate(&keys, types: PredictionHistory.types(count: keys.count, spans: Self.spans(tags, doc)))
            for sentence in doc.sentences where keys[sentence.tokens].contains(where: { $0.history != 0 }) {
                rows.withUnsafeMutableBufferPointer { r in
                    emissions.withUnsafeMutableBufferPointer { e in
                        TaggerScoring.addHistory(keys[sentence.tokens], scratch: r.baseAddress!, model: model,
                                                 into: e.baseAddress! + sentence.tokens.lowerBound * T)
                    }
                }
                tags[sentence.tokens] = viterbi.decode(n: sentence.tokens.count, emissions: emissions,
                                                       from: sentence.tokens.lowerBound, transitions: model.transitions)
            }
        }
        for span in Self.spans(tags, doc) {
            // Per token: the best score of the span's type (B, I, L and U share the evidence;
            // transitions choose among them) against the best of `O` and the other types.
            var margin = Float.greatestFiniteMagnitude
            for i in span.tokens {
                let base = i * T
                var own = -Float.greatestFiniteMagnitude
                var other = emissions[base]
                for t in 1..<T {
                    let e = emissions[base + t]
                    if (t - 1) >> 2 == span.type { own = max(own, e) } else { other = max(other, e) }
                }
                margin = min(margin, own - other)
            }
            // Softsign of the smallest margin: 0.5 at a tie, 0.75 at one confidence scale.
            let x = margin / max(model.confidenceScale, 1e-6)
            let confidence = 0.5 + 0.5 * x / (1 + abs(x))
            found(span.tokens, span.type, confidence)
        }
    }

    /// The spans of `tags` (one per token of `doc`), decoded sentence by sentence, as token ranges
    /// into `doc.tokens`.
    private static func spans(_ tags: [UInt8], _ doc: Document) -> [(tokens: Range<Int>, type: Int)] {
        var spans: [(tokens: Range<Int>, type: Int)] = []
        for sentence in doc.sentences where !sentence.tokens.isEmpty {
            for span in TagSet.decode(tags[sentence.tokens]) {
                let first = sentence.tokens.lowerBound + span.tokens.lowerBound
                spans.append((first..<(first + span.tokens.count), span.type))
            }
        }
        return spans
    }
}

/// Emission scores from quantised weights.
public enum TaggerScoring {
    /// `into[i * TagSet.count + t]`: the score of tag `t` for token `i` of a sentence (`O` scores
    /// zero). A token's word features and the features it gives its neighbours come precomputed
    /// when the word is known (`known[i]`, an index into `model.wordScores`, or -1), else from
    /// their weight rows; its local context features from `localRows[i * FeatureTemplates.localCount ..]`.
    /// The buffer `localRows` has room for `FeatureTemplates.wordCount` more rows, used as scratch.
    @inlinable
    public static func emissions(_ keys: ArraySlice<TokenKeys>, known: UnsafePointer<Int32>, localRows: UnsafeMutablePointer<UInt32>,
                                 model: TaggerModel, into out: UnsafeMutablePointer<Float>) {
        let L = FeatureTemplates.localCount
        let T = TagSet.count
        let n = keys.count
        let weights = model.weights
        let table = model.wordScores
        let scratch = localRows + n * L
        let mask = UInt64(model.buckets - 1)
        let spare = UInt32(model.buckets)
        let scale = model.scale
        for i in 0..<n {
            var acc: SIMD16<Int32>
            if known[i] >= 0 {
                acc = table.scores(known[i], part: 0)
            } else {
                acc = .zero
                FeatureTemplates.wordRows(keys[keys.startIndex + i], mask: mask, spare: spare, into: scratch)
                for f in 0..<FeatureTemplates.wordCount {
                    acc &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(scratch[f])))
                }
            }
            for neighbour in FeatureTemplates.Neighbour.allCases {
                let j = i + neighbour.offset
                if j >= 0 && j < n && known[j] >= 0 {
                    acc &+= table.scores(known[j], part: 1 + neighbour.rawValue)
                } else {
                    FeatureTemplates.neighbourRows(neighbour, FeatureTemplates.neighbourValues(keys, j), mask: mask,
                                                   spare: spare, into: scratch)
                    for f in 0..<neighbour.count {
                        acc &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(scratch[f])))
                    }
                }
            }
            // The second pass's rows are spare in the first (no history yet): `addHistory` adds them.
            let r = localRows + i * L
            for f in 0..<(L - FeatureTemplates.historyCount) {
                acc &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(r[f])))
            }
            let o = out + i * T
            o[0] = 0
            for t in 0..<16 { o[t + 1] = Float(acc[t]) * scale }
        }
    }

    /// Adds the scores of the second-pass features (`FeatureTemplates.historyRows`) of a sentence's
    /// tokens to their emissions `out` (`keys.count * TagSet.count`); `scratch` holds
    /// `keys.count * FeatureTemplates.historyCount` rows.
    @inlinable
    public static func addHistory(_ keys: ArraySlice<TokenKeys>, scratch: UnsafeMutablePointer<UInt32>,
                                  model: TaggerModel, into out: UnsafeMutablePointer<Float>) {
        let H = FeatureTemplates.historyCount
        let T = TagSet.count
        let spare = UInt32(model.buckets)
        FeatureTemplates.historyRows(keys, mask: UInt64(model.buckets - 1), spare: spare, into: scratch, stride: H)
        for i in 0..<keys.count {
            var acc = SIMD16<Int32>.zero
            for f in 0..<H where scratch[i * H + f] != spare {
                acc &+= SIMD16<Int32>(truncatingIfNeeded: model.weights.row(Int(scratch[i * H + f])))
            }
            let o = out + i * T
            for t in 0..<16 { o[t + 1] += Float(acc[t]) * model.scale }
        }
    }
}
