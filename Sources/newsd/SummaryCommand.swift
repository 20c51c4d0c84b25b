import ArgumentParser
import Daemon
import Foundation

/// `newsd summary`: the rolling summary as Markdown, JSON or HTML, from the output folder's files.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the summary of the last 24 hours (Markdown, JSON or HTML), read from the output folder.")

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var output: String = "/var/lib/newsd"

    @Option(name: .long, help: "The window, in hours.")
    var hours: Double = 24

    @Option(name: .long, help: "The end of the window compared with the rest for the rising lists, in hours.")
    var risingHours: Double = 1

    @Option(name: .long, help: "md, json or html.")
    var format: SummaryFormat = .md

    func run() throws {
        let dir = ConfigOptions.absolute(output)
        guard FileManager.default.fileExists(atPath: dir) else {
            throw ValidationError("no output folder at \(dir)")
        }
        print(SummaryPrinter.render(outputDirectory: dir, windowHours: hours, format: format, risingHours: risingHours), terminator: "")
    }
}

extension SummaryFormat: ExpressibleByArgument {}
