/// A cheap, allocation-free key for a word or a run of words: the `TextKey` hash of the folded
/// code points, words separated by one space. A one-word key equals the word's `WordKey.hash`.
///
/// Gazetteer names and document tokens are keyed the same way, so a lookup never builds a String.
public enum NameKey {
    /// The key of no words.
    public static let empty: UInt64 = TextKey.empty

    /// The key of one token.
    @inlinable
    public static func of(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        append(empty, scalars, range, first: true)
    }

    /// `key` extended by the token at `range` (with a separating space unless it is the first).
    @inlinable
    public static func append(_ key: UInt64, _ scalars: [Unicode.Scalar], _ range: Range<Int>, first: Bool) -> UInt64 {
        var h = key
        if !first { h = TextKey.step(h, 0x20) }
        for i in range { h = TextKey.step(h, TextKey.fold(scalars[i])) }
        return h
    }

    /// The lowercase form of `c` used in keys (`TextKey.fold`).
    @inlinable
    public static func fold(_ c: Unicode.Scalar) -> UInt32 { TextKey.fold(c) }

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
