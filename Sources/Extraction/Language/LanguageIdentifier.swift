/// Identifies the language of a document (ISO 639-1).
public enum LanguageIdentifier {
    /// The document's language code.
    public static func identify(_ doc: Document) -> String {
        // TODO(extraction-text): stop-word and script profiles for en, de, fr, es, it, pt, nl, ru, zh, ar.
        "en"
    }
}
