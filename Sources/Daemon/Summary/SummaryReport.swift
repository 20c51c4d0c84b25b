import Extraction
import Foundation

/// One rendering of the summary: the same figures as JSON (for tools), Markdown and HTML (for people).
///
/// It renders a `SummarySnapshot`, whichever gathered it: a node's rolling window or the fleet's
/// database (`FleetSummaryQuery`).
struct SummaryReport {
    let snapshot: SummarySnapshot
    let totals: RunTotals
    let now: Double
    let startedAt: Double
    let queueDepth: Int
    /// What counts as "recent" for the rising lists, in seconds before `now`.
    var risingSeconds: Double = 3600

    init(snapshot: SummarySnapshot, totals: RunTotals, now: Double, startedAt: Double, queueDepth: Int, risingSeconds: Double = 3600) {
        self.snapshot = snapshot
        self.totals = totals
        self.now = now
        self.startedAt = startedAt
        self.queueDepth = queueDepth
        self.risingSeconds = risingSeconds
    }

    /// The report of a node's rolling window at `now`, `top` lines per list.
    init(window: SummaryWindow, totals: RunTotals, top: Int, now: Double, startedAt: Double, queueDepth: Int, risingSeconds: Double = 3600) {
        self.init(snapshot: SummarySnapshot(window: window, top: top, now: now, risingSeconds: risingSeconds), totals: totals, now: now,
                  startedAt: startedAt, queueDepth: queueDepth, risingSeconds: risingSeconds)
    }

    /// A key rises when its share of the recent articles is at least this many times its share
    /// of the rest of the window…
    static let risingRatio = 2.0
    /// …and at least this many recent articles name it.
    static let risingMinimum = 3
    /// Stories shown.
    static let storyCount = 10

    var hours: Double { snapshot.windowSeconds / 3600 }

    /// Articles per minute over the last 10 minutes of the window.
    var recentRate: Double {
        Double(snapshot.articlesLastTenMinutes) / 10
    }

    /// The lists in the order the Markdown and HTML show them, with their headings.
    static let sections: [(SummaryWindow.Category, String)] = [
        (.people, "People"), (.organizations, "Organisations"), (.places, "Places"),
        (.speakers, "Most quoted"), (.keywords, "Keywords"),
    ]

    /// Whether a category's lists show tone.
    static func showsTone(_ category: SummaryWindow.Category) -> Bool {
        category == .people || category == .organizations
    }

    /// The top stories, biggest first.
    var stories: [SummaryWindow.StoryLine] { snapshot.stories }

    /// The top list of `category`.
    func top(_ category: SummaryWindow.Category) -> [SummaryWindow.Item] { snapshot.top[category] ?? [] }

    /// What is rising in `category`.
    func rising(_ category: SummaryWindow.Category) -> [SummarySnapshot.Rise] { snapshot.rising[category] ?? [] }

    func json() -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("schema", "newsd.summary/1")
            w.field("generated_at", Timestamp.rfc3339(now))
            w.field("window_hours", hours)
            // Only in the fleet's summary: how many nodes recorded the window's articles.
            if let nodes = snapshot.nodes { w.field("nodes", nodes) }
            w.key("window")
            w.object { w in
                w.field("articles", snapshot.articles)
                w.field("words", snapshot.words)
                w.field("quotes", snapshot.quotes)
                w.field("failures", snapshot.errors)
            }
            w.key("since_start")
            w.object { w in
                w.field("started_at", Timestamp.rfc3339(startedAt))
                w.field("articles", totals.articles)
                w.field("words", totals.words)
                w.field("quotes", totals.quotes)
                w.field("failures", totals.failures)
                w.field("duplicates", totals.duplicates)
                w.key("failures_by_reason")
                w.object { w in
                    for (reason, n) in totals.failuresByReason.sorted(by: { $0.key < $1.key }) { w.field(reason, n) }
                }
            }
            w.key("stories")
            w.array { w in for story in stories { write(story, to: &w) } }
            w.key("top")
            w.object { w in
                for category in SummaryWindow.Category.allCases {
                    w.key(category.rawValue)
                    w.array { w in
                        for item in top(category) { write(item, category, to: &w) }
                    }
                }
            }
            w.key("rising")
            w.object { w in
                w.field("since", Timestamp.rfc3339(now - risingSeconds))
                for category in SummaryWindow.Category.allCases where category != .speakers {
                    w.key(category.rawValue)
                    w.array { w in
                        for rise in rising(category) {
                            w.object { w in
                                w.field("key", rise.item.key)
                                w.field("name", rise.item.name)
                                w.field("articles", rise.item.articles)
                                w.field("recent_share", (rise.recentShare * 10_000).rounded() / 10_000)
                                w.field("earlier_share", (rise.earlierShare * 10_000).rounded() / 10_000)
                            }
                        }
                    }
                }
            }
            w.key("latest")
            w.array { w in
                for e in snapshot.latest.prefix(10) {
                    w.object { w in
                        w.field("at", Timestamp.rfc3339(e.at))
                        w.field("id", e.id)
                        w.field("title", e.title)
                        w.field("inbox", e.inbox)
                        w.field("published", e.published)
                        w.field("source", e.source)
                        w.field("story", e.story)
                    }
                }
            }
            w.key("recent_errors")
            w.array { w in
                for e in snapshot.latestErrors.prefix(10) {
                    w.object { w in
                        w.field("at", Timestamp.rfc3339(e.at))
                        w.field("path", e.path)
                        w.field("reason", e.reason)
                        w.field("detail", e.detail)
                    }
                }
            }
            w.key("throughput")
            w.object { w in
                w.field("articles_per_minute_last_10m", recentRate)
                w.field("articles_per_hour_window", Double(snapshot.articles) / max(hours, 1e-9))
            }
            w.key("latency_ms")
            w.object { w in
                w.field("p50", snapshot.latency.p50)
                w.field("p95", snapshot.latency.p95)
                w.field("p99", snapshot.latency.p99)
            }
            w.field("queue_depth", queueDepth)
        }
        var bytes = w.bytes
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private func write(_ item: SummaryWindow.Item, _ category: SummaryWindow.Category, to w: inout JSONWriter) {
        w.object { w in
            w.field("key", item.key)
            w.field("name", item.name)
            w.field("articles", item.articles)
            if Self.showsTone(category) { w.field("tone", (item.tone * 100).rounded() / 100) }
            if category == .places {
                w.field("geonames_id", item.place?.geonamesID)
                w.field("kind", item.place?.kind)
                w.field("country", item.place?.country)
            }
        }
    }

    private func write(_ story: SummaryWindow.StoryLine, to w: inout JSONWriter) {
        w.object { w in
            w.field("id", story.id)
            w.field("headline", story.headline)
            w.field("articles", story.articles)
            w.field("sources", story.sources)
            w.field("first_seen", Timestamp.rfc3339(story.first))
            w.field("last_seen", Timestamp.rfc3339(story.last))
            w.field("people", strings: story.people)
            w.field("places", strings: story.places)
        }
    }

    func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// A tone as people read it: `+1.2`, `-0.4`.
    func formatTone(_ x: Double) -> String {
        (x >= 0 ? "+" : "") + String(format: "%.1f", x)
    }

    /// When an article was published if it says, else when it was recorded.
    func when(_ e: SummarySnapshot.Headline) -> String {
        e.published ?? Timestamp.rfc3339(e.at, fractional: false)
    }
}

/// Escapes text from articles so that it cannot inject Markdown or HTML into the summary.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text.unicodeScalars {
            switch c {
            case "\n", "\r", "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if c.value < 0x20 || c.value == 0x7F { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
