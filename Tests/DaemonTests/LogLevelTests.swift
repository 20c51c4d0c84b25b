@testable import Daemon
import Logging
import Synchronization
import Testing

/// The shared log level: one change reaches every logger, including copies made before it.
@Suite struct LogLevelTests {
    /// Collects the lines a handler writes.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func raisingTheSharedLevelMakesDebugLinesAppearInEveryLogger() {
        let level = SharedLogLevel(.info)
        let lines = Lines()
        let sink = Logger(label: "sink") { ConsoleLogHandler(label: $0, format: .text, level: level, environment: [:], write: lines.append) }
        let watcher = sink  // a copy held by another component
        sink.debug("recorded before")
        #expect(lines.all.isEmpty)

        level.value = .debug
        watcher.debug("recorded after")
        sink.debug("recorded by the sink")
        #expect(lines.all.count == 2)
        #expect(lines.all.allSatisfy { $0.contains("DEBUG recorded") })

        level.value = .warning
        sink.info("quiet again")
        #expect(lines.all.count == 2)
    }
}
