import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP: reopens the output files (after logrotate), reloads the configuration (the log level
/// takes effect at once) and rescans the inboxes, telling systemd `RELOADING=1` then `READY=1`.
struct ReloadService: Service {
    let sink: RecordSink
    let watcher: InotifyWatcher?
    let reloadConfiguration: @Sendable () -> Void

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            ServiceNotifier.reloading()
            await offloaded { sink.reopen() }
            reloadConfiguration()
            watcher?.requestRescan(reason: "reload")
            ServiceNotifier.ready(status: "reloaded")
        }
    }
}
