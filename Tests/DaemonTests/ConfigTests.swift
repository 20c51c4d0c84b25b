@testable import Daemon
import Foundation
import NewsdTestKit
import Testing

@Suite struct ConfigTests {
    @Test func theShippedConfigDocumentsEveryDefault() throws {
        let file = SharedData.packageRoot.appendingPathComponent("etc/newsd/newsd.toml").path
        var parsed = try ConfigLoader.load(path: file)
        #expect(parsed.inboxes == [DaemonConfig.Inbox(name: "main", path: "/var/lib/newsd/inbox")])
        parsed.inboxes = []
        #expect(parsed == DaemonConfig(), "a value in etc/newsd/newsd.toml differs from the built-in default")
    }

    @Test func unknownKeysAreRefusedWithTheirLine() {
        #expect(throws: ConfigError(file: "f.toml", key: "summary.windw_hours", line: 3, "unknown key")) {
            try ConfigLoader.parse("workers = 2\n[summary]\nwindw_hours = 3\n", file: "f.toml")
        }
    }

    @Test func wrongTypesAndValuesAreRefused() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("after = \"archive\"\n", file: "f") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("workers = -1\n", file: "f") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("include = \"*.txt\"\n", file: "f") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[[inbox]]\nname = \"x\"\n", file: "f") }
    }

    @Test func inboxesAndOverrides() throws {
        let config = try ConfigLoader.parse("""
            output = "/srv/out"
            after = "keep"
            [[inbox]]
            name = "wire"
            path = "/srv/wire"
            recursive = false
            [[inbox]]
            path = "/srv/scrapers"
            """, file: "f")
        #expect(config.after == .keep)
        #expect(config.inboxes == [.init(name: "wire", path: "/srv/wire", recursive: false), .init(name: "scrapers", path: "/srv/scrapers")])
        #expect(config.processedURL.path == "/srv/out/processed")
        try config.validate(file: "f")
    }

    @Test func feedbackLoopsAreRefused() {
        var config = DaemonConfig()
        config.inboxes = [.init(name: "in", path: "/srv/in")]
        config.output = "/srv/in/out"
        #expect(throws: ConfigError.self) { try config.validate(file: nil) }
        config.output = "/srv/out"
        config.processedDir = "/srv/in/done"
        #expect(throws: ConfigError.self) { try config.validate(file: nil) }
        config.processedDir = ""
        config.inboxes = [.init(name: "in", path: "/srv/out/inbox")]
        #expect(throws: Never.self) { try config.validate(file: nil) }
    }
}

@Suite struct InboxFilterTests {
    @Test func hiddenAndTemporaryNamesAreNeverTaken() {
        let filter = InboxFilter(include: ["*"], exclude: [])
        for name in [".hidden.txt", "a.tmp", "a.txt.part", ".a.swp", "a.txt~", "a.crdownload"] {
            #expect(!filter.accepts(name), "\(name)")
        }
        #expect(filter.accepts("a.txt"))
    }

    @Test func includeAndExcludeGlobs() {
        let filter = InboxFilter(include: ["*.txt", "*.html"], exclude: ["draft-*"])
        #expect(filter.accepts("story.TXT"))
        #expect(filter.accepts("story.html"))
        #expect(!filter.accepts("story.pdf"))
        #expect(!filter.accepts("draft-story.txt"))
    }
}
