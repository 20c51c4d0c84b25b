#if canImport(Glibc)
import Glibc
#endif
import Extraction
import Foundation
import Logging
import ServiceLifecycle

/// The running daemon: builds watcher → intake → worker pool → sink → summary → metrics →
/// systemd notifier, and runs them as a `ServiceGroup`.
///
/// Services start in the group's order and stop in reverse: the consumers (metrics, summary, sink,
/// worker pool) start before the producers (intake, watcher), and at SIGTERM/SIGINT the producers
/// stop first, so every stage drains what the one before it handed over. See docs/DESIGN.md.
public final class NewsDaemon: Sendable {
    public let config: DaemonConfig
    private let configFile: String?
    private let logger: Logger
    private let extractor: ArticleExtractor
    private let once: Bool
    private let logLevel: SharedLogLevel?
    private let reload: (@Sendable () throws -> DaemonConfig)?

    /// A daemon for `config`; nothing starts until `run()`. `logLevel` is the level the process's
    /// log handlers read: a reload sets it. `reload` reads the configuration again as it was read
    /// at start (the file with the command line's flags over it); without it, only the file is read.
    public init(config: DaemonConfig, configFile: String?, extractor: ArticleExtractor, logger: Logger,
                logLevel: SharedLogLevel? = nil, once: Bool = false, reload: (@Sendable () throws -> DaemonConfig)? = nil) {
        self.config = config
        self.logLevel = logLevel
        self.reload = reload
        self.configFile = configFile
        self.extractor = extractor
        self.logger = logger
        self.once = once
    }

