/// The tagger's feature templates: which token keys, of which neighbours, are combined into the
/// hashed features of each token of a sentence.
///
/// Every token gets exactly `count` feature rows (a row of the weight table per feature); a feature
/// that does not apply (no prefix of length 4, no cluster) gets the table's spare zero row.
public enum FeatureTemplates {
    /// Features per token.
    public static let count = 44

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

    /// Writes the feature rows of every token of `keys` (one sentence) to `rows`, `count` per token.
    /// `mask` selects a row from a feature key; `spare` is the zero row.
    @inlinable
    public static func rows(_ keys: ArraySlice<TokenKeys>, mask: UInt64, spare: UInt32,
                            into rows: UnsafeMutablePointer<UInt32>) {
        let n = keys.count
        let base = keys.startIndex
        let headline = isHeadline(keys)
        var out = rows
        @inline(__always) func put(_ template: UInt64, _ value: UInt64) {
            out.pointee = value == 0 ? spare : UInt32(truncatingIfNeeded: FeatureHash.combine(template, value) & mask)
            out += 1
        }
        @inline(__always) func put2(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            out.pointee = (a == 0 || b == 0) ? spare : UInt32(truncatingIfNeeded: FeatureHash.combine(FeatureHash.combine(template, a), b) & mask)
            out += 1
        }
        @inline(__always) func lower(_ j: Int) -> UInt64 {
            j < 0 ? (j == -1 ? before1 : before2) : j >= n ? (j == n ? after1 : after2) : keys[base + j].lower
        }
        @inline(__always) func shape(_ j: Int) -> UInt64 {
            j < 0 ? (j == -1 ? before1 : before2) : j >= n ? (j == n ? after1 : after2) : keys[base + j].shape
        }
        @inline(__always) func cluster(_ j: Int, _ level: Int) -> UInt64 {
            j < 0 ? before1 : j >= n ? after1 : UInt64(keys[base + j].clusters[level])
        }
        for i in 0..<n {
            let k = keys[base + i]
            put(1, 1)
            put(2, k.form)
            put(3, k.lower)
            put(4, k.shape)
            put(5, k.longShape)
            put(6, k.prefix[0]); put(7, k.prefix[1]); put(8, k.prefix[2]); put(9, k.prefix[3])
            put(10, k.suffix[0]); put(11, k.suffix[1]); put(12, k.suffix[2]); put(13, k.suffix[3])
            put(14, lower(i - 1)); put(15, lower(i + 1)); put(16, lower(i - 2)); put(17, lower(i + 2))
            put(18, shape(i - 1)); put(19, shape(i + 1)); put(20, shape(i - 2)); put(21, shape(i + 2))
            put2(22, shape(i - 1), k.shape)
            put2(23, k.shape, shape(i + 1))
            put2(24, lower(i - 1), k.lower)
            put2(25, k.lower, lower(i + 1))
            put2(26, FeatureHash.combine(shape(i - 1), k.shape), shape(i + 1))
            put2(27, lower(i - 1), k.shape)
            put2(28, k.shape, lower(i + 1))
            put(29, UInt64(k.clusters[0])); put(30, UInt64(k.clusters[1])); put(31, UInt64(k.clusters[2]))
            put(32, cluster(i - 1, 1)); put(33, cluster(i + 1, 1))
            put(34, cluster(i - 1, 2)); put(35, cluster(i + 1, 2))
            put2(36, UInt64(k.clusters[1]), k.shape)
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
        }
    }
}
