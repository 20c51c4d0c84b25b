import ArgumentParser
import Daemon
import Foundation
import Logging

/// `newsd migrate-database`: create or migrate the fleet's tables, then exit.
struct MigrateDatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-database",
        abstract: "Create or migrate the fleet's tables in the [database] (or --database) PostgreSQL database, then exit.",
        discussion: """
            Nodes migrate at start when their role may create tables. With the least-privilege roles of \
            etc/newsd-database-role.sql, run this once with the owner role (and after an upgrade) instead.
            """)

    @Option(name: .long, help: ArgumentHelp("The config file whose [database] is used.", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The database URL (postgresql://user@host:5432/db?sslmode=…); the password comes from password_file or NEWSD_DATABASE_PASSWORD.", valueName: "URL"))
    var database: String?

    func run() async throws {
        var resolved: DatabaseConfiguration
        do {
            var fromFile: DatabaseConfiguration?
            if let config { fromFile = try ConfigLoader.load(path: config).database }
            if let database {
                resolved = try DatabaseConfiguration.parse(url: database)
                if let fromFile {
                    resolved.passwordFile = fromFile.passwordFile
                    resolved.node = fromFile.node
                }
            } else if let fromFile {
                resolved = fromFile
            } else {
                throw ConfigError(file: config, key: "database", "no database: give --database URL or a config file with [database]")
            }
            try resolved.validate(file: config)
        } catch {
            FileHandle.standardError.write(Data("newsd: configuration error: \(error)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
        do {
            let (before, after) = try await FleetMigration.run(resolved, logger: Logger(label: "newsd"))
            print(before == after ? "schema of \(resolved.displayName) is at version \(after)"
                  : "schema of \(resolved.displayName) migrated from version \(before) to \(after)")
        } catch {
            FileHandle.standardError.write(Data("newsd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
