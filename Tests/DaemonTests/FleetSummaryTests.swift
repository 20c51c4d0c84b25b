@testable import Daemon
import Extraction
import Foundation
import Logging
import NewsdTestKit
import Testing

/// The fleet summary against a private PostgreSQL cluster: its counts against the rows, the same
/// report as the local window for the same records, the window's edge, and the daemon's files.
@Suite(.serialized, .needsPostgreSQL) struct FleetSummaryTests {
    /// A time that starts a slot of a 24-hour window (six minutes), so that the local window's
    /// slot-exact edges fall where the database's exact ones do.
    static let now = Double(1_800_000_000 / 360 * 360)

    struct Article {
        var id: String
        var at: Double
        var people: [String] = []
        var organizations: [(String, [String])] = []
        var places: [(String, Int)] = []
        /// Indexes into `people` of the quotes' speakers.
        var speakers: [Int] = []
        var keywords: [String] = []
        var tone: Double = 0
        var story: String?
        var title: String?
        var site: String?
    }

    static func record(_ a: Article) -> ArticleRecord {
        var article = ExtractedArticle()
        article.title = a.title ?? "Headline \(a.id)"
        article.site = a.site
        var entities = a.people.map { Entity(id: "", type: .person, name: $0, mentions: []) }
        entities += a.organizations.map { Entity(id: "", type: .organization, name: $0.0, aliases: $0.1, mentions: []) }
        entities += a.places.map { name, id in
            Entity(id: "", type: .location, name: name, mentions: [],
                   geo: GeoInfo(country: "US", kind: .city, latitude: nil, longitude: nil, geonamesID: id))
        }
        article.entities = entities.enumerated().map { var e = $0.element; e.id = "e\($0.offset + 1)"; return e }
        article.quotes = a.speakers.map { Quote(kind: .direct, text: "q", start: 0, end: 1, speakerEntity: "e\($0 + 1)") }
        article.keywords = a.keywords.map { Keyword(term: $0, score: 1) }
        article.tone = Tone(score: a.tone)
        article.stats.words = 100
        var record = ArticleRecord(id: a.id, source: SourceInfo(path: "/in/\(a.id)", inbox: "wire", name: a.id, bytes: 10, modified: "",
                                                               format: .text, encoding: .utf8),
                                   ingestedAt: Timestamp.rfc3339(a.at), processingMs: 1, article: article)
        record.story = a.story ?? a.id
        return record
    }

