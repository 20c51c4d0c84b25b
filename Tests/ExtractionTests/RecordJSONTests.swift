import Extraction
import Foundation
import NewsdTestKit
import Testing

@Suite struct RecordJSONTests {
    @Test func everyFieldIsPresentAndNullsAreWritten() throws {
        let article = try #require(TestExtractor.extract("Hello world.\nA second line."))
        let record = ArticleRecord(
            id: "abc", source: SourceInfo(path: "/in/a.txt", inbox: "main", name: "a.txt", bytes: 3,
                                          modified: "2024-05-16T00:00:00Z", format: .text, encoding: .utf8),
            ingestedAt: "2024-05-16T00:00:01Z", processingMs: 1.5, article: article)
        let line = record.jsonLine()
        #expect(!line.contains(UInt8(ascii: "\n")))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        for key in ["schema", "id", "source", "ingested_at", "processing_ms", "language", "title", "byline",
                    "published", "dateline", "stats", "sections", "summary", "keywords", "entities", "quotes",
                    "dates", "amounts", "tone", "text", "warnings"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["schema"] as? String == "newsd.article/1")
        #expect(object["published"] is NSNull)
        for key in ["modified", "url", "site"] { #expect(object[key] is NSNull, "missing or not null: \(key)") }
    }

    @Test func controlCharactersAndLineSeparatorsAreEscaped() throws {
        var w = JSONWriter()
        w.object { w in w.field("t", "a\n\u{2028}\u{1}\"\\é") }
        #expect(w.string == #"{"t":"a\n\u2028\u0001\"\\é"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: String]
        #expect(parsed?["t"] == "a\n\u{2028}\u{1}\"\\é")
    }
}
