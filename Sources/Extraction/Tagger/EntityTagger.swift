/// A trained sequence tagger that finds entity spans (PER, ORG, LOC, MISC) in tokenised sentences.
public struct EntityTagger: Sendable {
    /// An untrained tagger placeholder until the model is loaded.
    public init() {}

    /// Entity spans in the sentences of `doc`.
    public func tag(_ doc: Document) -> [MentionCandidate] {
        // TODO(tagger)
        []
    }
}
