import Foundation
import Testing

/// A private PostgreSQL cluster for one test: `initdb` into a temporary folder, a server on a free
/// loopback port with its Unix socket inside that folder, and a role that logs in over TCP with a
/// password (scram-sha-256), so that a wrong password is refused as it would be in production.
///
/// Run as root, the server runs as the `postgres` user (PostgreSQL refuses root) through
/// `runuser`, with the folder given to that user. `destroy()` stops the server and removes the
/// folder; call it in a `defer`, so that a failing test leaves no server behind.
public final class PostgresCluster: @unchecked Sendable {
    // @unchecked: the fields are set in init; `start()`/`stop()` are called from one test at a time.
    public let folder: String
    public let port: Int
    public let role = "newsd"
    public let password = "fleet-test-password"
    public let database = "newsd"
    private let bin: String
    private var dataDirectory: String { folder + "/data" }
    private var socketDirectory: String { folder + "/socket" }
    private let runAsPostgres = getuid() == 0

    /// The folder of PostgreSQL's programs (`/usr/lib/postgresql/<newest>/bin`), or nil when absent.
    public static var binaries: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let bin = "\(root)/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: bin + "/initdb"), FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl") {
                return bin
            }
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates and starts a cluster with the role and database `newsd`.
    public init() throws {
        guard let bin = Self.binaries else {
            throw Failure(description: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); make test-deps installs it")
        }
        self.bin = bin
        var template = Array((NSTemporaryDirectory() + "/newsd-pg-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw Failure(description: "cannot create a temporary folder")
        }
        folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        port = try Self.freePort()
        do {
            try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
            if runAsPostgres { try Self.run("/bin/chown", ["-R", "postgres:", folder]) }
            try runServerTool("initdb", ["-D", dataDirectory, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                                         "--no-sync", "-E", "UTF8", "--locale=C"])
            try start()
            try psql("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            try psql("CREATE DATABASE \(database) OWNER \(role)")
        } catch {
            destroy()
            throw error
        }
    }

    deinit { destroy() }

    /// `postgresql://newsd@127.0.0.1:PORT/newsd?sslmode=disable`.
    public var url: String { "postgresql://\(role)@127.0.0.1:\(port)/\(database)?sslmode=disable" }

    /// Starts the server (again, after `stop()`), waiting until it accepts connections.
    public func start() throws {
        try runServerTool("pg_ctl", ["-D", dataDirectory, "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                                     "-p \(port) -k \(socketDirectory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
                                     "start"])
    }

    /// Stops the server (fast: open connections are cut).
    public func stop() throws {
        try runServerTool("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"])
    }

    /// Stops the server if it runs and removes the folder. Safe to call more than once.
    public func destroy() {
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            _ = try? runServerTool("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs `sql` as the superuser in the `newsd` database (over the socket) and returns psql's
    /// unaligned output, one row a line, columns separated by `|`.
    @discardableResult
    public func psql(_ sql: String, database: String? = nil) throws -> String {
        try runServerTool("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-p", "\(port)", "-U", "postgres",
                                   "-d", database ?? (sql.hasPrefix("CREATE ROLE") || sql.hasPrefix("CREATE DATABASE") ? "postgres" : self.database),
                                   "-c", sql])
    }

    /// The first column of the first row of `sql`, as an integer.
    public func count(_ sql: String) throws -> Int {
        let text = try psql(sql).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let n = Int(text) else { throw Failure(description: "not a number from \(sql): \(text)") }
        return n
    }

    /// The server's log so far.
    public var serverLog: String {
        (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
    }

    @discardableResult
    private func runServerTool(_ tool: String, _ arguments: [String]) throws -> String {
        if runAsPostgres {
            return try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/" + tool] + arguments)
        }
        return try Self.run(bin + "/" + tool, arguments)
    }

    /// Runs a program to its end; throws with its output when it fails.
    ///
    /// Not through Foundation's `Process`: `pg_ctl start` leaves a server running that would
    /// inherit the descriptors `Process` watches the child with, and `waitUntilExit` would then
    /// wait for the server. `posix_spawn` here gives the child only stdin (/dev/null) and an
    /// output file, and closes every other descriptor it has open.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "/newsd-pg-output-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Every other descriptor open now (glibc ignores one closed meanwhile).
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedNormally = status & 0x7f == 0
        let code = exitedNormally ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard code == 0 else {
            throw Failure(description: "\((program as NSString).lastPathComponent) \(arguments.joined(separator: " ")) failed (\(code)): \(text)")
        }
        return text
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension Trait where Self == ConditionTrait {
    /// The test starts a private PostgreSQL cluster. Without PostgreSQL's programs it is skipped
    /// with a message, except under CI (`CI` set), where it runs and fails: CI must test the fleet.
    public static var needsPostgreSQL: Self {
        .enabled(if: PostgresCluster.binaries != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                 "needs PostgreSQL's server programs (/usr/lib/postgresql/*/bin; make test-deps installs the postgresql package)")
    }
}
