@testable import Daemon
import Extraction
import Foundation
import Logging
import NewsdTestKit
import Testing

@Suite struct DatabaseConfigurationTests {
    @Test func aURLGivesHostPortUserDatabaseAndSSLMode() throws {
        let c = try DatabaseConfiguration.parse(url: "postgresql://newsd@db.example.org:6543/fleet?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(c.host == "db.example.org")
        #expect(c.port == 6543)
        #expect(c.user == "newsd")
        #expect(c.database == "fleet")
        #expect(c.sslMode == .verifyFull)
        #expect(c.sslRootCertificate == "/etc/ca.pem")
        let d = try DatabaseConfiguration.parse(url: "postgres://u@[::1]/db")
        #expect(d.host == "::1")
        #expect(d.port == 5432)
        #expect(d.sslMode == .prefer)
        let s = try DatabaseConfiguration.parse(url: "postgresql://u@/db?host=/run/postgresql")
        #expect(s.socketDirectory == "/run/postgresql")
        #expect(s.host == nil)
    }

    @Test func aPasswordInTheURLIsRefusedAndNeverRepeated() {
        do {
            _ = try DatabaseConfiguration.parse(url: "postgresql://newsd:hunter2@db/newsd")
            Issue.record("a URL with a password was accepted")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("password_file"))
        }
        #expect(DatabaseConfiguration.redact("postgresql://u:secret@h/db") == "postgresql://u:***@h/db")
    }

    @Test func wrongURLsAreRefusedWithTheirReason() {
        for url in ["mysql://u@h/db", "postgresql://h/db", "postgresql://u@h/", "postgresql://u@h/db?sslmode=always",
                    "postgresql://u@h/db?options=-c", "postgresql://u@h:70000/db", "postgresql://u@/db"] {
            #expect(throws: ConfigError.self, "\(url)") { try DatabaseConfiguration.parse(url: url) }
        }
    }

    @Test func theConfigFileTableAndItsErrors() throws {
        let config = try ConfigLoader.parse("""
            [database]
            url = "postgresql://newsd@db:5432/newsd?sslmode=disable"
            password_file = "/etc/newsd/pw"
            node = "crawler-2"
            """, file: "f")
        #expect(config.database?.node == "crawler-2")
        #expect(config.database?.passwordFile == "/etc/newsd/pw")
        #expect(throws: ConfigError(file: "f", key: "database.url", line: 2, "postgresql://u:***@db/n: must not hold a password; use password_file or NEWSD_DATABASE_PASSWORD")) {
            try ConfigLoader.parse("[database]\nurl = \"postgresql://u:pw@db/n\"\n", file: "f")
        }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[database]\nnode = \"x\"\n", file: "f") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[database]\nurl = \"postgresql://u@h/d\"\npasword_file = \"/x\"\n", file: "f") }
        #expect(ConfigLoader.parseOrNil("") == nil)
    }

    @Test func thePasswordComesFromTheFileElseTheEnvironment() throws {
        let dir = TemporaryFolder("db")
        var c = try DatabaseConfiguration.parse(url: "postgresql://u@h/d")
        #expect(try c.password(environment: [:]) == nil)
        #expect(try c.password(environment: ["PGPASSWORD": "b"]) == "b")
        #expect(try c.password(environment: ["PGPASSWORD": "b", "NEWSD_DATABASE_PASSWORD": "a"]) == "a")
        c.passwordFile = dir.write("pw", "from-file\nignored\n")
        #expect(try c.password(environment: ["NEWSD_DATABASE_PASSWORD": "a"]) == "from-file")
        c.passwordFile = dir.join("missing")
        #expect(throws: ConfigError.self) { try c.password(environment: [:]) }
    }
}

