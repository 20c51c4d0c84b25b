/// What a format reader found: the body text the record's offsets point into, and metadata.
public struct ReadArticle: Sendable {
    public var body: String
    public var title: String?
    public var byline: [String]
    /// ISO 8601 date or date-time from the article's metadata.
    public var published: String?
    public var url: String?
    /// RFC 3339 date or date-time of the article's last update, from its metadata.
    public var modified: String?
    /// The publisher's name, from the page's metadata.
    public var site: String?
    /// News agencies the reader found where authors are named (Reuters, AFP, dpa), kept out of `byline`.
    public var agencies: [String] = []
    /// The language the markup or the JSON declares (`<html lang>`, `"language"`), as written: the
    /// record's language when the text itself does not tell (`LanguageIdentifier.identify`).
    public var declaredLanguage: String?
    public var warnings: [String]
    /// The body's layout as the format's markup gives it (title, headings, paragraphs), in code
    /// points of `body`; nil for plain text, whose layout is inferred from its lines.
    public var blocks: [ArticleLayout.Block]?

    /// A read article.
    public init(body: String, title: String? = nil, byline: [String] = [], published: String? = nil,
                url: String? = nil, warnings: [String] = [], blocks: [ArticleLayout.Block]? = nil) {
        self.body = body
        self.blocks = blocks
        self.title = title
        self.byline = byline
        self.published = published
        self.url = url
        self.warnings = warnings
    }
}

/// Reads the body text and metadata out of decoded text in one of the input formats.
public enum ArticleReader {
    /// The article in `text`, read as `format`.
    public static func read(_ text: String, format: ArticleFormat) -> ReadArticle {
        switch format {
        case .text: ReadArticle(body: text)
        case .markdown: MarkdownReader.read(text)
        case .html: HTMLReader.read(text)
        case .json: JSONArticleReader.read(text)
        }
    }
}

extension ArticleReader {
    /// A web page's body and metadata from its bytes, read as `ArticleExtractor` reads a page before
    /// the language stages (encoding sniffed and declared, then the HTML reader): the reader alone,
    /// for measuring it (`newsd-bench-html`).
    public static func readPage(bytes: [UInt8], reference: CivilDate? = nil) -> Result<ReadArticle, ExtractionFailure> {
        HTMLReader.read(bytes: bytes, reference: reference).map(\.article)
    }
}
