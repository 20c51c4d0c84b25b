/// Lowercase lookup keys for word tokens, shared by the dates, amounts, keywords, summary and tone
/// stages: one small string per token (no heap allocation for words up to 15 UTF-8 bytes).
public enum WordKey {
    /// `scalars[range]` lowercased, with the typographic apostrophe `’` folded to `'`.
    @inlinable
    public static func key(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for i in range {
            let c = scalars[i]
            let v = c.value
            if v < 0x80 {
                view.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : c)
            } else if c == "\u{2019}" {
                view.append("'")
            } else {
                view.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(view)
    }

    /// The key of token `t` of `doc`.
    @inlinable
    public static func key(_ doc: Document, _ t: Token) -> String {
        key(doc.scalars, t.range)
    }

    /// Keys for every token of `doc` (empty for punctuation and symbols), aligned with `doc.tokens`.
    public static func keys(_ doc: Document) -> [String] {
        doc.tokens.map { $0.kind == .word || $0.kind == .number ? key(doc.scalars, $0.range) : "" }
    }

    /// A crude singular for deduplicating "sanctions"/"sanction": `-ies` → `-y`, a final `-s`
    /// dropped (not `-ss`, `-us`, `-is`), keys of four letters or fewer kept as they are.
    public static func singular(_ key: String) -> String {
        let u = key.utf8
        guard u.count > 4, u.last == UInt8(ascii: "s") else { return key }
        if key.hasSuffix("ies") { return String(key.dropLast(3)) + "y" }
        if key.hasSuffix("ss") || key.hasSuffix("us") || key.hasSuffix("is") || key.hasSuffix("'s") { return key }
        if key.hasSuffix("ches") || key.hasSuffix("shes") || key.hasSuffix("xes") || key.hasSuffix("sses") {
            return String(key.dropLast(2))
        }
        return String(key.dropLast())
    }
}
