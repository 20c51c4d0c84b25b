import Extraction
import Foundation
import Logging
import Synchronization

/// The single writer: appends records and errors, keeps the ledger, then disposes of inputs.
///
/// Outcomes are committed in batches on one serial queue (group commit): all record lines of a
/// batch, one fsync; their ledger lines, one fsync; error lines, one fsync; only then are the
/// inputs moved out of the inbox. A crash at any instant therefore leaves every input either still
/// in the inbox or durably recorded, and the ledger's reconciliation at start-up closes the gap.
final class RecordSink: @unchecked Sendable {
    // @unchecked: every mutable property is touched only on `queue` (checked by
    // `dispatchPrecondition`); `state` is a Mutex.
    struct Submission {
        var job: IntakeJob
        var outcome: JobOutcome
        var done: @Sendable () -> Void
    }

    private let queue = DispatchQueue(label: "newsd.sink")
    private let directory: String
    private var records: AppendLog
    private var errors: AppendLog
    private let ledger: Ledger
    private let disposer: InputDisposer
    private let summary: SummaryReporter
    private let metrics: DaemonMetrics
    private let health: PipelineHealth
    private let logger: Logger
    private var pending: [Submission] = []
    private var flushScheduled = false
    /// Set from other threads: whether the daemon is stopping, and whether a write waits on the disk.
    private let state = Mutex((stopping: false, waitingOnDisk: false))
    /// Wakes a commit that waits for disk space when the daemon begins stopping.
    private let stopWake = DispatchSemaphore(value: 0)
    private static let maxBatch = 256

    init(directory: String, ledger: Ledger, disposer: InputDisposer, summary: SummaryReporter, metrics: DaemonMetrics,
         health: PipelineHealth, logger: Logger) throws(SystemError) {
        self.health = health
        self.directory = directory
        records = try AppendLog(path: directory + "/records.jsonl")
        errors = try AppendLog(path: directory + "/errors.jsonl")
        self.ledger = ledger
        self.disposer = disposer
        self.summary = summary
        self.metrics = metrics
        self.logger = logger
    }

    /// Queues an outcome; `done` runs once it is committed and the input disposed of.
    func submit(_ job: IntakeJob, _ outcome: JobOutcome, done: @escaping @Sendable () -> Void) {
        queue.async {
            self.pending.append(Submission(job: job, outcome: outcome, done: done))
            if !self.flushScheduled {
                self.flushScheduled = true
                self.queue.async { self.flush() }
            }
        }
    }

