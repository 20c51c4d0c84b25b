/// One paragraph's code points as a reader collects them, with runs of white space collapsed to one
/// space and no white space at either end.
struct ParagraphBuffer {
    private(set) var scalars: [Unicode.Scalar] = []
    private var pendingSpace = false

    var isEmpty: Bool { scalars.isEmpty }

    mutating func append(_ c: Unicode.Scalar) {
        if CharacterClass.isSpace(c) || c.value < 0x20 {
            pendingSpace = !scalars.isEmpty
            return
        }
        if pendingSpace {
            scalars.append(" ")
            pendingSpace = false
        }
        scalars.append(c)
    }

    mutating func append<S: Sequence>(contentsOf s: S) where S.Element == Unicode.Scalar {
        for c in s { append(c) }
    }

    /// A space before the next code point, if any comes (what `<br>` or a soft line break gives).
    mutating func space() {
        pendingSpace = !scalars.isEmpty
    }

    /// The paragraph so far; the buffer is left empty.
    mutating func take() -> [Unicode.Scalar] {
        defer {
            scalars.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        return scalars
    }
}

/// Builds a reader's body text block by block: paragraphs joined by blank lines, each with its
/// layout block in code points of the body.
struct BodyBuilder {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var blocks: [ArticleLayout.Block] = []

    /// Appends one block of already-collapsed text; empty text is ignored.
    mutating func add(_ text: [Unicode.Scalar], kind: ArticleLayout.Block.Kind) {
        guard !text.isEmpty else { return }
        if !scalars.isEmpty {
            scalars.append("\n")
            scalars.append("\n")
        }
        let start = scalars.count
        scalars.append(contentsOf: text)
        blocks.append(.init(range: start..<scalars.count, kind: kind))
    }

    /// Appends one block of text, collapsing white space first.
    mutating func addCollapsing<S: Sequence>(_ text: S, kind: ArticleLayout.Block.Kind) where S.Element == Unicode.Scalar {
        var p = ParagraphBuffer()
        p.append(contentsOf: text)
        add(p.take(), kind: kind)
    }

    /// The body text.
    var text: String {
        String(scalars: scalars)
    }
}

extension String {
    /// The string's code points, white space collapsed, ends trimmed; nil when nothing is left.
    var collapsedOrNil: String? {
        var p = ParagraphBuffer()
        p.append(contentsOf: unicodeScalars)
        guard !p.isEmpty else { return nil }
        return String(scalars: p.scalars)
    }
}
