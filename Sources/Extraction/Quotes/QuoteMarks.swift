/// A stretch of text between quotation marks.
struct QuotedSpan: Sendable, Equatable {
    /// Code point of the opening mark.
    var open: Int
    /// Code point of the closing mark (or the end of the paragraph when the mark is missing).
    var close: Int
    /// The quoted words, without the outer marks and surrounding spaces.
    var content: Range<Int>
    /// Whether the marks are single (`‘…’`) rather than double.
    var single: Bool
}

/// Finds quoted spans with one linear scan over the content blocks: curly and straight marks,
/// nested single quotes, and quotes that run over paragraphs (each paragraph opens with a mark,
/// only the last one closes).
enum QuoteMarks {
    /// Quoted spans in text order.
    static func scan(_ scalars: [Unicode.Scalar], blocks: [ArticleLayout.Block]) -> [QuotedSpan] {
        var spans: [QuotedSpan] = []
        let content = blocks.filter(\.isContent)
        var carried: Int? = nil   // opening mark of a quote that continues from the previous paragraph
        for (b, block) in content.enumerated() {
            var open: Int? = carried
            carried = nil
            var singleOpen: Int? = nil
            var i = block.range.lowerBound
            let end = block.range.upperBound
            if open != nil {
                // Skip the continuation mark that opens this paragraph.
                while i < end, CharacterClass.isSpace(scalars[i]) { i += 1 }
                if i < end, isDoubleOpener(scalars[i]) || scalars[i] == "\"" { i += 1 }
            }
            while i < end {
                var c = scalars[i]
                var width = 1
                if c == "'", i + 1 < end, scalars[i + 1] == "'" {
                    c = "\""   // `''It's like a new plane,'' Mr. Trump said`: two apostrophes make a double mark
                    width = 2
                }
                let prev: Unicode.Scalar = i > block.range.lowerBound ? scalars[i - 1] : " "
                let next: Unicode.Scalar = i + width < end ? scalars[i + width] : " "
                switch c {
                case "\u{201C}", "\u{201E}", "\u{00AB}":
                    if let o = open, !isSpaceOrStart(prev), isSpaceOrStart(next) || isClosingContext(next) {
                        append(o, i, scalars, single: false, to: &spans)   // an opening mark typed as a closing one
                        open = nil
                    } else {
                        open = i
                        singleOpen = nil
                    }
                case "\u{201D}", "\u{00BB}":
                    if let o = open {
                        append(o, i, scalars, single: false, to: &spans)
                        open = nil
                    } else if isSpaceOrStart(prev) && CharacterClass.isLetter(next) {
                        open = i   // a closing mark typed as an opening one
                        singleOpen = nil
                    }
                case "\"":
                    if let o = open {
                        if isSpaceOrStart(prev) && !isSpaceOrStart(next) && !isClosingContext(next) {
                            open = i   // the earlier mark was never closed
                        } else {
                            append(o, i, scalars, single: false, to: &spans)
                            open = nil
                        }
                    } else if !isSpaceOrStart(next) {
                        open = i
                        singleOpen = nil
                    }
                case "\u{2018}":
                    if open == nil, !CharacterClass.isLetter(prev), !CharacterClass.isDigit(prev) { singleOpen = i }
                case "'":
                    if open == nil {
                        if let s = singleOpen, !isSpaceOrStart(prev), !CharacterClass.isLetter(next) {
                            append(s, i, scalars, single: true, to: &spans)
                            singleOpen = nil
                        } else if isSpaceOrStart(prev) || prev == "(" {
                            if CharacterClass.isLetter(next) { singleOpen = i }
                        }
                    }
                case "\u{2019}":
                    if open == nil, let s = singleOpen, !isSpaceOrStart(prev),
                       !CharacterClass.isLetter(next), !CharacterClass.isDigit(next) {
                        append(s, i, scalars, single: true, to: &spans)
                        singleOpen = nil
                    }
                default:
                    break
                }
                i += width
            }
            guard let o = open else { continue }
            // An unclosed quote continues when the next paragraph opens with a mark.
            if b + 1 < content.count, opensWithMark(scalars, content[b + 1].range) {
                carried = o
            } else if opensClause(scalars, before: o, blockStart: block.range.lowerBound) {
                append(o, end, scalars, single: false, to: &spans)
            }
        }
        return spans
    }

    @inline(__always)
    static func isDoubleOpener(_ c: Unicode.Scalar) -> Bool {
        c == "\u{201C}" || c == "\u{201E}" || c == "\u{00AB}"
    }

    @inline(__always)
    private static func isSpaceOrStart(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isSpace(c) || c == "(" || c == "[" || c == "\u{2014}" || c == "\u{2013}"
    }

    @inline(__always)
    private static func isClosingContext(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "." || c == ";" || c == ":" || c == "?" || c == "!" || c == ")"
    }

    private static func opensWithMark(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound, CharacterClass.isSpace(scalars[i]) { i += 1 }
        return i < range.upperBound && (isDoubleOpener(scalars[i]) || scalars[i] == "\"")
    }

    /// Whether an unclosed mark at `o` starts a quotation (paragraph start, after `:` or `,`)
    /// rather than being a stray mark.
    private static func opensClause(_ scalars: [Unicode.Scalar], before o: Int, blockStart: Int) -> Bool {
        var i = o - 1
        while i >= blockStart, CharacterClass.isSpace(scalars[i]) { i -= 1 }
        return i < blockStart || scalars[i] == ":" || scalars[i] == ","
    }

    private static func append(_ open: Int, _ close: Int, _ scalars: [Unicode.Scalar], single: Bool,
                               to spans: inout [QuotedSpan]) {
        var s = open + 1
        if scalars[open] == "'", s < close, scalars[s] == "'" { s += 1 }
        var e = close
        while s < e, CharacterClass.isSpace(scalars[s]) { s += 1 }
        while e > s, CharacterClass.isSpace(scalars[e - 1]) { e -= 1 }
        guard s < e else { return }
        spans.append(QuotedSpan(open: open, close: close, content: s..<e, single: single))
    }
}
