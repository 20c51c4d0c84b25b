/// A mention as the entity stages pass it along: a candidate plus what the rules learnt about it.
struct Mention {
    var range: Range<Int>
    /// Token indices of the mention.
    var tokens: Range<Int>
    var type: EntityType
    var confidence: Float
    var origin: MentionCandidate.Origin
    /// Gazetteer entries named exactly by the mention (places, blocs, demonyms).
    var places: [Int32] = []
    /// A title or `Mr.` stood before it: certainly a person.
    var personCue = false

    var candidate: MentionCandidate {
        MentionCandidate(range: range, type: type, confidence: confidence, origin: origin)
    }
}
