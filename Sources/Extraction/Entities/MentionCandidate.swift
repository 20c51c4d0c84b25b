/// A span that a recogniser (rules, gazetteer or the trained tagger) proposes as an entity mention.
public struct MentionCandidate: Sendable, Equatable {
    /// Who proposed the span.
    public enum Origin: UInt8, Sendable {
        case rules, gazetteer, tagger
    }

    /// Code points in the body text.
    public var range: Range<Int>
    public var type: EntityType
    /// 0–1: how sure the recogniser is.
    public var confidence: Float
    public var origin: Origin

    /// A proposed mention of `type` at `range`.
    public init(range: Range<Int>, type: EntityType, confidence: Float, origin: Origin) {
        self.range = range
        self.type = type
        self.confidence = confidence
        self.origin = origin
    }
}
