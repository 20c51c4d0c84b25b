import CoreMetrics
import Extraction
import Foundation
import Logging
import PostgresNIO
import Prometheus
import ServiceLifecycle
import Synchronization

/// What the shipper reports to `STATUS=` and the metrics: the backlog and whether the database
/// takes batches. Written by the shipper, read by the notifier and the metrics page.
final class ShipperStatus: Sendable {
    struct State: Sendable {
        var lagRecords = 0
        var lagErrors = 0
        var connected = false
        /// The last problem, while it lasts.
        var problem: String?
    }

    private let state = Mutex(State())

    var snapshot: State { state.withLock { $0 } }

    func update(_ change: (inout State) -> Void) {
        state.withLock { change(&$0) }
    }

    /// The part of the `STATUS=` line about the database.
    var statusText: String {
        let s = snapshot
        var text = "database lag \(s.lagRecords)"
        if s.lagErrors > 0 { text += " (+\(s.lagErrors) errors)" }
        if let problem = s.problem { text += ": " + problem } else if !s.connected { text += ": connecting" }
        return text
    }
}

/// The shipper's metrics, registered only when a database is configured.
struct ShipperMetrics: Sendable {
    /// Lines of records.jsonl not yet in the database.
    let lagRecords: CoreMetrics.Gauge
    /// Lines of errors.jsonl not yet in the database.
    let lagErrors: CoreMetrics.Gauge
    /// Lines the database committed (records and errors; a line another node shipped first counts too).
    let shippedLines: CoreMetrics.Counter
    /// Lines the database refused (invalid data); they stay in records.jsonl.
    let rejectedLines: CoreMetrics.Counter
    /// 1 while the shipper holds a working connection.
    let up: CoreMetrics.Gauge

    init(registry: PrometheusCollectorRegistry) {
        let factory = PrometheusMetricsFactory(registry: registry)
        lagRecords = Gauge(label: "newsd_database_lag_records", factory: factory)
        lagErrors = Gauge(label: "newsd_database_lag_errors", factory: factory)
        shippedLines = Counter(label: "newsd_database_shipped_lines_total", factory: factory)
        rejectedLines = Counter(label: "newsd_database_rejected_lines_total", factory: factory)
        up = Gauge(label: "newsd_database_up", factory: factory)
    }
}

/// Store and forward: ships the lines of records.jsonl and errors.jsonl to PostgreSQL in batches,
/// one transaction each, and moves the durable cursor (`ShipCursor`) only after the commit.
///
/// records.jsonl stays the node's durable log, written first and exactly as without a database;
/// the shipper only reads it. When the database is down, slow or refuses the login, intake and
/// local records go on; the shipper retries (with backoff: at most 5 s while it cannot reach the
/// database, 30 s while it refuses the login or its schema is newer than this binary) and resumes
/// from the cursor. It never stops the daemon: see docs/DESIGN.md for why.
///
/// Started before the sink and stopped after it, so at a graceful stop it ships what the sink
/// committed last, for at most `drainSeconds`, before closing its connection.
struct ShipperService: Service {
    let database: FleetDatabase
    let output: String
    let recordsEnd: @Sendable () -> DurableEnd
    let errorsEnd: @Sendable () -> DurableEnd
    let status: ShipperStatus
    let metrics: ShipperMetrics
    let logger: Logger
    var drainSeconds = 5.0
    /// Pause when there is nothing to ship.
    var idle: Duration = .milliseconds(200)

    private var configuration: DatabaseConfiguration { database.configuration }

