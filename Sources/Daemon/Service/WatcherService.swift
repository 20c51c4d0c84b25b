import Logging
import ServiceLifecycle

/// The watcher as a service: starts the inotify thread (watches, start-up scan, events), asks for
/// the periodic safety rescan, and at shutdown closes the intake (which frees a watcher thread
/// waiting for room in a full queue) and joins the thread. The first service to stop.
struct WatcherService: Service {
    let watcher: InotifyWatcher
    let intake: Intake
    let rescanIntervalSeconds: Int

    func run() async throws {
        try watcher.start()
        if rescanIntervalSeconds > 0 {
            await repeatUntilShutdown(every: .seconds(rescanIntervalSeconds)) {
                watcher.requestRescan(reason: "periodic")
            }
        } else {
            await waitForShutdown()
        }
        intake.close()
        await offloaded { watcher.stop() }
    }
}
