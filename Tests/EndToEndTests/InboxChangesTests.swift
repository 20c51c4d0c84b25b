import Foundation
import NewsdTestKit
import Testing

/// Folders changing under a running daemon: it says so and recovers without a restart.
@Suite(.serialized) struct InboxChangesTests {
    @Test func anInboxDeletedAndRecreatedIsWatchedAgain() throws {
        let dir = TemporaryFolder("recreate")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        try FileManager.default.removeItem(atPath: inbox)
        #expect(daemon.waitForLog("inbox folder was removed"))
        dir.makeFolder("in")
        #expect(daemon.waitForLog("inbox reappeared"))
        dir.write("in/after.txt", ArticleCorpus.article(1))
        #expect(eventually(timeout: 30) { jsonLines(dir.join("out/records.jsonl")).count == 1 })
    }

    @Test func aRenamedSubfolderKeepsBeingWatched() throws {
        let dir = TemporaryFolder("rename")
        let inbox = dir.makeFolder("in")
        dir.makeFolder("in/sub")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "1"])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        try FileManager.default.moveItem(atPath: inbox + "/sub", toPath: inbox + "/renamed")
        Thread.sleep(forTimeInterval: 0.3)
        dir.write("in/renamed/a.txt", ArticleCorpus.article(2))
        #expect(eventually(timeout: 30) { jsonLines(dir.join("out/records.jsonl")).count == 1 })
        let record = try #require(jsonLines(dir.join("out/records.jsonl")).first ?? nil)
        #expect((record["source"] as? [String: Any])?["path"] as? String == inbox + "/renamed/a.txt", "the path names the folder's new name")
    }

    @Test func aRemovedOutputFolderIsRecreated() throws {
        let dir = TemporaryFolder("output")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        dir.write("in/a.txt", ArticleCorpus.article(3))
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
        // The daemon may recreate a file (its lock, a log) while `rm -rf` runs; like a user, try again.
        #expect(eventually(timeout: 10) { (try? FileManager.default.removeItem(atPath: dir.join("out"))) != nil })
        dir.write("in/b.txt", ArticleCorpus.article(4))
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
        #expect(daemon.waitForLog("output folder was removed; created it anew"))
        #expect(daemon.process.isRunning)
    }
}
