import Extraction
import NewsdTestKit
import Testing

/// Golden tests on the sample article (`../shared/data/seed/beijing-summit.txt`).
@Suite struct QuoteGoldenTests {
    static func sampleQuotes() -> (text: String, quotes: [Quote])? {
        guard let bytes = SharedData.sampleArticle(), let text = String(bytes: bytes, encoding: .utf8),
              let article = TestExtractor.extract(text) else { return nil }
        return (text, article.quotes)
    }

    /// Whether `quote` is Putin's: linked to his entity.
    static func isPutin(_ q: Quote) -> Bool {
        q.speaker == "Vladimir Putin" && q.speakerEntity != nil
    }

    @Test(.needsSharedData) func quotesAfterPutinSaidArePutins() throws {
        let (_, quotes) = try #require(Self.sampleQuotes())
        // Quoted words inside a clause their cue reports are that one (mixed) quote.
        for words in ["We appreciate the initiative", "the situation in Ukraine", "but such negotiations",
                      "lay the groundwork", "unprecedented level of strategic partnership"] {
            let holding = quotes.filter { $0.text.contains(words) }
            #expect(!holding.isEmpty, "no quote \(words)")
            for q in holding { #expect(Self.isPutin(q), "\(words): \(q.speaker ?? "nil")") }
        }
        for words in ["but such negotiations", "unprecedented level of strategic partnership"] {
            #expect(quotes.filter { $0.text.contains(words) }.count == 1, "\(words)")
        }
        let according = try #require(quotes.first { $0.text.hasPrefix("lay the groundwork") })
        #expect(according.cue?.lowercased() == "according to")
    }

    @Test(.needsSharedData) func xiAndZelenskyyQuotes() throws {
        let (_, quotes) = try #require(Self.sampleQuotes())
        let xi = try #require(quotes.first { $0.text.hasPrefix("I and President Putin agree") })
        #expect(xi.speaker == "Xi Jinping")
        #expect(xi.speakerEntity != nil)
        let zelenskyy = try #require(quotes.first { $0.text.contains("“to Europe, and to the United States”") })
        #expect(zelenskyy.speaker == "Volodymyr Zelenskyy")
        #expect(zelenskyy.speakerEntity != nil)
        #expect(zelenskyy.speakerMention?.text == "the head of Ukraine")
    }

    @Test(.needsSharedData) func noLimitsIsNotAQuote() throws {
        let (text, quotes) = try #require(Self.sampleQuotes())
        #expect(text.contains("no-limits"))
        #expect(!quotes.contains { $0.text.contains("no-limits") || $0.text.contains("no limits") })
    }
}
