import ArgumentParser
import Daemon
import Foundation

/// `newsd summary`: the rolling summary as Markdown, from the output folder's files.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the summary of the last 24 hours as Markdown, read from the output folder.")

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var output: String = "/var/lib/newsd"

    @Option(name: .long, help: "The window, in hours.")
    var hours: Double = 24

    func run() throws {
        let dir = ConfigOptions.absolute(output)
        guard FileManager.default.fileExists(atPath: dir) else {
            throw ValidationError("no output folder at \(dir)")
        }
        print(SummaryPrinter.markdown(outputDirectory: dir, windowHours: hours), terminator: "")
    }
}
