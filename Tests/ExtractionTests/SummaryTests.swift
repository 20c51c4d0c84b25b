import Extraction
import NewsdTestKit
import Testing

@Suite struct SummaryTests {
    @Test func picksWholeBodySentencesInArticleOrder() {
        let doc = TestDocument.blocks([
            (.title, "Leaders agree on a new trade pact"),
            (.furniture, "Share this article on social media now please."),
            (.paragraph, "The leaders of China and Russia agreed a new trade pact on Thursday in Beijing."),
            (.heading, "What the trade pact means for both countries"),
            (.paragraph, "The trade pact cuts tariffs between China and Russia on energy and machinery."),
            (.paragraph, "Officials said the pact would double trade between the two countries by 2030."),
            (.paragraph, "The weather in Beijing was warm and sunny all week long."),
            (.paragraph, "Critics in Europe said the trade pact helps Russia evade sanctions."),
            (.paragraph, "A band played at the dinner that followed the talks."),
            (.paragraph, "Both leaders said China and Russia would meet again next year to review the pact."),
            (.paragraph, "Comments 2"),
        ])
        let summary = Summarizer.summarize(doc)
        #expect((1...3).contains(summary.count))
        #expect(summary.first == "The leaders of China and Russia agreed a new trade pact on Thursday in Beijing.")
        #expect(!summary.contains { $0.contains("Share this") || $0.contains("Comments") || $0.contains("weather") })
        #expect(!summary.contains("Leaders agree on a new trade pact"))
        #expect(!summary.contains("What the trade pact means for both countries"))
        // In article order.
        let positions = summary.compactMap { s in doc.text.range(of: s)?.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func neverAFragment() {
        let doc = TestDocument.paragraphs("""
            Breaking news
            Comments 2
            and then the talks went on for hours without any result at all.
            The two leaders met in Beijing on Thursday to discuss the war in Ukraine.
            """)
        #expect(Summarizer.summarize(doc) == ["The two leaders met in Beijing on Thursday to discuss the war in Ukraine."])
        #expect(Summarizer.summarize(TestDocument.paragraphs("Comments 2\nShare")).isEmpty)
        let unpunctuated = TestDocument.paragraphs("Comments 2\nThe two leaders met in Beijing on Thursday to discuss the war in Ukraine")
        #expect(Summarizer.summarize(unpunctuated) == ["The two leaders met in Beijing on Thursday to discuss the war in Ukraine"])
        let quoted = TestDocument.paragraphs("""
            He said, “In many ways, the summit was a success for both of the leaders. It was not easy.”
            The two leaders met in Beijing on Thursday to discuss the war in Ukraine.
            """)
        #expect(Summarizer.summarize(quoted) == ["The two leaders met in Beijing on Thursday to discuss the war in Ukraine."])
    }

    @Test func hugeInputsStayCheap() {
        var text = ""
        for i in 0..<5_000 {
            text += "Sentence number \(i) talks about trade between China and Russia at length.\n"
        }
        let summary = Summarizer.summarize(TestDocument.paragraphs(text))
        #expect((1...3).contains(summary.count))
    }

    @Test(.needsSharedData) func sampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let article = try #require(TestExtractor.extract(String(decoding: bytes, as: UTF8.self)))
        #expect((1...3).contains(article.summary.count))
        #expect(!article.summary.contains { $0.contains("Comments 2") })
        #expect(article.summary.first?.hasPrefix("At a summit in Beijing on Thursday") == true)
        #expect(article.summary.allSatisfy { $0.hasSuffix(".") || $0.hasSuffix("”") || $0.hasSuffix("\"") })
    }
}
