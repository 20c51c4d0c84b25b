#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Turns SIGTERM/SIGINT into a graceful stop and SIGHUP into a reload, via Dispatch signal sources.
public final class SignalHandling: @unchecked Sendable {
    // @unchecked: `sources` is written once in init and only read after.
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "newsd.signals")

    /// Routes the signals to `daemon` until this object is released.
    public init(daemon: NewsDaemon) {
        for (signo, action) in [(SIGTERM, "stop"), (SIGINT, "stop"), (SIGHUP, "reload")] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler {
                if action == "stop" { daemon.requestStop() } else { daemon.requestReload() }
            }
            source.resume()
            sources.append(source)
        }
    }
}
