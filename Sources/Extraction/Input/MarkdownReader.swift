import Foundation

/// Reads Markdown: `#` headings (the first level-one heading at the top is the headline), front
/// matter (`title:`, `author:`, `date:`), paragraphs with their markup removed (emphasis, links →
/// link text, images dropped, code spans kept as text, code blocks dropped, list and quote markers
/// dropped, each list item a paragraph).
enum MarkdownReader {
    static func read(_ text: String) -> ReadArticle {
        let lines = splitLines(Array(text.unicodeScalars))
        var builder = BodyBuilder()
        var paragraph = ParagraphBuffer()
        var title: String?
        var byline: [String] = []
        var published: String?
        var fence: Unicode.Scalar?
        var k = 0

        // Front matter.
        if let first = lines.first, isRule(first, of: "-"), first.count == 3 {
            var j = 1
            while j < lines.count && !(isRule(lines[j], of: "-") && lines[j].count == 3) && j < 200 {
                let line = String(String.UnicodeScalarView(lines[j]))
                if let colon = line.firstIndex(of: ":") {
                    let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first {
                        value = String(value.dropFirst().dropLast())
                    }
                    switch key {
                    case "title", "headline": title = value.collapsedOrNil
                    case "author", "authors", "byline": byline = JSONArticleReader.names(in: .string(value))
                    case "date", "published", "datepublished": published = value.collapsedOrNil
                    default: break
                    }
                }
                j += 1
            }
            if j < lines.count { k = j + 1 }
        }

        func endParagraph(_ kind: ArticleLayout.Block.Kind = .paragraph) {
            let p = paragraph.take()
            builder.add(p, kind: kind)
        }

        while k < lines.count {
            let line = lines[k]
            k += 1
            var a = 0
            while a < line.count && a < 4 && (line[a] == " " || line[a] == "\t") { a += 1 }
            let body = line[a...]
            // Code fences: the code is not article text.
            if let f = fence {
                if body.starts(with: [f, f, f]) { fence = nil }
                continue
            }
            if body.starts(with: ["`", "`", "`"]) || body.starts(with: ["~", "~", "~"]) {
                endParagraph()
                fence = body.first
                continue
            }
            if body.allSatisfy({ CharacterClass.isSpace($0) }) {
                endParagraph()
                continue
            }
            if a >= 4 && paragraph.isEmpty {
                continue // an indented code block
            }
            // Setext underline: the paragraph so far is a heading.
            if !paragraph.isEmpty && (isRule(body, of: "=") || isRule(body, of: "-")) && !body.contains(" ") {
                endParagraph(body.first == "=" && builder.blocks.isEmpty && title == nil ? .title : .heading)
                if builder.blocks.last?.kind == .title {
                    title = String(String.UnicodeScalarView(builder.scalars[builder.blocks.last!.range]))
                }
                continue
            }
            if isRule(body, of: "-") || isRule(body, of: "*") || isRule(body, of: "_") {
                endParagraph()
                continue
            }
            // ATX headings.
            var hashes = 0
            while hashes < body.count && body[body.startIndex + hashes] == "#" { hashes += 1 }
            if hashes >= 1 && hashes <= 6 && (hashes == body.count || CharacterClass.isSpace(body[body.startIndex + hashes])) {
                endParagraph()
                var h = Array(body.dropFirst(hashes))
                while let last = h.last, last == "#" || CharacterClass.isSpace(last) { h.removeLast() }
                let kind: ArticleLayout.Block.Kind = hashes == 1 && title == nil && builder.blocks.isEmpty ? .title : .heading
                var buffer = ParagraphBuffer()
                Inline.strip(h[...], into: &buffer)
                let text = buffer.take()
                builder.add(text, kind: kind)
                if kind == .title && !text.isEmpty { title = String(String.UnicodeScalarView(text)) }
                continue
            }
            // Reference definitions: `[id]: http://…`.
            if body.first == "[", let close = body.firstIndex(of: "]"), close + 1 < body.endIndex, body[close + 1] == ":" {
                continue
            }
            // Quote and list markers.
            var content = body
            while content.first == ">" {
                content = content.dropFirst()
                while let f = content.first, f == " " { content = content.dropFirst() }
            }
            if let itemStart = listItemStart(content) {
                endParagraph()
                content = content[itemStart...]
            }
            Inline.strip(content, into: &paragraph)
            paragraph.space()
        }
        endParagraph()
        return ReadArticle(body: builder.text, title: title, byline: byline, published: published, blocks: builder.blocks)
    }

    private static func splitLines(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for c in s {
            if c == "\n" {
                lines.append(current)
                current.removeAll(keepingCapacity: true)
            } else if c != "\r" {
                current.append(c)
            }
        }
        lines.append(current)
        return lines
    }

    /// `---`, `***`, `===`: three or more of `c` (spaces allowed) and nothing else.
    private static func isRule<C: Collection>(_ line: C, of c: Unicode.Scalar) -> Bool where C.Element == Unicode.Scalar {
        var count = 0
        for x in line {
            if x == c { count += 1 } else if x != " " && x != "\t" { return false }
        }
        return count >= 3
    }

