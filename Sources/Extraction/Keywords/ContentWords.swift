/// The content words of a document (not stop words, not numbers, not possessive `'s`), each given
/// a small integer id by its lowercase singular form, so that the keyword and summary stages count
/// and compare words without building strings.
struct ContentWords {
    /// Per token of the document: the word's id, or −1 for a token that is not a content word.
    var ids: [Int32]
    /// Per id: the lowercase singular key.
    var keys: [String]

    init(_ doc: Document) {
        let tokens = doc.tokens
        let scalars = doc.scalars
        ids = [Int32](repeating: -1, count: tokens.count)
        keys = []
        var index: [String: Int32] = [:]
        for (i, t) in tokens.enumerated() where t.kind == .word && t.end - t.start >= 2 {
            guard t.end - t.start <= 40 else { continue }
            let key = WordKey.key(scalars, t.range)
            if StopWords.contains(key) { continue }
            // Initials and abbreviations with full stops ("U.S.") are kept whole; a trailing full stop
            // of an abbreviation is dropped ("Gen." is "gen").
            let singular = WordKey.singular(key)
            if let id = index[singular] {
                ids[i] = id
            } else {
                let id = Int32(keys.count)
                index[singular] = id
                keys.append(singular)
                ids[i] = id
            }
        }
    }

    var count: Int { keys.count }
}
