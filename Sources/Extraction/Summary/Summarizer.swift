/// Picks the sentences that best summarise an article.
public enum Summarizer {
    /// 1–3 sentences in article order.
    public static func summarize(_ doc: Document) -> [String] {
        // TODO(extraction-facts): lead-aware graph ranking.
        doc.sentences.prefix(1).map { doc.slice($0.range) }
    }
}
