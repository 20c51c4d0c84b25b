@testable import Extraction
import Foundation
import Testing

/// Hostile inputs give a record or an error value, never a trap. Each prints how long it took
/// (for the record; there are no time limits in tests).
@Suite struct RobustnessTests {
    /// Extracts `bytes` as `format` and prints the time taken.
    @discardableResult
    static func survive(_ label: String, _ bytes: [UInt8], _ format: ArticleFormat) -> Result<ExtractedArticle, ExtractionFailure> {
        let clock = ContinuousClock()
        var result: Result<ExtractedArticle, ExtractionFailure>?
        let elapsed = clock.measure {
            result = TextStages.extract(bytes, format: format)
        }
        let outcome: String
        switch result! {
        case .success(let a): outcome = "record (\(a.stats.words) words, \(a.warnings.count) warnings)"
        case .failure(let f): outcome = "error \(f.reason.rawValue)"
        }
        print("robustness: \(label), \(bytes.count) bytes: \(outcome) in \(elapsed)")
        return result!
    }

    static func randomBytes(_ n: Int, seed: UInt64) -> [UInt8] {
        var rng = TextStagesRandom(seed: seed)
        return (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    }

    @Test(arguments: [ArticleFormat.text, .markdown, .html, .json])
    func randomBytes(_ format: ArticleFormat) {
        for seed in 1...5 as ClosedRange<UInt64> {
            let r = RobustnessTests.survive("random bytes (\(format))", RobustnessTests.randomBytes(100_000, seed: seed), format)
            if case .success = r { Issue.record("random bytes gave a record") }
        }
    }

    @Test func randomPrintableText() {
        // Random ASCII printable characters and newlines: text, however odd.
        var rng = TextStagesRandom(seed: 11)
        let chars = Array(" \n.,;:!?\"'()[]<>&#*_-`~{}/\\abcdefXYZ0123456789".utf8)
        let bytes = (0..<200_000).map { _ in chars[Int(rng.next() % UInt64(chars.count))] }
        for format in ArticleFormat.allCases { RobustnessTests.survive("random punctuation (\(format))", bytes, format) }
    }

    @Test func truncatedUTF8() {
        let text = String(repeating: "Zelenskyy’s “peace” plan — €240 billion. ", count: 2000)
        var bytes = Array(text.utf8)
        bytes.removeLast()
        bytes.append(0xE2)
        let r = RobustnessTests.survive("truncated UTF-8", bytes, .text)
        if case .success(let a) = r { #expect(a.encoding == .utf8) } else { Issue.record("no record") }
    }

    @Test func threeMegabytesWithoutASpace() {
        for format in ArticleFormat.allCases {
            RobustnessTests.survive("3 MB of letters (\(format))", [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000), format)
        }
        RobustnessTests.survive("1 MB of full stops", [UInt8](repeating: UInt8(ascii: "."), count: 1_000_000), .text)
        RobustnessTests.survive("1 MB of 'A.'", Array(String(repeating: "A.", count: 500_000).utf8), .text)
    }

    @Test func unmatchedQuoteMarks() {
        RobustnessTests.survive("20,000 “ quote marks", Array(("He said " + String(repeating: "“word ", count: 20_000)).utf8), .text)
        RobustnessTests.survive("20,000 \" quote marks", Array(String(repeating: "\"a. ", count: 20_000).utf8), .text)
    }

    @Test func nestedDivs() {
        let n = 200_000
        let html = "<html><body><article>" + String(repeating: "<div>", count: n) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: n) + "</article></body></html>"
        let r = RobustnessTests.survive("200,000 nested <div>s", Array(html.utf8), .html)
        if case .success(let a) = r { #expect(a.text == "Deep text.") } else { Issue.record("no record") }
        let unclosed = String(repeating: "<div><span><p>x", count: n)
        RobustnessTests.survive("200,000 unclosed <div><span><p>", Array(unclosed.utf8), .html)
        let closers = String(repeating: "<div>", count: n) + String(repeating: "</span>", count: n)
        RobustnessTests.survive("200,000 <div>s then 200,000 unmatched </span>", Array(closers.utf8), .html)
    }

    @Test func unterminatedHTMLConstructs() {
        for page in ["<p>text <!-- never closed", "<p>text <script>var a = 1;", "<p>text <a href=\"never closed",
                     "<p>text &#99999999999; &", "<", "<p>text <title>x"] {
            RobustnessTests.survive("unterminated: \(page.prefix(24))", Array(page.utf8), .html)
        }
    }

    @Test func deeplyNestedAndTruncatedJSON() {
        let n = 100_000
        RobustnessTests.survive("100,000 nested JSON arrays", Array((String(repeating: "[", count: n) + String(repeating: "]", count: n)).utf8), .json)
        RobustnessTests.survive("100,000 nested JSON objects, truncated", Array(String(repeating: "{\"a\":", count: n).utf8), .json)
        let article = #"{"title": "T", "body": "Some text here. More text.", "author": ["A B"]}"#
        for cut in stride(from: 0, through: article.utf8.count, by: 7) {
            RobustnessTests.survive("JSON cut at \(cut)", Array(article.utf8.prefix(cut)), .json)
        }
        RobustnessTests.survive("deep markdown", Array((String(repeating: "> ", count: 100_000) + "text").utf8), .markdown)
        RobustnessTests.survive("many markdown brackets", Array(String(repeating: "[", count: 300_000).utf8), .markdown)
    }
}
