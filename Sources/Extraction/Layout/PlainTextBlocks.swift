/// Splits plain text into blocks: one per line, except that a hard-wrapped text's lines join into
/// paragraphs, and a line that starts in lower case continues the sentence the line before left
/// open ("…between Beijing and the U.S.\nfocused sharply on…").
enum PlainTextBlocks {
    struct Line {
        var range: Range<Int>
        var blankBefore: Bool
    }

    /// The non-empty lines of `s` (ends trimmed), each noting whether a blank line came before it.
    static func lines(_ s: [Unicode.Scalar]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var blank = false
        var i = 0
        let n = s.count
        while i <= n {
            var next = i + 1
            let isBreak: Bool
            if i == n {
                isBreak = true
            } else {
                switch s[i] {
                case "\n", "\u{2028}", "\u{2029}", "\u{0C}", "\u{0B}", "\u{85}": isBreak = true
                case "\r":
                    isBreak = true
                    if i + 1 < n && s[i + 1] == "\n" { next = i + 2 }
                default: isBreak = false
                }
            }
            if isBreak {
                var a = start, b = i
                while a < b, CharacterClass.isSpace(s[a]) { a += 1 }
                while b > a, CharacterClass.isSpace(s[b - 1]) { b -= 1 }
                if a < b {
                    lines.append(Line(range: a..<b, blankBefore: blank && !lines.isEmpty))
                    blank = false
                } else {
                    blank = true
                }
                start = next
                i = next
            } else {
                i += 1
            }
        }
        return lines
    }

    /// Paragraph blocks of plain text.
    static func blocks(_ s: [Unicode.Scalar]) -> [ArticleLayout.Block] {
        let lines = lines(s)
        guard !lines.isEmpty else { return [] }
        // Hard-wrapped: blank lines separate paragraphs and most lines run on into the next one
        // at a typical terminal width.
        var runOn = 0, midLength = 0
        for (k, line) in lines.enumerated() {
            if k + 1 < lines.count && !lines[k + 1].blankBefore { runOn += 1 }
            if (30...100).contains(line.range.count) { midLength += 1 }
        }
        let hasBlank = lines.contains { $0.blankBefore }
        let wrapped = hasBlank && runOn * 2 > lines.count && midLength * 10 >= lines.count * 7

        var blocks: [ArticleLayout.Block] = []
        for line in lines {
            if let previous = blocks.last, !line.blankBefore,
               wrapped || continues(s, previous: previous.range, line: line.range) {
                blocks[blocks.count - 1].range = previous.range.lowerBound..<line.range.upperBound
            } else {
                blocks.append(.init(range: line.range, kind: .paragraph))
            }
        }
        return blocks
    }

    /// Whether `line` continues the sentence `previous` left open: the previous line does not end
    /// with a stop and this one starts with a lowercase letter.
    private static func continues(_ s: [Unicode.Scalar], previous: Range<Int>, line: Range<Int>) -> Bool {
        guard CharacterClass.isLowercase(s[line.lowerBound]) else { return false }
        let end = s[previous.upperBound - 1]
        switch end {
        case "?", "!", "\u{2026}", ":", ";", "\u{3002}":
            return false
        case ".":
            // "the U.S.\nfocused": an initialism's full stop does not end the sentence.
            return previous.count >= 3 && s[previous.upperBound - 3] == "."
        default:
            return true
        }
    }
}
