import Foundation

/// Heartbeats from each stage, so that the systemd watchdog is fed only while the pipeline moves,
/// not merely while the process exists.
///
/// Healthy means: the watcher thread went round its loop recently; the sink's queue answered a
/// ping recently; and if jobs are waiting, a job finished recently.
final class PipelineHealth: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var watcherBeat = SystemCalls.monotonic()
    private var sinkBeat = SystemCalls.monotonic()
    private var progressBeat = SystemCalls.monotonic()
    /// How long a stage may be silent before the pipeline counts as stuck.
    let tolerance: Double

    init(tolerance: Double) {
        self.tolerance = tolerance
    }

    func watcherAlive() { lock.withLock { watcherBeat = SystemCalls.monotonic() } }
    func sinkAlive() { lock.withLock { sinkBeat = SystemCalls.monotonic() } }
    func jobFinished() { lock.withLock { progressBeat = SystemCalls.monotonic() } }

    /// Whether every stage has shown life within `tolerance` seconds; `waiting` is the queue depth.
    func isHealthy(waiting: Int, watching: Bool) -> (Bool, String) {
        let now = SystemCalls.monotonic()
        return lock.withLock {
            if watching && now - watcherBeat > tolerance { return (false, "watcher thread silent for \(Int(now - watcherBeat)) s") }
            if now - sinkBeat > tolerance { return (false, "sink silent for \(Int(now - sinkBeat)) s") }
            if waiting > 0 && now - progressBeat > tolerance { return (false, "no job finished for \(Int(now - progressBeat)) s with \(waiting) waiting") }
            return (true, "")
        }
    }
}
