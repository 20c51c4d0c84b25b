import Foundation
import NewsdTestKit
import Testing

/// Tries hard to make newsd lose an article or write one twice. The short forms run in CI; set
/// `NEWSD_SOAK=long` for the long forms (1,500 files and 15 kills; 50,000 files for overflow).
@Suite(.serialized) struct FaultToleranceTests {
    static let long = ProcessInfo.processInfo.environment["NEWSD_SOAK"] == "long"

    @Test func killNineAtRandomInstantsLosesNothingAndDuplicatesNothing() throws {
        let files = Self.long ? 1500 : 300
        let kills = Self.long ? 15 : 5
        let dir = TemporaryFolder("soak")
        let inbox = dir.makeFolder("in")
        let staging = dir.makeFolder("staging")
        var generator = SystemRandomNumberGenerator()
        for n in 0..<files { dir.write("staging/\(n).txt", ArticleCorpus.article(n, salt: "soak")) }
        let batches = stride(from: 0, to: files, by: files / (kills + 1)).map { $0..<min(files, $0 + files / (kills + 1)) }
        var killed = 0
        for (b, batch) in batches.enumerated() {
            let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "2"])
            for n in batch { try FileManager.default.moveItem(atPath: "\(staging)/\(n).txt", toPath: "\(inbox)/\(n).txt") }
            if b < batches.count - 1 {
                Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.8, using: &generator))
                daemon.stop(SIGKILL)
                killed += 1
            } else {
                // The last run drains everything, then stops gracefully.
                _ = eventually(timeout: 300) { dir.files(under: "in").isEmpty }
                #expect(daemon.stop(SIGTERM) == 0)
            }
        }
        let lines = jsonLines(dir.join("out/records.jsonl"))
        let ids = lines.compactMap { $0?["id"] as? String }
        let ledger = (try? String(contentsOfFile: dir.join("out/ledger"), encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        print("kill -9 soak: \(files) files, \(killed) kills, \(lines.count) records, \(Set(ids).count) distinct, \(ledger.count) ledger entries, \(dir.files(under: "in").count) left in the inbox, \(jsonLines(dir.join("out/errors.jsonl")).count) errors")
        #expect(!lines.contains { $0 == nil }, "no torn or partial line")
        #expect(lines.count == files, "exactly one record per distinct content")
        #expect(Set(ids).count == files)
        #expect(Set(ledger) == Set(ids), "the ledger holds exactly the recorded ids")
        #expect(dir.files(under: "in").isEmpty, "every file out of the inbox")
    }

    @Test func aPoisonFileIsQuarantinedAfterTwoCrashesAndOthersAreUnaffected() throws {
        let dir = TemporaryFolder("poison")
        let inbox = dir.makeFolder("in")
        let env = ["NEWSD_FAULT_INJECTION": "1"]
        dir.write("in/poison.txt", "Headline\nThis article says NEWSD-FAULT-CRASH-EXTRACTOR in its body.\n")
        var crashes = 0
        var runs = 0
        // Restart the daemon as systemd's Restart=on-failure would, until it survives.
        while runs < 5 {
            runs += 1
            let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "1"], environment: env)
            let survived = !eventually(timeout: 20) { !daemon.process.isRunning }
            if survived {
                dir.write("in/good.txt", ArticleCorpus.article(3))
                #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
                #expect(daemon.stop() == 0)
                break
            }
            crashes += 1
        }
        print("poison file: \(crashes) crashes before quarantine, \(runs) runs")
        #expect(crashes <= 2)
        let errors = jsonLines(dir.join("out/errors.jsonl")).compactMap { $0 }
        #expect(errors.count == 1)
        #expect(errors.first?["reason"] as? String == "crashed-extractor")
        #expect(dir.files(under: "out/failed").contains { $0.hasSuffix("crashed-extractor/poison.txt") })
    }

    @Test func anInotifyOverflowLosesNoFile() throws {
        let files = Self.long ? 50_000 : 12_000
        let dir = TemporaryFolder("overflow")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "2"])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let line = "Short note about a council vote in Berlin.\n"
        for n in 0..<files { dir.write("in/\(n).txt", "Note \(n)\n" + line) }
        let records = dir.join("out/records.jsonl")
        #expect(eventually(timeout: 900) { jsonLines(records).count >= files })
        let ids = Set(jsonLines(records).compactMap { $0?["id"] as? String })
        print("overflow: \(files) files, \(ids.count) records, overflow seen: \(daemon.log.contains("overflowed"))")
        #expect(ids.count == files)
    }
}
