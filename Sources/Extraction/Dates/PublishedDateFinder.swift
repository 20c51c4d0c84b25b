/// Finds a publication date stated near the top of an article (see `DateExtractor.publishedDate`).
enum PublishedDateFinder {
    /// How many blocks, and code points, at the top of the page are searched.
    static let maxBlocks = 8
    static let maxScalars = 4_000

    static func find(_ doc: Document) -> String? {
        var updated: String?
        var firstParagraphSeen = false
        for block in doc.layout.blocks.prefix(maxBlocks) {
            guard block.range.lowerBound < maxScalars else { break }
            let range = block.range.lowerBound..<min(block.range.upperBound, block.range.lowerBound + 400)
            // A date with its year has digits; most lines at the top have none.
            guard doc.scalars[range].contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) else {
                if block.kind == .paragraph { firstParagraphSeen = true }
                continue
            }
            var tokens: [Token] = []
            Tokenizer.tokenize(doc.scalars, in: range, into: &tokens)
            guard !tokens.isEmpty else { continue }
            let scanner = DateScanner(scalars: doc.scalars, tokens: tokens, reference: nil)
            let hi = tokens.count
            var i = 0
            // The cue opens its line ("Published …", "First published …", "Last updated …"): in running
            // text "a report published May 3, 2015" is about something else.
            while i < min(hi, 3) {
                let key = tokens[i].kind == .word ? scanner.wordKey(i) : nil
                if let key, Word.publishedCues.contains(key) || key == Word.updated {
                    if let date = firstFullDate(scanner, from: i + 1, to: min(hi, i + 14)) {
                        if key == Word.updated {
                            if updated == nil { updated = date.value }
                        } else {
                            return date.value
                        }
                    }
                }
                i += 1
            }
            // A short line that is a date ("Thursday, May 16, 2024 10:32 GMT").
            if hi <= 12, let date = firstFullDate(scanner, from: 0, to: hi),
               date.end - date.first >= hi / 2 {
                return date.value
            }
            // A dateline in the first words of the first paragraph.
            if block.kind == .paragraph && !firstParagraphSeen {
                firstParagraphSeen = true
                if let date = firstFullDate(scanner, from: 0, to: min(hi, 10)) { return date.value }
            }
        }
        return updated
    }

    /// The first date with day and year written out in tokens `from..<to`.
    private static func firstFullDate(_ scanner: DateScanner, from: Int, to: Int) -> DateScanner.Match? {
        var i = from
        while i < to {
            if let m = scanner.match(at: i, hi: to), m.resolution == .day, m.explicitYear {
                return m
            }
            i += 1
        }
        return nil
    }
}
