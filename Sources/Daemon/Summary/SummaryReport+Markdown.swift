/// `summary.md`: the same figures as `summary.json`, for people reading a terminal.
extension SummaryReport {
    func markdown() -> String {
        var md = "# newsd: the last \(format(hours)) hours\n\n"
        md += "_Generated \(Timestamp.rfc3339(now, fractional: false))._\n\n"
        md += "| | in the window | since start |\n|---|---:|---:|\n"
        md += "| articles | \(snapshot.articles) | \(totals.articles) |\n"
        md += "| words | \(snapshot.words) | \(totals.words) |\n"
        md += "| quotes | \(snapshot.quotes) | \(totals.quotes) |\n"
        md += "| failures | \(snapshot.errors) | \(totals.failures) |\n"
        md += "| duplicates | | \(totals.duplicates) |\n\n"
        md += "## Top stories\n\n"
        if stories.isEmpty { md += "_none yet_\n" }
        for (i, s) in stories.enumerated() {
            md += "\(i + 1). **\(Markdown.escape(s.headline ?? "(untitled)"))** — \(s.articles) article\(s.articles == 1 ? "" : "s"), "
            md += "\(s.sources) source\(s.sources == 1 ? "" : "s"), \(Timestamp.rfc3339(s.first, fractional: false)) to \(Timestamp.rfc3339(s.last, fractional: false))"
            let lead = (s.people + s.places).map(Markdown.escape)
            md += lead.isEmpty ? "\n" : "; \(lead.joined(separator: ", "))\n"
        }
        md += "\n## Rising in the last \(format(risingSeconds / 3600)) h\n\n"
        var anyRising = false
        for (category, title) in Self.sections where category != .speakers {
            let list = rising(category)
            guard !list.isEmpty else { continue }
            anyRising = true
            md += "- \(title): " + list.map { r in
                "\(Markdown.escape(r.item.name)) (\(r.item.articles), \(format(r.recentShare * 100))% of recent articles vs \(format(r.earlierShare * 100))%)"
            }.joined(separator: "; ") + "\n"
        }
        if !anyRising { md += "_nothing stands out_\n" }
        md += "\n"
        for (category, title) in Self.sections {
            let list = top(category)
            md += "## \(title)\n\n"
            if list.isEmpty {
                md += "_none yet_\n\n"
                continue
            }
            for (i, item) in list.enumerated() {
                md += "\(i + 1). \(Markdown.escape(item.name)) — \(item.articles) article\(item.articles == 1 ? "" : "s")"
                if Self.showsTone(category) { md += ", tone \(formatTone(item.tone))" }
                md += "\n"
            }
            md += "\n"
        }
        md += "## Latest headlines\n\n"
        let latest = snapshot.latest.prefix(10)
        if latest.isEmpty { md += "_none yet_\n" }
        for e in latest {
            md += "- \(when(e)) \(Markdown.escape(e.title ?? "(untitled)")) — \(Markdown.escape(e.source)) (`\(e.id.prefix(12))`)\n"
        }
        md += "\n## Recent errors\n\n"
        let errors = snapshot.latestErrors.prefix(10)
        if errors.isEmpty { md += "_none_\n" }
        for e in errors {
            md += "- \(Timestamp.rfc3339(e.at, fractional: false)) **\(e.reason)** \(Markdown.escape(e.path)): \(Markdown.escape(e.detail))\n"
        }
        md += "\n## Pipeline\n\n"
        md += "- throughput: \(format(recentRate)) articles/minute over the last 10 minutes\n"
        let p = [snapshot.latency.p50, snapshot.latency.p95, snapshot.latency.p99].map { $0.map { format($0) + " ms" } ?? "n/a" }
        md += "- drop-to-record latency: p50 \(p[0]), p95 \(p[1]), p99 \(p[2])\n"
        md += "- queue depth: \(queueDepth)\n"
        return md
    }
}
