@testable import Extraction
import Foundation
import NewsdTestKit
import Testing

/// Helpers shared by the text-stage suites (decoding, readers, layout, sentences, offsets, robustness).
enum TextStages {
    static let reference = CivilDate(year: 2024, month: 5, day: 16)

    /// The extractor's result for raw `bytes` read as `format`.
    static func extract(_ bytes: [UInt8], format: ArticleFormat) -> Result<ExtractedArticle, ExtractionFailure> {
        TestExtractor.shared.extract(ArticleInput(bytes: bytes, format: format, referenceDate: reference))
    }

    /// The document the pipeline builds for `text` read as `format` (decoding, reading and layout, no extractors).
    static func document(_ text: String, format: ArticleFormat = .text) -> (Document, ReadArticle) {
        let read = ArticleReader.read(text, format: format)
        let scalars = Array(read.body.unicodeScalars)
        let layout = LayoutAnalyzer.analyze(scalars: scalars, format: format, metadata: read)
        return (Document(text: read.body, scalars: scalars, layout: layout), read)
    }

    /// The text of every sentence.
    static func sentences(_ doc: Document) -> [String] {
        doc.sentences.map { doc.slice($0.range) }
    }

    /// The text and kind of every block.
    static func blocks(_ doc: Document) -> [(String, ArticleLayout.Block.Kind)] {
        doc.layout.blocks.map { (doc.slice($0.range), $0.kind) }
    }
}

@Suite struct LayoutTests {
    @Test(.needsSharedData) func sampleArticleHeadingsFurnitureAndNoTitle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let text = try TextDecoder.decode(bytes).get().text
        let (doc, _) = TextStages.document(text)
        let headings = doc.layout.blocks.filter { $0.kind == .heading }.map { doc.slice($0.range) }
        #expect(headings == ["Both leaders talked about peace in Ukraine", "A partnership against the West?",
                             "China and Russia’s growing “no-limits” relationship"])
        #expect(doc.layout.title == nil, "the first line is a long lead paragraph")
        #expect(!doc.layout.blocks.contains { $0.kind == .title })
        let furniture = doc.layout.blocks.filter { $0.kind == .furniture }.map { doc.slice($0.range) }
        #expect(furniture == ["Comments 2"])
        #expect(!TextStages.sentences(doc).contains { $0.contains("Comments") })
        // The line broken after "the U.S." continues its paragraph and sentence.
        #expect(TextStages.sentences(doc).contains { $0.hasPrefix("China has been increasingly assertive") && $0.contains("focused sharply") })
        // "Both Xi and Putin see …" has no final full stop but is far too long for a heading.
        #expect(!headings.contains { $0.hasPrefix("Both Xi") })

        let article = try TextStages.extract(bytes, format: .text).get()
        #expect(article.sections.map(\.heading) == headings)
        #expect(article.title == nil)
        #expect(article.stats.paragraphs == doc.layout.paragraphCount)
    }

    @Test(.needsSharedData) func polnearArticleTitleIsTheFirstLine() throws {
        let dir = try #require(SharedData.directory)
        let path = dir.appendingPathComponent("polnear/dev/text/breitbart_2016-09-26_green-party-candidate-jill-stein.txt").path
        let data = try #require(FileManager.default.contents(atPath: path))
        let text = try TextDecoder.decode(Array(data)).get().text
        let (doc, _) = TextStages.document(text)
        #expect(doc.layout.title == "Green Party candidate Jill Stein removed from N.Y. debate site by police")
        #expect(doc.layout.blocks.first?.kind == .title)
        #expect(doc.layout.dateline == Dateline(place: "Hempstead, N.Y.", agency: "UPI"))
        let dateline = try #require(doc.layout.datelineRange)
        #expect(doc.slice(dateline) == "HEMPSTEAD, N.Y., Sept. 26 (UPI) —")
        // The first body sentence starts after the dateline.
        let first = try #require(doc.sentences.first { doc.layout.blocks[$0.block].kind == .paragraph })
        #expect(doc.slice(first.range).hasPrefix("Green Party presidential candidate Jill Stein was escorted"))
    }

    @Test func datelines() {
        let cases: [(String, Dateline?)] = [
            ("Washington (AFP) – The US Senate voted on Tuesday.", Dateline(place: "Washington", agency: "AFP")),
            ("WASHINGTON — The president said on Monday that he would veto it.", Dateline(place: "Washington", agency: nil)),
            ("LONDON (Reuters) - British inflation fell in April.", Dateline(place: "London", agency: "Reuters")),
            ("Obama — who was in Chicago — said nothing.", nil),
            ("The vote - a close one - passed.", nil),
        ]
        for (paragraph, expected) in cases {
            let (doc, _) = TextStages.document("Headline of the story\n\n" + paragraph + "\n\nSecond paragraph here.")
            #expect(doc.layout.dateline == expected, "\(paragraph)")
        }
    }

    @Test func bylineAndFurniture() {
        let text = """
        Senate passes the budget bill

        By Jane Doe and John Roe

        WASHINGTON — The Senate passed the bill on Tuesday. It now goes to the House.

        Advertisement

        Lawmakers said the vote was close.

        Share this article
        Read more: Budget battles of the past
        Sign up for our newsletter
        Follow us on Twitter @news
        © 2024 News Corp. All rights reserved.
        """
        let (doc, _) = TextStages.document(text)
        #expect(doc.layout.title == "Senate passes the budget bill")
        #expect(doc.layout.byline == ["Jane Doe", "John Roe"])
        let kinds = TextStages.blocks(doc).map(\.1)
        #expect(kinds == [.title, .byline, .paragraph, .furniture, .paragraph, .furniture, .furniture, .furniture, .furniture, .furniture])
        #expect(!TextStages.sentences(doc).contains { $0.contains("Share") || $0.contains("Jane") || $0.contains("©") })
        #expect(TextStages.sentences(doc).first { $0.contains("Senate passed") } == "The Senate passed the bill on Tuesday.")
    }

    @Test func notABylineWhenItIsASentence() {
        let (doc, _) = TextStages.document("Headline here\n\nBy winning the Republican primary in Ohio, Kasich picked up all 66 delegates.\n\nMore text follows.")
        #expect(doc.layout.byline.isEmpty)
        #expect(!doc.layout.blocks.contains { $0.kind == .byline })
    }

    @Test func hardWrappedTextJoinsIntoParagraphs() {
        let text = """
        The council met on Tuesday evening to discuss the new budget for
        the coming year, and members argued for several hours about the
        cost of repairing the bridge over the river.

        In the end the vote was postponed until next month, when the
        engineers are expected to deliver their final report on it all.
        """
        let (doc, _) = TextStages.document(text)
        #expect(doc.layout.paragraphCount == 2)
        #expect(doc.sentences.count == 2)
    }

    @Test func crlfLinesKeepOffsets() {
        let text = "A headline\r\n\r\nFirst paragraph here.\r\nSecond paragraph here.\r\n"
        let (doc, _) = TextStages.document(text)
        #expect(TextStages.blocks(doc).map(\.0) == ["A headline", "First paragraph here.", "Second paragraph here."])
    }
}
