/// How an article's body text is laid out: which ranges are the headline, the byline, headings,
/// body paragraphs and page furniture.
public struct ArticleLayout: Sendable, Equatable {
    /// One block of the body text, usually a line or paragraph.
    public struct Block: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// The headline, when it is part of the body text (a plain-text file's first line).
            case title
            /// `By Jane Doe`.
            case byline
            /// A sub-heading.
            case heading
            /// An ordinary paragraph.
            case paragraph
            /// `Comments 2`, `Share this article`, `Advertisement`: not part of the article.
            case furniture
        }

        public var range: Range<Int>
        public var kind: Kind

        /// A block of `kind` over code points `range`.
        public init(range: Range<Int>, kind: Kind) {
            self.range = range
            self.kind = kind
        }

        /// Whether the block's words count as the article's content (stats, sentences, entities).
        public var isContent: Bool {
            kind == .paragraph || kind == .heading || kind == .title
        }
    }

    public var blocks: [Block]
    public var title: String?
    public var byline: [String]
    public var dateline: Dateline?
    /// Code-point range of the dateline (`Washington (AFP) –`), kept out of sentences' first words.
    public var datelineRange: Range<Int>?

    /// A layout of `blocks`.
    public init(blocks: [Block], title: String? = nil, byline: [String] = [], dateline: Dateline? = nil,
                datelineRange: Range<Int>? = nil) {
        self.blocks = blocks
        self.title = title
        self.byline = byline
        self.dateline = dateline
        self.datelineRange = datelineRange
    }

    public var paragraphCount: Int { blocks.lazy.filter { $0.kind == .paragraph }.count }
}
