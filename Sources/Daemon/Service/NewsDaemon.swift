import Extraction
import Foundation
import Logging

/// The running daemon: wires watcher → intake → worker pool → sink → summary, and stops them in
/// reverse order.
public final class NewsDaemon: @unchecked Sendable {
    // @unchecked: components are created in `init` and only started/stopped from `run`'s thread;
    // `stopRequested` is guarded by `lock`.
    public let config: DaemonConfig
    private let configFile: String?
    private var logger: Logger
    private let extractor: ArticleExtractor
    private let once: Bool
    private let lock = NSLock()
    private let stopSignal = DispatchSemaphore(value: 0)
    private var stopRequested = false
    private var reloadRequested = false

    /// A daemon for `config`; nothing starts until `run()`.
    public init(config: DaemonConfig, configFile: String?, extractor: ArticleExtractor, logger: Logger, once: Bool = false) {
        self.config = config
        self.configFile = configFile
        self.extractor = extractor
        self.logger = logger
        self.once = once
    }

    /// Asks a running daemon to stop gracefully (SIGTERM/SIGINT do this).
    public func requestStop() {
        lock.withLock { stopRequested = true }
        stopSignal.signal()
    }

    /// Asks a running daemon to reopen its output files and reload its configuration (SIGHUP).
    public func requestReload() {
        lock.withLock { reloadRequested = true }
        stopSignal.signal()
    }

