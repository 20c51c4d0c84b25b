import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Why the database cannot take a batch now, in words an operator can act on. No case carries a
/// password: messages name the database by `DatabaseConfiguration.displayName` only.
public enum FleetDatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No connection: refused, timed out, name not resolved, TLS failed, or dropped mid-batch.
    case unreachable(database: String, detail: String)
    /// The server refused the login (SQLSTATE class 28: wrong password, no such role, pg_hba).
    case authentication(database: String, detail: String)
    /// `newsd_schema` holds a version newer than this binary knows.
    case schemaTooNew(database: String, found: Int, known: Int)
    /// The role may not do what a node does (SQLSTATE 42501), typically create a missing table.
    case privilege(database: String, detail: String)
    /// The password could not be read (`password_file`).
    case password(String)
    /// The server refused a statement (SQLSTATE and message).
    case server(database: String, state: String, message: String)
    /// A batch took longer than its limit; the connection is dropped and the batch retried.
    case timedOut(database: String, seconds: Int)

    public var description: String {
        switch self {
        case .unreachable(let database, let detail):
            return "cannot reach the database \(database): \(detail)"
        case .authentication(let database, let detail):
            return "the database \(database) refused the login: \(detail) (check [database] password_file or NEWSD_DATABASE_PASSWORD)"
        case .schemaTooNew(let database, let found, let known):
            return "the database \(database) has newsd schema version \(found), newer than this newsd knows (\(known)): upgrade newsd on this node; records stay in records.jsonl until then"
        case .privilege(let database, let detail):
            return "the database \(database) refused a privilege: \(detail) (see etc/newsd-database-role.sql; a role without CREATE needs `newsd migrate-database` run with the owner role)"
        case .password(let problem):
            return "cannot read the database password: \(problem)"
        case .server(let database, let state, let message):
            return "the database \(database) refused a statement: \(message) (SQLSTATE \(state))"
        case .timedOut(let database, let seconds):
            return "the database \(database) did not answer within \(seconds) s"
        }
    }

    /// Whether retrying soon can help; a refused login or a newer schema needs an operator, and
    /// is retried only slowly.
    var needsOperator: Bool {
        switch self {
        case .authentication, .schemaTooNew, .password, .privilege: true
        case .unreachable, .server, .timedOut: false
        }
    }
}

/// The one owner of postgres-nio in newsd: opens a connection for a `DatabaseConfiguration`,
/// creates or migrates the schema (`FleetSchema`) and inserts batches. Everything that crosses
/// into postgres-nio goes through here, and every error comes out as a `FleetDatabaseError`.
struct FleetDatabase: Sendable {
    let configuration: DatabaseConfiguration
    let logger: Logger
    /// How long a connection attempt, and a batch, may take.
    var connectTimeout: Duration = .seconds(10)
    var statementTimeout: Duration = .seconds(60)

    /// A new connection, logged in. The password is read now (a corrected file needs no restart).
    func connect() async throws(FleetDatabaseError) -> PostgresConnection {
        let password: String?
        do {
            password = try configuration.password()
        } catch {
            throw .password(error.problem)
        }
        var postgres: PostgresConnection.Configuration
        if let socketDirectory = configuration.socketDirectory {
            postgres = .init(unixSocketPath: socketDirectory + "/.s.PGSQL.\(configuration.port)", username: configuration.user,
                             password: password, database: configuration.database)
        } else {
            postgres = .init(host: configuration.host ?? "localhost", port: configuration.port, username: configuration.user,
                             password: password, database: configuration.database, tls: try tls())
        }
        postgres.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        postgres.options.additionalStartupParameters = [("application_name", "newsd")]
        do {
            return try await PostgresConnection.connect(configuration: postgres, id: 1, logger: quietLogger)
        } catch {
            throw classify(error)
        }
    }