    /// Reopens records.jsonl and errors.jsonl at their paths (after logrotate renamed them).
    func reopen() {
        queue.sync {
            do {
                try records.reopen()
                try errors.reopen()
                logger.info("reopened output files", metadata: ["dir.path": "\(directory)"])
            } catch {
                logger.error("cannot reopen output files", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Answers on the sink's queue: proof for the watchdog that the single writer is not stuck.
    func ping(_ answer: @escaping @Sendable () -> Void) {
        queue.async { answer() }
    }

    /// Waits until everything submitted so far is committed.
    func drain() {
        queue.sync {}
        queue.sync {}
    }

    /// Tells a commit that is waiting for disk space to give up (inputs stay in the inbox).
    func beginStopping() {
        state.withLock { $0.stopping = true }
        stopWake.signal()
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    /// Whether a commit is waiting for the output disk (full, or failing) and retrying.
    var isWaitingOnEnvironment: Bool { state.withLock { $0.waitingOnDisk } }

    private func flush() {
        dispatchPrecondition(condition: .onQueue(queue))
        flushScheduled = false
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            commit(batch)
        }
    }

    private func commit(_ batch: [Submission]) {
        let now = SystemCalls.now()
        var recordBytes: [UInt8] = []
        var newIDs: [ContentID] = []
        var seen = Set<ContentID>()
        var errorBytes: [UInt8] = []
        enum Action { case recorded(SummaryEntry, String?), duplicate(String?), failed(InputFailure, String?), nothing }
        var actions: [Action] = []
        for s in batch {
            switch s.outcome {
            case .record(let id, let line, var entry):
                if ledger.contains(id) || seen.contains(id) {
                    actions.append(.duplicate(disposer.processedDestination(for: s.job, at: now)))
                    continue
                }
                seen.insert(id)
                newIDs.append(id)
                recordBytes.append(contentsOf: line)
                recordBytes.append(UInt8(ascii: "\n"))
                entry.latencyMs = (SystemCalls.monotonic() - s.job.discovered) * 1000
                actions.append(.recorded(entry, disposer.processedDestination(for: s.job, at: now)))
            case .duplicate:
                actions.append(.duplicate(disposer.processedDestination(for: s.job, at: now)))
            case .failure(let failure):
                let destination = failure.hasFile ? disposer.failedDestination(for: s.job, reason: failure.reason) : nil
                errorBytes.append(contentsOf: ErrorLine(at: now, job: s.job, failure: failure, movedTo: destination).bytes())
                errorBytes.append(UInt8(ascii: "\n"))
                actions.append(.failed(failure, destination))
            case .skipped:
                actions.append(.nothing)
            }
        }
        guard persist("records.jsonl", { () throws(SystemError) in
                  if try records.append(recordBytes, durable: true) {
                      logger.error("records.jsonl or the output folder was removed; created it anew", metadata: ["dir.path": "\(directory)"])
                  }
              }),
              persist("ledger", { () throws(SystemError) in try ledger.record(newIDs) }),
              persist("errors.jsonl", { () throws(SystemError) in try errors.append(errorBytes, durable: true) })
        else {
            // Stopping while the disk is full: nothing was committed for this batch, and its
            // inputs stay in the inbox for the next start.
            for s in batch { s.done() }
            return
        }
        for (s, action) in zip(batch, actions) {
            let fields: Logger.Metadata = ["file.path": "\(s.job.path)", "inbox.name": "\(s.job.inbox.name)"]
            do {
                switch action {
                case .recorded(let entry, let destination):
                    try disposer.disposeProcessed(s.job, to: destination)
                    summary.recorded(entry)
                    metrics.recorded(entry)
                    logger.debug("recorded", metadata: fields.merging(["record.id": "\(entry.id)"]) { a, _ in a })
                case .duplicate(let destination):
                    try disposer.disposeProcessed(s.job, to: destination)
                    summary.duplicate()
                    metrics.duplicates.increment()
                    logger.info("duplicate content, no new record", metadata: fields)
                case .failed(let failure, let destination):
                    metrics.failed(failure.reason)
                    if let destination { try disposer.move(s.job.path, to: destination) }
                    summary.failed(SummaryError(at: now, path: s.job.path, reason: failure.reason.rawValue, detail: failure.detail))
                    logger.warning("no record: \(failure.detail)", metadata: fields.merging([
                        "error.reason": "\(failure.reason.rawValue)", "moved_to": "\(destination ?? "-")",
                    ]) { a, _ in a })
                case .nothing:
                    break
                }
            } catch {
                if !error.isNotFound {
                    logger.error("cannot move input out of the inbox", metadata: fields.merging(["error": "\(error)"]) { a, _ in a })
                }
            }
            s.done()
        }
    }

    /// Runs a write until it succeeds; on a full disk or another I/O error it logs, waits and
    /// retries. Returns false only when the daemon is stopping.
    private func persist(_ what: String, _ write: () throws(SystemError) -> Void) -> Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        var attempt = 0
        while true {
            do {
                try write()
                if attempt > 0 {
                    state.withLock { $0.waitingOnDisk = false }
                    health.setWaiting(.sink, nil)
                    logger.notice("writing \(what) works again; carrying on", metadata: ["dir.path": "\(directory)"])
                }
                return true
            } catch {
                if attempt == 0 || attempt % 30 == 0 {
                    logger.error(error.isNoSpace ? "the output disk is full: waiting for space (nothing is lost; inputs stay in the inbox)"
                                                 : "cannot write \(what): retrying",
                                 metadata: ["dir.path": "\(directory)", "error": "\(error)"])
                }
                attempt += 1
                state.withLock { $0.waitingOnDisk = true }
                health.setWaiting(.sink, error.isNoSpace ? "output disk full" : "cannot write \(what)")
                if isStopping { return false }
                _ = stopWake.wait(timeout: .now() + 1)
                if isStopping { return false }
            }
        }
    }
}

/// One line of errors.jsonl (`newsd.error/1`).
struct ErrorLine {
    var at: Double
    var job: IntakeJob
    var failure: InputFailure
    var movedTo: String?

    func bytes() -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("schema", "newsd.error/1")
            w.field("at", Timestamp.rfc3339(at))
            w.field("path", job.path)
            w.field("inbox", job.inbox.name)
            w.field("id", failure.id?.hex)
            w.field("reason", failure.reason.rawValue)
            w.field("detail", failure.detail)
            w.field("moved_to", movedTo)
        }
        return w.bytes
    }
}
