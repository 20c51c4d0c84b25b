/// Splits text into word, number, punctuation and symbol tokens with code-point offsets.
///
/// Rules that matter downstream: a possessive `’s`/`'s` is its own token (so "Kyiv’s" gives
/// "Kyiv"); abbreviations and initials keep their full stop ("U.S.", "Mr.", "J.") so that the
/// sentence splitter does not end a sentence there; hyphenated and apostrophised words stay whole.
public enum Tokenizer {
    /// Tokens of `scalars[range]`, appended to `tokens`.
    public static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>, into tokens: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = scalars[i]
            if CharacterClass.isSpace(c) {
                i += 1
                continue
            }
            if CharacterClass.isIdeograph(c) {
                // Chinese and Japanese write no spaces: one token per ideograph or kana.
                tokens.append(Token(start: i, end: i + 1, kind: .word))
                i += 1
                continue
            }
            if CharacterClass.isLetter(c) {
                let start = i
                i = scanWord(scalars, from: i, end: end)
                tokens.append(Token(start: start, end: i, kind: .word))
                continue
            }
            if CharacterClass.isDigit(c) {
                let start = i
                i = scanNumber(scalars, from: i, end: end)
                tokens.append(Token(start: start, end: i, kind: .number))
                continue
            }
            if CharacterClass.isApostrophe(c), i + 1 < end, scalars[i + 1] == "s" || scalars[i + 1] == "S",
               i + 2 >= end || !CharacterClass.isLetter(scalars[i + 2]),
               i > range.lowerBound, CharacterClass.isLetter(scalars[i - 1]) {
                tokens.append(Token(start: i, end: i + 2, kind: .word))
                i += 2
                continue
            }
            if c == ".", i + 2 < end, scalars[i + 1] == ".", scalars[i + 2] == "." {
                tokens.append(Token(start: i, end: i + 3, kind: .punctuation))
                i += 3
                continue
            }
            tokens.append(Token(start: i, end: i + 1, kind: CharacterClass.isSymbol(c) ? .symbol : .punctuation))
            i += 1
        }
    }

    private static func scanWord(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var i = start
        while i < end {
            let c = s[i]
            if (CharacterClass.isLetter(c) && !CharacterClass.isIdeograph(c)) || CharacterClass.isDigit(c) || CharacterClass.isMark(c) {
                i += 1
            } else if (c == "-" || c == "\u{2010}" || c == "&") && i + 1 < end && CharacterClass.isLetter(s[i + 1]) && i > start {
                i += 1
            } else if CharacterClass.isApostrophe(c) && i + 1 < end && CharacterClass.isLetter(s[i + 1]) {
                // A possessive `'s` at the end of a word is split off; `O'Brien`, `don't` stay whole.
                if (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= end || !CharacterClass.isLetter(s[i + 2])) {
                    return i
                }
                i += 1
            } else {
                break
            }
        }
        // Keep a full stop that belongs to the word: initials and initialisms (J., U.S., U.K.),
        // known abbreviations (Mr., Gen., Jan.).
        if i < end, s[i] == "." {
            let length = i - start
            // The last hyphen-separated part: "D-N.Y." is read like "N.Y.", "D-Ore." like "Ore.".
            var part = i
            while part > start && s[part - 1] != "-" { part -= 1 }
            if i - part == 1 && CharacterClass.isUppercase(s[part]) {
                var j = i + 1
                // U.S. / U.N. / U.S.A.: letter-dot runs.
                while j + 1 < end, CharacterClass.isLetter(s[j]), s[j + 1] == ".",
                      j + 2 >= end || !CharacterClass.isLetter(s[j + 2]) {
                    j += 2
                }
                return j == i + 1 ? i + 1 : j
            }
            // a.m. / p.m. / e.g. / i.e.: lowercase letter-dot runs.
            if length == 1, i + 2 < end, CharacterClass.isLowercase(s[i + 1]), s[i + 2] == ".",
               i + 3 >= end || !CharacterClass.isLetter(s[i + 3]) {
                return i + 3
            }
            if Abbreviations.contains(s[part..<i]) {
                return i + 1
            }
        }
        return i
    }

    private static func scanNumber(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var i = start
        while i < end {
            let c = s[i]
            if CharacterClass.isDigit(c) {
                i += 1
            } else if (c == "," || c == "." || c == ":" || c == "/" || c == "-") && i + 1 < end && CharacterClass.isDigit(s[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        return i
    }
}

/// Word forms that end with a full stop that does not end a sentence.
public enum Abbreviations {
    static let words: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
        "sen", "rep", "gov", "pres", "rev", "hon", "st", "jr", "sr", "messrs", "mt", "ft", "supt", "insp",
        "sens", "reps", "govs", "gens", "atty", "msgr", "fr", "sec", "amb", "cong",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "corp", "co", "ltd", "bros", "no", "nos", "vs", "etc", "approx", "dept", "univ", "assn",
        "ave", "blvd", "rd", "fig", "vol", "ca", "cf", "al", "e.g", "i.e", "u.s", "a.m", "p.m",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
        "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ]

    /// Titles that precede a name; a sentence never ends after one.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
        "sen", "rep", "gov", "pres", "rev", "hon", "st", "messrs", "mt", "supt", "insp", "no", "vs", "fig", "vol",
        "sens", "reps", "govs", "gens", "atty", "msgr", "fr", "amb",
    ]

    /// `words` and `titles` as `LatinKey`s, for lookups without building strings.
    static let wordKeys = Set(words.compactMap(LatinKey.of))
    static let titleKeys = Set(titles.compactMap(LatinKey.of))

    /// Whether `word` (without its full stop) is a known abbreviation.
    public static func contains(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count <= 6, let key = LatinKey.of(word) else { return false }
        return wordKeys.contains(key)
    }

    /// Whether `word` (without its full stop) is a title such as Mr or Gen.
    public static func isTitle(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count <= 6, let key = LatinKey.of(word) else { return false }
        return titleKeys.contains(key)
    }
}

/// Fast character classes over Unicode scalars, with an ASCII fast path.
public enum CharacterClass {
    @inlinable public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    @inlinable public static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    /// CJK ideographs and kana, which are written without spaces between words.
    @inlinable public static func isIdeograph(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    @inlinable public static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return c.properties.numericType == .decimal
    }

    @inlinable public static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return c.properties.isUppercase
    }

    @inlinable public static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return c.properties.isLowercase
    }

    @inlinable public static func isMark(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x300 && c.properties.generalCategory.isMark
    }

    @inlinable public static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}"
    }

    @inlinable public static func isSymbol(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "$", "€", "£", "¥", "₹", "₽", "₩", "%", "+", "=", "<", ">", "#", "@", "&", "*", "^", "~", "|", "°", "§": return true
        default: return false
        }
    }

    /// Opening or closing quotation marks.
    @inlinable public static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}", "'": return true
        default: return false
        }
    }
}

extension Unicode.GeneralCategory {
    @usableFromInline var isMark: Bool {
        self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
    }
}
