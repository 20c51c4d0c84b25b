import Foundation
import NewsdTestKit
import Testing

/// The output folder on a tiny tmpfs that fills up: nothing lost, nothing torn, and newsd carries
/// on by itself once space is freed; while it waits it keeps feeding the watchdog, says why in
/// `STATUS=`, and stops within the promised 30 s. Needs root for `mount`.
@Suite(.serialized, .needsRoot) struct DiskFullTests {
    private func mount(_ arguments: [String], command: String = "/bin/mount") -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: command)
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test func aFullOutputDiskLosesNothingAndRecoversWhenSpaceIsFreed() throws {
        let dir = TemporaryFolder("diskfull")
        let inbox = dir.makeFolder("in")
        let out = dir.makeFolder("out")
        try #require(mount(["-t", "tmpfs", "-o", "size=256k", "newsd-test", out]))
        defer { _ = mount(["-l", out], command: "/bin/umount") }
        let daemon = try NewsdProcess.run(inbox: inbox, output: out, ["--workers", "1"])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let files = 120
        let padding = String(repeating: "The council met again and discussed the budget at length. ", count: 60)
        for n in 0..<files { dir.write("in/\(n).txt", ArticleCorpus.article(n) + padding + "\n") }
        #expect(daemon.waitForLog("disk is full"), "the daemon says so in its log")
        Thread.sleep(forTimeInterval: 1)
        let duringLines = jsonLines(out + "/records.jsonl")
        #expect(!duringLines.contains { $0 == nil }, "no torn line while full")
        let recordedWhileFull = duringLines.count
        #expect(recordedWhileFull < files)
        #expect(dir.files(under: "in").count + recordedWhileFull >= files, "no input left the inbox unrecorded")

        #expect(mount(["-o", "remount,size=64m", out]))
        #expect(eventually(timeout: 120) { jsonLines(out + "/records.jsonl").count == files })
        #expect(daemon.waitForLog("works again"))
        let lines = jsonLines(out + "/records.jsonl")
        print("disk full: \(recordedWhileFull) records before the disk filled, \(lines.count) of \(files) after space was freed")
        #expect(!lines.contains { $0 == nil })
        #expect(Set(lines.compactMap { $0?["id"] as? String }).count == files)
        #expect(eventually { dir.files(under: "in").isEmpty })
    }

    @Test func aFullDiskKeepsTheWatchdogFedSaysWhyAndStopsInTimeLosingNothing() throws {
        let dir = TemporaryFolder("diskfull-stop")
        let inbox = dir.makeFolder("in")
        let out = dir.makeFolder("out")
        try #require(mount(["-t", "tmpfs", "-o", "size=256k", "newsd-test", out]))
        defer { _ = mount(["-l", out], command: "/bin/umount") }
        let listener = NotifySocketListener(path: dir.join("notify.sock"))
        let daemon = try NewsdProcess.run(inbox: inbox, output: out, ["--workers", "1"], environment: [
            "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "2000000",
        ])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let files = 120
        let padding = String(repeating: "The council met again and discussed the budget at length. ", count: 60)
        for n in 0..<files { dir.write("in/\(n).txt", ArticleCorpus.article(n) + padding + "\n") }
        #expect(daemon.waitForLog("disk is full"))

        // The daemon only waits: systemd must keep hearing from it, and hear why it waits.
        let pings = { listener.messages.filter { $0 == "WATCHDOG=1" }.count }
        let pingsWhenFull = pings()
        #expect(eventually(timeout: 20) { pings() >= pingsWhenFull + 5 }, "the watchdog is fed while the disk is full")
        #expect(eventually { listener.messages.contains { $0.hasPrefix("STATUS=") && $0.contains("output disk full") } })

        // The README promises that a stop gives work in flight at most 30 s.
        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(eventually(timeout: 30) { !daemon.process.isRunning }, "SIGTERM on a full disk ends within 30 s")
        #expect(daemon.stop() == 0)
        let lines = jsonLines(out + "/records.jsonl")
        #expect(!lines.contains { $0 == nil }, "no torn line")
        #expect(lines.count < files)
        let recorded = Set(lines.compactMap { $0?["source"] as? [String: Any] }.compactMap { $0["name"] as? String })
        let inInbox = Set(dir.files(under: "in").map { ($0 as NSString).lastPathComponent })
        for n in 0..<files {
            #expect(recorded.contains("\(n).txt") || inInbox.contains("\(n).txt"), "input \(n) is recorded or still in the inbox")
        }
    }
}
