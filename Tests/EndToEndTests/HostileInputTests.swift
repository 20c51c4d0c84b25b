import Foundation
import NewsdTestKit
import Testing

/// Inputs that must produce one error line and a quarantined file, never a crash or a hang.
@Suite(.serialized) struct HostileInputTests {
    @Test func badInputsAreQuarantinedAndAGoodFileAfterThemIsRecorded() throws {
        let dir = TemporaryFolder("hostile")
        let inbox = dir.makeFolder("in")
        let outside = dir.makeFolder("outside")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "1"])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))

        #expect(mkfifo(inbox + "/x.txt", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/passwd.txt", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/elsewhere", withDestinationPath: outside)
        dir.write("in/empty.txt", "")
        dir.write("in/random.txt", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        dir.write("in/big.txt", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 17 * 1024 * 1024))
        let expected: [String: String] = [
            "x.txt": "not-regular-file", "passwd.txt": "symlink", "elsewhere": "symlink",
            "empty.txt": "empty", "random.txt": "binary", "big.txt": "too-large",
        ]
        let errors = dir.join("out/errors.jsonl")
        #expect(eventually { jsonLines(errors).count >= expected.count })
        dir.write("in/good.txt", ArticleCorpus.article(1))
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })

        var seen: [String: String] = [:]
        for line in jsonLines(errors) {
            let object = try #require(line)
            let name = ((object["path"] as? String ?? "") as NSString).lastPathComponent
            seen[name] = object["reason"] as? String
            #expect(object["schema"] as? String == "newsd.error/1")
            if let moved = object["moved_to"] as? String {
                #expect((try? FileManager.default.attributesOfItem(atPath: moved)) != nil, "quarantined at \(moved)")
            }
        }
        #expect(seen == expected)
        #expect(dir.files(under: "in").isEmpty)
        #expect(FileManager.default.fileExists(atPath: "/etc/passwd"), "the symlink's target is untouched")
        #expect(daemon.process.isRunning)
    }
}