    /// Creates the schema or brings it up to `FleetSchema.version`, under an advisory lock that
    /// serialises nodes starting together. Returns the version found before.
    @discardableResult
    func migrate(_ connection: PostgresConnection, node: String) async throws(FleetDatabaseError) -> Int {
        do {
            return try await withTimeout(statementTimeout, connection: connection) {
                try await connection.withTransaction(logger: quietLogger) { connection in
                    try await connection.query(PostgresQuery(unsafeSQL: "SELECT pg_advisory_xact_lock(\(FleetSchema.migrationLock))"),
                                               logger: quietLogger)
                    let exists = try await connection.query("SELECT to_regclass('newsd_schema') IS NOT NULL", logger: quietLogger)
                        .collect().first?.decode(Bool.self) ?? false
                    if !exists {
                        try await connection.query(PostgresQuery(unsafeSQL: FleetSchema.versionTable), logger: quietLogger)
                    }
                    let found = try await connection.query("SELECT coalesce(max(version), 0)::int8 FROM newsd_schema", logger: quietLogger)
                        .collect().first?.decode(Int.self) ?? 0
                    guard found <= FleetSchema.version else {
                        throw FleetDatabaseError.schemaTooNew(database: configuration.displayName, found: found, known: FleetSchema.version)
                    }
                    for version in (found + 1)...max(found + 1, FleetSchema.version) where version <= FleetSchema.version {
                        for statement in FleetSchema.migrations[version - 1] {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: quietLogger)
                        }
                        try await connection.query("INSERT INTO newsd_schema (version, node) VALUES (\(version), \(node))",
                                                   logger: quietLogger)
                    }
                    return found
                }
            }
        } catch {
            throw classify(error)
        }
    }

    /// Inserts `articles` and `errors` in one transaction; rows already there are skipped.
    /// Returns how many article rows were new.
    @discardableResult
    func insert(articles: ArticleRows, errors: ErrorRows, node: String, on connection: PostgresConnection,
                timeout: Duration? = nil) async throws(FleetDatabaseError) -> Int {
        do {
            return try await withTimeout(timeout ?? statementTimeout, connection: connection) {
                try await connection.withTransaction(logger: quietLogger) { connection in
                    var inserted = 0
                    if articles.count > 0 {
                        let rows = try await connection.query(PostgresQuery(unsafeSQL: FleetSchema.insertArticles,
                                                                            binds: Self.bindings(articles, node: node)),
                                                              logger: quietLogger).collect()
                        inserted = try rows.first?.decode(Int.self) ?? 0
                    }
                    if errors.count > 0 {
                        try await connection.query(PostgresQuery(unsafeSQL: FleetSchema.insertErrors, binds: Self.bindings(errors, node: node)),
                                                   logger: quietLogger)
                    }
                    return inserted
                }
            }
        } catch {
            throw classify(error)
        }
    }

    static func bindings(_ r: ArticleRows, node: String) -> PostgresBindings {
        var b = PostgresBindings(capacity: 28)
        b.append(r.id); b.append(r.ingestedAt); b.append(r.published); b.append(r.inbox); b.append(r.title)
        b.append(r.headline); b.append(r.language); b.append(r.story); b.append(r.site); b.append(r.source)
        b.append(r.words); b.append(r.quotes); b.append(r.bytes); b.append(r.tone); b.append(r.processingMs)
        b.append(r.record); b.append(FleetText.storable(node))
        b.append(r.entityArticle); b.append(r.entityCategory); b.append(r.entityKey); b.append(r.entityName)
        b.append(r.entityTone); b.append(r.entityGeonamesID); b.append(r.entityPlaceKind); b.append(r.entityCountry)
        b.append(r.acronymArticle); b.append(r.acronym); b.append(r.acronymExpansion)
        return b
    }

    static func bindings(_ r: ErrorRows, node: String) -> PostgresBindings {
        var b = PostgresBindings(capacity: 10)
        b.append(r.id); b.append(r.at); b.append(r.inbox); b.append(r.path); b.append(r.reason)
        b.append(r.detail); b.append(r.contentID); b.append(r.movedTo); b.append(r.line); b.append(FleetText.storable(node))
        return b
    }

    /// postgres-nio logs at debug and trace only; its lines would carry query text and binds, so
    /// they stay out of the daemon's log whatever its level.
    private var quietLogger: Logger {
        var quiet = Logger(label: "newsd.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        quiet.logLevel = .critical
        return quiet
    }

    private func tls() throws(FleetDatabaseError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch configuration.sslMode {
        case .disable: return .disable
        case .prefer, .require: tls.certificateVerification = .none
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        case .verifyFull: tls.certificateVerification = .fullVerification
        }
        if let root = configuration.sslRootCertificate { tls.trustRoots = .file(root) }
        do {
            let context = try NIOSSLContext(configuration: tls)
            return configuration.sslMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw .unreachable(database: configuration.displayName, detail: "TLS set-up failed: \(error)")
        }
    }

    /// Runs `body`; past `limit`, or when the caller is cancelled, closes the connection and
    /// throws without waiting for `body`.
    ///
    /// Not a task group: a group waits for all its children, and postgres-nio (1.33) never
    /// completes a query written to a connection the server has closed, nor does it honour
    /// cancellation there. Such a `body` is abandoned (one suspended task per lost connection,
    /// until the process ends) rather than awaited, so the shipper can reconnect and stop.
    func withTimeout<T: Sendable>(_ limit: Duration, connection: PostgresConnection,
                                          _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = FirstOutcome<T>()
        let timedOut = FleetDatabaseError.timedOut(database: configuration.displayName, seconds: Int(limit.components.seconds))
        let work = Task {
            do {
                outcome.settle(.success(try await body()))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            guard !Task.isCancelled else { return }
            if outcome.settle(.failure(timedOut)) { work.cancel() }
        }
        defer { timer.cancel() }
        let result = await withTaskCancellationHandler {
            await outcome.value
        } onCancel: {
            outcome.settle(.failure(CancellationError()))
        }
        if case .failure = result {
            work.cancel()
            try? await connection.close()
        }
        return try result.get()
    }

    /// The `FleetDatabaseError` for anything postgres-nio or a transaction threw.
    func classify(_ error: any Error) -> FleetDatabaseError {
        let name = configuration.displayName
        if let error = error as? FleetDatabaseError { return error }
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return classify(inner) }
        }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let state = info[.sqlState] {
                let message = info[.message] ?? "no message"
                if state.hasPrefix("28") { return .authentication(database: name, detail: message) }
                if state == "42501" { return .privilege(database: name, detail: message) }
                // 08: connection exception; 57P: operator intervention (shutdown, crash).
                if state.hasPrefix("08") || state.hasPrefix("57P") { return .unreachable(database: name, detail: message) }
                return .server(database: name, state: state, message: message)
            }
            switch error.code {
            case .authMechanismRequiresPassword:
                return .authentication(database: name, detail: "the server asks for a password and none is set")
            case .unsupportedAuthMechanism, .saslError:
                return .authentication(database: name, detail: "\(error.code)")
            default:
                let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
                return .unreachable(database: name, detail: cause)
            }
        }
        return .unreachable(database: name, detail: "\(error)")
    }
}

