@testable import Daemon
import Extraction
import Foundation
import Testing

@Suite struct SummaryWindowTests {
    private func entry(at: Double, people: [String], organizations: [(String, [String])] = [], places: [(String, Int?)] = [],
                       keywords: [String] = [], tone: Double = 0, id: String = "x", story: String? = nil) -> SummaryEntry {
        var article = ExtractedArticle()
        article.title = "t"
        var entities = people.map { Entity(id: "", type: .person, name: $0, mentions: []) }
        entities += organizations.map { Entity(id: "", type: .organization, name: $0.0, aliases: $0.1, mentions: []) }
        entities += places.map { name, id in
            Entity(id: "", type: .location, name: name, mentions: [],
                   geo: id.map { GeoInfo(country: "US", kind: .country, latitude: nil, longitude: nil, geonamesID: $0) })
        }
        article.entities = entities.enumerated().map { var e = $0.element; e.id = "e\($0.offset)"; return e }
        article.keywords = keywords.map { Keyword(term: $0, score: 1) }
        article.tone = Tone(score: tone)
        var record = ArticleRecord(id: id, source: SourceInfo(path: "/p", inbox: "i", name: "n", bytes: 1, modified: "", format: .text, encoding: .utf8),
                                   ingestedAt: Timestamp.rfc3339(at), processingMs: 1, article: article)
        record.story = story
        return SummaryEntry(record: record)
    }

    @Test func aPageNamingItsSiteIsCountedUnderTheSiteElseUnderItsInbox() {
        var article = ExtractedArticle()
        article.site = "Example News"
        let source = SourceInfo(path: "/p", inbox: "crawler", name: "n", bytes: 1, modified: "", format: .html, encoding: .utf8)
        let record = ArticleRecord(id: "a", source: source, ingestedAt: Timestamp.rfc3339(1000), processingMs: 1, article: article)
        #expect(SummaryEntry(record: record).source == "Example News")
        #expect(entry(at: 1000, people: []).source == "i")
    }

    @Test func countsArticlesPerNameAndForgetsWhatLeavesTheWindow() {
        var window = SummaryWindow(windowSeconds: 100)
        window.add(entry(at: 1000, people: ["Putin", "Xi"]))
        window.add(entry(at: 1050, people: ["Putin", "Putin"]))
        window.add(entry(at: 1090, people: ["Zelenskyy"]))
        window.expire(now: 1100)
        #expect(window.top(.people, 2).map(\.name) == ["Putin", "Xi"])
        #expect(window.top(.people, 1).first?.key == "person:putin")
        #expect(window.top(.people, 1).first?.articles == 2, "a name counts once per article")
        window.expire(now: 1120)
        #expect(window.articleCount == 2)
        #expect(window.top(.people, 3).map(\.name) == ["Putin", "Zelenskyy"])
    }

    @Test func aBurstOfArticlesCostsBoundedMemoryAndKeepsItsLeaders() {
        var window = SummaryWindow(windowSeconds: 86_400)
        let articles = 50_000
        for n in 0..<articles {
            // Every article names someone new; every tenth names Putin too.
            window.add(entry(at: 1_000_000 + Double(n) / 100, people: n % 10 == 0 ? ["Putin", "Person \(n)"] : ["Person \(n)"]))
        }
        #expect(window.articleCount == articles)
        let kept = window.top(.people, .max).count
        #expect(kept <= 2 * SummaryWindow.maxNamesPerSlot, "names kept: \(kept)")
        let leader = window.top(.people, 1).first
        #expect(leader?.name == "Putin")
        // Each thinning step costs every name one count; a step comes at most once per
        // maxNamesPerSlot new names.
        #expect((leader?.articles ?? 0) >= articles / 10 - articles / SummaryWindow.maxNamesPerSlot)
        #expect((leader?.articles ?? 0) <= articles / 10)
    }

    @Test func latestStaysNewestWhateverTheOrderOfArrival() {
        var window = SummaryWindow(windowSeconds: 3600)
        for t in [5.0, 1, 30, 2, 20, 10].map({ 10_000 + $0 }) { window.add(entry(at: t, people: [])) }
        #expect(window.latest.map(\.at) == [1, 2, 5, 10, 20, 30].map { 10_000 + $0 })
        for t in 0..<40 { window.add(entry(at: 20_000 + Double(t), people: [])) }
        #expect(window.latest.count == SummaryWindow.latestCapacity)
        #expect(window.latest.last?.at == 20_039)
        window.expire(now: 20_039 + 3600 - 30)
        #expect(window.latest.allSatisfy { $0.at >= 20_009 }, "what left the window is no longer latest")
    }

