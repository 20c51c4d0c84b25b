import Extraction
import Synchronization

/// The stories of the recent window, consulted by every worker to give each new record its
/// `story`: the id of the first record of its story, or its own id when it starts one.
///
/// It keeps one compact entry per record (fingerprint, feature hashes, day, time and the story's
/// id: about 120 bytes) for at most `capacity` records and only those of the window; an assignment
/// scans them newest first, first by one AND and popcount per entry, so 100,000 records cost well
/// under a millisecond. After a restart `restore` refills it from records.jsonl with the window.
final class StoryIndex: Sendable {
    /// Records kept at most; the oldest go first beyond this.
    static let defaultCapacity = 100_000

    private struct Entries {
        var fingerprints: [UInt64] = []
        /// `StoryMatch.bits` of each entry's actors and of its terms.
        var actorBits: [UInt64] = []
        var termBits: [UInt64] = []
        var times: [Double] = []
        var stories: [ContentID] = []
        /// Each entry's actor, place and term hashes in `stride` slots (0 marks an empty slot).
        var features: [UInt32] = []
        var days: [Int32] = []
        /// Whether each entry started its story: reports of one event join only a story's first
        /// record, so that stories do not grow by chains of looser and looser likeness.
        var startsStory: [Bool] = []
        /// Where the next entry goes once the arrays are full (a ring).
        var next = 0
    }

    private let entries = Mutex(Entries())
    let capacity: Int
    let windowSeconds: Double

    init(windowSeconds: Double, capacity: Int = StoryIndex.defaultCapacity) {
        self.windowSeconds = windowSeconds
        self.capacity = max(1, capacity)
    }

    /// Number of records in the index.
    var count: Int { entries.withLock { $0.fingerprints.count } }

    /// The story of `record`, which is added to the index; nil for a record without a fingerprint.
    func assign(_ record: ArticleRecord) -> String? {
        guard let signature = StorySignature(record: record), let own = ContentID(hex: record.id) else { return nil }
        let at = Timestamp.parse(record.ingestedAt) ?? 0
        return entries.withLock { e in
            let story = Self.bestMatch(for: signature, in: e, after: at - windowSeconds) ?? own
            insert(signature, story: story, startsStory: story == own, at: at, into: &e)
            return story.hex
        }
    }

    /// The records of the window read back at start-up, newest first, with the stories they were given.
    struct Restoring {
        fileprivate var items: [(signature: StorySignature, story: ContentID, startsStory: Bool, at: Double)] = []
        let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        /// Keeps `record` unless `capacity` newer ones are kept already.
        mutating func add(_ record: ArticleRecord) {
            guard items.count < capacity, let signature = StorySignature(record: record),
                  let story = record.story.flatMap({ ContentID(hex: $0) }) else { return }
            items.append((signature, story, record.story == record.id, Timestamp.parse(record.ingestedAt) ?? 0))
        }
    }

    /// Refills the index with what was read back, oldest first as it was built.
    func restore(_ restoring: Restoring) {
        entries.withLock { e in
            for item in restoring.items.reversed() { insert(item.signature, story: item.story, startsStory: item.startsStory, at: item.at, into: &e) }
        }
    }

    private func insert(_ signature: StorySignature, story: ContentID, startsStory: Bool, at: Double, into e: inout Entries) {
        let actorBits = StoryMatch.bits(signature.actors), termBits = StoryMatch.bits(signature.terms)
        if e.fingerprints.count < capacity {
            e.fingerprints.append(signature.fingerprint)
            e.actorBits.append(actorBits)
            e.termBits.append(termBits)
            e.times.append(at)
            e.stories.append(story)
            e.features.append(contentsOf: Self.slots(signature))
            e.days.append(signature.day)
            e.startsStory.append(startsStory)
        } else {
            let i = e.next
            e.fingerprints[i] = signature.fingerprint
            e.actorBits[i] = actorBits
            e.termBits[i] = termBits
            e.times[i] = at
            e.stories[i] = story
            e.features.replaceSubrange(i * Self.stride..<(i + 1) * Self.stride, with: Self.slots(signature))
            e.days[i] = signature.day
            e.startsStory[i] = startsStory
            e.next = (i + 1) % capacity
        }
    }

    private static let stride = StorySignature.actorSlots + StorySignature.placeSlots + StorySignature.termSlots

    /// A signature's features laid out in `stride` slots.
    private static func slots(_ s: StorySignature) -> [UInt32] {
        func padded(_ list: [UInt32], _ n: Int) -> [UInt32] { list + [UInt32](repeating: 0, count: n - list.count) }
        return padded(s.actors, StorySignature.actorSlots) + padded(s.places, StorySignature.placeSlots)
            + padded(s.terms, StorySignature.termSlots)
    }

    /// The story of the best-scoring entry of the window, the newest on a tie.
    ///
    /// Most entries are passed over after an XOR-popcount of fingerprints and, for reports of one
    /// event, AND-popcounts of the actor and term bits; only the rest have their features compared.
    private static func bestMatch(for signature: StorySignature, in e: Entries, after cutoff: Double) -> ContentID? {
        let actorBits = StoryMatch.bits(signature.actors), termBits = StoryMatch.bits(signature.terms)
        let row = slots(signature)
        var best: (score: Int, index: Int)?
        let n = e.fingerprints.count
        // How many entries are newer than entry `i` (the ring's newest is just before `next`).
        func age(_ i: Int) -> Int { (e.next - 1 - i + n) % n }
        for i in 0..<n {
            let distance = StoryFingerprint.distance(e.fingerprints[i], signature.fingerprint)
            let mayBeCopy = distance <= StoryMatch.copyDistance
            guard mayBeCopy || e.startsStory[i] && abs(Int(e.days[i]) - Int(signature.day)) <= Int(StoryMatch.maxDaysApart)
                    && (e.actorBits[i] & actorBits).nonzeroBitCount >= StoryMatch.minSharedActors
                    && (e.termBits[i] & termBits).nonzeroBitCount >= StoryMatch.minSharedTerms,
                  e.times[i] >= cutoff else { continue }
            let shared = compare(row, with: i, in: e)
            guard let score = StoryMatch.score(distance: distance, daysApart: abs(Int(e.days[i]) - Int(signature.day)),
                                               actors: shared.actors, places: shared.places, terms: shared.terms,
                                               placeless: signature.places.isEmpty || shared.entryPlaceless) else { continue }
            if let b = best, score < b.score || score == b.score && age(i) > age(b.index) { continue }
            best = (score, i)
        }
        return best.map { e.stories[$0.index] }
    }

    /// Features `row` (laid out as `slots` lays them out) shares with entry `i`.
    private static func compare(_ row: [UInt32], with i: Int, in e: Entries) -> (actors: Int, places: Int, terms: Int, entryPlaceless: Bool) {
        let base = i * stride, p = StorySignature.actorSlots, t = p + StorySignature.placeSlots
        var counts = (actors: 0, places: 0, terms: 0, entryPlaceless: e.features[base + p] == 0)
        for j in 0..<stride where row[j] != 0 {
            let range = j < p ? 0..<p : j < t ? p..<t : t..<stride
            var found = false
            for m in range where e.features[base + m] == row[j] { found = true; break }
            guard found else { continue }
            if j < p { counts.actors += 1 } else if j < t { counts.places += 1 } else { counts.terms += 1 }
        }
        return counts
    }
}
