/// Scores the article's key phrases.
public enum KeywordExtractor {
    /// At most 15 key phrases, most important first.
    public static func extract(_ doc: Document, entities: [Entity]) -> [Keyword] {
        // TODO(extraction-facts)
        []
    }
}
