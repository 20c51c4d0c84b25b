@testable import Extraction
import Foundation
import NewsdTestKit
import Testing

/// Every span in a record must point at its own text in the body: checked over the whole PolNeAR
/// corpus, so the check grows stronger as more stages fill the record in.
@Suite struct OffsetsTests {
    /// The spans of a record that must match the body, with a label for messages.
    static func spans(_ a: ExtractedArticle) -> [(String, Int, Int, String)] {
        var out: [(String, Int, Int, String)] = []
        for s in a.sections { out.append(("section", s.start, s.end, s.heading)) }
        for e in a.entities {
            for m in e.mentions { out.append(("mention of \(e.name)", m.start, m.end, m.text)) }
        }
        for q in a.quotes {
            out.append(("quote", q.start, q.end, q.text))
            if let m = q.speakerMention { out.append(("speaker mention", m.start, m.end, m.text)) }
        }
        for d in a.dates { out.append(("date", d.start, d.end, d.text)) }
        for m in a.amounts { out.append(("amount", m.start, m.end, m.text)) }
        return out
    }

    /// Problems with the spans of `article` over `body` (code points).
    static func problems(_ article: ExtractedArticle, body: [Unicode.Scalar]) -> [String] {
        var problems: [String] = []
        for (label, start, end, text) in spans(article) {
            guard 0 <= start, start <= end, end <= body.count else {
                problems.append("\(label) \(start)..<\(end) outside the body (\(body.count))")
                continue
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: body[start..<end])
            if String(view) != text { problems.append("\(label) \(start)..<\(end): \"\(String(view))\" ≠ \"\(text)\"") }
        }
        return problems
    }

    @Test(.needsSharedData) func everySpanOfEveryPolNeARArticleMatchesTheBody() throws {
        let dir = try #require(SharedData.directory)
        var files: [URL] = []
        for split in ["train", "dev"] {
            let folder = dir.appendingPathComponent("polnear/\(split)/text")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            files += names.map { folder.appendingPathComponent($0) }
        }
        #expect(files.count == 924)
        var spanCount = 0
        var failures: [String] = []
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            let article: ExtractedArticle
            switch TextStages.extract(bytes, format: .text) {
            case .success(let a): article = a
            case .failure(let f):
                failures.append("\(file.lastPathComponent): \(f.reason) \(f.detail)")
                continue
            }
            let decoded = try TextDecoder.decode(bytes).get().text
            let text = try #require(article.text)
            // Plain text: the body is the decoded file, only a leading BOM removed.
            if text != decoded { failures.append("\(file.lastPathComponent): body differs from the decoded file") }
            let body = Array(text.unicodeScalars)
            spanCount += OffsetsTests.spans(article).count
            failures += OffsetsTests.problems(article, body: body).prefix(3).map { "\(file.lastPathComponent): \($0)" }
        }
        print("offsets: \(files.count) PolNeAR articles, \(spanCount) spans checked, \(failures.count) problems")
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test func plainTextBodyIsTheFileTextWithoutBOM() throws {
        let text = "Headline\r\n\r\nWASHINGTON — Café “quoted” text 💬 here.\r\n"
        let a = try TextStages.extract([0xEF, 0xBB, 0xBF] + Array(text.utf8), format: .text).get()
        #expect(a.text == text)
        #expect(OffsetsTests.problems(a, body: Array(text.unicodeScalars)).isEmpty)
        for s in a.sections { #expect(s.end <= text.unicodeScalars.count) }
    }

    @Test func spansInExtractedFormatsPointIntoTheRecordText() throws {
        for (doc, format) in [(ReadersTests.page, ArticleFormat.html),
                              ("# Title\n\nSome *text* here.\n\n## Sub\n\nMore [text](x).", .markdown)] {
            let a = try TextStages.extract(Array(doc.utf8), format: format).get()
            let body = Array(try #require(a.text).unicodeScalars)
            #expect(OffsetsTests.problems(a, body: body).isEmpty)
            for s in a.sections {
                #expect(String(String.UnicodeScalarView(body[s.start..<s.end])) == s.heading)
            }
        }
    }
}
