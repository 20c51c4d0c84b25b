@testable import Daemon
import Extraction
import Testing

/// The story index gives each record the id of the first record of its story.
@Suite struct StoryIndexTests {
    private func record(_ n: Int, fingerprint: UInt64, at: Double = 1_000_000, people: [String] = [], places: [String] = [],
                        keywords: [String] = [], story: String? = nil) -> ArticleRecord {
        var article = ExtractedArticle()
        article.fingerprint = StoryFingerprint.hex(fingerprint)
        article.entities = people.map { Entity(id: "p\($0)", type: .person, name: $0, mentions: [], salience: 0.5) }
            + places.map { Entity(id: "l\($0)", type: .location, name: $0, mentions: [], salience: 0.5) }
        article.keywords = keywords.map { Keyword(term: $0, score: 1) }
        var r = ArticleRecord(id: Self.id(n), source: SourceInfo(path: "/p", inbox: "i", name: "n", bytes: 1, modified: "", format: .text, encoding: .utf8),
                              ingestedAt: Timestamp.rfc3339(at), processingMs: 1, article: article)
        r.story = story
        return r
    }

    private static func id(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 64 - hex.count) + hex
    }

    @Test func aCopyJoinsTheFirstRecordsStoryAndUnrelatedRecordsStartTheirOwn() {
        let index = StoryIndex(windowSeconds: 86_400)
        let base: UInt64 = 0x0123_4567_89ab_cdef
        #expect(index.assign(record(1, fingerprint: base)) == Self.id(1))
        #expect(index.assign(record(2, fingerprint: base ^ 0b1011)) == Self.id(1), "three bits apart: a copy")
        #expect(index.assign(record(3, fingerprint: ~base)) == Self.id(3))
        #expect(index.assign(record(4, fingerprint: base ^ 0b0111_0000)) == Self.id(1), "joins the story, not the copy")
        #expect(index.count == 4)
    }

    @Test func reportsOfOneEventJoinButOnlyWithinTheWindow() {
        let index = StoryIndex(windowSeconds: 3600)
        let event = (people: ["Donald Trump", "Ted Cruz"], places: ["Iowa"], keywords: ["debate", "fox news", "skip", "poll"])
        #expect(index.assign(record(1, fingerprint: 0, people: event.people, places: event.places, keywords: event.keywords)) == Self.id(1))
        #expect(index.assign(record(2, fingerprint: ~0, at: 1_000_100, people: event.people, places: event.places,
                                    keywords: event.keywords)) == Self.id(1))
        #expect(index.assign(record(3, fingerprint: 0x5555_5555_5555_5555, at: 1_000_200, people: event.people, places: ["Ohio"],
                                    keywords: ["taxes", "returns", "audit"])) == Self.id(3))
        #expect(index.assign(record(4, fingerprint: 0, at: 1_000_000 + 7200)) == Self.id(4), "the first record left the window")
    }

    @Test func theOldestRecordsGoPastTheCapacity() {
        let index = StoryIndex(windowSeconds: 86_400, capacity: 3)
        for n in 1...5 { _ = index.assign(record(n, fingerprint: UInt64(n) &* 0x9E37_79B9_7F4A_7C15)) }
        #expect(index.count == 3)
        #expect(index.assign(record(6, fingerprint: 1 &* 0x9E37_79B9_7F4A_7C15)) == Self.id(6), "record 1 is forgotten")
        #expect(index.assign(record(7, fingerprint: 5 &* 0x9E37_79B9_7F4A_7C15)) == Self.id(5))
    }

    @Test func restoringKeepsTheStoriesRecordsWereGiven() {
        let index = StoryIndex(windowSeconds: 86_400)
        var restoring = StoryIndex.Restoring(capacity: index.capacity)
        // Newest first, as records.jsonl is read back.
        restoring.add(record(2, fingerprint: 0xff, story: Self.id(1)))
        restoring.add(record(1, fingerprint: 0xf0, story: Self.id(1)))
        index.restore(restoring)
        #expect(index.count == 2)
        #expect(index.assign(record(3, fingerprint: 0xfe)) == Self.id(1))
    }
}
