/// What one summary shows, gathered once: the window's counts, its top and rising lists, its
/// stories, the latest headlines and errors, articles per hour, latency.
///
/// Gathering and rendering are apart so that one renderer (`SummaryReport`: JSON, Markdown, HTML)
/// serves both sources of a summary: a node's own rolling window (`init(window:…)`) and the fleet's
/// database (`FleetSummaryQuery`), which computes the same figures in SQL.
struct SummarySnapshot: Sendable {
    /// One line of a rising list: the key's recent articles, and its share of the recent articles
    /// against its share of the rest of the window.
    struct Rise: Sendable, Equatable {
        var item: SummaryWindow.Item
        var recentShare: Double
        var earlierShare: Double
    }

    /// One of the latest headlines.
    struct Headline: Sendable, Equatable {
        var at: Double
        var id: String
        var title: String?
        var inbox: String
        var source: String
        var published: String?
        var story: String?
    }

    /// Drop-to-record latency percentiles (ms); nil without measurements.
    struct Latency: Sendable, Equatable {
        var p50: Double?
        var p95: Double?
        var p99: Double?
    }

    /// Headlines and errors a snapshot keeps (the HTML page shows the most).
    static let latestCount = 15

    var windowSeconds: Double
    var articles = 0
    var words = 0
    var quotes = 0
    var errors = 0
    /// Top lists by category, biggest first.
    var top: [SummaryWindow.Category: [SummaryWindow.Item]] = [:]
    /// Rising lists by category (never speakers), strongest first.
    var rising: [SummaryWindow.Category: [Rise]] = [:]
    var stories: [SummaryWindow.StoryLine] = []
    /// Newest first, at most `latestCount`.
    var latest: [Headline] = []
    /// Newest first, at most `latestCount`.
    var latestErrors: [SummaryError] = []
    /// Articles per hour over the window, oldest first.
    var articlesPerHour: [Int] = []
    /// Articles recorded in the ten minutes before the snapshot.
    var articlesLastTenMinutes = 0
    var latency = Latency()
    /// Nodes that recorded the window's articles; nil for one node's own window.
    var nodes: Int?

    init(windowSeconds: Double) {
        self.windowSeconds = windowSeconds
    }

    /// Hours the articles-per-hour timeline covers for a window.
    static func timelineHours(windowSeconds: Double) -> Int {
        max(1, Int((windowSeconds / 3600).rounded(.up)))
    }
}

extension SummarySnapshot {
    /// The snapshot of a node's rolling window at `now`: `top` lines per list, rising over the
    /// last `risingSeconds`.
    init(window: SummaryWindow, top: Int, now: Double, risingSeconds: Double) {
        self.init(windowSeconds: window.windowSeconds)
        articles = window.articleCount
        words = window.words
        quotes = window.quotes
        errors = window.errorCount
        for category in SummaryWindow.Category.allCases {
            self.top[category] = window.top(category, top)
            guard category != .speakers else { continue }
            rising[category] = window.rising(category, since: now - risingSeconds, ratio: SummaryReport.risingRatio,
                                             minimumArticles: SummaryReport.risingMinimum, top)
                .map { Rise(item: $0.item, recentShare: $0.recentShare, earlierShare: $0.earlierShare) }
        }
        stories = window.topStories(SummaryReport.storyCount)
        latest = window.latest.suffix(Self.latestCount).reversed().map {
            Headline(at: $0.at, id: $0.id, title: $0.title, inbox: $0.inbox, source: $0.source, published: $0.published, story: $0.story)
        }
        latestErrors = window.latestErrors.suffix(Self.latestCount).reversed()
        articlesPerHour = window.articlesPerHour(now: now, hours: Self.timelineHours(windowSeconds: window.windowSeconds))
        articlesLastTenMinutes = window.articles(since: now - 600)
        latency = Latency(p50: window.latencyPercentile(50), p95: window.latencyPercentile(95), p99: window.latencyPercentile(99))
    }
}
