/// Word clusters learnt without labels, and dictionary codes, looked up by a token's form key.
///
/// An open-addressing hash table from `FeatureHash.form` keys to eight small codes (the slots of
/// `TokenKeys.clusters`): cluster ids at three levels learnt from the training text, a dictionary
/// code, and Brown cluster path prefixes at four lengths; ids start at 1, so zero means "none".
public struct WordClusterTable: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [SIMD8<UInt16>]
    @usableFromInline var mask: Int

    /// An empty table.
    public init() {
        keys = [0]
        values = [.zero]
        mask = 0
    }

    /// A table holding `entries` (form key, cluster ids).
    public init(entries: [(key: UInt64, clusters: SIMD8<UInt16>)]) {
        var capacity = 1
        while capacity < entries.count * 2 + 1 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [SIMD8<UInt16>](repeating: .zero, count: capacity)
        mask = capacity - 1
        for e in entries where e.key != 0 {
            var i = Int(truncatingIfNeeded: e.key) & mask
            while keys[i] != 0 && keys[i] != e.key { i = (i + 1) & mask }
            keys[i] = e.key
            values[i] = e.clusters
        }
    }

    /// The number of words in the table.
    public var count: Int { keys.lazy.filter { $0 != 0 }.count }

    /// Every entry, for writing the table out.
    public var entries: [(key: UInt64, clusters: SIMD8<UInt16>)] {
        keys.indices.filter { keys[$0] != 0 }.map { (keys[$0], values[$0]) }
    }

    /// The clusters of the word with form key `key`, or zero.
    @inlinable
    public func lookup(_ key: UInt64) -> SIMD8<UInt16> {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return .zero }
            i = (i + 1) & mask
        }
    }
}