@Suite struct FleetRowsTests {
    @Test func jsonbInputLosesOnlyTheNulEscape() {
        let line = Array(#"{"a":"x\u0000y","b":"\\u0000","c":"\\\u0000"}"#.utf8)
        #expect(FleetText.jsonb(line[...]) == #"{"a":"x\ufffdy","b":"\\u0000","c":"\\\ufffd"}"#)
        #expect(FleetText.storable("a\u{0}b") == "a\u{FFFD}b")
    }

    @Test func entityRowsAreTheSummaryEntrysNames() throws {
        var article = ExtractedArticle()
        article.title = "T"
        article.entities = [
            Entity(id: "e1", type: .person, name: "Donald Trump", aliases: [], roles: [], mentions: [], salience: 1),
            Entity(id: "e2", type: .person, name: "Donald J. Trump", aliases: [], roles: [], mentions: [], salience: 0.5),
            Entity(id: "e3", type: .organization, name: "Republican Party", aliases: ["GOP"], roles: [], mentions: [], salience: 0.4),
        ]
        article.keywords = [Keyword(term: "tariffs", score: 2)]
        let record = ArticleRecord(id: "abc", source: SourceInfo(path: "/in/a.txt", inbox: "wire", name: "a.txt", bytes: 10, modified: "2026-01-01T00:00:00Z",
                                                                format: .text, encoding: .utf8),
                                   ingestedAt: "2026-01-01T00:00:01Z", processingMs: 1, article: article)
        var rows = ArticleRows()
        let line = record.jsonLine()
        rows.append(try ArticleRecord(jsonLine: line), line: line[...])
        let entry = SummaryEntry(record: record)
        var expected: [String] = []
        for category in SummaryWindow.Category.allCases {
            expected += entry.countedNames(in: category).map { "\(category.rawValue) \($0.key) \($0.name)" }
        }
        let got = zip(rows.entityCategory, zip(rows.entityKey, rows.entityName)).map { "\($0) \($1.0) \($1.1)" }
        #expect(got == expected)
        #expect(rows.entityKey.filter { $0 == "person:donald trump" }.count == 1, "a key is counted once per article")
        #expect(rows.acronym.count == entry.acronyms.count)
        #expect(rows.headline == ["T"])
        #expect(rows.source == ["wire"])
    }
}

@Suite struct ShipCursorTests {
    @Test func aCursorRoundTripsAndAForeignFileIsNone() throws {
        let dir = TemporaryFolder("cursor")
        let path = dir.join(ShipCursor.fileName)
        #expect(ShipCursor.load(path).cursor == ShipCursor())
        let cursor = ShipCursor(records: ShipPosition(file: FileIdentity(device: 2049, inode: 77), offset: 1234),
                                errors: ShipPosition(file: FileIdentity(device: 2049, inode: 78), offset: 0))
        try cursor.save(path)
        let loaded = ShipCursor.load(path)
        #expect(loaded.cursor == cursor)
        #expect(loaded.problem == nil)
        dir.write(ShipCursor.fileName, "garbage\n")
        #expect(ShipCursor.load(path).cursor == ShipCursor())
        #expect(ShipCursor.load(path).problem != nil)
    }

    @Test func theReaderShipsOnlyDurableCompleteLinesAndFollowsARotation() throws {
        let dir = TemporaryFolder("shiplog")
        let log = try AppendLog(path: dir.join("records.jsonl"))
        try log.append(Array("one\ntwo\n".utf8), durable: true)
        try log.append(Array("three\n".utf8), durable: false)
        let reader = try ShippedLog(path: dir.join("records.jsonl"), resumingAt: nil, writer: { log.durableEnd }, note: { _ in })
        #expect(try reader.countPending() == 2)
        let first = try reader.next(maxLines: 10)
        #expect(first.lines.map { String(decoding: $0, as: UTF8.self) } == ["one", "two"], "a line not yet fsynced is not shipped")
        reader.shipped(through: first.end, lines: first.lines.count)
        try log.append(Array("four\n".utf8), durable: true)
        // logrotate: rename, then the sink reopens; the old file's tail is shipped first.
        try SystemCalls.rename(dir.join("records.jsonl"), dir.join("records.jsonl.1"))
        try log.reopen()
        try log.append(Array("five\n".utf8), durable: true)
        let tail = try reader.next(maxLines: 10)
        #expect(tail.lines.map { String(decoding: $0, as: UTF8.self) } == ["three", "four"])
        reader.shipped(through: tail.end, lines: tail.lines.count)
        let fresh = try reader.next(maxLines: 10)
        #expect(fresh.lines.map { String(decoding: $0, as: UTF8.self) } == ["five"])
        #expect(reader.position.file == log.durableEnd.file)
    }

    @Test func aCursorNamingARotatedFileResumesThere() throws {
        let dir = TemporaryFolder("shiplog2")
        let log = try AppendLog(path: dir.join("records.jsonl"))
        try log.append(Array("a\nb\n".utf8), durable: true)
        let old = log.durableEnd.file
        try SystemCalls.rename(dir.join("records.jsonl"), dir.join("records.jsonl.1"))
        try log.reopen()
        try log.append(Array("c\n".utf8), durable: true)
        var notes: [String] = []
        let reader = try ShippedLog(path: dir.join("records.jsonl"), resumingAt: ShipPosition(file: old, offset: 2),
                                    writer: { log.durableEnd }, note: { notes.append($0) })
        let rest = try reader.next(maxLines: 10)
        #expect(rest.lines.map { String(decoding: $0, as: UTF8.self) } == ["b"])
        #expect(notes.first?.contains("records.jsonl.1") == true)
        reader.shipped(through: rest.end, lines: 1)
        #expect(try reader.next(maxLines: 10).lines.map { String(decoding: $0, as: UTF8.self) } == ["c"])
    }
}

private extension ConfigLoader {
    static func parseOrNil(_ text: String) -> DatabaseConfiguration? {
        (try? parse(text, file: "f"))?.database
    }
}

@Suite(.serialized, .needsPostgreSQL) struct FleetDatabaseTests {

    /// postgres-nio never answers a query written to a connection the server has closed; the
    /// batch must fail within its limit (and close the connection) instead of waiting forever,
    /// which left the shipper stuck and deaf to SIGTERM after a database restart.
    @Test func aBatchOnAConnectionTheServerClosedFailsInsteadOfWaiting() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let database = try await cluster.migratedDatabase()
        let connection = try await database.connect()
        try cluster.stop()
        await #expect(throws: FleetDatabaseError.self) {
            try await database.insert(articles: ArticleRows(), errors: ErrorRows(), node: "test", on: connection, timeout: .seconds(2))
        }
        #expect(connection.isClosed)
    }
}
