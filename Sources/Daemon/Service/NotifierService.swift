import Logging
import ServiceLifecycle

/// systemd's side of the daemon: `STATUS=` every tick (with what a stage waits on, if anything) and
/// `WATCHDOG=1` while the pipeline is healthy. The last service started and the first stopped: its
/// shutdown announces `STOPPING=1`. (`READY=1` comes from the watcher once every inbox is watched.)
struct NotifierService: Service {
    let health: PipelineHealth
    let intake: Intake
    let sink: RecordSink
    let summary: SummaryReporter
    let watchdogInterval: Double?
    let logger: Logger
    /// The database shipper's state, when records are shipped.
    var shipper: ShipperStatus? = nil

    func run() async throws {
        var lastWatchdog = -Double.infinity
        var lastUnhealthyLog = -Double.infinity
        let tick = min(1, watchdogInterval ?? 1)
        await repeatUntilShutdown(every: .milliseconds(Int(tick * 1000))) {
            let now = SystemCalls.monotonic()
            let totals = summary.snapshot()
            let depth = intake.depth
            let waits = health.waitingOn + (intake.producersWaiting ? ["queue full"] : [])
            let waitingText = waits.isEmpty ? "" : "; waiting: " + waits.joined(separator: ", ")
            let shipperText = shipper.map { "; " + $0.statusText } ?? ""
            ServiceNotifier.status("queued \(depth), done \(totals.articles), duplicates \(totals.duplicates), failed \(totals.failures)"
                + shipperText + waitingText)
            sink.ping { health.sinkAlive() }
            guard let watchdogInterval, now - lastWatchdog >= watchdogInterval else { return }
            let (healthy, why) = health.isHealthy(waiting: depth, watching: true, queueFull: intake.producersWaiting)
            if healthy {
                ServiceNotifier.watchdog()
                lastWatchdog = now
            } else if now - lastUnhealthyLog > 10 {
                logger.error("pipeline stuck; not feeding the watchdog", metadata: ["reason": "\(why)"])
                lastUnhealthyLog = now
            }
        }
        ServiceNotifier.stopping()
        logger.info("stopping: no new intake; finishing work in flight")
    }
}
