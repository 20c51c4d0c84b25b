/// Attribution cue words learnt from annotated news (`attribution-cues.tsv`, made by
/// `scripts/gen-attribution-cues.py` from PolNeAR's gold cues): verbs that report a content
/// (`X defended …`, `X urged …`) and nouns that introduce one (`X's claim that …`).
public struct AttributionCues: Sendable {
    /// One learnt cue word and its counts in the annotated articles.
    public struct Entry: Sendable {
        public var word: String
        /// Times the word was part of a gold cue.
        public var cues: Int
        /// Times the word occurs at all.
        public var seen: Int
        /// Share of its cues whose content follows it.
        public var after: Double
        /// Share of its cues that follow a determiner or possessive: a noun cue.
        public var noun: Double

        /// An entry of the lexicon file.
        public init(word: String, cues: Int, seen: Int, after: Double, noun: Double) {
            self.word = word
            self.cues = cues
            self.seen = seen
            self.after = after
            self.noun = noun
        }
    }

    /// Keys of verbs that report a content after them.
    let verbs: Set<UInt64>
    /// Keys of nouns that introduce a content with `that`.
    let nouns: Set<UInt64>
    /// Share of each word's occurrences that are part of a gold cue (`said` 0.92, `plans` 0.2).
    let shares: [UInt64: Float]

    /// The cues among `entries` (the lexicon file keeps only words that are cues often enough):
    /// nouns when mostly after a determiner, verbs when their content mostly follows them.
    public init(_ entries: [Entry]) {
        var verbs = Set<UInt64>()
        var nouns = Set<UInt64>()
        var shares: [UInt64: Float] = [:]
        for e in entries where e.cues > 0 {
            let key = PackedWord.pack(e.word)
            guard key != 0 else { continue }
            shares[key] = max(shares[key] ?? 0, Float(e.cues) / Float(max(e.seen, e.cues)))
            if e.noun >= 0.5 {
                nouns.insert(key)
            } else if e.after >= 0.5 {
                verbs.insert(key)
            }
        }
        self.verbs = verbs
        self.nouns = nouns
        self.shares = shares
    }

    /// How surely the word keyed `key` is a cue where it occurs: its share, 0 when not in the lexicon.
    func share(_ key: UInt64) -> Float { shares[key] ?? 0 }

    /// No learnt cues: only the built-in reporting verbs.
    public static let none = AttributionCues([])
}