    /// A migrated database in a private cluster, handed to `body`.
    func withFleet(_ body: (PostgresCluster, FleetDatabase) async throws -> Void) async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let database = try await cluster.migratedDatabase()
        try await body(cluster, database)
    }

    func ship(_ records: [ArticleRecord], errors: [ErrorLine] = [], node: String = "a", _ database: FleetDatabase) async throws {
        var rows = ArticleRows()
        for record in records {
            let line = record.jsonLine()
            rows.append(record, line: line[...])
        }
        var errorRows = ErrorRows()
        for error in errors {
            let line = error.bytes()
            errorRows.append(error, line: line[...])
        }
        let connection = try await database.connect()
        do {
            try await database.insert(articles: rows, errors: errorRows, node: node, on: connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    /// Varied articles over the last day: a few names in many articles, aliases of both kinds,
    /// speakers, stories, and a burst of one name in the last hour.
    static func day() -> [Article] {
        var articles: [Article] = []
        let people = ["Barack Obama", "Angela Merkel", "Emmanuel Macron", "Xi Jinping", "Olaf Scholz", "Joe Biden"]
        let places = [("Berlin", 2_950_159), ("Paris", 2_988_507), ("Beijing", 1_816_670), ("Washington", 4_140_963)]
        for i in 0..<120 {
            var a = Article(id: String(format: "a%04d", i), at: now - 86_000 + Double(i) * 600 + 17)
            a.people = [people[i % people.count], people[(i * 7 + 1) % people.count]]
            if i % 9 == 0 { a.people.append("Obama") }
            if i % 13 == 0 { a.people.append("Scholz") }
            a.places = [places[i % places.count]]
            // One article in five spells out "the European Commission (EC)"; the others say "EC".
            a.organizations = i % 5 == 0 ? [("European Commission", ["EC"])] : [("EC", [])]
            if i % 2 == 0 { a.organizations.append(("Republican Party", [])) }
            a.speakers = [0]
            a.keywords = ["tariffs", "election \(i % 4)"]
            a.tone = Double(i % 7) - 3
            a.story = i % 4 == 0 ? "a0000" : i % 6 == 0 ? "a0006" : nil
            a.site = i % 3 == 0 ? "Example News" : nil
            articles.append(a)
        }
        for i in 0..<8 {
            var a = Article(id: String(format: "b%04d", i), at: now - 3000 + Double(i) * 300)
            a.people = ["Keir Starmer", "Angela Merkel"]
            a.places = [("London", 2_643_743)]
            a.speakers = [0]
            a.keywords = ["budget"]
            a.tone = 2
            articles.append(a)
        }
        return articles
    }

    @Test func theCountsAreTheRows() async throws {
        try await withFleet { cluster, database in
            let records = Self.day().map(Self.record)
            try await ship(records, database)
            let query = FleetSummaryQuery(windowSeconds: 86_400, top: 10)
            let snapshot = try await query.snapshot(from: database, now: Self.now)
            let articleRows = try cluster.count("SELECT count(*) FROM articles")
            #expect(snapshot.articles == articleRows)
            #expect(snapshot.articles == records.count)
            #expect(snapshot.words == records.count * 100)
            #expect(snapshot.nodes == 1)
            for category in ["places", "speakers", "keywords"] {
                let top = try #require(SummaryWindow.Category(rawValue: category))
                let rows = try cluster.psql("""
                    SELECT key || '=' || count(*) FROM article_entities WHERE category = '\(category)'
                    GROUP BY key ORDER BY count(*) DESC, key COLLATE "C" LIMIT 3
                    """).split(separator: "\n").map(String.init)
                let got = (snapshot.top[top] ?? []).prefix(3).map { "\($0.key)=\($0.articles)" }
                #expect(got == rows, "\(category)")
            }
            // People: "Obama" (one word) joins "Barack Obama", the only full name ending with it.
            let obama = try #require(snapshot.top[.people]?.first { $0.key == "person:barack obama" })
            let rows = try cluster.count("SELECT count(*) FROM article_entities WHERE category = 'people' AND key IN ('person:barack obama', 'person:obama')")
            #expect(obama.articles == rows)
            #expect(obama.name == "Barack Obama")
            #expect(snapshot.top[.people]?.contains { $0.key == "person:obama" } == false)
            // Organisations: EC joins the European Commission its articles spelt out.
            let commission = try #require(snapshot.top[.organizations]?.first { $0.key == "organization:european commission" })
            #expect(commission.articles == 120)
            #expect(snapshot.top[.organizations]?.contains { $0.key == "organization:ec" } == false)
            #expect(snapshot.top[.organizations]?.first { $0.key == "organization:republican party" }?.articles == 60)
            let berlin = try #require(snapshot.top[.places]?.first { $0.name == "Berlin" })
            #expect(berlin.place == PlaceFacts(geonamesID: 2_950_159, kind: "city", country: "US"))
            let tone = try cluster.psql("SELECT round(avg(tone)::numeric, 6) FROM articles a WHERE EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.key = 'person:angela merkel' AND e.category = 'people')")
            let merkel = try #require(snapshot.top[.people]?.first { $0.key == "person:angela merkel" })
            #expect(abs(merkel.tone - (Double(tone.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan)) < 1e-5)
            #expect(snapshot.rising[.people]?.first?.item.key == "person:keir starmer")
            #expect(snapshot.stories.first?.id == "a0000")
            #expect(snapshot.stories.first?.articles == 30)
            #expect(snapshot.latest.first?.id == "b0007")
        }
    }

    @Test func theDatabaseGivesTheLocalWindowsReport() async throws {
        try await withFleet { _, database in
            let records = Self.day().map(Self.record)
            try await ship(records, database)
            var window = SummaryWindow(windowSeconds: 86_400)
            for record in records { window.add(SummaryEntry(record: record)) }
            window.expire(now: Self.now)
            let local = SummaryReport(window: window, totals: RunTotals(), top: 10, now: Self.now, startedAt: Self.now, queueDepth: 0)
            let snapshot = try await FleetSummaryQuery(windowSeconds: 86_400, top: 10).snapshot(from: database, now: Self.now)
            let fleet = SummaryReport(fleet: snapshot, now: Self.now, queueDepth: 0, risingSeconds: 3600)
            // Every section but the title lines and "since start" (a node's own, not the fleet's).
            func sections(_ markdown: String) -> String {
                markdown.components(separatedBy: "## Top stories").dropFirst().joined()
            }
            #expect(sections(fleet.markdown()) == sections(local.markdown()))
            let localJSON = try #require(try JSONSerialization.jsonObject(with: Data(local.json())) as? [String: Any])
            let fleetJSON = try #require(try JSONSerialization.jsonObject(with: Data(fleet.json())) as? [String: Any])
            for section in ["window", "top", "rising", "stories", "latest"] {
                let a = try JSONSerialization.data(withJSONObject: localJSON[section] ?? NSNull(), options: [.sortedKeys])
                let b = try JSONSerialization.data(withJSONObject: fleetJSON[section] ?? NSNull(), options: [.sortedKeys])
                #expect(String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self), "\(section)")
            }
            #expect(fleetJSON["nodes"] as? Int == 1)
        }
    }

    @Test func rowsOlderThanTheWindowAreLeftOut() async throws {
        try await withFleet { _, database in
            var old = Article(id: "old", at: Self.now - 7200 - 1, people: ["Old Name"])
            old.story = "old"
            let new = Article(id: "new", at: Self.now - 3599, people: ["New Name"])
            let edge = Article(id: "edge", at: Self.now - 3600, people: ["Edge Name"])
            let errors = [ErrorLine(at: Self.now - 7300, path: "/in/x", inbox: "wire", id: nil, reason: .empty, detail: "old", movedTo: nil),
                          ErrorLine(at: Self.now - 60, path: "/in/y", inbox: "wire", id: nil, reason: .empty, detail: "new", movedTo: nil)]
            try await ship([old, new, edge].map(Self.record), errors: errors, database)
            let snapshot = try await FleetSummaryQuery(windowSeconds: 3600, top: 10).snapshot(from: database, now: Self.now)
            #expect(snapshot.articles == 2)
            #expect(Set(snapshot.top[.people]?.map(\.name) ?? []) == ["New Name", "Edge Name"])
            #expect(snapshot.latest.map(\.id) == ["new", "edge"])
            #expect(!snapshot.stories.contains { $0.id == "old" })
            #expect(snapshot.errors == 1)
            #expect(snapshot.latestErrors.map(\.detail) == ["new"])
            let twoHours = try await FleetSummaryQuery(windowSeconds: 7200 + 2, top: 10).snapshot(from: database, now: Self.now)
            #expect(twoHours.articles == 3)
            #expect(twoHours.errors == 1)
        }
    }

    @Test func theDaemonsDatabaseSummaryWritesTheFilesAndKeepsThemWhenTheDatabaseFails() async throws {
        try await withFleet { cluster, database in
            try await ship(Self.day().map(Self.record), database)
            let output = TemporaryFolder("fleet-summary-out")
            let service = FleetSummaryService(database: database, query: FleetSummaryQuery(windowSeconds: 86_400 * 365 * 10),
                                              outputDirectory: output.path, interval: 60, queueDepth: { 0 }, logger: Logger(label: "test"))
            var state = FleetSummaryService.State()
            await service.rewrite(&state)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output.join("summary.json")))) as? [String: Any])
            #expect((json["window"] as? [String: Any])?["articles"] as? Int == 128)
            #expect(FileManager.default.fileExists(atPath: output.join("summary.md")))
            #expect(FileManager.default.fileExists(atPath: output.join("summary.html")))
            #expect(state.failure == nil)
            let written = try Data(contentsOf: URL(fileURLWithPath: output.join("summary.md")))
            try cluster.stop()
            await service.rewrite(&state)
            #expect(state.failure?.contains("cannot reach the database") == true, "\(state.failure ?? "no failure")")
            #expect(try Data(contentsOf: URL(fileURLWithPath: output.join("summary.md"))) == written, "the last good files stay")
            try cluster.start()
            await service.rewrite(&state)
            #expect(state.failure == nil)
            await service.close(&state)
        }
    }
}
