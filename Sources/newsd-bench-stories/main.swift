import Daemon
import Foundation

// newsd-bench-stories [RECORDS] [ASSIGNMENTS]: milliseconds per story assignment with RECORDS
// records (default 100,000) in the story index. Build with -c release before reading the figure.
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let records = arguments.first ?? 100_000
let assignments = arguments.dropFirst().first ?? 2_000
let figures = StoryBenchmark.run(records: records, assignments: assignments)
print("story assignment: \(figures.recordsInIndex) records in the index, \(figures.assignments) assignments, "
    + "\(String(format: "%.4f", figures.millisecondsPerAssignment)) ms each, \(figures.joined) joined an earlier story")
