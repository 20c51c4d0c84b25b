import Extraction
import Foundation
import NewsdTestKit
import Testing

/// Reading a record back is the reverse of writing it.
@Suite struct RecordReadingTests {
    private let source = SourceInfo(path: "/in/a.html", inbox: "wire", name: "a.html", bytes: 1234,
                                    modified: "2024-05-16T08:00:00.000Z", format: .html, encoding: .windows1252)

    @Test func aRecordWithEveryFieldSetReadsBackEqual() throws {
        var a = ExtractedArticle()
        a.encoding = .windows1252
        a.language = "en"
        a.title = "Council approves budget"
        a.byline = ["Jane Doe", "Sam Lee"]
        a.published = "2024-05-16T07:00:00Z"
        a.modified = "2024-05-16T09:30:00+02:00"
        a.url = "https://example.com/2024/05/16/budget"
        a.site = "Example News"
        a.dateline = Dateline(place: "Berlin", agency: "AP")
        a.stats = ArticleStats(words: 120, sentences: 7, paragraphs: 3)
        a.sections = [Section(heading: "Schools", start: 40, end: 47)]
        a.summary = ["The council approved the budget."]
        a.keywords = [Keyword(term: "budget", score: 0.5), Keyword(term: "city council", score: 0.25)]
        let geo = GeoInfo(country: "DE", kind: .city, latitude: 52.52437, longitude: 13.41053, geonamesID: 2_950_159)
        a.entities = [
            Entity(id: "e1", type: .person, name: "Anna Schmidt", aliases: ["Schmidt"], roles: ["Mayor"],
                   mentions: [TextSpan(start: 5, end: 17, text: "Anna Schmidt")], salience: 0.75),
            Entity(id: "e2", type: .location, name: "Berlin", mentions: [TextSpan(start: 0, end: 6, text: "Berlin")], salience: 0.5, geo: geo),
        ]
        a.quotes = [Quote(kind: .direct, text: "A good day", start: 20, end: 30, speaker: "Anna Schmidt", speakerEntity: "e1",
                          speakerMention: TextSpan(start: 5, end: 17, text: "Anna Schmidt"), cue: "said",
                          cueMention: TextSpan(start: 18, end: 22, text: "said")),
                    Quote(kind: .indirect, text: "it passed", start: 31, end: 40)]
        a.dates = [DateMention(text: "Tuesday", start: 50, end: 57, value: "2024-05-14", resolution: .day, relative: true)]
        a.amounts = [Amount(text: "$240 billion", start: 60, end: 72, kind: .money, value: 240_000_000_000, unit: "USD"),
                     Amount(text: "three", start: 80, end: 85, kind: .quantity, value: 3, unit: nil)]
        a.tone = Tone(score: -1.25, positive: 2.5, negative: 3.75, polarity: 6.25)
        a.text = "Berlin Anna Schmidt…\n\"quoted\"\u{2028}"
        a.warnings = ["encoding guessed"]
        a.fingerprint = "00ff00ff00ff00ff"
        var record = ArticleRecord(id: String(repeating: "ab", count: 32), source: source, ingestedAt: "2024-05-16T08:00:01.250Z",
                                   processingMs: 1.5, article: a)
        record.story = String(repeating: "cd", count: 32)
        let read = try ArticleRecord(jsonLine: record.jsonLine())
        #expect(read == record)
    }

    @Test func anExtractedRecordWritesTheSameLineAfterReadingBack() throws {
        let text = """
            Council in Berlin approves budget
            The city council of Berlin approved the budget of $2.4 billion on Tuesday, officials said.
            "This is a good day for Berlin," Mayor Anna Schmidt said after the vote.
            """
        var article = try #require(TestExtractor.extract(text))
        article.fingerprint = StoryFingerprint.hex(1)
        let record = ArticleRecord(id: "x", source: source, ingestedAt: "2024-05-16T08:00:01.000Z", processingMs: 2, article: article)
        let line = record.jsonLine()
        #expect(try ArticleRecord(jsonLine: line).jsonLine() == line)
    }

    @Test func unknownFieldsAreIgnoredAndAMissingIdIsAnError() throws {
        var article = ExtractedArticle()
        article.encoding = source.encoding
        let record = ArticleRecord(id: "x", source: source, ingestedAt: "2024-05-16T08:00:01.000Z", processingMs: 2, article: article)
        var line = record.jsonLine()
        line.removeLast()
        line += Array(#","future":{"a":[1,2]},"later":null}"#.utf8)
        #expect(try ArticleRecord(jsonLine: line) == record)
        #expect(throws: RecordReadError.self) { try ArticleRecord(jsonLine: Array(#"{"schema":"newsd.article/1","title":"t"}"#.utf8)) }
        #expect(throws: RecordReadError.self) { try ArticleRecord(jsonLine: Array("not json".utf8)) }
    }
}
