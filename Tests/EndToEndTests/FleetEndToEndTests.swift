import Foundation
import NewsdTestKit
import Testing

/// Several `newsd run` processes shipping into one private PostgreSQL cluster: one row per content
/// across the fleet, whatever is killed, stopped, deleted or rotated on the way.
@Suite(.serialized, .needsPostgreSQL) struct FleetEndToEndTests {
    /// One node: its folders, its config (node name, small batches) and its process.
    final class Node {
        let name: String
        let dir: TemporaryFolder
        let cluster: PostgresCluster
        var url: String
        var password: String
        var process: NewsdProcess?

        init(_ name: String, cluster: PostgresCluster, url: String? = nil, password: String? = nil, batchLines: Int = 50) {
            self.name = name
            self.cluster = cluster
            dir = TemporaryFolder("fleet-\(name)")
            dir.makeFolder("in")
            self.url = url ?? cluster.url
            self.password = password ?? cluster.password
            dir.write("newsd.toml", """
                [database]
                url = "\(self.url)"
                node = "\(name)"
                batch_lines = \(batchLines)
                [metrics]
                interval_s = 0.3

                """)
        }

        var inbox: String { dir.join("in") }
        var output: String { dir.join("out") }

        func start() throws {
            process = try NewsdProcess.run(inbox: inbox, output: output, ["--config", dir.join("newsd.toml"), "--workers", "1"],
                                           environment: ["NEWSD_DATABASE_PASSWORD": password])
        }

        @discardableResult
        func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            defer { process = nil }
            return process?.stop(signal) ?? 0
        }

        var log: String { process?.log ?? "" }

        /// Ids in records.jsonl.
        var recordIDs: [String] { jsonLines(output + "/records.jsonl").compactMap { $0?["id"] as? String } }

