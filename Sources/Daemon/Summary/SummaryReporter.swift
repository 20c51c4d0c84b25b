import Extraction
import Foundation
import Logging

/// Counts since the daemon started.
struct RunTotals: Sendable {
    var articles = 0
    var words = 0
    var quotes = 0
    var failures = 0
    var duplicates = 0
    var failuresByReason: [String: Int] = [:]
}

/// Keeps the rolling summary and rewrites `summary.json` and `summary.md` atomically (temporary
/// file, then rename) every few seconds when something changed, and at stop.
final class SummaryReporter: @unchecked Sendable {
    // @unchecked: all state is touched only on `queue`.
    private let queue = DispatchQueue(label: "newsd.summary")
    private let outputDirectory: String
    private let top: Int
    private let logger: Logger
    private var window: SummaryWindow
    private var totals = RunTotals()
    private var changed = true
    private var timer: (any DispatchSourceTimer)?
    private let startedAt = SystemCalls.now()
    private let risingSeconds: Double
    /// Whether this reporter writes summary.{json,md,html}; not when the fleet's summary does
    /// (`[summary] source = "database"`), though the window still serves the stories and counts.
    private let writesFiles: Bool
    /// The window's stories, which the workers consult to give each record its `story`.
    let stories: StoryIndex
    /// Reads the intake's queue depth when a report is made.
    var queueDepth: @Sendable () -> Int = { 0 }

    init(outputDirectory: String, windowSeconds: Double, top: Int, risingSeconds: Double = 3600, writesFiles: Bool = true, logger: Logger) {
        self.outputDirectory = outputDirectory
        self.writesFiles = writesFiles
        self.top = top
        self.risingSeconds = risingSeconds
        self.logger = logger
        window = SummaryWindow(windowSeconds: windowSeconds)
        stories = StoryIndex(windowSeconds: windowSeconds)
    }

    /// Refills the window and the story index from records.jsonl and errors.jsonl, reading only
    /// the part the window covers.
    func rebuild() {
        queue.sync {
            window = Self.readWindow(outputDirectory: outputDirectory, windowSeconds: window.windowSeconds, now: SystemCalls.now(),
                                     stories: stories)
            changed = true
        }
    }

    /// Starts rewriting the files every `interval` seconds when something changed.
    func start(interval: Double) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler { [weak self] in self?.writeIfChanged() }
        timer.resume()
        self.timer = timer
    }

    func recorded(_ entry: SummaryEntry) {
        queue.async {
            self.window.add(entry)
            self.totals.articles += 1
            self.totals.words += entry.words
            self.totals.quotes += entry.quotes
            self.changed = true
        }
    }

    func failed(_ error: SummaryError) {
        queue.async {
            self.window.add(error)
            self.totals.failures += 1
            self.totals.failuresByReason[error.reason, default: 0] += 1
            self.changed = true
        }
    }

    func duplicate() {
        queue.async {
            self.totals.duplicates += 1
            self.changed = true
        }
    }

    /// Counts for the service status line.
    func snapshot() -> RunTotals {
        queue.sync { totals }
    }

    /// Writes the final summary and stops the timer.
    func stop() {
        timer?.cancel()
        queue.sync {
            changed = true
            writeIfChanged()
        }
    }

    private func writeIfChanged() {
        guard changed else { return }
        changed = false
        let now = SystemCalls.now()
        window.expire(now: now)
        guard writesFiles else { return }
        let report = SummaryReport(window: window, totals: totals, top: top, now: now, startedAt: startedAt, queueDepth: queueDepth(),
                                   risingSeconds: risingSeconds)
        do {
            try AtomicFile.write(report.json(), to: outputDirectory + "/summary.json")
            try AtomicFile.write(Array(report.markdown().utf8), to: outputDirectory + "/summary.md")
            try AtomicFile.write(Array(report.html().utf8), to: outputDirectory + "/summary.html")
        } catch {
            changed = true
            logger.error("cannot write the summary", metadata: ["dir.path": "\(outputDirectory)", "error": "\(error)"])
        }
    }

    /// The window as records.jsonl and errors.jsonl in `outputDirectory` describe it at `now`;
    /// `stories`, when given, gets the window's records back with the stories they were given.
    static func readWindow(outputDirectory: String, windowSeconds: Double, now: Double, stories: StoryIndex? = nil) -> SummaryWindow {
        var window = SummaryWindow(windowSeconds: windowSeconds)
        let cutoff = now - windowSeconds
        var restored = StoryIndex.Restoring(capacity: stories?.capacity ?? 0)
        // Newest first; the window takes entries in any order, so nothing is held back.
        try? LineFile.forEachLineBackwards(outputDirectory + "/records.jsonl") { line in
            guard let record = try? ArticleRecord(jsonLine: line) else { return true }
            let entry = SummaryEntry(record: record)
            guard entry.at >= cutoff else { return false }
            window.add(entry)
            restored.add(record)
            return true
        }
        stories?.restore(restored)
        try? LineFile.forEachLineBackwards(outputDirectory + "/errors.jsonl") { line in
            guard let error = ErrorLine(json: line) else { return true }
            guard error.at >= cutoff else { return false }
            window.add(SummaryError(at: error.at, path: error.path, reason: error.reason.rawValue, detail: error.detail))
            return true
        }
        window.expire(now: now)
        return window
    }
}
