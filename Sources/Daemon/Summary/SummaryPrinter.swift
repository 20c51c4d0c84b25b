/// The summary for `newsd summary`: rebuilt from the output folder's files, so it works whether
/// or not the daemon runs.
public enum SummaryPrinter {
    /// The Markdown summary of the last `windowHours` hours in `outputDirectory`.
    public static func markdown(outputDirectory: String, windowHours: Double) -> String {
        let now = SystemCalls.now()
        let window = SummaryReporter.readWindow(outputDirectory: outputDirectory, windowSeconds: windowHours * 3600, now: now)
        var totals = RunTotals()
        totals.articles = window.articleCount
        totals.words = window.words
        totals.quotes = window.quotes
        totals.failures = window.errorCount
        return SummaryReport(window: window, totals: totals, top: 10, now: now, startedAt: now, queueDepth: 0).markdown()
    }
}
