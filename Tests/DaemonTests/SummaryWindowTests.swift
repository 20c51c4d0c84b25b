@testable import Daemon
import Extraction
import Foundation
import Testing

@Suite struct SummaryWindowTests {
    private func entry(at: Double, people: [String]) -> SummaryEntry {
        var article = ExtractedArticle()
        article.title = "t"
        article.entities = people.enumerated().map { Entity(id: "e\($0.offset)", type: .person, name: $0.element, mentions: []) }
        let record = ArticleRecord(id: "x", source: SourceInfo(path: "/p", inbox: "i", name: "n", bytes: 1, modified: "", format: .text, encoding: .utf8),
                                   ingestedAt: Timestamp.rfc3339(at), processingMs: 1, article: article)
        return SummaryEntry(record: record)
    }

    @Test func countsArticlesPerNameAndForgetsWhatLeavesTheWindow() {
        var window = SummaryWindow(windowSeconds: 100)
        window.add(entry(at: 1000, people: ["Putin", "Xi"]))
        window.add(entry(at: 1050, people: ["Putin", "Putin"]))
        window.add(entry(at: 1090, people: ["Zelenskyy"]))
        window.expire(now: 1100)
        #expect(window.top(.people, 2).map(\.name) == ["Putin", "Xi"])
        #expect(window.top(.people, 1).first?.articles == 2, "a name counts once per article")
        window.expire(now: 1120)
        #expect(window.articleCount == 2)
        #expect(window.top(.people, 3).map(\.name) == ["Putin", "Zelenskyy"])
    }

    @Test func aBurstOfArticlesCostsBoundedMemoryAndKeepsItsLeaders() {
        var window = SummaryWindow(windowSeconds: 86_400)
        let articles = 50_000
        for n in 0..<articles {
            // Every article names someone new; every tenth names Putin too.
            window.add(entry(at: 1_000_000 + Double(n) / 100, people: n % 10 == 0 ? ["Putin", "Person \(n)"] : ["Person \(n)"]))
        }
        #expect(window.articleCount == articles)
        let kept = window.top(.people, .max).count
        #expect(kept <= 2 * SummaryWindow.maxNamesPerSlot, "names kept: \(kept)")
        let leader = window.top(.people, 1).first
        #expect(leader?.name == "Putin")
        // Each thinning step costs every name one count; a step comes at most once per
        // maxNamesPerSlot new names.
        #expect((leader?.articles ?? 0) >= articles / 10 - articles / SummaryWindow.maxNamesPerSlot)
        #expect((leader?.articles ?? 0) <= articles / 10)
    }

    @Test func latestStaysNewestWhateverTheOrderOfArrival() {
        var window = SummaryWindow(windowSeconds: 3600)
        for t in [5.0, 1, 30, 2, 20, 10].map({ 10_000 + $0 }) { window.add(entry(at: t, people: [])) }
        #expect(window.latest.map(\.at) == [1, 2, 5, 10, 20, 30].map { 10_000 + $0 })
        for t in 0..<40 { window.add(entry(at: 20_000 + Double(t), people: [])) }
        #expect(window.latest.count == SummaryWindow.latestCapacity)
        #expect(window.latest.last?.at == 20_039)
        window.expire(now: 20_039 + 3600 - 30)
        #expect(window.latest.allSatisfy { $0.at >= 20_009 }, "what left the window is no longer latest")
    }

    @Test func articlesPerHourAndRecentRate() {
        var window = SummaryWindow(windowSeconds: 86_400)
        let now = 1_000_000.0
        for age in [10.0, 20, 700, 3_700, 3_800, 7_300] { window.add(entry(at: now - age, people: [])) }
        #expect(window.articlesPerHour(now: now, hours: 3) == [1, 2, 3])
        #expect(window.articles(since: now - 600) == 2)
    }

    @Test func markdownEscapesArticleText() {
        #expect(Markdown.escape("<script>alert(1)</script> *x*\n# y") == "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\# y")
    }
}
