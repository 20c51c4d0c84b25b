import ArgumentParser
import Daemon
import Foundation

/// `newsd summary`: the rolling summary as Markdown, JSON or HTML, from the output folder's files
/// or, with `--database`, the fleet's.
struct SummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the summary of the last 24 hours (Markdown, JSON or HTML), read from the output folder or the fleet's database.",
        discussion: """
            With --database (or --config naming a file with [database]) the summary is the whole fleet's, \
            computed in the PostgreSQL database the nodes ship to; the password comes from [database] \
            password_file or NEWSD_DATABASE_PASSWORD, never from the command line.
            """)

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var output: String = "/var/lib/newsd"

    @Option(name: .long, help: ArgumentHelp("Summarise the fleet's PostgreSQL database (postgresql://user@host:5432/db?sslmode=…) instead of the output folder.", valueName: "URL"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("A config file whose [database] is summarised (its password_file is used with --database too).", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: "The window, in hours.")
    var hours: Double = 24

    @Option(name: .long, help: "The end of the window compared with the rest for the rising lists, in hours.")
    var risingHours: Double = 1

    @Option(name: .long, help: "md, json or html.")
    var format: SummaryFormat = .md

    func validate() throws {
        guard hours > 0, hours <= 8760 else { throw ValidationError("--hours must be above 0 and at most 8760") }
        guard risingHours > 0, risingHours <= 8760 else { throw ValidationError("--rising-hours must be above 0 and at most 8760") }
    }

    func run() async throws {
        guard database != nil || config != nil else {
            let dir = ConfigOptions.absolute(output)
            guard FileManager.default.fileExists(atPath: dir) else {
                throw ValidationError("no output folder at \(dir)")
            }
            print(SummaryPrinter.render(outputDirectory: dir, windowHours: hours, format: format, risingHours: risingHours), terminator: "")
            return
        }
        let resolved: DatabaseConfiguration
        do {
            resolved = try fleetDatabase()
        } catch {
            FileHandle.standardError.write(Data("newsd: configuration error: \(error)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
        do {
            print(try await FleetSummary.render(database: resolved, windowHours: hours, format: format, risingHours: risingHours),
                  terminator: "")
        } catch {
            FileHandle.standardError.write(Data("newsd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// `--database` over the config file's `[database]` (whose password file and node it keeps).
    private func fleetDatabase() throws -> DatabaseConfiguration {
        let fromFile = try config.flatMap { try ConfigLoader.load(path: $0).database }
        var resolved: DatabaseConfiguration
        if let database {
            resolved = try DatabaseConfiguration.parse(url: database)
            resolved.passwordFile = fromFile?.passwordFile
        } else if let fromFile {
            resolved = fromFile
        } else {
            throw ConfigError(file: config, key: "database", "no database: give --database URL or a config file with [database]")
        }
        try resolved.validate(file: config)
        return resolved
    }
}

extension SummaryFormat: ExpressibleByArgument {}