    /// Runs until SIGTERM/SIGINT (with `once`: until the backlog is recorded); returns the exit status.
    public func run() async throws -> Int32 {
        // A SIGHUP (logrotate) must not kill a daemon that is starting; SIGTERM and SIGINT still
        // may, until the group traps them (a start-up is crash-safe).
        signal(SIGHUP, SIG_IGN)
        let output = config.outputURL.path
        try SystemCalls.makeDirectories(output)
        for inbox in config.inboxes { try SystemCalls.makeDirectories(inbox.path) }
        // Before anything is read or written: this daemon alone owns the output folder and its inboxes.
        var claims: [(folder: String, lockName: String, what: String, claim: FolderClaim?)] = [
            (folder: output, lockName: FolderClaim.outputLockName, what: "output folder",
             claim: try FolderClaim(folder: output, lockName: FolderClaim.outputLockName, what: "output folder"))]
        for inbox in config.inboxes {
            claims.append((folder: inbox.path, lockName: FolderClaim.inboxLockName, what: "inbox",
                           claim: try FolderClaim(folder: inbox.path, lockName: FolderClaim.inboxLockName, what: "inbox")))
        }

        let ledger = try Ledger(path: output + "/ledger")
        let added = try ledger.reconcile(recordsPath: output + "/records.jsonl")
        if added > 0 {
            logger.notice("ledger caught up with records.jsonl after an unclean stop", metadata: ["ledger.added": "\(added)"])
        }
        let journal = try AttemptJournal(path: output + "/attempts", ledger: ledger, slots: config.effectiveWorkers)
        let summary = SummaryReporter(outputDirectory: output, windowSeconds: config.summaryWindowHours * 3600,
                                      top: config.summaryTop, risingSeconds: config.summaryRisingHours * 3600,
                                      writesFiles: config.summarySource == .local, logger: logger)
        summary.rebuild()
        let watchdogInterval = once ? nil : ServiceNotifier.watchdogInterval()
        let health = PipelineHealth(tolerance: max(10, (watchdogInterval ?? 15) * 2))
        let intake = Intake(capacity: config.queueCapacity, settleSeconds: Double(config.settleMilliseconds) / 1000,
                            rememberKept: config.after == .keep)
        summary.queueDepth = { intake.depth }
        let metrics = DaemonMetrics()
        metrics.startTime.record(SystemCalls.now())
        let disposer = InputDisposer(after: config.after, processedRoot: config.processedURL.path, failedRoot: config.failedURL.path)
        let lines = try JSONLinesOutput(directory: output, logger: logger)
        let sink = RecordSink(directory: output, outputs: [lines],
                              acknowledgement: Acknowledgement(ledger: ledger, disposer: disposer, summary: summary,
                                                               metrics: metrics, logger: logger),
                              health: health, logger: logger)
        let processor = ArticleProcessor(extractor: extractor, ledger: ledger, journal: journal, maxFileBytes: config.maxFileBytes,
                                         options: ExtractionOptions(includeText: config.includeText, maxBodyScalars: config.maxTextCodePoints),
                                         stories: summary.stories)
        let pool = WorkerPool(workers: config.effectiveWorkers, intake: intake, processor: processor, sink: sink,
                              keepInputs: config.after == .keep, onJobFinished: { health.jobFinished() })
        let filter = InboxFilter(include: config.include, exclude: config.exclude)
        let scanner = InboxScanner(intake: intake, filter: filter, logger: logger)
        let inboxCount = config.inboxes.count
        let watcher = once ? nil : InotifyWatcher(
            inboxes: config.inboxes, filter: filter, scanner: scanner, logger: logger,
            onWatching: { ServiceNotifier.ready(status: "watching \(inboxCount) inbox(es); scanning the backlog") },
            onHeartbeat: { health.watcherAlive() })
        let render: @Sendable () -> [UInt8] = {
            metrics.queueDepth.record(intake.depth)
            metrics.watches.record(watcher?.watchCount ?? 0)
            return metrics.exposition()
        }
        let server = try config.metricsEndpoint(file: configFile).map { MetricsServer(endpoint: $0, logger: logger, render: render) }

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: FolderClaimService(claims: .init(claims), journal: journal, logger: logger),
                  failureTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: MetricsService(render: render, textfile: config.metricsTextfilePath,
                                          interval: config.metricsIntervalSeconds, server: server, logger: logger)),
            .init(service: SummaryService(summary: summary, interval: config.summaryIntervalSeconds)),
        ]
        // The shipper reads what the sink made durable: started before it, stopped after it.
        let shipperStatus = config.database.map { _ in ShipperStatus() }
        if let database = config.database, let shipperStatus {
            services.append(.init(service: ShipperService(
                database: FleetDatabase(configuration: database, logger: logger), output: output,
                recordsEnd: { lines.recordsEnd }, errorsEnd: { lines.errorsEnd }, status: shipperStatus,
                metrics: ShipperMetrics(registry: metrics.registry), logger: logger),
                failureTerminationBehavior: .gracefullyShutdownGroup))
        }
        services += [
            .init(service: SinkService(sink: sink)),
            .init(service: WorkerPoolService(pool: pool, intake: intake, sink: sink, logger: logger)),
            .init(service: IntakeService(intake: intake)),
        ]
        let reload = ReloadService(sink: sink, watcher: watcher, reloadConfiguration: { [self] in reloadConfiguration() })
        if let watcher {
            services.append(.init(service: WatcherService(watcher: watcher, intake: intake,
                                                          rescanIntervalSeconds: config.rescanIntervalSeconds)))
            services.append(.init(service: reload))
            services.append(.init(service: NotifierService(health: health, intake: intake, sink: sink, summary: summary,
                                                           watchdogInterval: watchdogInterval, logger: logger, shipper: shipperStatus)))
        } else {
            services.append(.init(service: reload))
            services.append(.init(service: BacklogDrainService(inboxes: config.inboxes, scanner: scanner, intake: intake),
                                  successTerminationBehavior: .gracefullyShutdownGroup))
        }
        if config.summarySource == .database, let database = config.database {
            // The fleet's summary in place of this node's: summary.{json,md,html} from the database.
            services.append(.init(service: FleetSummaryService(
                database: FleetDatabase(configuration: database, logger: logger),
                query: FleetSummaryQuery(windowSeconds: config.summaryWindowHours * 3600, top: config.summaryTop,
                                         risingSeconds: config.summaryRisingHours * 3600),
                outputDirectory: output, interval: config.summaryIntervalSeconds, queueDepth: { intake.depth }, logger: logger)))
        }
        claims.removeAll()  // the service holds them from here on
        var groupLogger = logger
        groupLogger[metadataKey: "component"] = "services"
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger))

        logger.info("newsd started", metadata: [
            "inboxes": "\(config.inboxes.map { "\($0.name)=\($0.path)" }.joined(separator: ","))",
            "output": "\(output)", "workers": "\(config.effectiveWorkers)", "ledger.entries": "\(ledger.count)",
        ])
        // The group's signal sources receive these; ignored, they no longer end the process.
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        try await group.run()
        let totals = summary.snapshot()
        logger.info("newsd stopped", metadata: ["articles": "\(totals.articles)", "failures": "\(totals.failures)",
                                                 "duplicates": "\(totals.duplicates)"])
        return 0
    }

    /// Re-reads the config file; what can change at run time (the log level) takes effect, the
    /// rest is logged as needing a restart.
    private func reloadConfiguration() {
        guard let configFile else { return }
        do {
            let fresh: DaemonConfig
            if let reload {
                fresh = try reload()
            } else {
                fresh = try ConfigLoader.load(path: configFile)
                try fresh.validate(file: configFile)
            }
            if let level = Logger.Level(rawValue: fresh.logLevel), let logLevel, logLevel.value != level {
                logLevel.value = level
                logger.notice("log level changed", metadata: ["log.level": "\(level)"])
            }
            var unchanged = fresh
            unchanged.logLevel = config.logLevel
            if unchanged != config {
                logger.notice("configuration changed; inboxes, output and workers take effect at the next restart",
                              metadata: ["config.file": "\(configFile)"])
            } else {
                logger.info("configuration reloaded", metadata: ["config.file": "\(configFile)"])
            }
        } catch {
            logger.error("configuration not reloaded: \(error)", metadata: ["config.file": "\(configFile)"])
        }
    }
}
