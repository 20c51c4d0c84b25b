import ArgumentParser
import Daemon

/// `newsd`: watch inbox folders and turn news articles into structured records.
@main
struct Newsd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsd",
        abstract: "Watch inbox folders and turn news articles into structured JSON Lines records.",
        discussion: """
            Drop .txt, .md, .html or .json articles into an inbox; each becomes one line of \
            records.jsonl in the output folder, with a rolling summary (summary.md, summary.json) beside it.
            """,
        version: NewsdVersion.string,
        subcommands: [RunCommand.self, ExtractCommand.self, SummaryCommand.self, CheckConfigCommand.self, MigrateDatabaseCommand.self],
        defaultSubcommand: nil
    )
}

/// The version printed by `--version`.
enum NewsdVersion {
    static let string = "0.1.0"
}
