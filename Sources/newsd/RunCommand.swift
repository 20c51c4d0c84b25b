import ArgumentParser
import Daemon
import Extraction
import ExtractionData
import Foundation
import Logging

/// `newsd run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inboxes and write records until stopped (SIGTERM/SIGINT; SIGHUP reopens files and reloads).")

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Drain the inboxes' backlog, then exit.")
    var once = false

    @Option(name: .long, help: "Log format: text (journald-aware) or json.")
    var logFormat: String = "text"

    func run() async throws {
        let config: DaemonConfig
        do {
            config = try options.resolve()
        } catch {
            FileHandle.standardError.write(Data("newsd: configuration error: \(error)\n".utf8))
            throw ExitCode(ConfigError.exitCode)
        }
        guard let format = ConsoleLogHandler.Format(rawValue: logFormat) else {
            throw ValidationError("--log-format must be text or json")
        }
        let level = SharedLogLevel(Logger.Level(rawValue: config.logLevel) ?? .info)
        LoggingSystem.bootstrap { label in
            ConsoleLogHandler(label: label, format: format, level: level)
        }
        let logger = Logger(label: "newsd")
        let resources: ExtractorResources
        do {
            resources = try BundledResources.load()
        } catch {
            logger.critical("cannot load the extraction data: \(error)")
            throw ExitCode(70)
        }
        let daemon = NewsDaemon(config: config, configFile: options.configFile, extractor: ArticleExtractor(resources: resources),
                                logger: logger, logLevel: level, once: once, reload: { [options] in try options.resolve() })
        let status: Int32
        do {
            status = try await daemon.run()
        } catch let error as FolderInUse {
            logger.critical("newsd cannot run: \(error)")
            throw ExitCode(FolderInUse.exitCode)
        } catch {
            logger.critical("newsd cannot run: \(error)")
            throw ExitCode(1)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
