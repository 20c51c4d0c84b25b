/// The body text of an article as code points, with its paragraphs, tokens and sentences.
///
/// Every offset in a record counts Unicode code points, so the text is kept as an array of
/// scalars: index `i` is code point `i`, and slicing is O(length of the slice).
public struct Document: Sendable {
    public let text: String
    public let scalars: [Unicode.Scalar]
    /// The page's layout: title, byline, dateline, headings, paragraphs and furniture.
    public var layout: ArticleLayout
    /// Word, number and punctuation tokens of the content paragraphs, in text order.
    public var tokens: [Token]
    /// Sentences of the content paragraphs (body and headings), in text order.
    public var sentences: [Sentence]

    /// A document over `text` (whose code points are `scalars`) with the given layout, tokenised
    /// and split into sentences.
    public init(text: String, scalars: [Unicode.Scalar], layout: ArticleLayout) {
        self.text = text
        self.scalars = scalars
        self.layout = layout
        self.tokens = []
        self.sentences = []
        let segmented = SentenceSplitter.segment(scalars: scalars, blocks: layout.blocks, dateline: layout.datelineRange)
        self.tokens = segmented.tokens
        self.sentences = segmented.sentences
    }

    /// The text of code points `range`.
    public func slice(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// A record span for code points `range`.
    public func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: range.lowerBound, end: range.upperBound, text: slice(range))
    }

    /// The text of token `i`.
    public func tokenText(_ i: Int) -> String {
        slice(tokens[i].range)
    }

    /// The tokens of sentence `s`.
    public func tokens(of s: Sentence) -> ArraySlice<Token> {
        tokens[s.tokens]
    }
}

/// A token: a word, number, punctuation mark or symbol at a code-point range.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation, symbol
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind

    /// A token at `start..<end`.
    public init(start: Int, end: Int, kind: Kind) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.kind = kind
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A sentence: its code-point range, its tokens and the layout block it belongs to.
public struct Sentence: Sendable, Equatable {
    public var range: Range<Int>
    public var tokens: Range<Int>
    /// Index into `ArticleLayout.blocks`.
    public var block: Int

    /// A sentence over `range` holding tokens `tokens` of block `block`.
    public init(range: Range<Int>, tokens: Range<Int>, block: Int) {
        self.range = range
        self.tokens = tokens
        self.block = block
    }
}
