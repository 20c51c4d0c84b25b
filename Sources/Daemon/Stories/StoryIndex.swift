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
        var featureBits: [UInt64] = []
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
        let bits = StoryMatch.featureBits(signature)
        if e.fingerprints.count < capacity {
            e.fingerprints.append(signature.fingerprint)
            e.featureBits.append(bits)
            e.times.append(at)
            e.stories.append(story)
            e.features.append(contentsOf: Self.slots(signature))
            e.days.append(signature.day)
            e.startsStory.append(startsStory)
        } else {
            let i = e.next
            e.fingerprints[i] = signature.fingerprint
            e.featureBits[i] = bits
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

    /// The signature of entry `i`, rebuilt from its slots.
    private static func signature(at i: Int, in e: Entries) -> StorySignature {
        let row = e.features[i * stride..<(i + 1) * stride]
        let a = row.startIndex, p = a + StorySignature.actorSlots, t = p + StorySignature.placeSlots
        return StorySignature(fingerprint: e.fingerprints[i], actors: row[a..<p].filter { $0 != 0 },
                              places: row[p..<t].filter { $0 != 0 }, terms: row[t..<row.endIndex].filter { $0 != 0 }, day: e.days[i])
    }

    /// The story of the best-scoring entry of the window, the newest on a tie.
    private static func bestMatch(for signature: StorySignature, in e: Entries, after cutoff: Double) -> ContentID? {
        let bits = StoryMatch.featureBits(signature)
        var best: (score: Int, index: Int)?
        let n = e.fingerprints.count
        e.fingerprints.withUnsafeBufferPointer { prints in
            e.featureBits.withUnsafeBufferPointer { features in
                for k in 0..<n {
                    // Newest first: the ring's newest entry is just before `next`.
                    let i = (e.next - 1 - k + 2 * n) % n
                    let isCopy = StoryFingerprint.distance(prints[i], signature.fingerprint) <= StoryMatch.copyDistance
                    guard isCopy || e.startsStory[i] && (features[i] & bits).nonzeroBitCount >= StoryMatch.minSharedBits else { continue }
                    guard e.times[i] >= cutoff, let score = StoryMatch.score(signature, Self.signature(at: i, in: e)) else { continue }
                    if score > (best?.score ?? Int.min) { best = (score, i) }
                }
            }
        }
        return best.map { e.stories[$0.index] }
    }
}
