import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The fleet's summary from its database, for `newsd summary --database` and for the daemon with
/// `[summary] source = "database"`: `FleetSummaryQuery` gathers it, `SummaryReport` renders it.
public enum FleetSummary {
    /// The fleet's summary of the last `windowHours` hours, in `format`.
    public static func render(database configuration: DatabaseConfiguration, windowHours: Double, format: SummaryFormat = .md,
                              risingHours: Double = 1, top: Int = 10) async throws(FleetDatabaseError) -> String {
        let database = FleetDatabase(configuration: configuration, logger: Logger(label: "newsd"))
        let query = FleetSummaryQuery(windowSeconds: windowHours * 3600, top: top, risingSeconds: risingHours * 3600)
        let now = SystemCalls.now()
        let snapshot = try await query.snapshot(from: database, now: now)
        let report = SummaryReport(fleet: snapshot, now: now, queueDepth: 0, risingSeconds: query.risingSeconds)
        switch format {
        case .md: return report.markdown()
        case .json: return String(decoding: report.json(), as: UTF8.self)
        case .html: return report.html()
        }
    }
}

extension SummaryReport {
    /// The report of the fleet's `snapshot`. The fleet has no "since start": those figures are
    /// the window's, as `newsd summary` gives them for an output folder.
    init(fleet snapshot: SummarySnapshot, now: Double, queueDepth: Int, risingSeconds: Double) {
        var totals = RunTotals()
        totals.articles = snapshot.articles
        totals.words = snapshot.words
        totals.quotes = snapshot.quotes
        totals.failures = snapshot.errors
        self.init(snapshot: snapshot, totals: totals, now: now, startedAt: now, queueDepth: queueDepth, risingSeconds: risingSeconds)
    }
}

/// With `[summary] source = "database"`: rewrites summary.{json,md,html} in the output folder from
/// the fleet's database every `interval` seconds, in place of the node's own window.
///
/// One connection is kept between rewrites. When the database fails (down, slow, refusing) the
/// last good files stay as they are and the daemon goes on: the failure is logged once at error
/// level (again when it changes), the recovery at notice level.
struct FleetSummaryService: Service {
    let database: FleetDatabase
    let query: FleetSummaryQuery
    let outputDirectory: String
    let interval: Double
    /// How long one rewrite may take before the connection is dropped and the rewrite abandoned.
    var timeout: Duration = .seconds(60)
    let queueDepth: @Sendable () -> Int
    let logger: Logger

    func run() async throws {
        var state = State()
        await rewrite(&state)
        await repeatUntilShutdown(every: .milliseconds(Int(interval * 1000))) { await rewrite(&state) }
        await close(&state)
    }

    /// Closes the connection the rewrites kept open.
    func close(_ state: inout State) async {
        if let connection = state.connection { try? await connection.close() }
        state.connection = nil
    }

    struct State {
        var connection: PostgresConnection?
        /// The failure last logged; nil while rewrites succeed.
        var failure: String?
    }

    /// One rewrite of the three files; on failure the files stay as they are.
    func rewrite(_ state: inout State) async {
        let now = SystemCalls.now()
        let snapshot: SummarySnapshot
        do {
            let connection: PostgresConnection
            if let open = state.connection, !open.isClosed {
                connection = open
            } else {
                connection = try await database.connect()
                state.connection = connection
            }
            snapshot = try await database.withTimeout(timeout, connection: connection) { [query] in
                try await query.snapshot(on: connection, now: now, logger: FleetSummaryQuery.quietLogger)
            }
        } catch {
            if let connection = state.connection { try? await connection.close() }
            state.connection = nil
            let problem = "\(database.classify(error))"
            if state.failure != problem {
                logger.error("cannot read the fleet summary from the database; the last summary files stay", metadata: [
                    "error": "\(problem)", "dir.path": "\(outputDirectory)"])
            }
            state.failure = problem
            return
        }
        let report = SummaryReport(fleet: snapshot, now: now, queueDepth: queueDepth(), risingSeconds: query.risingSeconds)
        do {
            try AtomicFile.write(report.json(), to: outputDirectory + "/summary.json")
            try AtomicFile.write(Array(report.markdown().utf8), to: outputDirectory + "/summary.md")
            try AtomicFile.write(Array(report.html().utf8), to: outputDirectory + "/summary.html")
        } catch {
            logger.error("cannot write the summary", metadata: ["dir.path": "\(outputDirectory)", "error": "\(error)"])
            return
        }
        if state.failure != nil {
            logger.notice("the fleet summary is written again", metadata: ["database": "\(database.configuration.displayName)"])
            state.failure = nil
        }
    }
}
