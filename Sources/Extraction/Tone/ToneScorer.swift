/// Word valences for tone scoring (from VADER's lexicon).
public struct ToneLexicon: Sendable {
    /// Valence per lowercase word, roughly −4…+4.
    public var valences: [String: Float]

    /// A lexicon of `valences`.
    public init(valences: [String: Float]) {
        self.valences = valences
    }

    public static let empty = ToneLexicon(valences: [:])
}

/// Scores an article's tone, GDELT-style, per 100 words.
public struct ToneScorer: Sendable {
    public let lexicon: ToneLexicon

    /// A scorer over `lexicon`.
    public init(lexicon: ToneLexicon) {
        self.lexicon = lexicon
    }

    /// The tone of the content of `doc`.
    public func score(_ doc: Document) -> Tone {
        // TODO(extraction-facts)
        Tone()
    }
}
