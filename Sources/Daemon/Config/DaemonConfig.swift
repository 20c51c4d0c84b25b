import Foundation

/// Everything the daemon is told: inboxes, output folder, limits and behaviour.
///
/// Defaults here are the documented defaults of `etc/newsd/newsd.toml`; a config file overrides
/// them and command-line flags override the file.
public struct DaemonConfig: Sendable, Equatable {
    /// One watched folder.
    public struct Inbox: Sendable, Equatable {
        /// Short name used in records (`source.inbox`) and in `processed/<inbox>/`.
        public var name: String
        /// Absolute path of the folder.
        public var path: String
        public var recursive: Bool

        /// An inbox called `name` at `path`.
        public init(name: String, path: String, recursive: Bool = true) {
            self.name = name
            self.path = path
            self.recursive = recursive
        }
    }

    /// What happens to an input once its record is durable.
    /// `[summary] source`.
    public enum SummarySource: String, Sendable, CaseIterable {
        /// This node's own records (the rolling window).
        case local
        /// The fleet's records in `[database]`, computed there.
        case database
    }

    public enum After: String, Sendable, CaseIterable {
        /// Moved to `processed/<inbox>/<YYYY-MM-DD>/`.
        case move
        case delete
        /// Left where it is; the ledger keeps it from being recorded twice.
        case keep
    }

    public var inboxes: [Inbox] = []
    /// Folder of records.jsonl, errors.jsonl, the ledger and the summaries.
    public var output = "/var/lib/newsd"
    /// Where processed inputs go (`after = "move"`); empty means `<output>/processed`.
    public var processedDir = ""
    /// Where failed inputs go; empty means `<output>/failed`.
    public var failedDir = ""
    /// Worker threads; 0 means one per CPU.
    public var workers = 0
    /// Jobs waiting for a worker, at most; intake waits when the queue is full.
    public var queueCapacity = 256
    public var after: After = .move
    public var maxFileBytes = 16 * 1024 * 1024
    /// A file found by a scan is taken once its size and modification time have been stable this long.
    public var settleMilliseconds = 1000
    /// Seconds between safety rescans of every inbox; 0 turns them off.
    public var rescanIntervalSeconds = 60
    public var include = ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.json"]
    public var exclude: [String] = []
    /// Whether records carry the body text (`text`).
    public var includeText = true
    /// Body text beyond this many code points is cut off, with a warning.
    public var maxTextCodePoints = 1_000_000
    public var logLevel = "info"
    /// Rolling summary window, in hours.
    public var summaryWindowHours = 24.0
    /// Seconds between summary rewrites (when something changed).
    public var summaryIntervalSeconds = 5.0
    /// Entries in each "top" list of the summary.
    public var summaryTop = 10
    /// Hours at the end of the window whose share of names is compared with the rest ("rising").
    public var summaryRisingHours = 1.0
    /// What summary.{json,md,html} summarise: this node's records, or the fleet's database.
    public var summarySource = SummarySource.local
    /// Where the Prometheus text exposition is written for node_exporter's textfile collector;
    /// empty means `<output>/newsd.prom`.
    public var metricsTextfile = ""
    /// Seconds between rewrites of the metrics file; 0 writes none.
    public var metricsIntervalSeconds = 15.0
    /// `host:port` on a loopback address where `/metrics` is served; empty serves nothing.
    public var metricsListen = ""
    /// The PostgreSQL database the records are shipped to (`[database]`); nil ships nothing.
    public var database: DatabaseConfiguration?

    /// The defaults.
    public init() {}

    public var effectiveWorkers: Int {
        workers > 0 ? workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    public var outputURL: URL { URL(fileURLWithPath: output) }

    public var processedURL: URL {
        processedDir.isEmpty ? outputURL.appendingPathComponent("processed") : URL(fileURLWithPath: processedDir)
    }

    /// The metrics file's path, or nil when none is written.
    public var metricsTextfilePath: String? {
        guard metricsIntervalSeconds > 0 else { return nil }
        return metricsTextfile.isEmpty ? outputURL.appendingPathComponent("newsd.prom").path : metricsTextfile
    }

    public var failedURL: URL {
        failedDir.isEmpty ? outputURL.appendingPathComponent("failed") : URL(fileURLWithPath: failedDir)
    }
}