    @Test func articlesPerHourAndRecentRate() {
        var window = SummaryWindow(windowSeconds: 86_400)
        let now = 1_000_000.0
        for age in [10.0, 20, 700, 3_700, 3_800, 7_300] { window.add(entry(at: now - age, people: [])) }
        #expect(window.articlesPerHour(now: now, hours: 3) == [1, 2, 3])
        #expect(window.articles(since: now - 600) == 2)
    }

    @Test func markdownEscapesArticleText() {
        #expect(Markdown.escape("<script>alert(1)</script> *x*\n# y") == "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\# y")
    }

    @Test func formsOfOneNameAndOnePlaceCountAsOne() {
        var window = SummaryWindow(windowSeconds: 3600)
        window.add(entry(at: 1000, people: ["Donald Trump"], places: [("United States", 6_252_001)]))
        window.add(entry(at: 1001, people: ["Donald J. Trump"], places: [("U.S.", 6_252_001)]))
        window.add(entry(at: 1002, people: ["Donald Trump"], places: [("U.S.", 6_252_001)]))
        let person = window.top(.people, 5)
        #expect(person.map(\.articles) == [3])
        #expect(person.first?.name == "Donald Trump", "the form most articles used")
        let place = window.top(.places, 5).first
        #expect(place?.key == "geonames:6252001")
        #expect(place?.articles == 3)
        #expect(place?.place?.geonamesID == 6_252_001)
        #expect(place?.place?.country == "US")
    }

    @Test func aShortNameJoinsTheOnlyFullNameEndingWithIt() {
        var window = SummaryWindow(windowSeconds: 3600)
        window.add(entry(at: 1000, people: ["Barack Obama", "Hillary Clinton"]))
        window.add(entry(at: 1001, people: ["Obama", "Clinton"]))
        window.add(entry(at: 1002, people: ["Obama"]))
        #expect(window.top(.people, 1).first.map { [$0.name, String($0.articles)] } == ["Barack Obama", "3"])
        #expect(window.top(.people, 5).contains { $0.name == "Hillary Clinton" && $0.articles == 2 })
        window.add(entry(at: 1003, people: ["Bill Clinton"]))
        let names = window.top(.people, 5).map(\.name)
        #expect(names.contains("Clinton"), "two Clintons: the short name stays apart")
        #expect(names.contains("Hillary Clinton") && names.contains("Bill Clinton"))
    }

    @Test func aFullNameFarLessNamedDoesNotMakeAShortNameAmbiguous() {
        var window = SummaryWindow(windowSeconds: 3600)
        for n in 0..<12 { window.add(entry(at: 1000 + Double(n), people: ["Barack Obama"])) }
        window.add(entry(at: 1012, people: ["Michelle Obama"]))
        window.add(entry(at: 1013, people: ["Obama"]))
        #expect(window.top(.people, 1).first.map { [$0.name, String($0.articles)] } == ["Barack Obama", "13"])
        window.add(entry(at: 1014, people: ["Michelle Obama"]))
        #expect(window.top(.people, 1).first?.articles == 12, "two Obamas named enough: the short name stays apart")
    }

    @Test func anAcronymJoinsItsExpansionWhenAnArticleSpellsItOutOrTheTableKnowsIt() {
        var window = SummaryWindow(windowSeconds: 3600)
        window.add(entry(at: 1000, people: [], organizations: [("Democratic Senatorial Campaign Committee", ["DSCC"])]))
        window.add(entry(at: 1001, people: [], organizations: [("DSCC", [])]))
        window.add(entry(at: 1002, people: [], organizations: [("Republican Party", []), ("GOP", [])]))
        window.add(entry(at: 1003, people: [], organizations: [("GOP", [])]))
        window.add(entry(at: 1004, people: [], organizations: [("ACLU", [])]))
        window.add(entry(at: 1005, people: [], organizations: [("CNN Headline News", ["CNN"])]))
        window.add(entry(at: 1006, people: [], organizations: [("CNN", [])]))
        let top = window.top(.organizations, 5)
        #expect(top.first { $0.key == "organization:democratic senatorial campaign committee" }?.articles == 2)
        #expect(top.first { $0.key == "organization:republican party" }?.articles == 2, "GOP by the alias table, once per article")
        #expect(top.first { $0.key == "organization:republican party" }?.name == "Republican Party")
        #expect(top.contains { $0.key == "organization:aclu" }, "an acronym with no expansion in the window stays")
        #expect(!top.contains { $0.key == "organization:gop" })
        #expect(top.contains { $0.key == "organization:cnn" }, "an alias that is a word of the name is not its acronym")
    }

