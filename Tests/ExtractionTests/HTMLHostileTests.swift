@testable import Extraction
import Testing

/// Hostile web pages: each gives a record or an error value, in bounded time and memory (the time
/// taken is printed by `RobustnessTests.survive`, never asserted).
@Suite struct HTMLHostileTests {
    @Test func fiftyMegabytesOfParagraphTags() {
        let bytes = Array(String(repeating: "<p>", count: 50_000_000 / 3).utf8)
        let r = RobustnessTests.survive("50 MB of <p>", bytes, .html)
        #expect(r == .failure(ExtractionFailure(.empty, "the file holds no text")))
    }

    @Test func oneGiantScript() {
        let script = "<script>" + String(repeating: "var s = '<p>not text</p></scr' + 'ipt>'; ", count: 250_000)
        let r = RobustnessTests.survive("one giant <script>", Array(("<p>Before the script, a sentence.</p>" + script).utf8), .html)
        guard case .success(let a) = r else { Issue.record("no record"); return }
        #expect(a.text == "Before the script, a sentence.")
    }

    @Test func unclosedComment() {
        let page = "<p>Visible text before the comment.</p><!-- " + String(repeating: "<p>inside the comment</p> ", count: 100_000)
        guard case .success(let a) = RobustnessTests.survive("unclosed comment", Array(page.utf8), .html) else {
            Issue.record("no record")
            return
        }
        #expect(a.text == "Visible text before the comment.")
    }

    @Test func tenThousandDeepTable() {
        let page = String(repeating: "<table><tr><td>", count: 10_000) + "Deep cell text." + String(repeating: "</td></tr></table>", count: 10_000)
        guard case .success(let a) = RobustnessTests.survive("10,000-deep table", Array(page.utf8), .html) else {
            Issue.record("no record")
            return
        }
        #expect(a.text == "Deep cell text.")
    }

    @Test func hundredThousandAttributes() {
        var page = "<div"
        for k in 0..<100_000 { page += " a\(k)=\"v\"" }
        page += " class=\"article-body\"><p>Text after the attributes.</p></div>"
        guard case .success(let a) = RobustnessTests.survive("100,000 attributes", Array(page.utf8), .html) else {
            Issue.record("no record")
            return
        }
        #expect(a.text == "Text after the attributes.")
    }

    @Test func tenMegabytesOfJSONLD() {
        let body = String(repeating: "word ", count: 2_000_000)
        let page = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Long one\",\"articleBody\":\"\(body)\"}</script><p>Short.</p>"
        guard case .success(let a) = RobustnessTests.survive("10 MB of JSON-LD", Array(page.utf8), .html) else {
            Issue.record("no record")
            return
        }
        #expect(a.title == "Long one")
        #expect(a.warnings.contains { $0.hasPrefix("text truncated") })
    }
}
