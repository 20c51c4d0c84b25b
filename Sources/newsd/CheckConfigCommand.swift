import ArgumentParser
import Daemon
import Foundation

/// `newsd check-config`: validate the configuration and print the effective settings.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check the configuration and print the effective settings; exit 78 when it is wrong.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        do {
            let config = try options.resolve()
            print("config: \(options.configFile ?? "(none: defaults and flags)") is valid")
            for inbox in config.inboxes {
                print("inbox \(inbox.name): \(inbox.path)\(inbox.recursive ? " (recursive)" : "")")
            }
            print("output: \(config.output)")
            print("processed: \(config.processedURL.path) (after = \(config.after.rawValue))")
            print("failed: \(config.failedURL.path)")
            print("workers: \(config.effectiveWorkers)")
            if let database = config.database {
                print("database: \(database.displayName) (sslmode \(database.sslMode.rawValue)), node \(database.node)")
            }
        } catch {
            FileHandle.standardError.write(Data("newsd: configuration error: \(error)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
    }
}
