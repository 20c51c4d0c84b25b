import Extraction

/// A document with gold entity spans, as `conll_to_docs.py` in the shared tools writes it: the
/// tokens of a sentence joined by spaces, a sentence a line, spans as code-point ranges.
public struct GoldDocument: Sendable {
    public var text: String
    /// Type index (see `TagSet.types`) and code-point range of each gold span.
    public var spans: [(type: Int, range: Range<Int>)]

    /// A document over `text` with `spans`.
    public init(text: String, spans: [(type: Int, range: Range<Int>)]) {
        self.text = text
        self.spans = spans
    }
}

/// Reads CoNLL-2003 files (word, POS, chunk, IOB1 tag a line; blank lines between sentences).
public enum CoNLLCorpus {
    /// The type index of a CoNLL type name.
    public static func typeIndex(_ name: Substring) -> Int? {
        switch name {
        case "PER": return 0
        case "ORG": return 1
        case "LOC": return 2
        case "MISC": return 3
        default: return nil
        }
    }

    /// The documents of a CoNLL file's content, exactly as `conll_to_docs.py` builds them.
    public static func documents(_ content: String) -> [GoldDocument] {
        var docs: [[[(word: Substring, tag: Substring)]]] = []
        var doc: [[(word: Substring, tag: Substring)]] = []
        var sentence: [(word: Substring, tag: Substring)] = []
        for line in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.hasPrefix("-DOCSTART-") {
                if !sentence.isEmpty { doc.append(sentence); sentence = [] }
                if !doc.isEmpty { docs.append(doc) }
                doc = []
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !sentence.isEmpty { doc.append(sentence); sentence = [] }
            } else {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                sentence.append((parts[0], parts[parts.count - 1]))
            }
        }
        if !sentence.isEmpty { doc.append(sentence) }
        if !doc.isEmpty { docs.append(doc) }
        return docs.map(goldDocument)
    }

    private static func goldDocument(_ sentences: [[(word: Substring, tag: Substring)]]) -> GoldDocument {
        var text = ""
        var spans: [(type: Int, range: Range<Int>)] = []
        var pos = 0
        for sentence in sentences {
            var current: (type: Int, start: Int, end: Int)?
            for (i, (word, tag)) in sentence.enumerated() {
                if i > 0 { text += " "; pos += 1 }
                let start = pos
                text += word
                pos += word.unicodeScalars.count
                let kind = tag == "O" ? nil : typeIndex(tag.dropFirst(2))
                if let kind, current == nil || current!.type != kind || tag.hasPrefix("B-") {
                    if let c = current { spans.append((c.type, c.start..<c.end)) }
                    current = (kind, start, pos)
                } else if kind != nil {
                    current!.end = pos
                } else if let c = current {
                    spans.append((c.type, c.start..<c.end))
                    current = nil
                }
            }
            if let c = current { spans.append((c.type, c.start..<c.end)) }
            text += "\n"
            pos += 1
        }
        return GoldDocument(text: text, spans: spans)
    }

    /// A plain-text document as the daemon builds it: layout, tokens and sentences.
    public static func document(_ text: String) -> Document {
        let scalars = Array(text.unicodeScalars)
        let read = ArticleReader.read(text, format: .text)
        let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: read)
        return Document(text: text, scalars: scalars, layout: layout)
    }

    /// The BILOU tags of `doc.tokens` for gold spans over its code points: a token belongs to the
    /// span that holds its first code point.
    public static func tags(_ doc: Document, spans: [(type: Int, range: Range<Int>)]) -> [UInt8] {
        var owner = [Int](repeating: -1, count: doc.tokens.count)
        let sorted = spans.enumerated().sorted { $0.element.range.lowerBound < $1.element.range.lowerBound }
        var s = 0
        for (i, token) in doc.tokens.enumerated() {
            let start = Int(token.start)
            while s < sorted.count && sorted[s].element.range.upperBound <= start { s += 1 }
            if s < sorted.count && sorted[s].element.range.contains(start) { owner[i] = sorted[s].offset }
        }
        var tokenSpans: [(tokens: Range<Int>, type: Int)] = []
        var i = 0
        while i < owner.count {
            guard owner[i] >= 0 else { i += 1; continue }
            var j = i + 1
            while j < owner.count && owner[j] == owner[i] { j += 1 }
            tokenSpans.append((i..<j, spans[owner[i]].type))
            i = j
        }
        return TagSet.encode(length: doc.tokens.count, spans: tokenSpans)
    }
}
