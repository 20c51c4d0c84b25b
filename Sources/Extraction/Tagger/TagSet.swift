/// The tagger's BILOU tag set over four entity types, and which tag may follow which.
///
/// Tag 0 is `O`; tag `1 + 4 * type + part` is part `B`, `I`, `L` or `U` of a span of `type`
/// (0 person, 1 organization, 2 location, 3 other). Row `count` of a transition table is the start.
public enum TagSet {
    /// The number of tags.
    public static let count = 17
    /// The number of entity types.
    public static let typeCount = 4
    /// The entity type of type index `t`.
    public static let types: [EntityType] = [.person, .organization, .location, .other]

    /// The `O` tag: outside any entity.
    public static let outside: UInt8 = 0

    /// The tag for `part` (0 B, 1 I, 2 L, 3 U) of type index `type`.
    @inlinable
    public static func tag(type: Int, part: Int) -> UInt8 { UInt8(1 + 4 * type + part) }

    /// The type index of an entity tag.
    @inlinable
    public static func type(of tag: UInt8) -> Int { (Int(tag) - 1) >> 2 }

    /// The part (0 B, 1 I, 2 L, 3 U) of an entity tag.
    @inlinable
    public static func part(of tag: UInt8) -> Int { (Int(tag) - 1) & 3 }

    /// Whether `tag` may follow `previous` (`previous == count` is the sentence start).
    public static func allows(_ previous: Int, _ tag: Int) -> Bool {
        let opensFree = previous == count || previous == 0 || part(of: UInt8(previous)) >= 2
        if opensFree {
            return tag == 0 || part(of: UInt8(tag)) == 0 || part(of: UInt8(tag)) == 3
        }
        return tag != 0 && type(of: UInt8(tag)) == type(of: UInt8(previous)) && (part(of: UInt8(tag)) == 1 || part(of: UInt8(tag)) == 2)
    }

    /// Whether a sentence may end with `tag`.
    public static func mayEnd(_ tag: Int) -> Bool {
        tag == 0 || part(of: UInt8(tag)) >= 2
    }

    /// `allows` as a table indexed `previous * count + tag`, rows `0...count`.
    public static let allowed: [Bool] = (0...count).flatMap { p in (0..<count).map { allows(p, $0) } }

    /// The BILOU tags of tokens `0..<length` given spans over token indices.
    public static func encode(length: Int, spans: [(tokens: Range<Int>, type: Int)]) -> [UInt8] {
        var tags = [UInt8](repeating: outside, count: length)
        for span in spans where !span.tokens.isEmpty {
            if span.tokens.count == 1 {
                tags[span.tokens.lowerBound] = tag(type: span.type, part: 3)
                continue
            }
            for i in span.tokens { tags[i] = tag(type: span.type, part: 1) }
            tags[span.tokens.lowerBound] = tag(type: span.type, part: 0)
            tags[span.tokens.upperBound - 1] = tag(type: span.type, part: 2)
        }
        return tags
    }

    /// Token spans of a tag sequence; a malformed run (no `B`, or no `L`) still makes a span.
    public static func decode(_ tags: ArraySlice<UInt8>) -> [(tokens: Range<Int>, type: Int)] {
        var spans: [(tokens: Range<Int>, type: Int)] = []
        var open: (start: Int, type: Int)?
        for i in tags.indices {
            let t = tags[i]
            if t == outside {
                if let o = open { spans.append((o.start..<i, o.type)); open = nil }
                continue
            }
            let ty = type(of: t), p = part(of: t)
            if let o = open, o.type != ty || p == 0 || p == 3 {
                spans.append((o.start..<i, o.type))
                open = nil
            }
            if open == nil { open = (i, ty) }
            if p >= 2, let o = open {
                spans.append((o.start..<(i + 1), o.type))
                open = nil
            }
        }
        if let o = open { spans.append((o.start..<tags.endIndex, o.type)) }
        return spans.map { (($0.tokens.lowerBound - tags.startIndex)..<($0.tokens.upperBound - tags.startIndex), $0.type) }
    }
}
