import ArgumentParser
import Daemon
import Foundation

/// The config-related options shared by `run` and `check-config`, and how they combine:
/// the file (if any) first, flags on top.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file.", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("An inbox folder, as DIR or NAME=DIR; repeat for several. Replaces the file's inboxes.", valueName: "DIR"))
    var inbox: [String] = []

    @Option(name: .long, help: ArgumentHelp("The output folder (records.jsonl, errors.jsonl, summaries).", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Worker threads (default: one per CPU).", valueName: "N"))
    var workers: Int?

    @Option(name: .long, help: ArgumentHelp("Ship records to this PostgreSQL database (postgresql://user@host:5432/db?sslmode=…); the password comes from [database] password_file or NEWSD_DATABASE_PASSWORD, never from here.", valueName: "URL"))
    var database: String?

    static let defaultConfigFile = "/etc/newsd/newsd.toml"

    /// The file the config comes from: `--config`, else the default file when it exists and no
    /// `--inbox` is given (so `run --inbox … --output …` works without any file).
    var configFile: String? {
        if let config { return config }
        if inbox.isEmpty, FileManager.default.fileExists(atPath: Self.defaultConfigFile) { return Self.defaultConfigFile }
        return nil
    }

    /// The effective, validated config.
    func resolve() throws(ConfigError) -> DaemonConfig {
        let file = configFile
        var config = DaemonConfig()
        if let file { config = try ConfigLoader.load(path: file) }
        if !inbox.isEmpty {
            config.inboxes = inbox.map { spec in
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                let path = Self.absolute(parts.count == 2 ? parts[1] : spec)
                let name = parts.count == 2 ? parts[0] : URL(fileURLWithPath: path).lastPathComponent
                return DaemonConfig.Inbox(name: name, path: path)
            }
        }
        if let output { config.output = Self.absolute(output) }
        if let workers {
            guard workers >= 0 else { throw ConfigError(file: nil, key: "--workers", "must be 0 or more") }
            config.workers = workers
        }
        if let database {
            var parsed = try DatabaseConfiguration.parse(url: database)
            if let fromFile = config.database {
                parsed.passwordFile = fromFile.passwordFile
                parsed.node = fromFile.node
                parsed.batchLines = fromFile.batchLines
            }
            config.database = parsed
        }
        try config.validate(file: file)
        return config
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
