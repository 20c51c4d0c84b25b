/// What story assignment compares of an article: its SimHash, the keys of its lead actors (people
/// and organisations) and places, its top keywords, and its day.
///
/// Features are 32-bit hashes of entity keys and folded keyword terms, at most `actorSlots`,
/// `placeSlots` and `termSlots` of each, so a signature has a fixed, small size whatever the article.
public struct StorySignature: Sendable, Equatable {
    public static let actorSlots = 6
    public static let placeSlots = 4
    public static let termSlots = 8

    /// The article's SimHash (`StoryFingerprint`).
    public var fingerprint: UInt64
    /// Hashes of the keys of its most salient people and organisations.
    public var actors: [UInt32]
    /// Hashes of the keys of its most salient places.
    public var places: [UInt32]
    /// Hashes of its top keyword terms, leaving out those that only repeat a name of the article.
    public var terms: [UInt32]
    /// Days since 1970-01-01 of its published date, else of its ingest time.
    public var day: Int32

    /// A signature from its parts (lists longer than their slots are cut).
    public init(fingerprint: UInt64, actors: [UInt32], places: [UInt32], terms: [UInt32], day: Int32) {
        self.fingerprint = fingerprint
        self.actors = Array(actors.prefix(Self.actorSlots))
        self.places = Array(places.prefix(Self.placeSlots))
        self.terms = Array(terms.prefix(Self.termSlots))
        self.day = day
    }

    /// The signature of a record; nil when it has no fingerprint (a record of an older version).
    public init?(record: ArticleRecord) {
        guard let fingerprint = record.article.fingerprint.flatMap(StoryFingerprint.parse) else { return nil }
        let entities = record.article.entities.sorted { $0.salience > $1.salience }
        func keys(_ types: Set<EntityType>) -> [UInt32] {
            var seen: [UInt32] = []
            for e in entities where types.contains(e.type) {
                let h = Self.hash(e.key)
                if !seen.contains(h) { seen.append(h) }
            }
            return seen
        }
        let day = record.article.published.flatMap(CivilDate.init(iso:))?.daysSinceEpoch
            ?? CivilDate(iso: record.ingestedAt)?.daysSinceEpoch ?? 0
        // Keywords that only repeat a name ("Trump", "Hillary Clinton", "Iowa") say nothing the
        // actors and places do not; the others say what happened ("auction", "glass steagall").
        var nameWords = Set<String>()
        for e in entities { for name in [e.name] + e.aliases { nameWords.formUnion(EntityKey.words(name)) } }
        let terms = record.article.keywords.compactMap { k -> UInt32? in
            let words = EntityKey.words(k.term)
            guard !words.isEmpty, !words.allSatisfy(nameWords.contains) else { return nil }
            return Self.hash("term:" + words.joined(separator: " "))
        }
        self.init(fingerprint: fingerprint, actors: keys([.person, .organization]), places: keys([.location]),
                  terms: terms, day: Int32(clamping: day))
    }

    /// FNV-1a of a key's UTF-8, folded to 32 bits; never 0.
    static func hash(_ key: String) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        return folded == 0 ? 1 : folded
    }
}

/// Whether two articles tell one story: the rule behind the record's `story` field.
public enum StoryMatch {
    /// SimHash distance up to which one article is a copy of the other whatever else they say.
    public static let sureCopyDistance = 6
    /// SimHash distance up to which one article is a copy of the other (new headline, a paragraph
    /// more or less, credits) when they also share two people, places or keywords: chance
    /// likeness at this distance is rare but not negligible over a window of 100,000 articles.
    public static let copyDistance = 14
    /// Days apart two reports of one event may be.
    public static let maxDaysApart: Int32 = 1

    /// How strongly `a` and `b` are one story: nil when they are not, else a score (higher is
    /// closer; copies score above every event match).
    public static func score(_ a: StorySignature, _ b: StorySignature) -> Int? {
        score(distance: StoryFingerprint.distance(a.fingerprint, b.fingerprint), daysApart: abs(Int(a.day) - Int(b.day)),
              actors: shared(a.actors, b.actors), places: shared(a.places, b.places), terms: shared(a.terms, b.terms),
              placeless: a.places.isEmpty || b.places.isEmpty)
    }

    /// The rule on what two signatures have in common: their SimHash distance, days apart, shared
    /// actors, places and terms, and whether one of them names no place.
    public static func score(distance: Int, daysApart: Int, actors: Int, places: Int, terms: Int, placeless: Bool) -> Int? {
        if distance <= sureCopyDistance { return 1000 - distance }
        if distance <= copyDistance && actors + places + terms >= 2 { return 1000 - distance }
        guard daysApart <= Int(maxDaysApart), actors >= minSharedActors, places >= 1 || placeless,
              terms >= minSharedTerms else { return nil }
        return actors * 2 + places + terms * 3
    }

    /// People or organisations two reports of one event share at least.
    public static let minSharedActors = 2
    /// Keywords (other than names) two reports of one event share at least.
    public static let minSharedTerms = 3

    /// One bit per hash of `features`, for a quick first test: two lists that share n features
    /// share at most n bits, and nearly always exactly n.
    public static func bits(_ features: [UInt32]) -> UInt64 {
        var bits: UInt64 = 0
        for h in features { bits |= 1 << UInt64(h % 64) }
        return bits
    }

    private static func shared(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.reduce(0) { $0 + (b.contains($1) ? 1 : 0) }
    }
}
