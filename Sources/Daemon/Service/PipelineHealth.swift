import Synchronization

/// Heartbeats from each stage, so that the systemd watchdog is fed only while the pipeline moves,
/// not merely while the process exists.
///
/// Healthy means: the watcher thread went round its loop recently (or waits for room in a full
/// queue); the sink's queue answered a ping recently (or the sink waits for the disk); and if jobs
/// are waiting, a job finished recently (or a stage waits on the environment). A stage that waits
/// on the environment is alive: it retries by itself, and `STATUS=` says why it waits.
final class PipelineHealth: Sendable {
    /// A stage that can wait on something outside the daemon.
    enum Stage: String, Sendable, Hashable, CaseIterable {
        case sink, intake
    }

    private struct Beats {
        var watcher: Double
        var sink: Double
        var progress: Double
        var waits: [Stage: String] = [:]
    }

    private let beats: Mutex<Beats>
    /// How long a stage may be silent before the pipeline counts as stuck.
    let tolerance: Double

    init(tolerance: Double) {
        self.tolerance = tolerance
        let now = SystemCalls.monotonic()
        beats = Mutex(Beats(watcher: now, sink: now, progress: now))
    }

    func watcherAlive() { beats.withLock { $0.watcher = SystemCalls.monotonic() } }
    func sinkAlive() { beats.withLock { $0.sink = SystemCalls.monotonic() } }
    func jobFinished() { beats.withLock { $0.progress = SystemCalls.monotonic() } }

    /// `stage` waits on the environment (`reason`: "output disk full", "queue full"), or no longer
    /// does (`reason` nil).
    func setWaiting(_ stage: Stage, _ reason: String?) {
        let now = SystemCalls.monotonic()
        beats.withLock {
            $0.waits[stage] = reason
            if stage == .sink { $0.sink = now }
        }
    }

    /// What the stages wait on, for `STATUS=`; empty when nothing waits.
    var waitingOn: [String] {
        beats.withLock { beats in Stage.allCases.compactMap { beats.waits[$0] } }
    }

    /// Whether every stage has shown life within `tolerance` seconds; `waiting` is the queue depth,
    /// `queueFull` whether producers are waiting for room in it.
    func isHealthy(waiting: Int, watching: Bool, queueFull: Bool = false) -> (Bool, String) {
        let now = SystemCalls.monotonic()
        return beats.withLock { b in
            if watching && !queueFull && now - b.watcher > tolerance {
                return (false, "watcher thread silent for \(Int(now - b.watcher)) s")
            }
            if b.waits[.sink] == nil && now - b.sink > tolerance { return (false, "sink silent for \(Int(now - b.sink)) s") }
            if waiting > 0 && b.waits.isEmpty && now - b.progress > tolerance {
                return (false, "no job finished for \(Int(now - b.progress)) s with \(waiting) waiting")
            }
            return (true, "")
        }
    }
}
