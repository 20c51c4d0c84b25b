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

    @Test func numbersAreWrittenInDecimal() {
        var w = JSONWriter()
        w.array { w in
            for n in [0, 7, -7, 1_234_567, Int.max, Int.min] { w.value(n) }
            for d in [0.0, -3.0, 1e14, -2.5] { w.value(d) }
        }
        #expect(w.string == "[0,7,-7,1234567,\(Int.max),\(Int.min),0,-3,100000000000000,-2.5]")
    }

    @Test func otherCharactersAreCopiedAsTheyAre() throws {
        // Three-byte characters that share the separators' first bytes (E2 80) stay as they are.
        let text = "— “quoted” €5\u{2029}\u{7F}\tend\u{2028}"
        var w = JSONWriter()
        w.object { w in w.field("t", text) }
        #expect(w.string == #"{"t":"— “quoted” €5\u2029\u007f\tend\u2028"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: String]
        #expect(parsed?["t"] == text)
    }
}
