/// A trained tagger model: hashed feature weights quantised to Int16, tag transition scores and
/// the word clusters its features use.
///
/// Weight row `r` (a hashed feature) holds the scores of tags 1–16 (`O` scores zero: only score
/// differences between tags matter); the last row is the spare zero row for features that do not
/// apply. A score is `weight * scale`.
public struct TaggerModel: Sendable {
    public let bucketBits: Int
    public let weights: WeightTable
    public let scale: Float
    /// `(TagSet.count + 1) * TagSet.count` scores, previous tag major; the last row is the start.
    public let transitions: [Float]
    public let clusters: WordClusterTable
    /// Summed feature scores of frequent words (may be empty: then every row is summed).
    public let wordScores: WordScoreTable
    /// Margin (in score units) at which a span's confidence is 0.75.
    public let confidenceScale: Float

    /// The number of hashed feature rows (without the spare row).
    public var buckets: Int { 1 << bucketBits }

    /// A model from its parts; `weights` holds `buckets + 1` rows.
    public init(bucketBits: Int, weights: WeightTable, scale: Float, transitions: [Float],
                clusters: WordClusterTable, confidenceScale: Float,
                wordScores: WordScoreTable = WordScoreTable(words: [], scores: [])) {
        precondition(weights.rows == (1 << bucketBits) + 1)
        precondition(transitions.count == (TagSet.count + 1) * TagSet.count)
        self.bucketBits = bucketBits
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        self.clusters = clusters
        self.confidenceScale = confidenceScale
        self.wordScores = wordScores
    }

    /// A model from float weights (`TagSet.count` per row, `O` first), quantised to Int16 with one
    /// scale for the table after taking each row's `O` score from its other scores.
    public init(bucketBits: Int, floatWeights: [Float], transitions: [Float], clusters: WordClusterTable,
                confidenceScale: Float = 1) {
        let T = TagSet.count
        let rows = floatWeights.count / T
        var maxAbs: Float = 0
        for r in 0..<rows {
            for t in 1..<T { maxAbs = max(maxAbs, abs(floatWeights[r * T + t] - floatWeights[r * T])) }
        }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        let inverse = 1 / scale
        let table = WeightTable(rows: rows) { out in
            for r in 0..<rows {
                for t in 1..<T {
                    out[r * WeightTable.width + t - 1] = Int16(((floatWeights[r * T + t] - floatWeights[r * T]) * inverse).rounded())
                }
            }
        }
        self.init(bucketBits: bucketBits, weights: table, scale: scale, transitions: transitions,
                  clusters: clusters, confidenceScale: confidenceScale)
    }

    /// The same model with another confidence scale.
    public func withConfidenceScale(_ value: Float) -> TaggerModel {
        TaggerModel(bucketBits: bucketBits, weights: weights, scale: scale, transitions: transitions,
                    clusters: clusters, confidenceScale: value, wordScores: wordScores)
    }

    /// The same model with the scores of `words` precomputed (a faster model, same tags).
    public func withWordScores(_ words: [String]) -> TaggerModel {
        TaggerModel(bucketBits: bucketBits, weights: weights, scale: scale, transitions: transitions,
                    clusters: clusters, confidenceScale: confidenceScale,
                    wordScores: TaggerModel.wordScores(words, weights: weights, clusters: clusters, bucketBits: bucketBits))
    }

    /// The word and neighbour scores of `words` under `weights`.
    static func wordScores(_ words: [String], weights: WeightTable, clusters: WordClusterTable, bucketBits: Int) -> WordScoreTable {
        var seen = Set<UInt64>(minimumCapacity: words.count)
        var keys: [UInt64] = []
        keys.reserveCapacity(words.count)
        var scores: [SIMD16<Int32>] = []
        scores.reserveCapacity(words.count * WordScoreTable.parts)
        var scalars: [Unicode.Scalar] = []
        var rows = [UInt32](repeating: 0, count: FeatureTemplates.wordCount)
        let mask = UInt64((1 << bucketBits) - 1)
        let spare = UInt32(1 << bucketBits)
        for word in words {
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: word.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            let token = TokenKeys(scalars, 0..<scalars.count, clusters: clusters)
            guard seen.insert(token.form).inserted else { continue }
            keys.append(token.form)
            rows.withUnsafeMutableBufferPointer { r in
                FeatureTemplates.wordRows(token, mask: mask, spare: spare, into: r.baseAddress!)
                var sum = SIMD16<Int32>.zero
                for f in 0..<FeatureTemplates.wordCount { sum &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(r[f]))) }
                scores.append(sum)
                for neighbour in FeatureTemplates.Neighbour.allCases {
                    FeatureTemplates.neighbourRows(neighbour, FeatureTemplates.neighbourValues(token), mask: mask, spare: spare,
                                                   into: r.baseAddress!)
                    var sum = SIMD16<Int32>.zero
                    for f in 0..<neighbour.count { sum &+= SIMD16<Int32>(truncatingIfNeeded: weights.row(Int(r[f]))) }
                    scores.append(sum)
                }
            }
        }
        return WordScoreTable(words: keys, scores: scores)
    }
}
