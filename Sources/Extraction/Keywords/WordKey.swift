/// Lowercase lookup keys for word tokens, shared by the dates, amounts, keywords, summary and tone
/// stages. The hot loops compare 64-bit hashes of a token's folded code points (`TextKey`), so no
/// string is built per token; the vocabularies they look words up in are hashed the same way once.
public enum WordKey {
    /// The code point `c` lowercased for matching (`TextKey.fold`).
    @inline(__always)
    static func fold(_ c: Unicode.Scalar) -> UInt32 { TextKey.fold(c) }

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { TextKey.step(h, v) }

    /// The hash of `scalars[range]` lowercased.
    @inline(__always)
    public static func hash(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        TextKey.hash(scalars, range)
    }

    /// The hash of `word` lowercased, equal to the hash of the same word in a document.
    public static func hash(_ word: String) -> UInt64 { TextKey.hash(word) }

    /// The hash of the crude singular of `scalars[range]` lowercased: `-ies` → `-y`, `-ches`,
    /// `-shes`, `-xes`, `-sses` lose `-es`, another final `-s` is dropped (not `-ss`, `-us`, `-is`,
    /// `'s`); words of four letters or fewer are kept as they are. "sanctions" = "sanction".
    public static func singularHash(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        singularHash(scalars, range, full: nil)
    }

    /// As `singularHash(_:_:)`, given the word's own hash when the caller has it already.
    @inline(__always)
    static func singularHash(_ scalars: [Unicode.Scalar], _ range: Range<Int>, full: UInt64?) -> UInt64 {
        let n = range.count
        let e = range.upperBound
        guard n > 4, fold(scalars[e - 1]) == 0x73 else { return full ?? hash(scalars, range) }
        let c1 = fold(scalars[e - 2]), c2 = fold(scalars[e - 3]), c3 = fold(scalars[e - 4])
        if c1 == 0x65 && c2 == 0x69 {
            // -ies → -y
            return mix(hash(scalars, range.lowerBound..<(e - 3)), 0x79)
        }
        if c1 == 0x73 || c1 == 0x75 || c1 == 0x69 || c1 == 0x27 {
            // -ss, -us, -is, 's
            return full ?? hash(scalars, range)
        }
        if c1 == 0x65 && ((c2 == 0x68 && (c3 == 0x63 || c3 == 0x73)) || c2 == 0x78 || (c2 == 0x73 && c3 == 0x73)) {
            // -ches, -shes, -xes, -sses
            return hash(scalars, range.lowerBound..<(e - 2))
        }
        return hash(scalars, range.lowerBound..<(e - 1))
    }

    /// The hash of the singular of `word` (see `singularHash(_:_:)`).
    public static func singularHash(_ word: String) -> UInt64 {
        let scalars = Array(word.unicodeScalars)
        return singularHash(scalars, 0..<scalars.count)
    }

    /// `scalars[range]` folded as `TextKey.fold` does (lowercase, curly quotes and dashes as ASCII).
    public static func key(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for i in range {
            view.append(Unicode.Scalar(fold(scalars[i])) ?? scalars[i])
        }
        return String(view)
    }

    /// `text` lowercased as `key(_:_:)` does.
    public static func key(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return key(scalars, 0..<scalars.count)
    }
}

/// Hashes of single words the stages compare tokens with.
enum Word {
    static let of = WordKey.hash("of")
    static let the = WordKey.hash("the")
    static let a = WordKey.hash("a")
    static let an = WordKey.hash("an")
    static let ago = WordKey.hash("ago")
    static let previous = WordKey.hash("previous")
    static let ordinalSuffixes = HashKeySet(["st", "nd", "rd", "th"].map(WordKey.hash))
    static let percent = HashKeySet(["percent", "pct"].map(WordKey.hash))
    static let pc = WordKey.hash("pc")
    static let per = WordKey.hash("per")
    static let cent = WordKey.hash("cent")
    static let sterling = WordKey.hash("sterling")
    static let cents = WordKey.hash("cents")
    static let percentage = WordKey.hash("percentage")
    static let namedDayPrefixes = HashKeySet(["super", "black", "cyber", "ash", "bloody", "good", "holy", "giving"]
        .map(WordKey.hash))
    static let pounds = HashKeySet(["pound", "pounds"].map(WordKey.hash))
    static let dollars = HashKeySet(["dollar", "dollars"].map(WordKey.hash))
    static let publishedCues = HashKeySet(["published", "posted"].map(WordKey.hash))
    static let updated = WordKey.hash("updated")
    /// Words before a number that make it a label, not a count or a year ("No. 5", "Route 66").
    static let labels = HashKeySet(["no.", "no", "number", "page", "route", "flight", "article", "room",
                                           "section", "chapter", "rs", "rs.", "usd"].map(WordKey.hash))
}