    /// Runs until stopped; returns the process exit status.
    public func run() throws -> Int32 {
        let output = config.outputURL.path
        try SystemCalls.makeDirectories(output)
        for inbox in config.inboxes { try SystemCalls.makeDirectories(inbox.path) }

        let ledger = try Ledger(path: output + "/ledger")
        let added = try ledger.reconcile(recordsPath: output + "/records.jsonl")
        if added > 0 {
            logger.notice("ledger caught up with records.jsonl after an unclean stop", metadata: ["ledger.added": "\(added)"])
        }
        let journal = try AttemptJournal(path: output + "/attempts", ledger: ledger, slots: config.effectiveWorkers)
        let summary = SummaryReporter(outputDirectory: output, windowSeconds: config.summaryWindowHours * 3600,
                                      top: config.summaryTop, risingSeconds: config.summaryRisingHours * 3600, logger: logger)
        summary.rebuild()
        let intake = Intake(capacity: config.queueCapacity, settleSeconds: Double(config.settleMilliseconds) / 1000,
                            rememberKept: config.after == .keep)
        summary.queueDepth = { intake.depth }
        let metrics = DaemonMetrics()
        metrics.startTime.record(SystemCalls.now())
        let disposer = InputDisposer(after: config.after, processedRoot: config.processedURL.path, failedRoot: config.failedURL.path)
        let sink = try RecordSink(directory: output, ledger: ledger, disposer: disposer, summary: summary, metrics: metrics,
                                  logger: logger)
        let processor = ArticleProcessor(extractor: extractor, ledger: ledger, journal: journal, maxFileBytes: config.maxFileBytes,
                                         options: ExtractionOptions(includeText: config.includeText, maxBodyScalars: config.maxTextCodePoints),
                                         stories: summary.stories)
        let pool = WorkerPool(workers: config.effectiveWorkers, intake: intake, processor: processor, sink: sink,
                              keepInputs: config.after == .keep)
        let filter = InboxFilter(include: config.include, exclude: config.exclude)
        let scanner = InboxScanner(intake: intake, filter: filter, logger: logger)
        let watcher = once ? nil : InotifyWatcher(inboxes: config.inboxes, filter: filter, scanner: scanner, logger: logger)
        let renderMetrics: @Sendable () -> [UInt8] = {
            metrics.queueDepth.record(intake.depth)
            metrics.watches.record(watcher?.watchCount ?? 0)
            return metrics.exposition()
        }
        let metricsFile = config.metricsTextfilePath
        let writeMetrics = { [logger] in
            guard let metricsFile else { return }
            do {
                try AtomicFile.write(renderMetrics(), to: metricsFile, mode: 0o644)
            } catch {
                logger.error("cannot write the metrics file", metadata: ["file.path": "\(metricsFile)", "error": "\(error)"])
            }
        }
        var server: MetricsServer?
        if let endpoint = try config.metricsEndpoint(file: configFile) {
            let s = MetricsServer(endpoint: endpoint, logger: logger, render: renderMetrics)
            try s.start()
            server = s
            logger.info("serving metrics", metadata: ["metrics.url": "http://\(endpoint)/metrics"])
        }

        pool.start()
        summary.start(interval: config.summaryIntervalSeconds)
        logger.info("newsd started", metadata: [
            "inboxes": "\(config.inboxes.map { "\($0.name)=\($0.path)" }.joined(separator: ","))",
            "output": "\(output)", "workers": "\(config.effectiveWorkers)", "ledger.entries": "\(ledger.count)",
        ])

        if once {
            for inbox in config.inboxes {
                scanner.walk(inbox.path, inbox: inbox, recursive: inbox.recursive, watch: { _ in })
            }
            while !intake.isIdle && !lock.withLock({ stopRequested }) {
                _ = stopSignal.wait(timeout: .now() + 0.05)
            }
        } else {
            let watchdogInterval = ServiceNotifier.watchdogInterval()
            let health = PipelineHealth(tolerance: max(10, (watchdogInterval ?? 15) * 2))
            guard let watcher else { preconditionFailure("a watching daemon has a watcher") }
            let inboxCount = config.inboxes.count
            watcher.onWatching = { ServiceNotifier.ready(status: "watching \(inboxCount) inbox(es); scanning the backlog") }
            watcher.onHeartbeat = { health.watcherAlive() }
            pool.onJobFinished = { health.jobFinished() }
            try watcher.start()
            var lastRescan = SystemCalls.monotonic()
            var lastWatchdog = 0.0
            var lastMetrics = 0.0
            var lastUnhealthyLog = 0.0
            let tick = min(1, watchdogInterval ?? 1)
            while true {
                _ = stopSignal.wait(timeout: .now() + tick)
                let (stop, reload) = lock.withLock { () -> (Bool, Bool) in
                    defer { reloadRequested = false }
                    return (stopRequested, reloadRequested)
                }
                if stop { break }
                if reload {
                    ServiceNotifier.reloading()
                    sink.reopen()
                    reloadConfiguration()
                    watcher.requestRescan(reason: "reload")
                    ServiceNotifier.ready(status: "reloaded")
                }
                let now = SystemCalls.monotonic()
                if config.rescanIntervalSeconds > 0, now - lastRescan >= Double(config.rescanIntervalSeconds) {
                    watcher.requestRescan(reason: "periodic")
                    lastRescan = now
                }
                if now - lastMetrics >= config.metricsIntervalSeconds {
                    writeMetrics()
                    lastMetrics = now
                }
                let totals = summary.snapshot()
                ServiceNotifier.status("queued \(intake.depth), done \(totals.articles), duplicates \(totals.duplicates), failed \(totals.failures)")
                sink.ping { health.sinkAlive() }
                if let watchdogInterval, now - lastWatchdog >= watchdogInterval {
                    let (healthy, why) = health.isHealthy(waiting: intake.depth, watching: true)
                    if healthy {
                        ServiceNotifier.watchdog()
                        lastWatchdog = now
                    } else if now - lastUnhealthyLog > 10 {
                        logger.error("pipeline stuck; not feeding the watchdog", metadata: ["reason": "\(why)"])
                        lastUnhealthyLog = now
                    }
                }
            }
            ServiceNotifier.stopping()
            logger.info("stopping: no new intake; finishing work in flight")
            watcher.stop()
        }
        intake.close()
        let finished = pool.stop(timeout: 30)
        if !finished {
            logger.warning("work in flight did not finish in 30 s; its inputs stay in the inbox for the next start")
            sink.beginStopping()
        }
        sink.drain()
        summary.stop()
        writeMetrics()
        server?.stop()
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
            let fresh = try ConfigLoader.load(path: configFile)
            try fresh.validate(file: configFile)
            if let level = Logger.Level(rawValue: fresh.logLevel) { logger.logLevel = level }
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
