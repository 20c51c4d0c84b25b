/// Finds absolute and relative date expressions and resolves them to ISO 8601 values.
///
/// Absolute: `May 16, 2024`, `16 May 2024`, `2024-05-16`, `5/16/2024`, `February 2022`, `in 2023`.
/// Relative (resolved against the reference date, `relative: true`): `Thursday` (the most recent
/// Thursday on or before the reference date), `last Monday`, `yesterday`, `today`, `last year`,
/// `this month`, `next March`, `two years ago`, `the previous year`, and a day or month without a
/// year (`Jan. 5`, `in May`: the year that puts it nearest the reference date). Weeks (`next week`)
/// have no ISO value at these resolutions and are not reported. A four-digit number counts as a year
/// only when nothing around it says it is a quantity or a sum (`2,000 troops`, `$2024`, `2024 million`).
public enum DateExtractor {
    /// Date mentions in the content of `doc`; relative ones resolve against `reference`.
    public static func extract(_ doc: Document, reference: CivilDate) -> [DateMention] {
        let scanner = DateScanner(scalars: doc.scalars, tokens: doc.tokens, reference: reference)
        var mentions: [DateMention] = []
        for sentence in doc.sentences {
            var i = sentence.tokens.lowerBound
            let hi = sentence.tokens.upperBound
            while i < hi {
                guard mightStartDate(doc.tokens[i], doc.scalars), let m = scanner.match(at: i, hi: hi), m.end > i else {
                    i += 1
                    continue
                }
                let range = Int(doc.tokens[m.first].start)..<Int(doc.tokens[m.end - 1].end)
                mentions.append(DateMention(text: doc.slice(range), start: range.lowerBound, end: range.upperBound,
                                            value: m.value, resolution: m.resolution, relative: m.relative))
                i = m.end
            }
        }
        return mentions
    }

    /// A cheap filter before the scanner: numbers, and words that start a date word.
    @inline(__always)
    static func mightStartDate(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        switch t.kind {
        case .number: return true
        case .word:
            guard t.end - t.start <= 10 else { return false }
            switch scalars[Int(t.start)] {
            case "a", "A", "d", "D", "e", "E", "f", "F", "h", "H", "j", "J", "l", "L", "m", "M", "n", "N", "o", "O",
                 "p", "P", "s", "S", "t", "T", "w", "W", "y", "Y":
                return true
            default: return false
            }
        default: return false
        }
    }

    /// The article's own publication date from its text (a dateline or a "Published …" line), if any.
    ///
    /// Looks at the first blocks of the page, furniture included: a date with its year after
    /// `Published`, `Posted` or `Updated` opening a line (a published date wins over an updated one), a short line
    /// that is mostly a date, or a date in the first words of the first paragraph (a dateline such as
    /// `WASHINGTON, May 16, 2024 (Reuters) –`). Returns `2024-05-16`, or nil.
    public static func publishedDate(in doc: Document) -> String? {
        PublishedDateFinder.find(doc)
    }
}