        /// The value of `metric` in the node's metrics file.
        func metric(_ metric: String) -> Double? {
            guard let text = try? String(contentsOfFile: output + "/newsd.prom", encoding: .utf8) else { return nil }
            for line in text.split(separator: "\n") where line.hasPrefix(metric + " ") {
                return Double(line.split(separator: " ").last ?? "")
            }
            return nil
        }
    }

    /// Polls `condition` every 0.25 s (each poll may start psql) until it holds or `timeout` passes.
    func eventuallySlow(timeout: Double = 120, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.25)
        }
        return condition()
    }

    func articleCount(_ cluster: PostgresCluster) -> Int {
        (try? cluster.count("SELECT count(*) FROM articles")) ?? -1
    }

    func databaseIDs(_ cluster: PostgresCluster) throws -> [String] {
        try cluster.psql("SELECT id FROM articles ORDER BY id").split(separator: "\n").map(String.init)
    }

    /// Writes `count` distinct articles into `folder` (through a temporary name, as a crawler would).
    func drop(_ range: Range<Int>, into folder: String, salt: String) {
        for n in range {
            let temporary = folder + "/.\(n).tmp"
            _ = FileManager.default.createFile(atPath: temporary, contents: Data(ArticleCorpus.article(n, salt: salt).utf8))
            try? FileManager.default.moveItem(atPath: temporary, toPath: folder + "/\(n).txt")
        }
    }

    @Test func threeNodesGivenTheSameFilesWriteOneRowEach() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let nodes = (1...3).map { Node("node-\($0)", cluster: cluster) }
        defer { for node in nodes { node.stop(SIGKILL) } }
        for node in nodes { try node.start() }
        let files = 40
        for node in nodes { drop(0..<files, into: node.inbox, salt: "same") }
        #expect(eventuallySlow { nodes.allSatisfy { $0.recordIDs.count == files } })
        #expect(eventuallySlow { nodes.allSatisfy { $0.metric("newsd_database_lag_records") == 0 } })
        #expect(articleCount(cluster) == files)
        #expect(try cluster.count("SELECT count(DISTINCT id) FROM articles") == files)
        #expect(try Set(databaseIDs(cluster)) == Set(nodes[0].recordIDs))
        #expect(try cluster.count("SELECT count(*) FROM articles WHERE node NOT IN ('node-1', 'node-2', 'node-3')") == 0)
        // Every entity row belongs to an article, with the article's time; places carry their facts.
        #expect(try cluster.count("SELECT count(*) FROM article_entities") > files)
        #expect(try cluster.count("""
            SELECT count(*) FROM article_entities e LEFT JOIN articles a ON a.id = e.article_id
            WHERE a.id IS NULL OR a.ingested_at <> e.ingested_at
            """) == 0)
        #expect(try cluster.count("SELECT count(*) FROM article_entities WHERE category = 'places' AND country IS NULL") == 0)
        // Migrated once, to the newest version this newsd knows (FleetSchema.version).
        #expect(try cluster.count("SELECT max(version) FROM newsd_schema") == 2)
        for node in nodes { #expect(node.stop() == 0) }
    }

    @Test func theFleetConvergesAfterTheDatabaseWasStoppedForTenSeconds() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let nodes = (1...3).map { Node("node-\($0)", cluster: cluster) }
        defer { for node in nodes { node.stop(SIGKILL) } }
        for node in nodes { try node.start() }
        drop(0..<5, into: nodes[0].inbox, salt: "before")
        #expect(eventuallySlow { articleCount(cluster) == 5 })
        try cluster.stop()
        let outage = Date()
        // Files keep arriving on every node: intake and local records go on.
        for (i, node) in nodes.enumerated() { drop(0..<30, into: node.inbox, salt: "during-\(i % 2)") }
        #expect(eventuallySlow { nodes.allSatisfy { $0.recordIDs.count == ($0.name == "node-1" ? 35 : 30) } })
        #expect(eventuallySlow { nodes.allSatisfy { ($0.metric("newsd_database_lag_records") ?? 0) >= 30 } },
                "the backlog shows in the metric")
        Thread.sleep(until: outage.addingTimeInterval(10))
        try cluster.start()
        let restarted = Date()
        // Node 1 and 3 share their 30 contents ("during-0"); node 2 has its own.
        #expect(eventuallySlow { articleCount(cluster) == 65 })
        print("fleet: 3 nodes converged \(String(format: "%.1f", Date().timeIntervalSince(restarted))) s after the database came back (65 rows)")
        #expect(try cluster.count("SELECT count(DISTINCT id) FROM articles") == 65)
        #expect(nodes.allSatisfy { $0.log.contains("cannot reach the database") })
        // A node whose rows another node already shipped may still be in its back-off (up to 5 s)
        // when the count is reached; it says so once it connects.
        #expect(eventuallySlow { nodes.allSatisfy { $0.log.contains("resuming from the cursor") } })
        for node in nodes { #expect(node.stop() == 0) }
    }

    @Test func aNodeKilledMidBatchAndRestartedShipsEveryRowOnce() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let node = Node("killed", cluster: cluster, batchLines: 3)
        defer { node.stop(SIGKILL) }
        let files = 150
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            try node.start()
            drop((round * 30)..<((round + 1) * 30), into: node.inbox, salt: "kill")
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.5, using: &generator))
            node.stop(SIGKILL)
        }
        try node.start()
        #expect(eventuallySlow { node.recordIDs.count == files })
        #expect(eventuallySlow { articleCount(cluster) == files })
        #expect(try Set(databaseIDs(cluster)) == Set(node.recordIDs), "none lost")
        #expect(try cluster.count("SELECT count(DISTINCT id) FROM articles") == files, "none twice")
        #expect(node.stop() == 0)
    }

    @Test func aDeletedCursorShipsAgainWithoutDuplicates() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let node = Node("cursor", cluster: cluster)
        defer { node.stop(SIGKILL) }
        try node.start()
        drop(0..<20, into: node.inbox, salt: "cursor")
        #expect(eventuallySlow { articleCount(cluster) == 20 })
        dropError(into: node.inbox)
        #expect(eventuallySlow { (try? cluster.count("SELECT count(*) FROM errors")) == 1 })
        #expect(node.stop() == 0)
        let shippedAt = try cluster.psql("SELECT max(shipped_at) FROM articles")
        try FileManager.default.removeItem(atPath: node.output + "/.newsd-ship-cursor")
        try node.start()
        #expect(eventuallySlow { FileManager.default.fileExists(atPath: node.output + "/.newsd-ship-cursor") })
        #expect(eventuallySlow { node.metric("newsd_database_lag_records") == 0 && node.metric("newsd_database_shipped_lines_total") == 21 })
        #expect(articleCount(cluster) == 20)
        #expect(try cluster.count("SELECT count(*) FROM errors") == 1)
        #expect(try cluster.psql("SELECT max(shipped_at) FROM articles") == shippedAt, "no row was written again")
        #expect(node.stop() == 0)
    }

    @Test func theOldFilesTailIsShippedAfterARotation() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let node = Node("rotate", cluster: cluster)
        defer { node.stop(SIGKILL) }
        try node.start()
        drop(0..<5, into: node.inbox, salt: "rotate")
        #expect(eventuallySlow { articleCount(cluster) == 5 })
        try cluster.stop()
        drop(5..<12, into: node.inbox, salt: "rotate")
        #expect(eventuallySlow { node.recordIDs.count == 12 })
        // logrotate: rename, then SIGHUP; the next records go to a new records.jsonl.
        try FileManager.default.moveItem(atPath: node.output + "/records.jsonl", toPath: node.output + "/records.jsonl.1")
        kill(node.process!.process.processIdentifier, SIGHUP)
        #expect(node.process!.waitForLog("reopened output files"))
        drop(12..<20, into: node.inbox, salt: "rotate")
        #expect(eventuallySlow { node.recordIDs.count == 8 })
        try cluster.start()
        #expect(eventuallySlow { articleCount(cluster) == 20 })
        #expect(node.stop() == 0)
    }

    @Test func aWrongPasswordIsAClearErrorAndRecordsGoOn() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let node = Node("password", cluster: cluster, password: "not-the-password")
        defer { node.stop(SIGKILL) }
        try node.start()
        drop(0..<3, into: node.inbox, salt: "password")
        #expect(eventuallySlow(timeout: 60) { node.recordIDs.count == 3 })
        #expect(eventuallySlow(timeout: 30) { node.log.contains("refused the login") })
        #expect(node.log.contains("password authentication failed"))
        #expect(!node.log.contains("not-the-password"))
        #expect(eventuallySlow(timeout: 30) { node.metric("newsd_database_lag_records") == 3 })
        #expect(node.process!.process.isRunning)
        // Never logged in, so it never created the schema (articleCount would be -1: no table).
        #expect(try cluster.count("SELECT count(*) FROM pg_tables WHERE tablename = 'articles'") == 0)
        #expect(node.stop() == 0)
    }

    @Test func anUnreachableHostIsRetriedWithAClearLogLine() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let port = try PostgresCluster.freePort()
        let node = Node("unreachable", cluster: cluster, url: "postgresql://newsd@127.0.0.1:\(port)/newsd?sslmode=disable")
        defer { node.stop(SIGKILL) }
        try node.start()
        drop(0..<3, into: node.inbox, salt: "unreachable")
        #expect(eventuallySlow(timeout: 60) { node.recordIDs.count == 3 })
        #expect(eventuallySlow(timeout: 30) { node.log.contains("cannot reach the database postgresql://newsd@127.0.0.1:\(port)/newsd") })
        #expect(eventuallySlow(timeout: 30) { node.metric("newsd_database_lag_records") == 3 })
        #expect(node.stop() == 0)
    }

    @Test func aNewerSchemaIsRefusedWithAClearMessage() throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        try cluster.psql("CREATE TABLE newsd_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), node text NOT NULL)")
        try cluster.psql("INSERT INTO newsd_schema (version, node) VALUES (99, 'future'); ALTER TABLE newsd_schema OWNER TO newsd")
        let node = Node("old", cluster: cluster)
        defer { node.stop(SIGKILL) }
        try node.start()
        #expect(eventuallySlow(timeout: 30) { node.log.contains("newsd schema version 99, newer than this newsd knows (2)") })
        drop(0..<2, into: node.inbox, salt: "schema")
        #expect(eventuallySlow(timeout: 60) { node.recordIDs.count == 2 })
        #expect(try cluster.count("SELECT count(*) FROM pg_tables WHERE tablename = 'articles'") == 0)
        #expect(node.stop() == 0)
    }

    /// An empty file: it gives a line in errors.jsonl (reason `empty`) once it has settled.
    func dropError(into folder: String) {
        _ = FileManager.default.createFile(atPath: folder + "/empty.txt", contents: Data())
    }
}
