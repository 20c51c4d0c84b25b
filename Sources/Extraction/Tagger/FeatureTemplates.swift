/// The tagger's feature templates: which token keys, of which neighbours, are combined into the
/// hashed features of each token of a sentence.
///
/// Every token gets exactly `count` feature rows (a row of the weight table per feature); a feature
/// that does not apply (no prefix of length 4, no cluster) gets the table's spare zero row.
public enum FeatureTemplates {
    /// The weight row of feature `template` with `value`: the hash of both, masked to the table;
    /// a missing value (0) reads the spare row, which holds no weights.
    @inlinable @inline(__always)
    static func row(_ template: UInt64, _ value: UInt64, mask: UInt64, spare: UInt32) -> UInt32 {
        value == 0 ? spare : UInt32(truncatingIfNeeded: FeatureHash.combine(template, value) & mask)
    }

    /// The row of a feature of two values; missing if either is.
    @inlinable @inline(__always)
    static func row(_ template: UInt64, _ a: UInt64, _ b: UInt64, mask: UInt64, spare: UInt32) -> UInt32 {
        (a == 0 || b == 0) ? spare : UInt32(truncatingIfNeeded: FeatureHash.combine(FeatureHash.combine(template, a), b) & mask)
    }

    /// Features per token.
    public static let count = 64

    // Keys standing in for neighbours beyond the sentence.
    @usableFromInline static let before2: UInt64 = 0x5851_F42D_4C95_7F2D
    @usableFromInline static let before1: UInt64 = 0x1405_7B7E_F767_814F
    @usableFromInline static let after1: UInt64 = 0x2545_F491_4F6C_DD1D
    @usableFromInline static let after2: UInt64 = 0x9FB2_1C65_1E98_DF25

    /// Whether a sentence is set in capitals (a CoNLL-style headline or dateline).
    @inlinable
    public static func isHeadline(_ keys: ArraySlice<TokenKeys>) -> Bool {
        var letters = 0, upper = 0
        for k in keys {
            letters += Int(k.letters)
            upper += Int(k.uppercase)
        }
        return letters >= 4 && upper * 10 >= letters * 9
    }

    /// A token's place as the features read it: in a headline, first in its sentence, or later.
    @inlinable @inline(__always)
    static func place(headline: Bool, index: Int) -> UInt64 {
        headline ? 1 : index == 0 ? 2 : 3
    }

    /// Features that depend on the token alone (its word features), first in each token's rows.
    public static let wordCount = 23
    /// Features that depend on the neighbours or the sentence.
    public static let contextCount = count - wordCount

    /// Writes the feature rows of every token of `keys` (one sentence) to `rows`, `count` per token:
    /// its `wordCount` word rows, then its `contextCount` context rows. `mask` selects a row from a
    /// feature key; `spare` is the zero row.
    @inlinable
    public static func rows(_ keys: ArraySlice<TokenKeys>, mask: UInt64, spare: UInt32,
                            into rows: UnsafeMutablePointer<UInt32>) {
        for i in 0..<keys.count {
            wordRows(keys[keys.startIndex + i], mask: mask, spare: spare, into: rows + i * count)
        }
        contextRows(keys, mask: mask, spare: spare, into: rows + wordCount, stride: count)
    }

