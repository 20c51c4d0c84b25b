import Foundation
import NewsdTestKit
import Testing

/// Odd names and pathological content: each gives a record or one error line, and the daemon lives on.
@Suite(.serialized) struct HostileNamesAndContentTests {
    @Test func oddFileNamesAreRecordedWithTheirNameEscaped() throws {
        let dir = TemporaryFolder("names")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"))
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let names = ["new\nline.txt", "quote\"d 'name'.txt", String(repeating: "x", count: 251) + ".txt", "ünïcødé ✓.txt"]
        for (n, name) in names.enumerated() { dir.write("in/" + name, ArticleCorpus.article(n)) }
        // A name that is not UTF-8: byte 0xFF.
        let raw = Array(inbox.utf8) + Array("/bad-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        let body = ArticleCorpus.article(99)
        _ = body.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let records = dir.join("out/records.jsonl")
        #expect(eventually { jsonLines(records).count == names.count + 1 })
        let lines = jsonLines(records)
        #expect(!lines.contains { $0 == nil })
        let recordedNames = Set(lines.compactMap { ($0?["source"] as? [String: Any])?["name"] as? String })
        for name in names { #expect(recordedNames.contains(name), "\(name.debugDescription)") }
        #expect(recordedNames.contains("bad-%FF%FE.txt"), "a non-UTF-8 name is renamed to a percent-encoded one")
        let text = try String(contentsOfFile: records, encoding: .utf8)
        #expect(text.split(separator: "\n").count == names.count + 1, "a newline in a name never splits a record")
    }

    @Test func pathologicalContentGivesRecordsOrErrorsAndTheDaemonLives() throws {
        let dir = TemporaryFolder("content")
        let inbox = dir.makeFolder("in")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--workers", "2"])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        let cases: [(String, [UInt8])] = [
            ("nospace.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000)),
            ("quotes.txt", Array(String(repeating: "“ ", count: 20_000).utf8)),
            ("divs.html", Array((String(repeating: "<div>", count: 200_000) + "text" + String(repeating: "</div>", count: 200_000)).utf8)),
            ("truncated.json", Array(#"{"title": "Cut off", "body": "The council met on Tue"#.utf8)),
            ("deep.json", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
            ("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x69, 0x6E, 0x20, 0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x2E, 0x0A]),
            ("invalid-utf8.txt", Array("The council met.\n".utf8) + [0xC3, 0x28, 0x0A] + Array("It approved the budget.\n".utf8)),
        ]
        for (name, bytes) in cases { dir.write("in/" + name, bytes: bytes) }
        let records = dir.join("out/records.jsonl"), errors = dir.join("out/errors.jsonl")
        #expect(eventually(timeout: 300) { jsonLines(records).count + jsonLines(errors).count >= cases.count })
        dir.write("in/good.txt", ArticleCorpus.article(5))
        #expect(eventually(timeout: 60) { jsonLines(records).contains { ($0?["source"] as? [String: Any])?["name"] as? String == "good.txt" } })
        #expect(daemon.process.isRunning)
        var outcome: [String: String] = [:]
        for line in jsonLines(records) {
            let source = line?["source"] as? [String: Any]
            outcome[source?["name"] as? String ?? "?"] = "record"
            if source?["name"] as? String == "latin1.txt" {
                let text = line?["text"] as? String ?? ""
                let warnings = line?["warnings"] as? [String] ?? []
                #expect(source?["encoding"] as? String == "windows-1252")
                #expect(text.contains("Café in München"))
                #expect(warnings.contains { $0.contains("windows-1252") }, "a guessed encoding is warned about")
            }
        }
        for line in jsonLines(errors) {
            outcome[((line?["path"] as? String ?? "") as NSString).lastPathComponent] = line?["reason"] as? String
        }
        print("pathological content outcomes: \(outcome.sorted { $0.key < $1.key })")
        for (name, _) in cases { #expect(outcome[name] != nil, "\(name) got neither a record nor an error") }
        #expect(dir.files(under: "in").isEmpty)
    }

    /// Root starts the daemon as `nobody` through setpriv, so that a mode-000 file is unreadable to it.
    @Test(.needsRoot, .needsExecutable("/usr/bin/setpriv"))
    func anUnreadableFileIsReportedWhenRunningUnprivileged() throws {
        let dir = TemporaryFolder("unreadable")
        chmod(dir.path, 0o777)
        let inbox = dir.makeFolder("in")
        chmod(inbox, 0o777)
        let secret = dir.write("in/secret.txt", ArticleCorpus.article(1))
        chmod(secret, 0o000)
        let daemon = try NewsdProcess(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", NewsdProcess.binary,
                                       "run", "--inbox", inbox, "--output", dir.join("out")], executable: "/usr/bin/setpriv")
        defer { daemon.stop() }
        #expect(eventually { jsonLines(dir.join("out/errors.jsonl")).count == 1 })
        let error = try #require(jsonLines(dir.join("out/errors.jsonl")).first ?? nil)
        #expect(error["reason"] as? String == "unreadable")
        dir.write("in/fine.txt", ArticleCorpus.article(2))
        chmod(dir.join("in/fine.txt"), 0o644)
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
    }
}
