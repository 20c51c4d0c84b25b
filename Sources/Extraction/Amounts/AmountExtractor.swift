/// Finds sums of money, percentages and counted quantities.
public enum AmountExtractor {
    /// Amounts in the content of `doc`.
    public static func extract(_ doc: Document) -> [Amount] {
        // TODO(extraction-facts)
        []
    }
}