    /// Writes the `wordCount` rows of the features of one token alone.
    @inlinable @inline(__always)
    public static func wordRows(_ k: TokenKeys, mask: UInt64, spare: UInt32, into rows: UnsafeMutablePointer<UInt32>) {
        var out = rows
        @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
            out.pointee = row(template, value, mask: mask, spare: spare)
            out += 1
        }
        @inline(__always) func put2(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            out.pointee = row(template, a, b, mask: mask, spare: spare)
            out += 1
        }
        put(1, 1)
        put(2, k.form)
        put(3, k.lower)
        put(4, k.shape)
        put(5, k.longShape)
        put(6, k.prefix[0]); put(7, k.prefix[1]); put(8, k.prefix[2]); put(9, k.prefix[3])
        put(10, k.suffix[0]); put(11, k.suffix[1]); put(12, k.suffix[2]); put(13, k.suffix[3])
        put(29, UInt64(k.clusters[0])); put(30, UInt64(k.clusters[1])); put(31, UInt64(k.clusters[2]))
        put2(36, UInt64(k.clusters[1]), k.shape)
        put(47, k.dictionary)
        put2(48, k.dictionary, k.shape)
        put(52, k.brown(0)); put(53, k.brown(1)); put(54, k.brown(2)); put(55, k.brown(3))
    }

    /// The features of a token that read one neighbour alone, grouped by which neighbour.
    public enum Neighbour: Int, CaseIterable, Sendable {
        case previous, next, secondPrevious, secondNext

        /// Where the neighbour is, from the token.
        public var offset: Int { [-1, 1, -2, 2][rawValue] }
        /// How many features read this neighbour.
        public var count: Int { rawValue < 2 ? 6 : 2 }
    }

    /// Features per token that read neither one neighbour alone nor the token alone.
    public static let localCount = contextCount - Neighbour.allCases.reduce(0) { $0 + $1.count }
    /// The last local features of each token: the second pass's, which read `TokenKeys.history`
    /// (spare rows while it is 0, so the first pass scores as if they were absent).
    public static let historyCount = 4

    /// What the neighbour features read of the token at `j` in a sentence of `n` tokens: its
    /// lowercase form, shape, middle and fine clusters, dictionary code and third Brown prefix, or
    /// markers beyond the sentence.
    @inlinable @inline(__always)
    public static func neighbourValues(_ keys: ArraySlice<TokenKeys>, _ j: Int) -> SIMD8<UInt64> {
        let n = keys.count
        if j >= 0 && j < n { return neighbourValues(keys[keys.startIndex + j]) }
        let edge = j < 0 ? (j == -1 ? before1 : before2) : (j == n ? after1 : after2)
        let cluster = j < 0 ? before1 : after1
        return SIMD8(edge, edge, cluster, cluster, cluster, cluster, 0, 0)
    }

    /// The neighbour values of a word inside a sentence.
    @inlinable @inline(__always)
    public static func neighbourValues(_ k: TokenKeys) -> SIMD8<UInt64> {
        SIMD8(k.lower, k.shape, UInt64(k.clusters[1]), UInt64(k.clusters[2]), k.dictionary, k.brown(2), 0, 0)
    }

    /// Writes the `neighbour.count` rows of the features that read `neighbour`, whose values are `v`.
    @inlinable @inline(__always)
    public static func neighbourRows(_ neighbour: Neighbour, _ v: SIMD8<UInt64>, mask: UInt64, spare: UInt32,
                                     into rows: UnsafeMutablePointer<UInt32>) {
        @inline(__always) func row(_ template: UInt64, _ value: UInt64) -> UInt32 {
            FeatureTemplates.row(template, value, mask: mask, spare: spare)
        }
        switch neighbour {
        case .previous:
            rows[0] = row(14, v[0]); rows[1] = row(18, v[1]); rows[2] = row(32, v[2]); rows[3] = row(34, v[3])
            rows[4] = row(49, v[4]); rows[5] = row(56, v[5])
        case .next:
            rows[0] = row(15, v[0]); rows[1] = row(19, v[1]); rows[2] = row(33, v[2]); rows[3] = row(35, v[3])
            rows[4] = row(50, v[4]); rows[5] = row(57, v[5])
        case .secondPrevious:
            rows[0] = row(16, v[0]); rows[1] = row(20, v[1])
        case .secondNext:
            rows[0] = row(17, v[0]); rows[1] = row(21, v[1])
        }
    }

    /// Writes the `contextCount` context rows of every token of a sentence, token `i`'s from
    /// `rows + i * stride`: its neighbour rows, then its `localCount` local rows.
    @inlinable
    public static func contextRows(_ keys: ArraySlice<TokenKeys>, mask: UInt64, spare: UInt32,
                                   into rows: UnsafeMutablePointer<UInt32>, stride: Int) {
        for i in 0..<keys.count {
            var out = rows + i * stride
            for neighbour in Neighbour.allCases {
                neighbourRows(neighbour, neighbourValues(keys, i + neighbour.offset), mask: mask, spare: spare, into: out)
                out += neighbour.count
            }
        }
        localRows(keys, mask: mask, spare: spare, into: rows + contextCount - localCount, stride: stride)
    }

    /// Writes the `localCount` local context rows of every token of a sentence, token `i`'s from
    /// `rows + i * stride`.
    @inlinable
    public static func localRows(_ keys: ArraySlice<TokenKeys>, mask: UInt64, spare: UInt32,
                                 into rows: UnsafeMutablePointer<UInt32>, stride: Int) {
        let n = keys.count
        let base = keys.startIndex
        let headline = isHeadline(keys)
        var out = rows
        @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
            out.pointee = row(template, value, mask: mask, spare: spare)
            out += 1
        }
        @inline(__always) func put2(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            out.pointee = row(template, a, b, mask: mask, spare: spare)
            out += 1
        }
        @inline(__always) func lower(_ j: Int) -> UInt64 {
            j < 0 ? (j == -1 ? before1 : before2) : j >= n ? (j == n ? after1 : after2) : keys[base + j].lower
        }
        @inline(__always) func shape(_ j: Int) -> UInt64 {
            j < 0 ? (j == -1 ? before1 : before2) : j >= n ? (j == n ? after1 : after2) : keys[base + j].shape
        }
        for i in 0..<n {
            out = rows + i * stride
            let k = keys[base + i]
            put2(22, shape(i - 1), k.shape)
            put2(23, k.shape, shape(i + 1))
            put2(24, lower(i - 1), k.lower)
            put2(25, k.lower, lower(i + 1))
            put2(26, FeatureHash.combine(shape(i - 1), k.shape), shape(i + 1))
            put2(27, lower(i - 1), k.shape)
            put2(28, k.shape, lower(i + 1))
            put2(37, lower(i - 2), lower(i - 1))
            put2(38, lower(i + 1), lower(i + 2))
            let first: UInt64 = i == 0 ? 1 : 2
            put2(39, first, k.shape)
            put2(40, first, k.lower)
            let caps: UInt64 = headline ? 1 : 0
            put(41, caps)
            put2(42, caps, k.shape)
            put2(43, caps, UInt64(k.clusters[2]))
            put2(44, caps, k.lower)
            let position = place(headline: headline, index: i)
            let evidence = FeatureHash.combine(position, UInt64(k.document))
            put(45, k.document == 0 ? 0 : evidence)
            put2(46, k.document == 0 ? 0 : evidence, k.shape)
            let before = i > 0 ? keys[base + i - 1].dictionary : before1
            put2(51, before == 0 ? 1 : before, k.dictionary)
            put(62, k.elsewhere[0])
            put(63, k.elsewhere[1])
            put2(64, k.elsewhere[0], k.elsewhere[1])
        }
        historyRows(keys, mask: mask, spare: spare, into: rows + localCount - historyCount, stride: stride)
    }

    /// Writes the `historyCount` second-pass rows of every token of a sentence, token `i`'s from
    /// `rows + i * stride`: its history, with its shape, with its place in the sentence, and its
    /// neighbours' histories.
    @inlinable
    public static func historyRows(_ keys: ArraySlice<TokenKeys>, mask: UInt64, spare: UInt32,
                                   into rows: UnsafeMutablePointer<UInt32>, stride: Int) {
        let n = keys.count
        let base = keys.startIndex
        let headline = isHeadline(keys)
        for i in 0..<n {
            let out = rows + i * stride
            let k = keys[base + i]
            let history = UInt64(k.history)
            let position = place(headline: headline, index: i)
            out[0] = row(58, history, mask: mask, spare: spare)
            out[1] = row(59, history, k.shape, mask: mask, spare: spare)
            out[2] = row(60, history, position, mask: mask, spare: spare)
            let previous = i > 0 ? UInt64(keys[base + i - 1].history) : 0
            let next = i + 1 < n ? UInt64(keys[base + i + 1].history) : 0
            out[3] = row(61, previous << 8 | next, mask: mask, spare: spare)
        }
    }
}
