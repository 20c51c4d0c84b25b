/// A cheap, allocation-free key for a word or a run of words: a 64-bit FNV-1a hash of the
/// lowercased code points, words separated by one space, curly apostrophes folded to `'`.
///
/// Gazetteer names and document tokens are keyed the same way, so a lookup never builds a String.
public enum NameKey {
    public static let empty: UInt64 = 0xcbf2_9ce4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x100_0000_01b3

    /// The key of one token.
    @inlinable
    public static func of(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        append(empty, scalars, range, first: true)
    }

    /// `key` extended by the token at `range` (with a separating space unless it is the first).
    @inlinable
    public static func append(_ key: UInt64, _ scalars: [Unicode.Scalar], _ range: Range<Int>, first: Bool) -> UInt64 {
        var h = key
        if !first { h = (h ^ 0x20) &* prime }
        for i in range {
            h = (h ^ UInt64(fold(scalars[i]))) &* prime
        }
        return h
    }

    /// The lowercase form of `c` used in keys.
    @inlinable
    public static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        if v == 0x2019 || v == 0x2018 { return 0x27 }
        guard c.properties.isUppercase else { return v }
        return c.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    /// The key of a whole name, tokenised as the article text is ("East China Sea", "U.S.").
    public static func ofName(_ name: String) -> (key: UInt64, tokens: Int) {
        let scalars = Array(name.unicodeScalars)
        var tokens: [Token] = []
        Tokenizer.tokenize(scalars, in: 0..<scalars.count, into: &tokens)
        var h = empty
        for (n, t) in tokens.enumerated() {
            h = append(h, scalars, t.range, first: n == 0)
        }
        return (h, tokens.count)
    }
}
