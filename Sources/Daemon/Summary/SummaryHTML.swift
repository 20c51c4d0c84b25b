import Foundation

/// `summary.html`: one self-contained page (no external assets, no JavaScript): the top stories,
/// what is rising, the window's top lists as bars, articles per hour, the latest headlines and
/// recent errors. Every string that comes from an article or a file name is HTML-escaped.
///
/// Bars are HTML boxes whose count sits in a column of its own, sized to its text, so no width
/// of window can cut a number off; only names are shortened (with an ellipsis, in full on hover).
extension SummaryReport {
    func html() -> String {
        let title = "newsd: the last \(HTML.escape(format(hours))) hours"
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="30">
            <title>\(title)</title>
            <style>
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d232a;background:#fafafa;overflow-wrap:anywhere}
            h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #ddd}
            h3{font-size:.95rem;margin:.8rem 0 .3rem}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:.5rem 2rem}
            .cards{display:flex;flex-wrap:wrap;gap:.6rem}.card{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.5rem .9rem}
            .card b{display:block;font-size:1.4rem}.muted{color:#6b7280}
            .row{display:grid;grid-template-columns:minmax(4rem,10rem) minmax(2rem,1fr) max-content;gap:.5rem;align-items:center;margin:.15rem 0}
            .row.toned{grid-template-columns:minmax(4rem,10rem) minmax(2rem,1fr) max-content max-content}
            .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:right}
            .track{background:#eef0f3;border-radius:2px;height:.9rem}.track i{display:block;height:100%;border-radius:2px;min-width:2px}
            .n{font-variant-numeric:tabular-nums;white-space:nowrap;text-align:right;min-width:2.5ch}
            .tone{font-variant-numeric:tabular-nums;white-space:nowrap;font-size:.85em;color:#6b7280}
            ol.stories{padding-left:1.4rem}ol.stories li{margin:.45rem 0}ol.stories .muted{font-size:.9em}
            table{border-collapse:collapse;width:100%}
            td{padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}td.when,td.src{white-space:nowrap}
            @media (max-width:40rem){td.when{white-space:normal;font-size:.8em;min-width:6.5rem}}
            .reason{font-weight:600;color:#b42318}
            .axis{display:flex;justify-content:space-between;font-size:.85em}
            ul.rising{margin:.2rem 0;padding-left:1.2rem}
            </style></head><body>
            <h1>\(title)</h1>
            <p class="muted">Generated \(Timestamp.rfc3339(now, fractional: false)); queue depth \(queueDepth); latency p50 \(latency(snapshot.latency.p50)), p95 \(latency(snapshot.latency.p95)), p99 \(latency(snapshot.latency.p99)).</p>
            <div class="cards">
            """
        for (label, value) in [("articles", snapshot.articles), ("words", snapshot.words), ("quotes", snapshot.quotes),
                               ("failures", snapshot.errors), ("duplicates since start", totals.duplicates)] {
            page += "<div class=\"card\"><b>\(value)</b>\(label)</div>"
        }
        page += "</div>\n" + storiesSection() + risingSection()
        page += "<h2>Articles per hour</h2>\n" + timeline()
        page += "<div class=\"grid\">"
        let colours: [SummaryWindow.Category: String] = [.people: "#2563eb", .organizations: "#7c3aed", .places: "#059669",
                                                         .speakers: "#d97706", .keywords: "#0891b2"]
        for (category, heading) in Self.sections {
            page += "<section><h2>\(heading)</h2>\(bars(top(category), toned: Self.showsTone(category), colour: colours[category] ?? "#2563eb"))</section>"
        }
        page += "</div>\n<h2>Latest headlines</h2>\n<table>"
        for e in snapshot.latest.prefix(15) {
            page += "<tr><td class=\"muted when\">\(HTML.escape(when(e)))</td><td>\(HTML.escape(e.title ?? "(untitled)"))</td><td class=\"muted src\">\(HTML.escape(e.source))</td></tr>"
        }
        if snapshot.latest.isEmpty { page += "<tr><td class=\"muted\">none yet</td></tr>" }
        page += "</table>\n<h2>Recent errors</h2>\n<table>"
        for e in snapshot.latestErrors.prefix(10) {
            page += "<tr><td class=\"muted when\">\(Timestamp.rfc3339(e.at, fractional: false))</td><td class=\"reason\">\(HTML.escape(e.reason))</td><td>\(HTML.escape(e.path))<br><span class=\"muted\">\(HTML.escape(e.detail))</span></td></tr>"
        }
        if snapshot.errors == 0 { page += "<tr><td class=\"muted\">none</td></tr>" }
        page += "</table>\n</body></html>\n"
        return page
    }

    private func storiesSection() -> String {
        var html = "<h2>Top stories</h2>\n"
        guard !stories.isEmpty else { return html + "<p class=\"muted\">none yet</p>\n" }
        html += "<ol class=\"stories\">"
        for s in stories {
            let lead = (s.people + s.places).map(HTML.escape).joined(separator: ", ")
            html += "<li><b>\(HTML.escape(s.headline ?? "(untitled)"))</b><br><span class=\"muted\">\(s.articles) article\(s.articles == 1 ? "" : "s") · "
            html += "\(s.sources) source\(s.sources == 1 ? "" : "s") · \(Timestamp.rfc3339(s.first, fractional: false)) – \(Timestamp.rfc3339(s.last, fractional: false))"
            html += lead.isEmpty ? "</span></li>" : " · \(lead)</span></li>"
        }
        return html + "</ol>\n"
    }

    private func risingSection() -> String {
        var html = "<h2>Rising in the last \(HTML.escape(format(risingSeconds / 3600))) h</h2>\n<div class=\"grid\">"
        var any = false
        for (category, heading) in Self.sections where category != .speakers {
            let list = rising(category)
            guard !list.isEmpty else { continue }
            any = true
            html += "<section><h3>\(heading)</h3><ul class=\"rising\">"
            for r in list {
                html += "<li>\(HTML.escape(r.item.name)) <span class=\"muted\">\(r.item.articles) · \(format(r.recentShare * 100))% of recent articles, \(format(r.earlierShare * 100))% before</span></li>"
            }
            html += "</ul></section>"
        }
        html += "</div>\n"
        return any ? html : html + "<p class=\"muted\">nothing stands out</p>\n"
    }

    private func latency(_ milliseconds: Double?) -> String {
        milliseconds.map { format($0) + " ms" } ?? "n/a"
    }

    /// One row per name: the name, a bar by article count, the count (and the mean tone).
    private func bars(_ items: [SummaryWindow.Item], toned: Bool, colour: String) -> String {
        guard let maxCount = items.map(\.articles).max(), maxCount > 0 else { return "<p class=\"muted\">none yet</p>" }
        var html = ""
        for item in items {
            let percent = max(1, item.articles * 100 / maxCount)
            let name = HTML.escape(item.name)
            html += "<div class=\"row\(toned ? " toned" : "")\"><span class=\"name\" title=\"\(name)\">\(name)</span>"
            html += "<span class=\"track\"><i style=\"width:\(percent)%;background:\(colour)\"></i></span><span class=\"n\">\(item.articles)</span>"
            if toned { html += "<span class=\"tone\" title=\"mean tone\">\(formatTone(item.tone))</span>" }
            html += "</div>"
        }
        return html
    }

    /// Articles per hour over the window, oldest left: an inline SVG of bars, labels in HTML.
    private func timeline() -> String {
        let counts = snapshot.articlesPerHour
        let hours = max(1, counts.count)
        let maxCount = max(1, counts.max() ?? 1)
        var svg = "<svg role=\"img\" aria-label=\"articles per hour\" viewBox=\"0 0 \(hours * 10) 100\" preserveAspectRatio=\"none\" width=\"100%\" height=\"110\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, n) in counts.enumerated() {
            let h = n * 100 / maxCount
            svg += "<rect x=\"\(i * 10)\" y=\"\(100 - h)\" width=\"9\" height=\"\(h)\" fill=\"#2563eb\"><title>\(hours - i) h ago: \(n)</title></rect>"
        }
        svg += "</svg>"
        return svg + "<div class=\"axis muted\"><span>\(hours) h ago</span><span>now (max \(maxCount)/h)</span></div>\n"
    }
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
