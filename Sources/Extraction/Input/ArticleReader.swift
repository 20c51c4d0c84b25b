/// What a format reader found: the body text the record's offsets point into, and metadata.
public struct ReadArticle: Sendable {
    public var body: String
    public var title: String?
    public var byline: [String]
    /// ISO 8601 date or date-time from the article's metadata.
    public var published: String?
    public var url: String?
    public var warnings: [String]

    /// A read article.
    public init(body: String, title: String? = nil, byline: [String] = [], published: String? = nil,
                url: String? = nil, warnings: [String] = []) {
        self.body = body
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
        // TODO(extraction-text): markdown, HTML and JSON readers.
        ReadArticle(body: text)
    }
}
