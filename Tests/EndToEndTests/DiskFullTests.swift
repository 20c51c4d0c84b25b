import Foundation
import NewsdTestKit
import Testing

/// The output folder on a tiny tmpfs that fills up: nothing lost, nothing torn, and newsd carries
/// on by itself once space is freed. Needs root for `mount`; skips with a message otherwise.
@Suite(.serialized) struct DiskFullTests {
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
        guard mount(["-t", "tmpfs", "-o", "size=256k", "newsd-test", out]) else {
            print("disk-full test skipped: mounting a tmpfs was refused (needs root)")
            return
        }
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
}
