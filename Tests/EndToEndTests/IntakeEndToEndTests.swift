import Foundation
import NewsdTestKit
import Testing

/// The real binary, real inotify, real files: every way a file can arrive gives one record.
@Suite(.serialized) struct IntakeEndToEndTests {
    @Test func slowWriterGivesOneRecordOfTheWholeContent() throws {
        let dir = TemporaryFolder("slow")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let chunks = ["Slow writer headline\n", "The first part of the story arrives. ", "The second part follows later.\n"]
        // One open, three writes with pauses, one close: as a scraper streaming a download.
        let fd = open(inbox + "/slow.txt", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0)
        for chunk in chunks {
            _ = chunk.withCString { write(fd, $0, strlen($0)) }
            Thread.sleep(forTimeInterval: 0.4)
        }
        close(fd)
        let records = dir.join("out/records.jsonl")
        #expect(eventually { jsonLines(records).count == 1 })
        Thread.sleep(forTimeInterval: 1.5)
        let lines = jsonLines(records)
        #expect(lines.count == 1)
        #expect((lines.first??["text"] as? String) == chunks.joined())
    }

    @Test func filesArrivingEveryWayGetOneRecordEach() throws {
        let dir = TemporaryFolder("ways")
        let inbox = dir.makeFolder("in")
        // Present before start: the backlog.
        for n in 0..<5 { dir.write("in/before-\(n).txt", ArticleCorpus.article(n, salt: "before")) }
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        // By mv from outside the inbox.
        let outside = dir.write("staging/moved.txt", ArticleCorpus.article(100, salt: "moved"))
        try FileManager.default.moveItem(atPath: outside, toPath: inbox + "/moved.txt")
        // By copy.
        let source = dir.write("staging/copied.txt", ArticleCorpus.article(101, salt: "copied"))
        try FileManager.default.copyItem(atPath: source, toPath: inbox + "/copied.txt")
        // Inside a subdirectory created a moment before, written straight away.
        dir.makeFolder("in/fresh/deeper")
        dir.write("in/fresh/deeper/new.txt", ArticleCorpus.article(102, salt: "fresh"))
        // 1,000 at once.
        for n in 0..<1000 { dir.write("in/bulk-\(n).txt", ArticleCorpus.article(1000 + n, salt: "bulk")) }
        let expected = 5 + 3 + 1000
        let records = dir.join("out/records.jsonl")
        #expect(eventually(timeout: 180) { jsonLines(records).count >= expected })
        Thread.sleep(forTimeInterval: 1)
        let lines = jsonLines(records)
        #expect(lines.count == expected)
        #expect(!lines.contains { $0 == nil }, "a torn or unparsable line")
        let ids = Set(lines.compactMap { $0?["id"] as? String })
        #expect(ids.count == expected, "one record per distinct content")
        #expect(eventually { dir.files(under: "in").isEmpty }, "every input left the inbox: \(dir.files(under: "in").prefix(5))")
        #expect(dir.files(under: "out/processed").contains { $0.hasSuffix("fresh/deeper/new.txt") })
    }

    @Test func aRestartWritesNoDuplicate() throws {
        let dir = TemporaryFolder("restart")
        let inbox = dir.makeFolder("in")
        let records = dir.join("out/records.jsonl")
        let first = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        #expect(first.waitForLog("scanning inboxes"))
        dir.write("in/a.txt", ArticleCorpus.article(1))
        #expect(eventually { jsonLines(records).count == 1 })
        #expect(first.stop() == 0)

        // The same content again, under another name, while stopped and after the restart.
        dir.write("in/a-again.txt", ArticleCorpus.article(1))
        let second = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { second.stop() }
        #expect(second.waitForLog("duplicate content"))
        dir.write("in/a-third.txt", ArticleCorpus.article(1))
        dir.write("in/b.txt", ArticleCorpus.article(2))
        #expect(eventually { jsonLines(records).count == 2 && dir.files(under: "in").isEmpty })
        #expect(jsonLines(records).count == 2)
    }

    @Test func sigtermExitsZeroWithAFinalSummary() throws {
        let dir = TemporaryFolder("term")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        #expect(daemon.waitForLog("scanning inboxes"))
        dir.write("in/a.txt", ArticleCorpus.article(7))
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
        #expect(daemon.stop(SIGTERM) == 0)
        let summary = try #require(jsonLines(dir.join("out/summary.json")).first ?? nil)
        let sinceStart = try #require(summary["since_start"] as? [String: Any])
        #expect(sinceStart["articles"] as? Int == 1)
        let markdown = try String(contentsOfFile: dir.join("out/summary.md"), encoding: .utf8)
        #expect(markdown.contains("Council in"))
        #expect(daemon.log.contains("newsd stopped"))
    }

    @Test func onceDrainsTheBacklogAndExits() throws {
        let dir = TemporaryFolder("once")
        for n in 0..<20 { dir.write("in/\(n).txt", ArticleCorpus.article(n)) }
        let result = try NewsdProcess.runToEnd(["run", "--inbox", dir.join("in"), "--output", dir.join("out"), "--once", "--workers", "2"])
        #expect(result.status == 0)
        #expect(jsonLines(dir.join("out/records.jsonl")).count == 20)
        #expect(dir.files(under: "in").isEmpty)
    }

    @Test func theSummaryIsRebuiltFromRecordsAfterARestart() throws {
        let dir = TemporaryFolder("rebuild")
        for n in 0..<3 { dir.write("in/\(n).txt", ArticleCorpus.article(n)) }
        let args = ["run", "--inbox", dir.join("in"), "--output", dir.join("out"), "--once"]
        #expect(try NewsdProcess.runToEnd(args).status == 0)
        dir.write("in/x.txt", ArticleCorpus.article(9))
        #expect(try NewsdProcess.runToEnd(args).status == 0)
        let summary = try #require(jsonLines(dir.join("out/summary.json")).first ?? nil)
        #expect((summary["window"] as? [String: Any])?["articles"] as? Int == 4, "the window holds the first run's records too")
        #expect((summary["since_start"] as? [String: Any])?["articles"] as? Int == 1)
        let printed = try NewsdProcess.runToEnd(["summary", "--output", dir.join("out")])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("| articles | 4 |"))
    }
}
