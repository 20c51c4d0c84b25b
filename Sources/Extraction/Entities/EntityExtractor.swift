/// Finds the people, organisations, places and other named things of an article, one entity per
/// real-world thing with all its mentions, roles, salience and places' geography.
public struct EntityExtractor: Sendable {
    public let resources: ExtractorResources

    /// An extractor over the shared resources.
    public init(resources: ExtractorResources) {
        self.resources = resources
    }

    /// Entities sorted by salience, ids `e1`, `e2`, … in that order.
    public func extract(_ doc: Document) -> [Entity] {
        // TODO(extraction-entities)
        []
    }
}
