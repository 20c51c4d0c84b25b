import Extraction
import Foundation

/// One rendering of the summary: the same figures as JSON (for tools) and Markdown (for people).
struct SummaryReport {
    let window: SummaryWindow
    let totals: RunTotals
    let top: Int
    let now: Double
    let startedAt: Double
    let queueDepth: Int

    private var hours: Double { window.windowSeconds / 3600 }

    /// Articles per minute over the last 10 minutes of the window.
    private var recentRate: Double {
        Double(window.articles(since: now - 600)) / 10
    }

    func json() -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("schema", "newsd.summary/1")
            w.field("generated_at", Timestamp.rfc3339(now))
            w.field("window_hours", hours)
            w.key("window")
            w.object { w in
                w.field("articles", window.articleCount)
                w.field("words", window.words)
                w.field("quotes", window.quotes)
                w.field("failures", window.errorCount)
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
            w.key("top")
            w.object { w in
                for category in SummaryWindow.Category.allCases {
                    w.key(category.rawValue)
                    w.array { w in
                        for (name, n) in window.top(category, top) {
                            w.object { w in
                                w.field("name", name)
                                w.field("articles", n)
                            }
                        }
                    }
                }
            }
            w.key("latest")
            w.array { w in
                for e in window.latest.suffix(10).reversed() {
                    w.object { w in
                        w.field("at", Timestamp.rfc3339(e.at))
                        w.field("id", e.id)
                        w.field("title", e.title)
                        w.field("inbox", e.inbox)
                    }
                }
            }
            w.key("recent_errors")
            w.array { w in
                for e in window.latestErrors.suffix(10).reversed() {
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
                w.field("articles_per_hour_window", Double(window.articleCount) / max(hours, 1e-9))
            }
            w.key("latency_ms")
            w.object { w in
                w.field("p50", window.latencyPercentile(50))
                w.field("p95", window.latencyPercentile(95))
                w.field("p99", window.latencyPercentile(99))
            }
            w.field("queue_depth", queueDepth)
        }
        var bytes = w.bytes
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    func markdown() -> String {
        var md = "# newsd: the last \(format(hours)) hours\n\n"
        md += "_Generated \(Timestamp.rfc3339(now, fractional: false))._\n\n"
        md += "| | in the window | since start |\n|---|---:|---:|\n"
        md += "| articles | \(window.articleCount) | \(totals.articles) |\n"
        md += "| words | \(window.words) | \(totals.words) |\n"
        md += "| quotes | \(window.quotes) | \(totals.quotes) |\n"
        md += "| failures | \(window.errorCount) | \(totals.failures) |\n"
        md += "| duplicates | | \(totals.duplicates) |\n\n"
        let titles: [(SummaryWindow.Category, String)] = [
            (.people, "People"), (.organizations, "Organisations"), (.places, "Places"),
            (.speakers, "Most quoted"), (.keywords, "Keywords"),
        ]
        for (category, title) in titles {
            let list = window.top(category, top)
            md += "## \(title)\n\n"
            if list.isEmpty {
                md += "_none yet_\n\n"
                continue
            }
            for (i, item) in list.enumerated() {
                md += "\(i + 1). \(Markdown.escape(item.name)) — \(item.articles) article\(item.articles == 1 ? "" : "s")\n"
            }
            md += "\n"
        }
        md += "## Latest headlines\n\n"
        let latest = window.latest.suffix(10).reversed()
        if latest.isEmpty { md += "_none yet_\n" }
        for e in latest {
            md += "- \(Timestamp.rfc3339(e.at, fractional: false)) \(Markdown.escape(e.title ?? "(untitled)")) (`\(e.id.prefix(12))`)\n"
        }
        md += "\n## Recent errors\n\n"
        let errors = window.latestErrors.suffix(10).reversed()
        if errors.isEmpty { md += "_none_\n" }
        for e in errors {
            md += "- \(Timestamp.rfc3339(e.at, fractional: false)) **\(e.reason)** \(Markdown.escape(e.path)): \(Markdown.escape(e.detail))\n"
        }
        md += "\n## Pipeline\n\n"
        md += "- throughput: \(format(recentRate)) articles/minute over the last 10 minutes\n"
        let p = [50.0, 95, 99].map { window.latencyPercentile($0).map { format($0) + " ms" } ?? "n/a" }
        md += "- drop-to-record latency: p50 \(p[0]), p95 \(p[1]), p99 \(p[2])\n"
        md += "- queue depth: \(queueDepth)\n"
        return md
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
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
