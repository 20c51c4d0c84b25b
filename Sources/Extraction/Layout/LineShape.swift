/// Cheap facts about one line or block of text that the layout rules look at, each bounded so
/// that a megabyte-long line costs no more than a short one.
struct LineShape {
    let range: Range<Int>
    /// Words, counted up to `wordLimit + 1`.
    let words: Int
    let first: Unicode.Scalar
    let last: Unicode.Scalar
    /// The code point before `last`, or `last` itself for a one-code-point line.
    let beforeLast: Unicode.Scalar
    /// Whether every cased letter in the first 200 code points is uppercase (and there are some).
    let allCaps: Bool

    static let wordLimit = 40

    init(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        self.range = range
        first = s[range.lowerBound]
        last = s[range.upperBound - 1]
        beforeLast = range.count > 1 ? s[range.upperBound - 2] : last
        var words = 0
        var inWord = false
        var upper = 0, lower = 0
        var i = range.lowerBound
        while i < range.upperBound && words <= LineShape.wordLimit {
            let c = s[i]
            if CharacterClass.isSpace(c) {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
                if i - range.lowerBound < 200 {
                    if CharacterClass.isUppercase(c) { upper += 1 } else if CharacterClass.isLowercase(c) { lower += 1 }
                }
            }
            i += 1
        }
        self.words = words
        allCaps = upper >= 2 && lower == 0
    }

    /// Whether the line ends like a sentence: a full stop, `!`, `,`, `;` or `:`, possibly inside
    /// closing quotes or brackets.
    var endsWithStop: Bool {
        var c = last
        if LineShape.isCloser(c) { c = beforeLast }
        return c == "." || c == "!" || c == "," || c == ";" || c == ":" || c == "\u{2026}" || c == "\u{3002}"
    }

    /// Whether the line ends with a question mark (possibly inside closing quotes).
    var endsWithQuestion: Bool {
        last == "?" || (LineShape.isCloser(last) && beforeLast == "?")
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "\u{201D}", "\u{2019}", "'", ")", "]", "\u{00BB}": return true
        default: return false
        }
    }

    static func isOpeningQuote(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "\u{201C}", "\u{2018}", "'", "\u{00AB}", "\u{201E}": return true
        default: return false
        }
    }
}

/// Lowercased text of the start of a range, for matching fixed phrases.
enum LinePrefix {
    /// At most `limit` code points of `s[range]`, lowercased.
    static func lowered(_ s: [Unicode.Scalar], _ range: Range<Int>, limit: Int = 80) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(limit + 8)
        var i = range.lowerBound
        let end = min(range.upperBound, range.lowerBound + limit)
        while i < end {
            let v = s[i].value
            if v < 0x80 {
                out.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
            } else {
                // Latin-1 capitals fold by +0x20; other scripts' case does not matter to the phrases.
                let c = (v >= 0xC0 && v <= 0xDE && v != 0xD7) ? Unicode.Scalar(v + 0x20)! : s[i]
                out.append(contentsOf: String(c).utf8)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `haystack` holds `needle` (byte comparison; Foundation's search is far slower).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8), n = Array(needle.utf8)
        guard n.count <= h.count, let first = n.first else { return n.isEmpty }
        var i = 0
        while i + n.count <= h.count {
            if h[i] == first && h[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    /// `s[range]` as a string.
    static func text(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(scalars: s[range])
    }

    /// `WASHINGTON` → `Washington`; words with full stops (`N.Y.`) or of two letters stay as they are.
    static func titleCasedIfAllCaps(_ word: Substring) -> String {
        guard word.count > 2, !word.contains("."),
              word.unicodeScalars.allSatisfy({ !CharacterClass.isLowercase($0) }) else { return String(word) }
        return word.prefix(1) + word.dropFirst().lowercased()
    }
}
