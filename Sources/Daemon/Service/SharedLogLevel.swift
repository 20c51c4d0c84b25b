import Logging
import Synchronization

/// The one log level every `ConsoleLogHandler` of the process reads, so that a SIGHUP that changes
/// `log_level` takes effect in every component at once, whichever copy of the `Logger` it holds
/// (swift-log's pattern for a level changed at run time: a handler whose `logLevel` reads a shared box).
public final class SharedLogLevel: Sendable {
    private let level: Mutex<Logger.Level>

    /// A box holding `level`.
    public init(_ level: Logger.Level) {
        self.level = Mutex(level)
    }

    /// The current level; setting it changes every handler that reads this box.
    public var value: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }
}
