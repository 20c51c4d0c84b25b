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
        expectWellFormed(result!, label)
        return result!
    }

    /// What every record must hold, however hostile the input: its spans point at its own body,
    /// its body is not empty and is counted, its lists keep their bounds.
    static func expectWellFormed(_ result: Result<ExtractedArticle, ExtractionFailure>, _ label: String) {
        switch result {
        case .success(let a):
            guard let body = a.text else {
                Issue.record("\(label): a record without its body text")
                return
            }
            #expect(!body.isEmpty, "\(label): a record with an empty body")
            #expect(a.stats.words > 0 && a.stats.sentences > 0, "\(label): \(a.stats)")
            let problems = OffsetsTests.problems(a, body: Array(body.unicodeScalars))
            #expect(problems.isEmpty, "\(label): \(problems.prefix(3))")
            #expect(a.keywords.count <= 15 && a.summary.count <= 3, "\(label)")
            #expect((0...1).contains(a.entities.map(\.salience).max() ?? 0), "\(label)")
        case .failure:
            break  // a reason and a sentence for people: nothing else to hold
        }
    }

    /// The record of `result`, or nil with an issue recorded.
    static func record(_ result: Result<ExtractedArticle, ExtractionFailure>, _ label: String) -> ExtractedArticle? {
        if case .success(let a) = result { return a }
        Issue.record("\(label): no record")
        return nil
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
        for format in ArticleFormat.allCases {
            let r = RobustnessTests.survive("random punctuation (\(format))", bytes, format)
            if format != .json { _ = RobustnessTests.record(r, "random punctuation (\(format))") }
        }
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
        for format in [ArticleFormat.markdown, .html, .json] {
            RobustnessTests.survive("3 MB of letters (\(format))", [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000), format)
        }
        let letters = RobustnessTests.survive("3 MB of letters", [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000), .text)
        if let a = RobustnessTests.record(letters, "3 MB of letters") {
            #expect(a.stats.words == 1)
            #expect(a.warnings.contains { $0.contains("truncated") }, "cut to max_text_code_points, with a warning")
        }
        let stops = RobustnessTests.survive("1 MB of full stops", [UInt8](repeating: UInt8(ascii: "."), count: 1_000_000), .text)
        #expect(throws: ExtractionFailure.self, "punctuation without a word is no article") { try stops.get() }
        let tiny = RobustnessTests.survive("1 MB of 'A.'", Array(String(repeating: "A.", count: 500_000).utf8), .text)
        #expect((try? tiny.get().stats.words) ?? 0 >= 400_000)
    }

    @Test func unmatchedQuoteMarks() {
        for (label, text) in [("20,000 “ quote marks", "He said " + String(repeating: "“word ", count: 20_000)),
                              ("20,000 \" quote marks", String(repeating: "\"a. ", count: 20_000))] {
            guard let a = RobustnessTests.record(RobustnessTests.survive(label, Array(text.utf8), .text), label) else { continue }
            #expect(a.stats.words >= 20_000, "\(label): every word is counted")
        }
    }

    @Test func nestedDivs() {
        let n = 200_000
        let html = "<html><body><article>" + String(repeating: "<div>", count: n) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: n) + "</article></body></html>"
        let r = RobustnessTests.survive("200,000 nested <div>s", Array(html.utf8), .html)
        if case .success(let a) = r { #expect(a.text == "Deep text.") } else { Issue.record("no record") }
        let unclosed = String(repeating: "<div><span><p>x", count: n)
        let r2 = RobustnessTests.survive("200,000 unclosed <div><span><p>", Array(unclosed.utf8), .html)
        _ = RobustnessTests.record(r2, "200,000 unclosed <div><span><p>")
        let closers = String(repeating: "<div>", count: n) + String(repeating: "</span>", count: n)
        let r3 = RobustnessTests.survive("200,000 <div>s then 200,000 unmatched </span>", Array(closers.utf8), .html)
        #expect(throws: ExtractionFailure.self, "tags without text are no article") { try r3.get() }
    }

    @Test func unterminatedHTMLConstructs() {
        for page in ["<p>text <!-- never closed", "<p>text <script>var a = 1;", "<p>text <a href=\"never closed",
                     "<p>text &#99999999999; &", "<p>text <title>x"] {
            let label = "unterminated: \(page.prefix(24))"
            guard let a = RobustnessTests.record(RobustnessTests.survive(label, Array(page.utf8), .html), label) else { continue }
            let body = a.text ?? ""
            #expect(body.contains("text"), "\(label): \(body)")
            #expect(!body.contains("never closed") && !body.contains("var a"), "\(label): markup or script in the body: \(body)")
        }
        let lone = RobustnessTests.survive("a lone <", Array("<".utf8), .html)
        #expect(throws: ExtractionFailure.self) { try lone.get() }
    }

    @Test func deeplyNestedAndTruncatedJSON() {
        let n = 100_000
        let arrays = RobustnessTests.survive("100,000 nested JSON arrays",
                                             Array((String(repeating: "[", count: n) + String(repeating: "]", count: n)).utf8), .json)
        #expect(throws: ExtractionFailure.self) { try arrays.get() }
        let objects = RobustnessTests.survive("100,000 nested JSON objects, truncated", Array(String(repeating: "{\"a\":", count: n).utf8), .json)
        #expect(throws: ExtractionFailure.self) { try objects.get() }
        let body = "Some text here. More text."
        let article = #"{"title": "T", "body": "\#(body)", "author": ["A B"]}"#
        let bodyStart = article.utf8.count - body.utf8.count - #"", "author": ["A B"]}"#.utf8.count
        for cut in stride(from: 0, through: article.utf8.count, by: 7) {
            let r = RobustnessTests.survive("JSON cut at \(cut)", Array(article.utf8.prefix(cut)), .json)
            // Cut inside the body, the text before the cut is kept; cut before it, there is no article.
            if cut > bodyStart + 1, let a = RobustnessTests.record(r, "JSON cut at \(cut)") {
                #expect(body.hasPrefix((a.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)), "cut at \(cut): \(a.text ?? "")")
            } else if cut <= bodyStart {
                #expect(throws: ExtractionFailure.self, "cut at \(cut)") { try r.get() }
            }
        }
        let deep = RobustnessTests.survive("deep markdown", Array((String(repeating: "> ", count: 100_000) + "text").utf8), .markdown)
        #expect((try? deep.get().text)??.contains("text") == true)
        let brackets = RobustnessTests.survive("many markdown brackets", Array(String(repeating: "[", count: 300_000).utf8), .markdown)
        #expect(throws: ExtractionFailure.self) { try brackets.get() }
    }
}
