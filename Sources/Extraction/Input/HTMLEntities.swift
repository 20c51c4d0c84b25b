/// HTML character references in text that is already decoded (JSON-LD strings, feeds' HTML bodies).
enum HTMLEntities {
    /// Decodes every named and numeric character reference in `text`, as in an HTML text node.
    static func decodeAll(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return String(decoding: HTMLEntityTable.decodeAll(Array(text.utf8)), as: UTF8.self)
    }
}
