import Foundation

/// Finds a dateline at the start of the first paragraph: `Washington (AFP) –`, `WASHINGTON —`,
/// `LONDON (Reuters) -`, `HEMPSTEAD, N.Y., Sept. 26 (UPI) —`.
enum DatelineParser {
    private static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The dateline of the paragraph at `range` and its code-point range, or nil.
    static func parse(_ s: [Unicode.Scalar], paragraph range: Range<Int>) -> (Dateline, Range<Int>)? {
        // The dash: an em or en dash, or a hyphen (or two) with spaces around, in the first 100 code points.
        let limit = min(range.upperBound, range.lowerBound + 100)
        var dash: Range<Int>?
        var i = range.lowerBound + 1
        while i < limit {
            let c = s[i]
            if c == "\u{2014}" || c == "\u{2013}" {
                dash = i..<(i + 1)
                break
            }
            if c == "-", CharacterClass.isSpace(s[i - 1]) {
                var j = i + 1
                if j < range.upperBound && s[j] == "-" { j += 1 }
                if j < range.upperBound && CharacterClass.isSpace(s[j]) {
                    dash = i..<j
                    break
                }
            }
            // A sentence cannot end inside a dateline (a full stop after a lowercase letter).
            if c == "." && CharacterClass.isLowercase(s[i - 1]) && i + 1 < limit && CharacterClass.isSpace(s[i + 1])
                && !(i >= range.lowerBound + 4 && isAbbreviatedMonth(s, endingAt: i)) {
                return nil
            }
            i += 1
        }
        guard let dash else { return nil }
        var prefix = LinePrefix.text(s, range.lowerBound..<dash.lowerBound)
        while prefix.last?.isWhitespace == true || prefix.last == "," { prefix.removeLast() }
        guard !prefix.isEmpty else { return nil }

        var agency: String?
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            let inside = prefix[prefix.index(after: open)..<prefix.index(before: prefix.endIndex)]
                .trimmingSpaces()
            let words = inside.split(separator: " ")
            guard !words.isEmpty, words.count <= 4, !inside.contains(where: { $0.isNumber }),
                  let f = inside.unicodeScalars.first, CharacterClass.isUppercase(f) else { return nil }
            agency = inside
            prefix = String(prefix[..<open])
            while prefix.last?.isWhitespace == true || prefix.last == "," { prefix.removeLast() }
        }

        // The place: comma-separated parts up to the first that is a date.
        var parts: [String] = []
        for part in prefix.split(separator: ",") {
            let t = part.trimmingSpaces()
            let firstWord = t.split(separator: " ").first.map { $0.lowercased().trimmingPunctuation() } ?? ""
            if t.contains(where: { $0.isNumber }) || months.contains(firstWord) { break }
            parts.append(t)
        }
        let placeWords = parts.flatMap { $0.split(separator: " ") }
        guard placeWords.count <= 6, placeWords.count > 0 || agency != nil else { return nil }
        let connectors: Set<Substring> = ["de", "of", "la", "le", "el", "al", "du", "da", "del", "upon", "on", "am", "the"]
        for w in placeWords {
            guard let f = w.unicodeScalars.first else { return nil }
            if !(CharacterClass.isUppercase(f) || connectors.contains(w)) { return nil }
        }
        if agency == nil {
            // Without an agency only a place in capitals (`WASHINGTON —`) is a dateline.
            guard let w = placeWords.first, w.count >= 2,
                  w.unicodeScalars.allSatisfy({ !CharacterClass.isLowercase($0) }) else { return nil }
        }
        let place = parts.isEmpty ? nil : parts.map { part in
            part.split(separator: " ").map { LinePrefix.titleCasedIfAllCaps($0) }.joined(separator: " ")
        }.joined(separator: ", ")
        return (Dateline(place: place, agency: agency), range.lowerBound..<dash.upperBound)
    }

    /// Whether the word ending at the full stop `dot` is a month abbreviation (`Sept.`).
    private static func isAbbreviatedMonth(_ s: [Unicode.Scalar], endingAt dot: Int) -> Bool {
        var a = dot
        while a > 0 && CharacterClass.isLetter(s[a - 1]) && dot - a < 5 { a -= 1 }
        return months.contains(LinePrefix.lowered(s, a..<dot))
    }
}