/// `newsd migrate-database`: creates or migrates the fleet's schema and returns, so that an
/// operator can run migrations with a role allowed to create tables while the nodes log in with a
/// role that may only SELECT and INSERT (etc/newsd-database-role.sql).
public enum FleetMigration {
    /// The schema version found before, and the version now.
    public static func run(_ configuration: DatabaseConfiguration, logger: Logger) async throws(FleetDatabaseError) -> (before: Int, after: Int) {
        let database = FleetDatabase(configuration: configuration, logger: logger)
        let connection = try await database.connect()
        do {
            let before = try await database.migrate(connection, node: configuration.node)
            try? await connection.close()
            return (before, FleetSchema.version)
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// The first of several results (a body, a timer, a cancellation), handed to one waiter.
private final class FirstOutcome<T: Sendable>: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<Result<T, any Error>, Never>)
        case settled(Result<T, any Error>)
    }

    private let state = Mutex(State.pending)

    /// Records `result` if nothing was settled before; returns whether it was the first.
    @discardableResult
    func settle(_ result: Result<T, any Error>) -> Bool {
        let (first, waiter): (Bool, CheckedContinuation<Result<T, any Error>, Never>?) = state.withLock { state in
            switch state {
            case .settled:
                return (false, nil)
            case .pending:
                state = .settled(result)
                return (true, nil)
            case .waiting(let continuation):
                state = .settled(result)
                return (true, continuation)
            }
        }
        waiter?.resume(returning: result)
        return first
    }

    /// The first result; waits for it.
    var value: Result<T, any Error> {
        get async {
            await withCheckedContinuation { continuation in
                let ready: Result<T, any Error>? = state.withLock { state in
                    if case .settled(let result) = state { return result }
                    state = .waiting(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
