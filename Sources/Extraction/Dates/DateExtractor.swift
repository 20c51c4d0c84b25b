/// Finds absolute and relative date expressions and resolves them to ISO 8601 values.
public enum DateExtractor {
    /// Date mentions in the content of `doc`; relative ones resolve against `reference`.
    public static func extract(_ doc: Document, reference: CivilDate) -> [DateMention] {
        // TODO(extraction-facts)
        []
    }

    /// The article's own publication date from its text (a dateline or a "Published …" line), if any.
    public static func publishedDate(in doc: Document) -> String? {
        // TODO(extraction-facts)
        nil
    }
}
