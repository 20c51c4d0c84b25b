import Foundation
import NewsdTestKit
import Testing

/// newsd as systemd and logrotate see it.
@Suite(.serialized) struct ServiceTests {
    @Test func notifiesReadyWatchdogAndStopping() throws {
        let dir = TemporaryFolder("notify")
        let listener = NotifySocketListener(path: dir.join("notify.sock"))
        let daemon = try NewsdProcess.run(inbox: dir.makeFolder("in"), output: dir.join("out"), environment: [
            "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "1000000",
        ])
        #expect(eventually { listener.hasReceived("READY=1") })
        #expect(eventually { listener.hasReceived("WATCHDOG=1") })
        #expect(eventually { listener.messages.contains { $0.hasPrefix("STATUS=queued") } })
        #expect(daemon.stop(SIGTERM) == 0)
        #expect(eventually { listener.hasReceived("STOPPING=1") })
    }

    @Test func sighupReopensRecordsAfterLogrotateAndLosesNothing() throws {
        let dir = TemporaryFolder("rotate")
        let inbox = dir.makeFolder("in")
        let listener = NotifySocketListener(path: dir.join("notify.sock"))
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), environment: ["NOTIFY_SOCKET": listener.path])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        for n in 0..<5 { dir.write("in/a\(n).txt", ArticleCorpus.article(n)) }
        let records = dir.join("out/records.jsonl")
        #expect(eventually { jsonLines(records).count == 5 })
        // What logrotate does: rename the file, then signal the daemon.
        try FileManager.default.moveItem(atPath: records, toPath: records + ".1")
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(daemon.waitForLog("reopened output files"))
        #expect(eventually { listener.hasReceived("RELOADING=1") })
        for n in 5..<10 { dir.write("in/b\(n).txt", ArticleCorpus.article(n)) }
        #expect(eventually { jsonLines(records).count == 5 })
        #expect(jsonLines(records + ".1").count == 5)
        let ids = Set((jsonLines(records) + jsonLines(records + ".1")).compactMap { $0?["id"] as? String })
        #expect(ids.count == 10)
        #expect(daemon.process.isRunning)
    }
}

extension ServiceTests {
    /// README: a new `log_level` takes effect at once on SIGHUP, in every component (the sink logs `recorded`).
    @Test func sighupAppliesANewLogLevelToEveryComponent() throws {
        let dir = TemporaryFolder("loglevel")
        let inbox = dir.makeFolder("in")
        let config = dir.join("newsd.toml")
        dir.write("newsd.toml", "log_level = \"info\"\n")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--config", config])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        dir.write("in/a.txt", ArticleCorpus.article(1))
        #expect(eventually { jsonLines(dir.join("out/records.jsonl")).count == 1 })
        #expect(!daemon.log.contains("DEBUG recorded"))

        dir.write("newsd.toml", "log_level = \"debug\"\n")
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(daemon.waitForLog("log level changed"))
        dir.write("in/b.txt", ArticleCorpus.article(2))
        #expect(daemon.waitForLog("DEBUG recorded"))
    }
}

extension ServiceTests {
    /// README's first steps: `cat out/summary.md` works as soon as the daemon runs, not only after
    /// the first summary interval (an hour here, so only the write at start can make the file).
    @Test func theSummaryIsWrittenAtStart() throws {
        let dir = TemporaryFolder("summary-at-start")
        dir.write("newsd.toml", "[summary]\ninterval_s = 3600\n")
        let daemon = try NewsdProcess.run(inbox: dir.makeFolder("in"), output: dir.join("out"), ["--config", dir.join("newsd.toml")])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("scanning inboxes"))
        #expect(eventually { FileManager.default.fileExists(atPath: dir.join("out/summary.md")) })
        #expect(FileManager.default.fileExists(atPath: dir.join("out/summary.json")))
    }
}
