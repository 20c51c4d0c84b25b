/// Per-token facts the entity stages share, computed once per document in one pass: each token's
/// key, its letter case, where sentences start and which words the article capitalises mid-sentence.
struct TokenView {
    enum Shape: UInt8 {
        /// `Putin`, `McDonald`, `al-Assad`.
        case capitalised
        /// `NATO`, `U.S.`, `KHARKIV`.
        case upper
        case lower
        case number
        case punctuation
    }

    let doc: Document
    var keys: [UInt64]
    var shapes: [Shape]
    /// Whether token i is the first word of its sentence (after any opening quotes or dashes).
    var sentenceInitial: [Bool]
    /// Whether token i is in a sentence written mostly in capitals or in title case (a headline, a table).
    var inCapsSentence: [Bool]
    /// Sentence index of each token.
    var sentenceOf: [Int32]
    /// Lowercase words of each sentence (few in a table row such as `CHICAGO 71 64 .526 10`).
    var lowercaseWords: [Int32]
    /// Number tokens of each sentence.
    var numbers: [Int32]
    /// Keys of words written capitalised somewhere other than a sentence's start.
    var capitalisedMidSentence: HashKeySet
    /// Keys of words written lowercase somewhere in the article.
    var writtenLower: HashKeySet

    init(_ doc: Document, gazetteer: Gazetteer) {
        self.doc = doc
        let n = doc.tokens.count
        keys = [UInt64](repeating: 0, count: n)
        shapes = [Shape](repeating: .punctuation, count: n)
        sentenceInitial = [Bool](repeating: false, count: n)
        inCapsSentence = [Bool](repeating: false, count: n)
        sentenceOf = [Int32](repeating: -1, count: n)
        capitalisedMidSentence = []
        writtenLower = []
        lowercaseWords = [Int32](repeating: 0, count: doc.sentences.count)
        numbers = [Int32](repeating: 0, count: doc.sentences.count)
        let s = doc.scalars
        for (i, t) in doc.tokens.enumerated() {
            keys[i] = NameKey.of(s, t.range)
            shapes[i] = Self.shape(t, s)
        }
        for (si, sentence) in doc.sentences.enumerated() {
            var words = 0
            var upper = 0
            var capital = 0
            var commonCapitalised = 0   // "Was", "But", "Over": ordinary words in title case
            var first = true
            for i in sentence.tokens {
                sentenceOf[i] = Int32(si)
                switch shapes[i] {
                case .capitalised, .lower, .upper:
                    // After a colon, an opening quote or a dash a new clause starts: "WALLACE: Well, …".
                    if first || (i > sentence.tokens.lowerBound && opensClause(i - 1)) { sentenceInitial[i] = true }
                    first = false
                    if doc.tokens[i].end - doc.tokens[i].start > 1 {
                        words += 1
                        if shapes[i] == .upper { upper += 1 }
                        if shapes[i] != .lower { capital += 1 }
                        if shapes[i] == .capitalised, !sentenceInitial[i], let st = gazetteer.stats(keys[i]),
                           st.lower > 2 * (st.named + st.capitalised) {
                            commonCapitalised += 1
                        }
                    }
                case .number:
                    first = false
                    numbers[si] += 1
                case .punctuation:
                    break
                }
            }
            // Headlines in capitals, and in title case ("Hillary Clinton Was Headed to ER").
            let caps = (words >= 2 && upper * 10 >= words * 7) || (words >= 4 && capital * 10 >= words * 8 && commonCapitalised >= 2)
            for i in sentence.tokens {
                inCapsSentence[i] = caps
                if shapes[i] == .lower {
                    writtenLower.insert(keys[i])
                    lowercaseWords[si] += 1
                }
                if !caps && !sentenceInitial[i] && shapes[i] == .capitalised {
                    capitalisedMidSentence.insert(keys[i])
                }
            }
        }
    }

    var count: Int { keys.count }

    /// The text of token i.
    func text(_ i: Int) -> String { doc.tokenText(i) }

    /// Whether token i is a word.
    func isWord(_ i: Int) -> Bool { shapes[i] == .capitalised || shapes[i] == .upper || shapes[i] == .lower }

    /// Whether token i is the single punctuation mark `c`.
    func isMark(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        let t = doc.tokens[i]
        return t.end - t.start == 1 && doc.scalars[Int(t.start)] == c
    }

    /// Whether token i is a possessive `’s`.
    func isPossessive(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        return t.end - t.start == 2 && CharacterClass.isApostrophe(doc.scalars[Int(t.start)])
    }

    private func opensClause(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.end - t.start == 1 else { return false }
        switch doc.scalars[Int(t.start)] {
        case ":", "\"", "\u{201C}", "\u{2018}", "(", "-", "\u{2013}", "\u{2014}", "\u{2026}", ";": return true
        default: return false
        }
    }

    private static func shape(_ t: Token, _ s: [Unicode.Scalar]) -> Shape {
        switch t.kind {
        case .number: return .number
        case .punctuation, .symbol: return .punctuation
        case .word: break
        }
        var upper = 0
        var lower = 0
        var firstLetterUpper: Bool?
        var afterPrefix = false
        var i = Int(t.start)
        // `al-Assad`, `bin-Talal`: the case after a lowercase Arabic article decides.
        if t.end - t.start > 3, s[i] == "a" || s[i] == "e", s[i + 1] == "l", s[i + 2] == "-" {
            i += 3
            afterPrefix = true
        }
        for j in i..<Int(t.end) {
            let c = s[j]
            if CharacterClass.isUppercase(c) {
                upper += 1
                if firstLetterUpper == nil { firstLetterUpper = true }
            } else if CharacterClass.isLowercase(c) {
                lower += 1
                if firstLetterUpper == nil { firstLetterUpper = false }
            }
        }
        if upper > 0 && lower == 0 && !afterPrefix { return .upper }
        return firstLetterUpper == true ? .capitalised : .lower
    }
}