    /// Where a list item's text starts after `- `, `* `, `+ ` or `12. `, or nil.
    private static func listItemStart(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let f = s.first else { return nil }
        let i = s.startIndex
        if (f == "-" || f == "*" || f == "+") && i + 1 < s.endIndex && s[i + 1] == " " { return i + 2 }
        var j = i
        while j < s.endIndex && j - i < 9 && CharacterClass.isDigit(s[j]) && s[j].value < 0x80 { j += 1 }
        if j > i && j + 1 < s.endIndex && (s[j] == "." || s[j] == ")") && s[j + 1] == " " { return j + 2 }
        return nil
    }
}

/// Inline Markdown: emphasis markers, links, images, code spans, escapes, autolinks and HTML tags.
enum Inline {
    /// Appends the text of `s` without its inline markup to `out`. Linear: bracket and parenthesis
    /// partners are found by one backward pass, not by searching from every `[`.
    static func strip(_ s: ArraySlice<Unicode.Scalar>, into out: inout ParagraphBuffer) {
        let a = Array(s)
        let n = a.count
        // next…[i]: the first index ≥ i holding that mark, n when none (built only for marks present).
        let next = NextMarks(a)
        var skipTo = [Int: Int]() // `]` of a link → index after its `(url)` or `[ref]`
        var i = 0
        while i < n {
            if let jump = skipTo[i] {
                i = jump
                continue
            }
            let c = a[i]
            switch c {
            case "\\" where i + 1 < n && isASCIIPunctuation(a[i + 1]):
                out.append(a[i + 1])
                i += 2
            case "`":
                let close = next.tick(i + 1)
                if close < n {
                    out.append(contentsOf: a[(i + 1)..<close])
                    i = close + 1
                } else {
                    out.append(c)
                    i += 1
                }
            case "!" where i + 1 < n && a[i + 1] == "[":
                let close = next.bracket(i + 2)
                if let after = linkEnd(a, close, next) {
                    i = after // an image: dropped with its alt text
                } else {
                    out.append(c)
                    i += 1
                }
            case "[":
                let close = next.bracket(i + 1)
                if let after = linkEnd(a, close, next) {
                    skipTo[close] = after
                }
                i += 1
            case "<":
                let close = next.angle(i + 1)
                if close < n && close - i < 300 && i + 1 < n && (CharacterClass.isLetter(a[i + 1]) || a[i + 1] == "/") {
                    let inner = a[(i + 1)..<close]
                    if inner.starts(with: ["h", "t", "t", "p"]) || inner.contains("@") {
                        out.append(contentsOf: inner) // an autolink
                    }
                    i = close + 1
                } else {
                    out.append(c)
                    i += 1
                }
            case "*", "_", "~":
                // Emphasis delimiters go; a lone `*` between spaces (5 * 3) or `_` inside a word stays.
                var e = i
                while e < n && a[e] == c { e += 1 }
                let before: Unicode.Scalar = i > 0 ? a[i - 1] : " "
                let after: Unicode.Scalar = e < n ? a[e] : " "
                let wordInside = CharacterClass.isLetter(before) && CharacterClass.isLetter(after)
                if (CharacterClass.isSpace(before) && CharacterClass.isSpace(after)) || (c != "*" && wordInside) || (c == "~" && e - i == 1) {
                    out.append(contentsOf: a[i..<e])
                }
                i = e
            default:
                out.append(c)
                i += 1
            }
        }
    }

    /// For a `]` at `close`, the index after the link's `(destination)` or `[ref]` that follows it.
    private static func linkEnd(_ a: [Unicode.Scalar], _ close: Int, _ next: NextMarks) -> Int? {
        let n = a.count
        guard close + 1 < n else { return close < n ? close + 1 : nil }
        if a[close + 1] == "(" {
            let p = next.paren(close + 2)
            return p < n ? p + 1 : nil
        }
        if a[close + 1] == "[" {
            let b = next.bracket(close + 2)
            return b < n ? b + 1 : nil
        }
        return close + 1
    }

    private static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 && !CharacterClass.isLetter(c) && !CharacterClass.isDigit(c) && !CharacterClass.isSpace(c) && c.value > 0x20
    }
}

/// For each position of a line, where the next `]`, `)`, backtick and `>` are: one backward pass,
/// so finding a link's or code span's end never scans ahead.
private struct NextMarks {
    private var brackets: [Int32] = []
    private var parens: [Int32] = []
    private var ticks: [Int32] = []
    private var angles: [Int32] = []
    private let n: Int

    init(_ a: [Unicode.Scalar]) {
        n = a.count
        brackets = NextMarks.table(a, "]")
        parens = NextMarks.table(a, ")")
        ticks = NextMarks.table(a, "`")
        angles = NextMarks.table(a, ">")
    }

    /// Empty when `mark` does not occur (every lookup then answers n).
    private static func table(_ a: [Unicode.Scalar], _ mark: Unicode.Scalar) -> [Int32] {
        guard a.contains(mark) else { return [] }
        var t = [Int32](repeating: Int32(a.count), count: a.count + 1)
        var j = a.count - 1
        while j >= 0 {
            t[j] = a[j] == mark ? Int32(j) : t[j + 1]
            j -= 1
        }
        return t
    }

    private func look(_ t: [Int32], _ i: Int) -> Int { t.isEmpty || i > n ? n : Int(t[i]) }
    func bracket(_ i: Int) -> Int { look(brackets, i) }
    func paren(_ i: Int) -> Int { look(parens, i) }
    func tick(_ i: Int) -> Int { look(ticks, i) }
    func angle(_ i: Int) -> Int { look(angles, i) }
}
