import Daemon
import Foundation

// newsd-bench-stories [RECORDS] [ASSIGNMENTS] [SKEW]: milliseconds per story assignment with
// RECORDS records (default 100,000) in the story index; SKEW (default 3) is how strongly articles
// share names (see StoryBenchmark). Build with -c release before reading the figure.
let arguments = CommandLine.arguments.dropFirst().compactMap { Double($0) }
let records = arguments.first.map { Int($0) } ?? 100_000
let assignments = arguments.dropFirst().first.map { Int($0) } ?? 2_000
let skew = arguments.dropFirst(2).first ?? 3
let figures = StoryBenchmark.run(records: records, assignments: assignments, skew: skew)
print("story assignment (skew \(skew)): \(figures.recordsInIndex) records in the index, \(figures.assignments) assignments, "
    + "\(String(format: "%.4f", figures.millisecondsPerAssignment)) ms each, \(figures.joined) joined an earlier story")
