import Extraction

/// Learns word clusters from unlabelled text: each frequent word is described by its left and
/// right neighbours (positive PMI over the most frequent context words), and spherical k-means
/// groups words with similar contexts, at several granularities.
///
/// A cheap stand-in for Brown clusters that gives the tagger the same kind of generalisation:
/// "Blackburn" falls with other surnames, "Leicestershire" with other counties.
public struct ClusterLearner: Sendable {
    public var minCount = 3
    public var maxWords = 40_000
    public var contextWords = 1_000
    /// Cluster counts per level, coarse to fine (at most four levels).
    public var levels = [64, 256, 1_024]
    public var iterations = 12
    public var seed: UInt64 = 2_003

    /// A learner with the default settings and no text yet.
    public init() {}

    private var ids: [String: Int32] = [:]
    private var words: [String] = []
    private var counts: [Int] = []
    private var corpus: [Int32] = []  // word ids, -1 between sentences

    /// Adds one sentence of word forms.
    public mutating func add(_ sentence: [String]) {
        corpus.append(-1)
        for w in sentence {
            let id: Int32
            if let known = ids[w] {
                id = known
            } else {
                id = Int32(words.count)
                ids[w] = id
                words.append(w)
                counts.append(0)
            }
            counts[Int(id)] += 1
            corpus.append(id)
        }
    }

    /// Cluster ids (1-based) per level for every clustered word, and a progress log line per level.
    public func learn(log: (String) -> Void = { _ in }) -> [(word: String, clusters: [Int])] {
        let ranked = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : words[$0] < words[$1] }
        let vocabulary = ranked.prefix(maxWords).filter { counts[$0] >= minCount }
        var row = [Int32](repeating: -1, count: words.count)
        for (r, w) in vocabulary.enumerated() { row[w] = Int32(r) }
        var context = [Int32](repeating: Int32(contextWords), count: words.count)  // the "rare word" context
        for (r, w) in ranked.prefix(contextWords).enumerated() { context[w] = Int32(r) }
        let sides = contextWords + 2  // frequent words, rare word, sentence boundary
        let D = 2 * sides
        // Co-occurrence counts per vocabulary word.
        var cooc = [[Int32: Float]](repeating: [:], count: vocabulary.count)
        for i in corpus.indices {
            let w = corpus[i]
            guard w >= 0, row[Int(w)] >= 0 else { continue }
            let r = Int(row[Int(w)])
            let left = i > 0 && corpus[i - 1] >= 0 ? context[Int(corpus[i - 1])] : Int32(sides - 1)
            let right = i + 1 < corpus.count && corpus[i + 1] >= 0 ? context[Int(corpus[i + 1])] : Int32(sides - 1)
            cooc[r][left, default: 0] += 1
            cooc[r][Int32(sides) + right, default: 0] += 1
        }
        var contextTotals = [Double](repeating: 0, count: D)
        var total = 0.0
        for c in cooc { for (k, v) in c { contextTotals[Int(k)] += Double(v); total += Double(v) } }
        // Positive PMI vectors, L2-normalised, sorted by dimension.
        var vectors: [[(dim: Int32, value: Float)]] = []
        vectors.reserveCapacity(cooc.count)
        for c in cooc {
            let wordTotal = c.values.reduce(0) { $0 + Double($1) }
            var v: [(dim: Int32, value: Float)] = []
            for (k, n) in c.sorted(by: { $0.key < $1.key }) {
                let pmi = log2(Double(n) * total / (wordTotal * contextTotals[Int(k)]))
                if pmi > 0 { v.append((k, Float(pmi))) }
            }
            let norm = v.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
            if norm > 0 { v = v.map { ($0.dim, $0.value / norm) } }
            vectors.append(v)
        }
        log("clusters: \(vectors.count) words, \(D) context dimensions")
        var assignments: [[Int]] = []
        for (l, k) in levels.enumerated() {
            var rng = SplitMix64(seed: seed &+ UInt64(l))
            let a = Self.kMeans(vectors, dimensions: D, k: min(k, vectors.count), iterations: iterations, rng: &rng)
            log("clusters: level \(l) (\(k) clusters) done")
            assignments.append(a)
        }
        return vocabulary.enumerated().map { r, w in (words[w], assignments.map { $0[r] + 1 }) }
    }

    /// Spherical k-means: cosine similarity to unit centroids, seeded with k-means++.
    static func kMeans(_ vectors: [[(dim: Int32, value: Float)]], dimensions D: Int, k: Int, iterations: Int,
                       rng: inout SplitMix64) -> [Int] {
        let n = vectors.count
        // Centroids stored dimension-major: centroids[d * k + c].
        var centroids = [Float](repeating: 0, count: D * k)
        func setCentroid(_ c: Int, from v: [(dim: Int32, value: Float)]) {
            for (d, x) in v { centroids[Int(d) * k + c] = x }
        }
        // k-means++ seeding on distance 1 - cosine.
        var best = [Float](repeating: 1, count: n)  // 1 - max cosine so far
        var first = Int(rng.next() % UInt64(n))
        for c in 0..<k {
            setCentroid(c, from: vectors[first])
            var sum: Double = 0
            for i in 0..<n {
                var dot: Float = 0
                for (d, x) in vectors[i] { dot += x * centroids[Int(d) * k + c] }
                best[i] = min(best[i], max(0, 1 - dot))
                sum += Double(best[i] * best[i])
            }
            guard sum > 0 else { break }
            var target = Double(rng.next() >> 11) / Double(1 << 53) * sum
            first = n - 1
            for i in 0..<n {
                target -= Double(best[i] * best[i])
                if target <= 0 { first = i; break }
            }
        }
        var assignment = [Int](repeating: 0, count: n)
        var scores = [Float](repeating: 0, count: k)
        for _ in 0..<iterations {
            var changed = 0
            centroids.withUnsafeBufferPointer { cent in
                scores.withUnsafeMutableBufferPointer { s in
                    for i in 0..<n {
                        for c in 0..<k { s[c] = 0 }
                        for (d, x) in vectors[i] {
                            let row = cent.baseAddress! + Int(d) * k
                            for c in 0..<k { s[c] += x * row[c] }
                        }
                        var arg = 0
                        for c in 1..<max(k, 1) where s[c] > s[arg] { arg = c }
                        if arg != assignment[i] { changed += 1 }
                        assignment[i] = arg
                    }
                }
            }
            centroids = [Float](repeating: 0, count: D * k)
            for i in 0..<n {
                for (d, x) in vectors[i] { centroids[Int(d) * k + assignment[i]] += x }
            }
            var norms = [Float](repeating: 0, count: k)
            for d in 0..<D { for c in 0..<k { norms[c] += centroids[d * k + c] * centroids[d * k + c] } }
            for d in 0..<D { for c in 0..<k where norms[c] > 0 { centroids[d * k + c] /= norms[c].squareRoot() } }
            if changed == 0 { break }
        }
        return assignment
    }
}

private func log2(_ x: Double) -> Double {
    // Natural log through the IEEE exponent and a series, so Extraction needs no libm import.
    guard x > 0 else { return -.infinity }
    let e = Double(x.exponent)
    let m = x.significand  // 1 ≤ m < 2
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y, sum = 0.0, k = 1.0
    for _ in 0..<12 { sum += term / k; term *= y2; k += 2 }
    return e + 2 * sum / 0.693_147_180_559_945_3
}
