/// What the tagger's first pass said about the other occurrences of a capitalised word in the same
/// document: the evidence of its second pass (Ratinov and Roth's two-stage prediction aggregation).
///
/// A name is usually written several times in an article, and the clearest occurrence ("Mr. Cook
/// said", "the Cook Islands") tells what the others are. The rule-based `DocumentConsistency` gives
/// one spelling one type and had to stay off for relabelling (a city and its football club share a
/// spelling in sports results); a learnt feature lets the tagger weigh the article's other
/// occurrences against each token's own context instead.
public enum PredictionHistory {
    /// `TokenKeys.history` values: 0 without another capitalised occurrence; 1–4 the type index + 1
    /// that most other occurrences were tagged with, plus `unanimous` when all were tagged with it;
    /// `untagged` when none of them was in an entity.
    public static let untagged: UInt8 = 5
    public static let unanimous: UInt8 = 8

    /// The first pass's type index of every token of a document (-1 outside an entity), from the
    /// spans it found.
    public static func types(count: Int, spans: [(tokens: Range<Int>, type: Int)]) -> [Int8] {
        var types = [Int8](repeating: -1, count: count)
        for span in spans {
            for i in span.tokens { types[i] = Int8(span.type) }
        }
        return types
    }

    /// Sets `TokenKeys.history` of every capitalised token from `types`, the first pass's type of
    /// every token (-1 outside an entity): what the document's other capitalised occurrences of the
    /// same lowercase form were tagged with.
    public static func annotate(_ keys: inout [TokenKeys], types: [Int8]) {
        precondition(types.count == keys.count)
        // Per lowercase form: occurrences outside any entity (slot 0) and in each type (slots 1–4).
        var slots = KeySlots(capacity: keys.count)
        var slotOf = [Int32](repeating: -1, count: keys.count)
        var votes: [SIMD8<Int32>] = []
        for i in keys.indices where keys[i].isCapitalized {
            let s = slots.slot(keys[i].lower)
            if s == votes.count { votes.append(.zero) }
            votes[s][Int(types[i]) + 1] += 1
            slotOf[i] = Int32(s)
        }
        for i in keys.indices where slotOf[i] >= 0 {
            var others = votes[Int(slotOf[i])]
            others[Int(types[i]) + 1] -= 1
            keys[i].history = value(others)
        }
    }

    /// The history value of the other occurrences' votes.
    static func value(_ others: SIMD8<Int32>) -> UInt8 {
        let tagged = others[1] + others[2] + others[3] + others[4]
        if tagged == 0 { return others[0] == 0 ? 0 : untagged }
        var best = 1
        for t in 2...4 where others[t] > others[best] { best = t }
        return UInt8(best) + (others[best] == tagged && others[0] == 0 ? unanimous : 0)
    }
}
