import Extraction
import NewsdTestKit
import Testing

@Suite struct KeywordsTests {
    let text = """
        Western sanctions have cut Moscow's access to trade. The sanctions were imposed after the invasion.
        Western sanctions also hit Russian banks, and Russian banks now lend less.
        China buys Russian oil. China also sells machinery to Russia despite Western sanctions.
        Analysts say the sanctions are working slowly.
        """

    @Test func phrasesAreScoredDeduplicatedAndNotStopWords() {
        let keywords = KeywordExtractor.extract(TestDocument.paragraphs(text), entities: [])
        let terms = keywords.map(\.term)
        #expect(!keywords.isEmpty && keywords.count <= KeywordExtractor.limit)
        #expect(terms.contains("Western sanctions"))
        #expect(terms.contains("Russian banks"))
        #expect(terms.contains("China"))
        // Scores fall, the best is 1.
        #expect(keywords.first?.score == 1)
        #expect(zip(keywords, keywords.dropFirst()).allSatisfy { $0.score >= $1.score })
        // No stop word, on its own or at either end of a phrase.
        for term in terms {
            let words = term.lowercased().split(separator: " ").map(String.init)
            #expect(!StopWords.contains(words.first!) && !StopWords.contains(words.last!), "\(term)")
        }
        // Case-insensitive, singular/plural deduplication.
        let folded = terms.map { $0.lowercased() }
        #expect(Set(folded).count == folded.count)
        #expect(!(folded.contains("sanction") && folded.contains("sanctions")))
    }

    @Test func atMostFifteen() {
        var long = ""
        for i in 0..<40 {
            long += "Topic\(i) alpha\(i) matters. Topic\(i) alpha\(i) again. "
        }
        #expect(KeywordExtractor.extract(TestDocument.paragraphs(long), entities: []).count == 15)
    }

    @Test func entitiesAreBoostedAndNamedCanonically() {
        let doc = TestDocument.paragraphs("""
            Putin met Xi in Beijing. The summit covered trade, trade routes and trade deals.
            Putin praised the trade ties. Analysts said trade will grow.
            """)
        let putin = Entity(id: "e1", type: .person, name: "Vladimir Putin", aliases: ["Putin"], mentions: [], salience: 1)
        let without = KeywordExtractor.extract(doc, entities: [])
        let with = KeywordExtractor.extract(doc, entities: [putin])
        let rankWithout = without.firstIndex { $0.term == "Putin" }
        let rankWith = with.firstIndex { $0.term == "Putin" || $0.term == "Vladimir Putin" }
        #expect(rankWithout != nil && rankWith != nil)
        if let a = rankWithout, let b = rankWith { #expect(b <= a) }
    }

    @Test func emptyAndStopWordOnlyTexts() {
        #expect(KeywordExtractor.extract(TestDocument.paragraphs("It is what it is, and so it was."), entities: []).isEmpty)
        #expect(KeywordExtractor.extract(TestDocument.paragraphs("123 456 ..."), entities: []).isEmpty)
    }

    @Test(.needsSharedData) func sampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let article = try #require(TestExtractor.extract(String(decoding: bytes, as: UTF8.self)))
        let terms = article.keywords.map(\.term)
        #expect(terms.count >= 5 && terms.count <= 15)
        #expect(terms.contains("Putin"))
        #expect(terms.contains("China"))
        #expect(terms.contains { $0.contains(" ") }, "some key phrases have more than one word")
        for term in terms {
            let words = term.lowercased().split(separator: " ").map(String.init)
            #expect(!StopWords.contains(words.first!) && !StopWords.contains(words.last!), "\(term)")
        }
    }
}
