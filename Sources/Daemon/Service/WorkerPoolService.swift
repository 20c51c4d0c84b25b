import Logging
import ServiceLifecycle

/// The worker pool as a service: starts the dispatcher; at shutdown lets the jobs in flight finish
/// for at most `stopTimeout` seconds, then tells the sink to give up a commit that waits on the
/// disk (its inputs stay in the inbox). On a full disk nothing can finish, so the sink is told at once.
struct WorkerPoolService: Service {
    let pool: WorkerPool
    let intake: Intake
    let sink: RecordSink
    let logger: Logger
    var stopTimeout: Double = 25

    func run() async throws {
        pool.start()
        await waitForShutdown()
        intake.close()
        if sink.isWaitingOnEnvironment {
            logger.warning("stopping while the output disk is full: inputs not yet recorded stay in the inbox")
            sink.beginStopping()
        }
        let finished = await offloaded { [pool, stopTimeout] in pool.stop(timeout: stopTimeout) }
        if !finished {
            logger.warning("work in flight did not finish in \(Int(stopTimeout)) s; its inputs stay in the inbox for the next start")
            sink.beginStopping()
            _ = await offloaded { [pool] in pool.stop(timeout: .infinity) }
        }
    }
}