    func run() async throws {
        var logger = self.logger
        logger[metadataKey: "component"] = "shipper"
        let cursorPath = output + "/" + ShipCursor.fileName
        let (saved, problem) = ShipCursor.load(cursorPath)
        if let problem {
            logger.warning("the ship cursor cannot be read; shipping from the start (rows already in the database are skipped)",
                           metadata: ["file.path": "\(cursorPath)", "reason": "\(problem)"])
        }
        let note: (String) -> Void = { logger.notice("\($0)") }
        let records = try ShippedLog(path: output + "/records.jsonl", resumingAt: saved.records, writer: recordsEnd, note: note)
        let errors = try ShippedLog(path: output + "/errors.jsonl", resumingAt: saved.errors, writer: errorsEnd, note: note)
        var cursor = ShipCursor(records: records.position, errors: errors.position)
        logger.info("shipping records to the database", metadata: [
            "database": "\(configuration.displayName)", "node": "\(configuration.node)",
            "records.offset": "\(records.position.offset)", "errors.offset": "\(errors.position.offset)",
        ])

        var connection: PostgresConnection?
        var reporter = ProblemReporter()
        var failures = 0
        var isolateLines = 0
        var drainDeadline: Double?

        /// Says that the database cannot take batches now: in the log (rate-limited), `STATUS=` and the metrics.
        func connectionLost(_ error: FleetDatabaseError) {
            reporter.report(error, logger: logger, lag: records.pendingLines)
            status.update { $0.connected = false; $0.problem = error.description }
            metrics.up.record(0)
        }
        /// Waits out a failed connection or batch: backing off while the host is away, longer when
        /// an operator has to act (password, privilege, schema).
        func retryLater(after error: FleetDatabaseError) async {
            failures += 1
            connectionLost(error)
            await pause(Self.backoff(failures: failures, needsOperator: error.needsOperator), records, errors)
        }

        while true {
            let stopping = Task.isShuttingDownGracefully || Task.isCancelled
            if stopping, drainDeadline == nil { drainDeadline = SystemCalls.monotonic() + drainSeconds }
            if let drainDeadline, SystemCalls.monotonic() > drainDeadline { break }
            publishBacklog(records, errors)

            if let open = connection, open.isClosed {
                // The server went away (restart, failover, idle cut): postgres-nio would never
                // answer a query on this connection, so it is dropped and a new one opened.
                try? await open.close()
                connection = nil
                connectionLost(.unreachable(database: configuration.displayName, detail: "the server closed the connection"))
            }

            guard let open = connection else {
                if stopping { break }
                do throws(FleetDatabaseError) {
                    let fresh = try await database.connect()
                    do throws(FleetDatabaseError) {
                        try await database.migrate(fresh, node: configuration.node)
                    } catch {
                        try? await fresh.close()
                        throw error
                    }
                    connection = fresh
                    status.update { $0.connected = true; $0.problem = nil }
                    metrics.up.record(1)
                    if reporter.hadProblem {
                        logger.notice("the database takes batches again; resuming from the cursor",
                                      metadata: ["database": "\(configuration.displayName)", "lag.records": "\(records.pendingLines)"])
                    } else {
                        logger.info("connected to the database", metadata: ["database": "\(configuration.displayName)"])
                    }
                    reporter.clear()
                    failures = 0
                } catch {
                    await retryLater(after: error)
                }
                continue
            }

            let maxLines = isolateLines > 0 ? 1 : configuration.batchLines
            let recordBatch: ShippedLog.Batch
            let errorBatch: ShippedLog.Batch
            do {
                recordBatch = try records.next(maxLines: maxLines)
                errorBatch = try errors.next(maxLines: maxLines)
            } catch {
                reporter.report(message: "cannot read the lines to ship: \(error)", logger: logger)
                if stopping { break }
                await pause(.seconds(5))
                continue
            }
            if recordBatch.lines.isEmpty && errorBatch.lines.isEmpty {
                if stopping { break }
                await pause(idle)
                continue
            }
            let (articleRows, errorRows) = rows(recordBatch, errorBatch, logger: logger)
            do {
                let timeout: Duration = drainDeadline.map { .milliseconds(Int(max(0.5, $0 - SystemCalls.monotonic()) * 1000)) }
                    ?? database.statementTimeout
                try await database.insert(articles: articleRows, errors: errorRows, node: configuration.node, on: open,
                                          timeout: timeout)
                metrics.shippedLines.increment(by: recordBatch.lines.count + errorBatch.lines.count)
                if isolateLines > 0 { isolateLines -= 1 }
            } catch let error where error.isRefusedData {
                if recordBatch.lines.count + errorBatch.lines.count > 1 {
                    // Find the line the database refuses: ship the batch's lines one at a time.
                    isolateLines = recordBatch.lines.count + errorBatch.lines.count
                    continue
                }
                logger.error("the database refused a line; it is skipped in the database and stays in its file", metadata: [
                    "error": "\(error)", "file.path": "\(recordBatch.lines.isEmpty ? errors.path : records.path)",
                    "offset": "\(recordBatch.lines.isEmpty ? errors.position.offset : records.position.offset)",
                ])
                metrics.rejectedLines.increment()
                isolateLines = max(0, isolateLines - 1)
            } catch {
                try? await open.close()
                connection = nil
                await retryLater(after: error)
                continue
            }
            records.shipped(through: recordBatch.end, lines: recordBatch.lines.count)
            errors.shipped(through: errorBatch.end, lines: errorBatch.lines.count)
            cursor = ShipCursor(records: records.position, errors: errors.position)
            do {
                try cursor.save(cursorPath)
            } catch {
                // Shipping goes on; after a restart the lines since the last saved cursor are
                // shipped again, which the database skips.
                reporter.report(message: "cannot write the ship cursor: \(error)", logger: logger)
            }
        }
        publishBacklog(records, errors)
        if let connection { try? await connection.close() }
        status.update { $0.connected = false }
        metrics.up.record(0)
        logger.info("shipper stopped", metadata: ["lag.records": "\(records.pendingLines)", "lag.errors": "\(errors.pendingLines)"])
    }

