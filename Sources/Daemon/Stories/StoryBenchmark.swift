import Extraction
import Foundation

/// The cost of one story assignment with a full window, for `newsd-bench-stories`.
public enum StoryBenchmark {
    /// What one run measured.
    public struct Figures: Sendable {
        public var recordsInIndex: Int
        public var assignments: Int
        public var millisecondsPerAssignment: Double
        public var joined: Int
    }

    /// Fills an index with `records` synthetic records (random fingerprints; people, places and
    /// keywords drawn from Zipf-like vocabularies, so popular names recur as in news), then times
    /// `assignments` more; a tenth of them are copies of earlier records. Names are drawn as
    /// `vocabulary × u^skew` for uniform u: the higher `skew`, the more articles share their names.
    public static func run(records: Int, assignments: Int, skew: Double = 3, seed: UInt64 = 14) -> Figures {
        var rng = SplitMix64(seed: seed)
        let index = StoryIndex(windowSeconds: 86_400 * 365, capacity: records)
        func synthetic(_ n: Int, fingerprint: UInt64? = nil) -> ArticleRecord {
            var a = ExtractedArticle()
            a.fingerprint = StoryFingerprint.hex(fingerprint ?? rng.next())
            func zipf(_ vocabulary: Int) -> Int { Int(Double(vocabulary) * pow(Double.random(in: 0..<1, using: &rng), skew)) }
            a.entities = (0..<5).map { Entity(id: "p\($0)", type: .person, name: "Person \(zipf(5000))", mentions: [], salience: 0.5) }
                + (0..<3).map { Entity(id: "l\($0)", type: .location, name: "Place \(zipf(2000))", mentions: [], salience: 0.4) }
            a.keywords = (0..<8).map { _ in Keyword(term: "term \(zipf(20_000))", score: 1) }
            let hex = String(UInt64(n), radix: 16)
            return ArticleRecord(id: String(repeating: "0", count: 64 - hex.count) + hex,
                                 source: SourceInfo(path: "", inbox: "b", name: "", bytes: 0, modified: "", format: .text, encoding: .utf8),
                                 ingestedAt: "2026-01-01T00:00:00.000Z", processingMs: 0, article: a)
        }
        // Filled the way a restart refills it (each record its own story), newest first.
        var fingerprints: [UInt64] = []
        var restoring = StoryIndex.Restoring(capacity: records)
        for n in (0..<records).reversed() {
            var r = synthetic(n)
            r.story = r.id
            fingerprints.append(StoryFingerprint.parse(r.article.fingerprint ?? "") ?? 0)
            restoring.add(r)
        }
        index.restore(restoring)
        let probes = (0..<assignments).map { k -> ArticleRecord in
            let copyOf = k % 10 == 0 && !fingerprints.isEmpty ? fingerprints[Int(rng.next() % UInt64(fingerprints.count))] ^ 0b1011 : nil
            return synthetic(records + k, fingerprint: copyOf)
        }
        var joined = 0
        let started = DispatchTime.now().uptimeNanoseconds
        for probe in probes where index.assign(probe) != probe.id { joined += 1 }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        return Figures(recordsInIndex: index.count, assignments: assignments,
                       millisecondsPerAssignment: elapsed / Double(max(1, assignments)), joined: joined)
    }
}
