import Extraction
import Foundation
import Logging
import Synchronization

/// The single writer: delivers each batch of outcomes to the outputs, then acknowledges it.
///
/// Outcomes are committed in batches on one serial queue (group commit). Delivery: every
/// output makes the batch's records durable, then its error lines (records.jsonl and errors.jsonl:
/// one write and one fsync each). Acknowledgement: the ledger learns the new ids (one fsync), and
/// only then are the inputs moved out of the inbox. A crash at any instant therefore leaves every
/// input either still in the inbox or durably recorded, and the ledger's reconciliation at
/// start-up closes the gap. A write that fails (a full disk) is retried every second until it
/// works or the daemon stops; the pipeline health then says what the sink waits on.
final class RecordSink: @unchecked Sendable {
    // @unchecked: `pending` and `flushScheduled` are touched only on `queue` (checked by
    // `dispatchPrecondition`); `state` is a Mutex; the rest is immutable.
    struct Submission {
        var job: IntakeJob
        var outcome: JobOutcome
        var done: @Sendable () -> Void
    }

    private let queue = DispatchQueue(label: "newsd.sink")
    private let directory: String
    private let outputs: [any RecordOutput]
    private let acknowledgement: Acknowledgement
    private let health: PipelineHealth
    private let logger: Logger
    private var pending: [Submission] = []
    private var flushScheduled = false
    /// Set from other threads: whether the daemon is stopping, and whether a write waits on the disk.
    private let state = Mutex((stopping: false, waitingOnDisk: false))
    /// Wakes a commit that waits for disk space when the daemon begins stopping.
    private let stopWake = DispatchSemaphore(value: 0)
    static let maxBatch = 256

    init(directory: String, outputs: [any RecordOutput], acknowledgement: Acknowledgement, health: PipelineHealth,
         logger: Logger) {
        self.directory = directory
        self.outputs = outputs
        self.acknowledgement = acknowledgement
        self.health = health
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

    /// Reopens every output (after logrotate renamed the files).
    func reopen() {
        queue.sync {
            for output in outputs {
                do {
                    try output.reopen()
                } catch {
                    logger.error("cannot reopen output", metadata: ["output": "\(output.name)", "error": "\(error)"])
                }
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
        let plan = CommitPlan(batch, ledger: acknowledgement.ledger, disposer: acknowledgement.disposer, now: now)
        var durable = true
        for output in outputs where durable {
            durable = persist(output.name) { try output.deliver(records: plan.records) }
                && persist(output.name) { try output.deliver(errors: plan.errors) }
        }
        durable = durable && persist("ledger") { try acknowledgement.recordInLedger(plan) }
        guard durable else {
            // Stopping while the disk is full: the batch is not acknowledged, and its inputs stay
            // in the inbox for the next start (which reconciles the ledger with what was written).
            for s in batch { s.done() }
            return
        }
        for (s, action) in zip(batch, plan.actions) {
            acknowledgement.dispose(s.job, action, at: now)
            s.done()
        }
    }

    /// Runs a write until it succeeds; on a full disk or another I/O error it logs, waits and
    /// retries. Returns false only when the daemon is stopping.
    private func persist(_ what: String, _ write: () throws -> Void) -> Bool {
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
                let noSpace = (error as? SystemError)?.isNoSpace ?? false
                if attempt == 0 || attempt % 30 == 0 {
                    logger.error(noSpace ? "the output disk is full: waiting for space (nothing is lost; inputs stay in the inbox)"
                                         : "cannot write \(what): retrying",
                                 metadata: ["dir.path": "\(directory)", "error": "\(error)"])
                }
                attempt += 1
                state.withLock { $0.waitingOnDisk = true }
                health.setWaiting(.sink, noSpace ? "output disk full" : "cannot write \(what)")
                if isStopping { return false }
                _ = stopWake.wait(timeout: .now() + 1)
                if isStopping { return false }
            }
        }
    }
}