    /// Rows of the parsed lines; a line that is not a record (or not an error line) is skipped with a warning.
    private func rows(_ recordBatch: ShippedLog.Batch, _ errorBatch: ShippedLog.Batch, logger: Logger) -> (ArticleRows, ErrorRows) {
        var articleRows = ArticleRows()
        for line in recordBatch.lines {
            do {
                articleRows.append(try ArticleRecord(jsonLine: line), line: line)
            } catch {
                logger.warning("a line of records.jsonl is not a record; not shipped", metadata: ["reason": "\(error.detail)"])
            }
        }
        var errorRows = ErrorRows()
        for line in errorBatch.lines {
            guard let error = ErrorLine(json: line) else {
                logger.warning("a line of errors.jsonl is not an error line; not shipped")
                continue
            }
            errorRows.append(error, line: line)
        }
        return (articleRows, errorRows)
    }

    private func publishBacklog(_ records: ShippedLog, _ errors: ShippedLog) {
        let lagRecords = (try? records.countPending()) ?? records.pendingLines
        let lagErrors = (try? errors.countPending()) ?? errors.pendingLines
        status.update { $0.lagRecords = lagRecords; $0.lagErrors = lagErrors }
        metrics.lagRecords.record(lagRecords)
        metrics.lagErrors.record(lagErrors)
    }

    /// Sleeps `duration`, or until graceful shutdown.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }

    /// Sleeps `duration` between retries, or until graceful shutdown, keeping the backlog figures current.
    private func pause(_ duration: Duration, _ records: ShippedLog, _ errors: ShippedLog) async {
        var left = duration
        while left > .zero, !Task.isShuttingDownGracefully, !Task.isCancelled {
            let step = min(left, .seconds(1))
            await pause(step)
            left -= step
            publishBacklog(records, errors)
        }
    }

    /// 0.5 s doubling to 5 s while the database cannot be reached; 30 s while it needs an operator.
    static func backoff(failures: Int, needsOperator: Bool) -> Duration {
        if needsOperator { return .seconds(30) }
        return .milliseconds(min(5_000, 500 << min(failures - 1, 4)))
    }
}

/// Logs a database problem once when it starts or changes, then at most once a minute while it
/// lasts, so that an outage of hours writes a few lines, not thousands.
private struct ProblemReporter {
    private var last: String?
    private var lastLogged = -Double.infinity
    private var repeats = 0

    var hadProblem: Bool { last != nil }

    mutating func clear() {
        last = nil
        repeats = 0
    }

    mutating func report(_ error: FleetDatabaseError, logger: Logger, lag: Int) {
        let level: Logger.Level = error.needsOperator ? .error : .warning
        report(message: error.description + "; retrying (records go on in records.jsonl)", level: level, logger: logger,
               metadata: ["lag.records": "\(lag)"])
    }

    mutating func report(message: String, level: Logger.Level = .error, logger: Logger, metadata: Logger.Metadata = [:]) {
        let now = SystemCalls.monotonic()
        repeats += 1
        guard message != last || now - lastLogged >= 60 else { return }
        var metadata = metadata
        if message == last { metadata["attempts"] = "\(repeats)" }
        logger.log(level: level, "\(message)", metadata: metadata)
        last = message
        lastLogged = now
        repeats = 0
    }
}

extension FleetDatabaseError {
    /// The database refused the data itself (invalid text, a value out of range), not the
    /// connection: retrying the same line cannot help.
    var isRefusedData: Bool {
        guard case .server(_, let state, _) = self else { return false }
        // 22: data exception; 23: integrity constraint (other than the ON CONFLICT target); 54: too large.
        return state.hasPrefix("22") || state.hasPrefix("23") || state.hasPrefix("54")
    }
}
