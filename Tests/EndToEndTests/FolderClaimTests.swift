import Foundation
import NewsdTestKit
import Testing

/// One daemon per output folder and per inbox, and output files that stay readable when removed
/// under a running daemon.
@Suite(.serialized) struct FolderClaimTests {
    @Test func aSecondDaemonOnTheSameOutputOrInboxRefusesToStartNamingTheHolder() throws {
        let dir = TemporaryFolder("claim")
        let first = try NewsdProcess.run(inbox: dir.makeFolder("in"), output: dir.join("out"))
        defer { first.stop() }
        #expect(first.waitForLog("scanning inboxes"))
        let pid = "pid \(first.process.processIdentifier)"

        let sameOutput = try NewsdProcess.runToEnd(["run", "--inbox", dir.makeFolder("other-in"), "--output", dir.join("out")])
        #expect(sameOutput.status == 75)
        #expect(sameOutput.stderr.contains("output folder") && sameOutput.stderr.contains(pid))

        let sameInbox = try NewsdProcess.runToEnd(["run", "--inbox", dir.join("in"), "--output", dir.join("other-out")])
        #expect(sameInbox.status == 75)
        #expect(sameInbox.stderr.contains("inbox") && sameInbox.stderr.contains(pid))

        for n in 0..<3 { dir.write("in/a\(n).txt", ArticleCorpus.article(n)) }
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 3 }, "the first daemon carries on alone")
        #expect(first.stop() == 0)

        // Once the first has stopped, its folders are free.
        let second = try NewsdProcess.run(inbox: dir.join("in"), output: dir.join("out"))
        #expect(second.waitForLog("scanning inboxes"))
        #expect(second.stop() == 0)
    }

    @Test func ledgerErrorsAndAttemptsRemovedUnderTheDaemonAreCreatedAnew() throws {
        let dir = TemporaryFolder("removed")
        let daemon = try NewsdProcess.run(inbox: dir.makeFolder("in"), output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        dir.write("in/a.txt", ArticleCorpus.article(1))
        dir.write("in/noise.txt", String(repeating: "\u{1}\u{2}\u{0}", count: 50))
        #expect(eventually { jsonLines(dir.join("out/errors.jsonl")).count == 1 && jsonLines(dir.join("out/records.jsonl")).count == 1 })

        for name in ["ledger", "errors.jsonl", "attempts"] { try FileManager.default.removeItem(atPath: dir.join("out/\(name)")) }
        dir.write("in/b.txt", ArticleCorpus.article(2))
        dir.write("in/noise2.txt", String(repeating: "\u{3}\u{4}\u{0}", count: 50))
        #expect(eventually { jsonLines(dir.join("out/errors.jsonl")).count == 1 }, "errors.jsonl is created anew")
        #expect(eventually { ((try? String(contentsOfFile: dir.join("out/ledger"), encoding: .utf8)) ?? "").split(separator: "\n").count == 2 },
                "the ledger is created anew with every id it knew and the new one")
        #expect(eventually { FileManager.default.fileExists(atPath: dir.join("out/attempts")) }, "the attempts journal is created anew")
        #expect(jsonLines(dir.join("out/records.jsonl")).count == 2)
        #expect(daemon.stop() == 0)

        // A restart reads what was written after the removal: nothing recorded twice.
        let again = try NewsdProcess.run(inbox: dir.join("in"), output: dir.join("out"))
        #expect(again.waitForLog("scanning inboxes"))
        dir.write("in/a-again.txt", ArticleCorpus.article(1))
        #expect(again.waitForLog("duplicate content"))
        #expect(jsonLines(dir.join("out/records.jsonl")).count == 2)
        #expect(again.stop() == 0)
    }
}
