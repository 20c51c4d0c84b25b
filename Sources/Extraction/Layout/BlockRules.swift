import Foundation

/// The rules that tell a headline, a sub-heading, a byline and page furniture from a paragraph.
enum BlockRules {
    /// Whether a plain text's first block reads as its headline: short, and either set off by a
    /// blank line or without a final full stop (PolNeAR's headlines end with one, lead paragraphs
    /// are long).
    static func isTitle(_ s: [Unicode.Scalar], _ shape: LineShape, blankAfter: Bool) -> Bool {
        guard shape.words >= 1, shape.words <= 25, shape.range.count <= 250 else { return false }
        if blankAfter { return true }
        return !shape.endsWithStop || shape.last == ";"
    }

    /// The headline's text: trailing `;` and a final full stop (not an initialism's) removed.
    static func titleText(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var end = range.upperBound
        while end > range.lowerBound, s[end - 1] == ";" || CharacterClass.isSpace(s[end - 1]) { end -= 1 }
        if end - range.lowerBound >= 2, s[end - 1] == ".", s[end - 2] != ".",
           !(end - range.lowerBound >= 3 && s[end - 3] == ".") {
            end -= 1
        }
        return LinePrefix.text(s, range.lowerBound..<max(end, range.lowerBound + 1))
    }

    /// Whether a line between paragraphs is a sub-heading: short, starting with a capital or a
    /// digit, no final full stop ("A partnership against the West?" is one); or a short line in
    /// capitals ("ABSTRACT.").
    static func isHeading(_ shape: LineShape) -> Bool {
        guard shape.words >= 1, shape.words <= 14, shape.range.count <= 120 else { return false }
        if shape.allCaps && shape.words <= 5 && CharacterClass.isLetter(shape.first) { return true }
        guard CharacterClass.isUppercase(shape.first) || CharacterClass.isDigit(shape.first)
                || (CharacterClass.isLetter(shape.first) && !CharacterClass.isLowercase(shape.first)) else { return false }
        if shape.endsWithStop { return false }
        if shape.endsWithQuestion { return shape.words <= 10 }
        return true
    }

    /// The authors of a byline line (`By Jane Doe and John Roe`), or nil when the line is not one.
    static func bylineNames(_ s: [Unicode.Scalar], _ shape: LineShape) -> [String]? {
        guard shape.words >= 2, shape.words <= 14, shape.range.count <= 140 else { return nil }
        let r = shape.range
        guard r.count > 3, s[r.lowerBound] == "B" || s[r.lowerBound] == "b",
              s[r.lowerBound + 1] == "y" || s[r.lowerBound + 1] == "Y",
              s[r.lowerBound + 2] == " " || s[r.lowerBound + 2] == ":" else { return nil }
        var rest = LinePrefix.text(s, (r.lowerBound + 3)..<r.upperBound)
        if rest.hasPrefix(":") { rest.removeFirst() }
        return names(inByline: rest, requireCapitals: true)
    }

    /// The names in a byline's text after "By": split at commas, "and", `&` and `|`; parts with
    /// digits (dates) dropped. With `requireCapitals`, nil unless the first part is capitalised words.
    static func names(inByline text: String, requireCapitals: Bool) -> [String]? {
        var t = text
        for sep in [" and ", " And ", " AND ", " & ", "|", " \u{2022} ", " \u{00B7} ", ";"] {
            t = t.replacingOccurrences(of: sep, with: ",")
        }
        let particles: Set<Substring> = ["de", "van", "von", "der", "den", "al", "bin", "la", "le", "da", "del", "di", "du", "dos", "ibn"]
        var names: [String] = []
        for (k, part) in t.split(separator: ",").enumerated() {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
            if words.isEmpty { continue }
            if part.contains(where: { $0.isNumber }) { continue }
            let capitalised = words.allSatisfy { w in
                guard let f = w.unicodeScalars.first else { return false }
                return CharacterClass.isUppercase(f) || particles.contains(w) || !CharacterClass.isLetter(f) && w.count == 1
            }
            if !capitalised || words.count > 5 {
                if k == 0 && requireCapitals { return nil }
                continue
            }
            names.append(words.map { LinePrefix.titleCasedIfAllCaps($0) }.joined(separator: " "))
        }
        return names.isEmpty ? nil : names
    }

    /// Lines that are whole pieces of page furniture once trailing counts and punctuation are gone.
    private static let furnitureLines: Set<String> = [
        "advertisement", "advertising", "ad", "comments", "comment", "share", "share this", "share this article",
        "share this story", "share this post", "share on facebook", "share on twitter", "tweet", "email", "print",
        "read more", "related", "related articles", "related stories", "related content", "more stories",
        "recommended", "sponsored", "sponsored content", "skip advertisement", "continue reading",
        "story continues below advertisement", "listen to this article", "show comments", "view comments",
        "most read", "most popular", "trending", "leave a comment", "join the conversation", "subscribe",
        "back to top", "top of page", "scroll to continue with content", "getty", "getty images", "like the page",
        "like us on facebook", "ap photo", "reuters photo", "afp photo", "image source", "image caption", "media caption",
    ]

    /// Starts of lines that are page furniture.
    private static let furniturePrefixes: [String] = [
        "comments (", "share this", "share on ", "read more", "sign up for", "sign up to", "sign up now",
        "subscribe to", "subscribe now", "follow us", "\u{00A9}", "(c) ", "copyright \u{00A9}", "copyright 1",
        "copyright 2", "all rights reserved", "click here", "related:", "more:", "see also:", "read also:",
        "also read:", "download our app", "get our newsletter", "join our newsletter", "this article was amended",
    ]

    /// Whether a line is page furniture (`Comments 2`, `Share this article`, `Advertisement`,
    /// `Read more`, `Sign up for…`, `Follow us on…`, `© 2024 …`).
    static func isFurniture(_ s: [Unicode.Scalar], _ shape: LineShape) -> Bool {
        guard shape.words <= 24 else { return false }
        // Separator lines (`___`, `* * *`) hold no letters or digits.
        if shape.range.count <= 40,
           !s[shape.range].contains(where: { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) }) {
            return true
        }
        let lower = LinePrefix.lowered(s, shape.range, limit: 100)
        var core = Substring(lower)
        while let c = core.last, c.isNumber || c.isWhitespace || c.isPunctuation { core.removeLast() }
        if furnitureLines.contains(String(core)) { return true }
        for p in furniturePrefixes where lower.hasPrefix(p) { return true }
        if LinePrefix.contains(lower, "all rights reserved") { return true }
        if lower.hasPrefix("follow ") && shape.words <= 20 {
            for site in [" on twitter", " on facebook", " on instagram", " on x", " on linkedin", " on threads", "@"]
            where LinePrefix.contains(lower, site) {
                return true
            }
        }
        return false
    }
}
