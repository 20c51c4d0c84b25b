import Foundation

/// `summary.html`: one self-contained page (no external assets, no JavaScript) with the window's
/// top lists as inline SVG bar charts, articles per hour, the latest headlines and recent errors.
/// Every string that comes from an article or a file name is HTML-escaped.
extension SummaryReport {
    func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="30">
            <title>newsd: the last \(HTML.escape(formatNumber(window.windowSeconds / 3600))) hours</title>
            <style>
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d232a;background:#fafafa}
            h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ddd}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 2rem}
            .cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
            .card b{display:block;font-size:1.5rem}.muted{color:#6b7280} table{border-collapse:collapse;width:100%}
            td{padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top} .reason{font-weight:600;color:#b42318}
            svg{max-width:100%;height:auto} svg text{font:12px system-ui,sans-serif}
            </style></head><body>
            <h1>newsd: the last \(HTML.escape(formatNumber(window.windowSeconds / 3600))) hours</h1>
            <p class="muted">Generated \(Timestamp.rfc3339(now, fractional: false)); queue depth \(queueDepth); latency p50 \(latency(50)), p95 \(latency(95)), p99 \(latency(99)).</p>
            <div class="cards">
            """
        for (label, value) in [("articles", window.articleCount), ("words", window.words), ("quotes", window.quotes),
                               ("failures", window.errorCount), ("duplicates since start", totals.duplicates)] {
            page += "<div class=\"card\"><b>\(value)</b>\(label)</div>"
        }
        page += "</div>\n<h2>Articles per hour</h2>\n" + timeline()
        page += "<div class=\"grid\">"
        let charts: [(SummaryWindow.Category, String, String)] = [
            (.people, "People", "#2563eb"), (.organizations, "Organisations", "#7c3aed"),
            (.places, "Places", "#059669"), (.speakers, "Most quoted", "#d97706"),
        ]
        for (category, title, colour) in charts {
            page += "<section><h2>\(title)</h2>\(barChart(window.top(category, top), colour: colour))</section>"
        }
        page += "</div>\n<h2>Latest headlines</h2>\n<table>"
        for e in window.latest.suffix(15).reversed() {
            page += "<tr><td class=\"muted\">\(Timestamp.rfc3339(e.at, fractional: false))</td><td>\(HTML.escape(e.title ?? "(untitled)"))</td><td class=\"muted\">\(HTML.escape(e.inbox))</td></tr>"
        }
        page += "</table>\n<h2>Recent errors</h2>\n<table>"
        for e in window.latestErrors.suffix(10).reversed() {
            page += "<tr><td class=\"muted\">\(Timestamp.rfc3339(e.at, fractional: false))</td><td class=\"reason\">\(HTML.escape(e.reason))</td><td>\(HTML.escape(e.path))<br><span class=\"muted\">\(HTML.escape(e.detail))</span></td></tr>"
        }
        if window.errorCount == 0 { page += "<tr><td class=\"muted\">none</td></tr>" }
        page += "</table>\n</body></html>\n"
        return page
    }

    private func latency(_ p: Double) -> String {
        window.latencyPercentile(p).map { formatNumber($0) + " ms" } ?? "n/a"
    }

    private func formatNumber(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// A horizontal bar chart: one bar per name, length by article count.
    private func barChart(_ items: [(name: String, articles: Int)], colour: String) -> String {
        guard let maxCount = items.map(\.articles).max(), maxCount > 0 else { return "<p class=\"muted\">none yet</p>" }
        let rowHeight = 22, labelWidth = 170, barWidth = 230
        var svg = "<svg role=\"img\" width=\"\(labelWidth + barWidth + 40)\" height=\(quoted(String(items.count * rowHeight))) xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, item) in items.enumerated() {
            let y = i * rowHeight
            let width = max(2, item.articles * barWidth / maxCount)
            let label = item.name.count > 26 ? String(item.name.prefix(25)) + "…" : item.name
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"14\" rx=\"2\" fill=\"\(colour)\"><title>\(HTML.escape(item.name)): \(item.articles)</title></rect>"
            svg += "<text x=\"\(labelWidth + width + 5)\" y=\"\(y + 15)\">\(item.articles)</text>"
        }
        return svg + "</svg>"
    }

    /// Articles per hour over the window, oldest left.
    private func timeline() -> String {
        let hours = max(1, Int((window.windowSeconds / 3600).rounded(.up)))
        let counts = window.articlesPerHour(now: now, hours: hours)
        let maxCount = max(1, counts.max() ?? 1)
        let width = 960, height = 120, barWidth = max(2, width / hours - 2)
        var svg = "<svg role=\"img\" width=\"\(width)\" height=\"\(height + 20)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, n) in counts.enumerated() {
            let h = n * height / maxCount
            let x = i * (width / hours)
            svg += "<rect x=\"\(x)\" y=\"\(height - h)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"#2563eb\"><title>\(hours - i) h ago: \(n)</title></rect>"
        }
        svg += "<text x=\"0\" y=\"\(height + 15)\">\(hours) h ago</text><text x=\"\(width)\" y=\"\(height + 15)\" text-anchor=\"end\">now (max \(maxCount)/h)</text>"
        return svg + "</svg>\n"
    }

    private func quoted(_ s: String) -> String { "\"\(s)\"" }
}

/// Escapes text for HTML element content and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c.value < 0x20 && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