    @Test func whatRisesIsWhatTheLastHourNamesFarMoreThanBefore() {
        var window = SummaryWindow(windowSeconds: 86_400)
        let now = 1_000_000.0
        for n in 0..<40 { window.add(entry(at: now - 20_000 + Double(n), people: ["Steady", n < 2 ? "Newcomer" : "Other \(n)"], keywords: ["budget"])) }
        for n in 0..<10 { window.add(entry(at: now - 600 + Double(n), people: ["Steady", "Newcomer"], keywords: ["budget", "flood"], tone: -2)) }
        let rising = window.rising(.people, since: now - 3600, ratio: 2, minimumArticles: 3, 10)
        #expect(rising.map(\.item.name) == ["Newcomer"])
        #expect(window.rising(.keywords, since: now - 3600, ratio: 2, minimumArticles: 3, 10).map(\.item.name) == ["flood"])
        #expect(window.rising(.people, since: now - 3600, ratio: 2, minimumArticles: 11, 10).isEmpty, "the minimum count holds")
        let newcomer = window.top(.people, 5).first { $0.name == "Newcomer" }
        #expect(newcomer?.articles == 12)
        #expect(abs((newcomer?.tone ?? 0) - (-20.0 / 12)) < 1e-9, "mean tone over its articles")
    }

    @Test func storiesCountTheirArticlesAndLeadWithTheBiggest() {
        var window = SummaryWindow(windowSeconds: 3600)
        window.add(entry(at: 1000, people: ["Anna Schmidt"], places: [("Berlin", 2_950_159)], id: "a", story: "a"))
        window.add(entry(at: 1001, people: ["Anna Schmidt"], id: "b", story: "a"))
        window.add(entry(at: 1002, people: [], id: "c", story: "c"))
        window.add(entry(at: 1003, people: ["Anna Schmidt"], id: "d", story: "a"))
        let stories = window.topStories(5)
        #expect(stories.map(\.id) == ["a", "c"])
        #expect(stories.first?.articles == 3)
        #expect(stories.first?.first == 1000)
        #expect(stories.first?.last == 1003)
        #expect(stories.first?.people == ["Anna Schmidt"])
        #expect(stories.first?.places == ["Berlin"])
        window.expire(now: 1002.5 + 3600)
        #expect(window.topStories(5).map(\.id) == ["a"], "a story leaves with its newest article")
    }

    @Test func summaryJSONCarriesKeysPlaceFactsStoriesAndRising() throws {
        var window = SummaryWindow(windowSeconds: 86_400)
        window.add(entry(at: 1000, people: ["Donald J. Trump"], places: [("U.S.", 6_252_001)], id: "a", story: "a"))
        window.add(entry(at: 1001, people: ["Donald Trump"], places: [("United States", 6_252_001)], id: "b", story: "a"))
        let report = SummaryReport(window: window, totals: RunTotals(), top: 10, now: 1002, startedAt: 0, queueDepth: 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json())) as? [String: Any])
        let top = try #require(json["top"] as? [String: Any])
        let person = try #require((top["people"] as? [[String: Any]])?.first)
        #expect(person["key"] as? String == "person:donald trump")
        #expect(person["articles"] as? Int == 2)
        #expect(person["tone"] != nil)
        let place = try #require((top["places"] as? [[String: Any]])?.first)
        #expect(place["geonames_id"] as? Int == 6_252_001)
        #expect(place["kind"] as? String == "country")
        #expect(place["country"] as? String == "US")
        let story = try #require((json["stories"] as? [[String: Any]])?.first)
        #expect(story["articles"] as? Int == 2)
        #expect(story["id"] as? String == "a")
        #expect((json["rising"] as? [String: Any])?["people"] != nil)
        let markdown = report.markdown()
        #expect(markdown.contains("## Top stories"))
        #expect(markdown.contains("Trump — 2 articles"))
    }
}
