/// The forms `newsd summary` prints.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case md, json, html
}

/// The summary for `newsd summary`: rebuilt from the output folder's files, so it works whether
/// or not the daemon runs.
public enum SummaryPrinter {
    /// The summary of the last `windowHours` hours in `outputDirectory`, in `format`.
    public static func render(outputDirectory: String, windowHours: Double, format: SummaryFormat = .md,
                              risingHours: Double = 1) -> String {
        let now = SystemCalls.now()
        let window = SummaryReporter.readWindow(outputDirectory: outputDirectory, windowSeconds: windowHours * 3600, now: now)
        var totals = RunTotals()
        totals.articles = window.articleCount
        totals.words = window.words
        totals.quotes = window.quotes
        totals.failures = window.errorCount
        let report = SummaryReport(window: window, totals: totals, top: 10, now: now, startedAt: now, queueDepth: 0,
                                   risingSeconds: risingHours * 3600)
        switch format {
        case .md: return report.markdown()
        case .json: return String(decoding: report.json(), as: UTF8.self)
        case .html: return report.html()
        }
    }

    /// The Markdown summary of the last `windowHours` hours in `outputDirectory`.
    public static func markdown(outputDirectory: String, windowHours: Double) -> String {
        render(outputDirectory: outputDirectory, windowHours: windowHours)
    }
}
