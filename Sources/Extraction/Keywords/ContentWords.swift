/// The content words of a document (not stop words, not numbers, not possessive `'s`), each given
/// a small integer id by its lowercase singular form, so that the keyword and summary stages count
/// and compare words without building strings.
struct ContentWords {
    /// Per token of the document: the word's id, or −1 for a token that is not a content word.
    var ids: [Int32]
    /// Ids by singular hash: the id is the slot.
    private var slots: KeySlots

    /// Per id: the `WordKey.singularHash` of the word.
    var hashes: [UInt64] { slots.keys }

    init(_ doc: Document) {
        let tokens = doc.tokens
        let scalars = doc.scalars
        ids = [Int32](repeating: -1, count: tokens.count)
        slots = KeySlots(capacity: tokens.count / 4)
        for sentence in doc.sentences {
            var first = true
            for i in sentence.tokens {
                let t = tokens[i]
                let initial = first
                if t.kind == .word { first = false }
                guard let h = ContentWords.contentHash(t, scalars, sentenceInitial: initial) else { continue }
                ids[i] = Int32(slots.slot(h))
            }
        }
    }

    /// The id of the word with singular hash `hash`, or nil.
    func id(of hash: UInt64) -> Int32? {
        slots.slot(of: hash).map(Int32.init)
    }

    /// The singular hash of token `t` when it is a content word, else nil. A stop word written with a
    /// capital inside a sentence is part of a name ("New Hampshire", "the US") and counts as content.
    @inline(__always)
    static func contentHash(_ t: Token, _ scalars: [Unicode.Scalar], sentenceInitial: Bool = true) -> UInt64? {
        guard t.kind == .word, t.end - t.start >= 2, t.end - t.start <= 40 else { return nil }
        let full = WordKey.hash(scalars, t.range)
        if StopWords.contains(hash: full) {
            guard !sentenceInitial, CharacterClass.isUppercase(scalars[Int(t.start)]),
                  !StopWords.neverContent.contains(full) else { return nil }
            return full
        }
        if isContraction(t, scalars) { return nil }
        return WordKey.singularHash(scalars, t.range, full: full)
    }

    /// `I've`, `we'll`, `he'd`, `they're`, `I'm`, `didn't`: function words.
    @inline(__always)
    static func isContraction(_ t: Token, _ s: [Unicode.Scalar]) -> Bool {
        let r = t.range
        var k = r.upperBound - 1
        let limit = max(r.lowerBound, r.upperBound - 3)
        while k > limit {
            if CharacterClass.isApostrophe(s[k]) { return k > r.lowerBound }
            k -= 1
        }
        return false
    }

    var count: Int { hashes.count }
}
