/// Finds direct and indirect quotes and attributes each to its speaker.
public enum QuoteAttributor {
    /// Quotes in article order.
    public static func attribute(_ doc: Document, entities: [Entity]) -> [Quote] {
        // TODO(quotes)
        []
    }
}
