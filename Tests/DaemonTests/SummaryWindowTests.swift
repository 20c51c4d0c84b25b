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

    @Test func markdownEscapesArticleText() {
        #expect(Markdown.escape("<script>alert(1)</script> *x*\n# y") == "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\# y")
    }
}
