import Foundation
import NewsdTestKit
import Testing

@Suite struct CommandLineTests {
    @Test func badConfigIsRefusedWithExitCode78NamingFileKeyAndLine() throws {
        let dir = TemporaryFolder("config")
        let file = dir.write("newsd.toml", "output = \"\(dir.join("out"))\"\nworkers = \"four\"\n[[inbox]]\npath = \"\(dir.join("in"))\"\n")
        let result = try NewsdProcess.runToEnd(["run", "--config", file])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(file):2: workers: must be an integer"))

        let unknown = dir.write("unknown.toml", "outptu = \"/tmp\"\n[[inbox]]\npath = \"/tmp/in\"\n")
        let second = try NewsdProcess.runToEnd(["check-config", "--config", unknown])
        #expect(second.status == 78)
        #expect(second.stderr.contains("\(unknown):1: outptu: unknown key"))

        let noInbox = dir.write("none.toml", "output = \"\(dir.join("out"))\"\n")
        let third = try NewsdProcess.runToEnd(["run", "--config", noInbox])
        #expect(third.status == 78)
        #expect(third.stderr.contains("no inbox configured"))
    }

    @Test func outputInsideAnInboxIsRefused() throws {
        let dir = TemporaryFolder("loop")
        let result = try NewsdProcess.runToEnd(["run", "--inbox", dir.join("in"), "--output", dir.join("in/out")])
        #expect(result.status == 78)
        #expect(result.stderr.contains("feed back into the inbox"))
    }

    @Test(.needsSharedData) func extractPrintsOneValidRecordOfTheSampleArticle() throws {
        let shared = try #require(SharedData.directory)
        let sample = shared.appendingPathComponent("seed/beijing-summit.txt").path
        let result = try NewsdProcess.runToEnd(["extract", sample])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(record["schema"] as? String == "newsd.article/1")
        #expect((record["id"] as? String)?.count == 64)
        #expect((record["source"] as? [String: Any])?["name"] as? String == "beijing-summit.txt")
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        #expect(record["text"] as? String == text)
        #expect(FileManager.default.fileExists(atPath: sample), "extract leaves files in place")
    }

    @Test func versionAndHelp() throws {
        let version = try NewsdProcess.runToEnd(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        let help = try NewsdProcess.runToEnd(["--help"])
        #expect(help.stdout.contains("run"))
        #expect(help.stdout.contains("check-config"))
    }
}
