import Foundation

/// Where a node ships its records and how it logs in: the `[database]` table of `newsd.toml` or
/// `--database URL`, parsed once and shared by `newsd run` (the shipper) and `newsd summary`.
///
/// The URL is libpq's form, `postgresql://user@host:5432/db?sslmode=prefer`, without a password:
/// the password comes from `password_file` or the environment (`NEWSD_DATABASE_PASSWORD`, then
/// `PGPASSWORD`), so that it never sits on a command line (visible in `ps`) or in a log line.
public struct DatabaseConfiguration: Sendable, Equatable {
    /// libpq's `sslmode` values that newsd supports.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain otherwise (libpq's default).
        case prefer
        /// TLS, without checking the server's certificate.
        case require
        /// TLS, the certificate checked against `sslrootcert` (or the system's roots), not the host name.
        case verifyCA = "verify-ca"
        /// TLS, the certificate and the host name checked.
        case verifyFull = "verify-full"
    }

    /// The URL as given (it never holds a password: one is refused).
    public var url: String
    /// TCP host; nil when `socketDirectory` is used.
    public var host: String?
    /// Folder of the server's Unix socket (`?host=/run/postgresql`), instead of TCP.
    public var socketDirectory: String?
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode
    /// PEM file of the certificate authorities for `verify-ca` and `verify-full` (`?sslrootcert=`).
    public var sslRootCertificate: String?
    /// File holding the password (first line); read at every connection attempt, so that a
    /// corrected file needs no restart.
    public var passwordFile: String?
    /// This node's name in the `node` column; defaults to the host name.
    public var node: String
    /// Lines shipped per transaction, at most.
    public var batchLines: Int = 500

    /// The environment variables the password is read from, in this order, without `password_file`.
    public static let passwordVariables = ["NEWSD_DATABASE_PASSWORD", "PGPASSWORD"]
    /// The default when `node` is not set: the machine's host name.
    public static var defaultNode: String { ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "node" }

    /// Parses `url`; `file` and `key` place any error (`file` nil: the command line).
    public static func parse(url: String, file: String? = nil, key: String = "--database", line: Int? = nil) throws(ConfigError) -> DatabaseConfiguration {
        func problem(_ text: String) -> ConfigError {
            ConfigError(file: file, key: key, line: line, "\(redact(url)): \(text)")
        }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme,
              scheme == "postgresql" || scheme == "postgres" else {
            throw problem("must be a URL such as postgresql://newsd@db.example.org:5432/newsd?sslmode=verify-full")
        }
        guard parts.password == nil else {
            throw problem("must not hold a password; use password_file or NEWSD_DATABASE_PASSWORD")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw problem("needs a user name (postgresql://USER@host/db)")
        }
        let database = String(parts.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw problem("needs a database name (postgresql://user@host/DATABASE)")
        }
        var config = DatabaseConfiguration(url: url, host: nil, socketDirectory: nil, port: parts.port ?? 5432, user: user,
                                           database: database, sslMode: .prefer, sslRootCertificate: nil, passwordFile: nil,
                                           node: defaultNode)
        guard (1...65535).contains(config.port) else { throw problem("the port must be between 1 and 65535") }
        var host = parts.host.map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 }
        for item in parts.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw problem("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                config.sslMode = mode
            case "sslrootcert":
                guard value.hasPrefix("/") else { throw problem("sslrootcert must be an absolute path") }
                config.sslRootCertificate = value
            case "host":
                // libpq: a host starting with "/" is the folder of a Unix socket.
                if value.hasPrefix("/") { config.socketDirectory = value } else { host = value }
            case "connect_timeout", "application_name":
                continue
            default:
                throw problem("unknown parameter \"\(item.name)\" (known: sslmode, sslrootcert, host)")
            }
        }
        if config.socketDirectory == nil {
            guard let host, !host.isEmpty else { throw problem("needs a host (postgresql://user@HOST/db, or ?host=/socket/folder)") }
            config.host = host
        }
        if config.socketDirectory != nil, config.sslMode != .disable, config.sslMode != .prefer {
            throw problem("sslmode=\(config.sslMode.rawValue) needs TCP; a Unix socket has no TLS")
        }
        return config
    }

    /// `url` with any password replaced by `***`: the only form of a URL that may reach a log line.
    public static func redact(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let schemeEnd = url.range(of: "://"), schemeEnd.upperBound < at else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// What log lines and errors show of this database: user, host or socket, port, name; never a password.
    public var displayName: String {
        let place = socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } ?? "\(host ?? "?"):\(port)"
        return "postgresql://\(user)@\(place)/\(database)"
    }

    /// The password to log in with: the first line of `password_file`, else the environment; nil when none is set.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> String? {
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw ConfigError(file: nil, key: "database.password_file", "\(passwordFile): cannot read the file")
            }
            guard data.count <= 4096, let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: nil, key: "database.password_file", "\(passwordFile): not a password (over 4 KB or not UTF-8)")
            }
            return text.split(separator: "\n", omittingEmptySubsequences: false).first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        for name in Self.passwordVariables {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return nil
    }
}

extension DatabaseConfiguration {
    /// Refuses what parsing alone cannot: a relative password file, an unusable node name.
    public func validate(file: String?) throws(ConfigError) {
        if let passwordFile, !passwordFile.hasPrefix("/") {
            throw ConfigError(file: file, key: "database.password_file", "\(passwordFile): must be an absolute path")
        }
        guard !node.isEmpty, node.count <= 128, !node.contains(where: { $0.isNewline }) else {
            throw ConfigError(file: file, key: "database.node", "\"\(node)\" is not a usable node name (1 to 128 characters, one line)")
        }
    }
}
