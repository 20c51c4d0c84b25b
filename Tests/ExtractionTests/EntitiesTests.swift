import Extraction
import NewsdTestKit
import Testing

/// Grouping, possessives, demonyms and roles of the entity extractor, on small texts.
@Suite struct EntitiesTests {
    func entities(_ text: String) -> [Entity] {
        TestExtractor.extract(text)?.entities ?? []
    }

    func find(_ es: [Entity], _ name: String) -> Entity? {
        es.first { $0.name == name || $0.aliases.contains(name) }
    }

    @Test func shortNamesJoinTheFullName() throws {
        let es = entities("German Chancellor Angela Merkel met the press in Berlin on Monday. Merkel said the talks went well. Later, Merkel left.")
        let merkel = try #require(find(es, "Angela Merkel"))
        #expect(merkel.type == .person)
        #expect(merkel.name == "Angela Merkel")
        #expect(merkel.aliases == ["Merkel"])
        #expect(merkel.mentions.count == 3)
        #expect(merkel.roles.contains("German Chancellor"))
        #expect(es.filter { $0.type == .person }.count == 1)
    }

    @Test func possessivesAreCutOff() throws {
        let es = entities("The attack hit Kyiv’s power grid overnight. Officials in Kyiv said repairs would take weeks.")
        let kyiv = try #require(find(es, "Kyiv"))
        #expect(kyiv.type == .location)
        #expect(kyiv.mentions.map(\.text) == ["Kyiv", "Kyiv"])
        #expect(kyiv.geo?.country == "UA")
    }

    @Test func aSmallTownNamedLikeThisArticlesPersonIsThatPerson() throws {
        let es = entities("Barack Obama spoke in Ohio on Tuesday. Critics of the Obama administration said Obama was wrong.")
        // "Obama" is also a town of 29,000 in Japan in the gazetteer: here it is the person, every time.
        #expect(es.allSatisfy { $0.type != .location || !$0.mentions.contains { $0.text == "Obama" } })
        let obama = try #require(es.first { $0.mentions.contains { $0.text == "Obama" } })
        #expect(obama.type == .person)
    }

    @Test func aNameTheArticleGivesAPersonIsThatPersonWhereverItStands() throws {
        let es = entities("""
            Economists expect Mr. Trump's trade team to move quickly. Mexico is preparing for the prospect of a \
            Trump presidency, officials said. The best approach to a Trump administration may be to wait, one \
            adviser said, and to resist Mr. Trump's protectionist agenda.
            """)
        // The tagger alone calls "a Trump presidency" and "a Trump administration" organisations.
        let trump = es.filter { $0.mentions.contains { $0.text == "Trump" } }
        #expect(trump.count == 1)
        #expect(trump.first?.type == .person)
        #expect(trump.first?.mentions.count == 4)
    }

    @Test func aFullNameEndingInAPersonsNameIsThatPerson() throws {
        let es = entities("""
            I wrote last week about Mrs. Clinton's tax plans, as I did earlier about Donald J. Trump's. \
            Mr. Trump's plan would cost more.
            """)
        // The tagger alone calls "Donald J. Trump's" an organisation, beside a person "Trump".
        let trump = es.filter { $0.mentions.contains { $0.text.hasSuffix("Trump") } }
        #expect(trump.count == 1)
        #expect(trump.first?.type == .person)
        #expect(trump.first?.name == "Donald J. Trump")
        // A name that goes on past the surname is not that person.
        let named = entities("Trump Tower and the Clinton Foundation were named. Donald Trump and Bill Clinton met on Monday.")
        #expect(find(named, "Trump Tower")?.type == .organization)
        #expect(find(named, "Clinton Foundation")?.type == .organization)
        #expect(find(named, "Donald Trump")?.type == .person)
    }

    @Test func aSmallTownsNameWrittenAsAPersonsIsThatPerson() throws {
        let person = entities("Coal credits count toward the goals that the Obama administration has set for states.")
        let obama = try #require(find(person, "Obama"))
        #expect(obama.type == .person)
        #expect(obama.geo == nil)
        // After a preposition of place ("the town of Obama told"), the name stays the town's.
        let town = entities("A policeman in the southern Japanese town of Obama told reporters that thieves rammed the window.")
        #expect(find(town, "Obama")?.type == .location)
        #expect(find(town, "Obama")?.geo?.country == "JP")
    }

    @Test func countryFormsAreOneEntity() throws {
        let es = entities("The United States imposed new tariffs. Officials in the U.S. said the US would not back down.")
        let us = try #require(find(es, "United States"))
        #expect(us.type == .location)
        #expect(Set(us.mentions.map(\.text)) == ["United States", "U.S.", "US"])
        #expect(us.geo?.country == "US")
        #expect(us.geo?.kind == .country)
    }

    @Test func demonymsAreNotPlaces() {
        let es = entities("Russian troops advanced while Chinese officials watched. Moscow denied it.")
        #expect(!es.contains { $0.type == .location && ($0.name == "Russian" || $0.name == "Chinese") })
        #expect(find(es, "Moscow")?.geo?.country == "RU")
    }

    /// A people's name is not a short form of an organisation that starts with it.
    @Test func aDemonymDoesNotJoinAnOrganisationNamedAfterIt() throws {
        let es = entities("The Saudi Press Agency said the talks would resume. Saudi officials met American envoys in Riyadh on Monday, and Saudi state television showed the meeting.")
        let agency = try #require(find(es, "Saudi Press Agency"))
        #expect(agency.type == .organization)
        #expect(agency.mentions.map(\.text) == ["Saudi Press Agency"])
    }

    @Test func rolesFromTitlesAndAppositions() throws {
        let es = entities("Russian Foreign Minister Sergei Lavrov spoke first. Jane Smith, a professor at Columbia University in New York who studies Russia, disagreed. Kremlin spokesman Dmitry Peskov declined to comment.")
        let lavrov = try #require(find(es, "Sergei Lavrov"))
        #expect(lavrov.roles.contains("Russian Foreign Minister"))
        let smith = try #require(find(es, "Jane Smith"))
        #expect(smith.roles.contains("professor at Columbia University"))
        let peskov = try #require(find(es, "Dmitry Peskov"))
        #expect(peskov.roles.contains("Kremlin spokesman"))
        #expect(find(es, "Columbia University")?.type == .organization)
        #expect(find(es, "Kremlin")?.type == .organization)
    }

    @Test func acronymsJoinTheirOrganisation() throws {
        let es = entities("The North Atlantic Treaty Organization met in Brussels. NATO members agreed to spend more.")
        let nato = try #require(find(es, "North Atlantic Treaty Organization"))
        #expect(nato.type == .organization)
        #expect(nato.aliases.contains("NATO"))
    }

    @Test func washingtonAsGovernmentOnlyWhenClear() {
        let gov = entities("Washington said it would impose sanctions. Beijing rejected the demand.")
        #expect(find(gov, "Washington")?.type == .organization)
        let city = entities("The protest took place in Washington on Saturday.")
        #expect(find(city, "Washington")?.type == .location)
        #expect(find(city, "Washington")?.geo?.country == "US")
    }

    @Test func sentenceInitialCapitalsAreNotNames() {
        let es = entities("However, the plan failed. Yesterday the minister resigned. Both sides blamed Smith.")
        #expect(!es.contains { ["However", "Yesterday", "Both"].contains($0.name) })
    }

    @Test func idsFollowSalience() {
        let es = entities("Boris Johnson visited Paris. Johnson met Emmanuel Macron. Johnson and Macron spoke about France and Johnson left.")
        #expect(es.first?.name == "Boris Johnson")
        for (n, e) in es.enumerated() { #expect(e.id == "e\(n + 1)") }
        #expect(es.allSatisfy { (0...1).contains($0.salience) })
    }
}

/// How the trained tagger's candidates merge with the rules' mentions (the tagger itself is not
/// trained yet, so its output is given by hand here).
@Suite struct EntitiesMergeTests {
    /// Punctuation is trimmed off a tagged span ("West?"), but not a bracket the span itself opened.
    @Test func aTaggedNameKeepsTheBracketItCloses() {
        let merged = merge("Results: Mladost ( BJ ) 2 Radnicki ( N ) 1. Who won the West?", withRules: false,
                           tagged: [("Mladost ( BJ )", .organization), ("Radnicki ( N )", .organization), ("West?", .location)])
        #expect(merged.map(\.text) == ["Mladost ( BJ )", "Radnicki ( N )", "West"])
    }

    @Test func taggerSpansWinExceptInsideConfidentPlaces() {
        let merged = merge("Jets flew over the East China Sea as Acme Widgets said Tom Smith would visit Paris.", withRules: true,
                           tagged: [("China", .location), ("Acme Widgets", .organization), ("Tom Smith", .person)])
        let byText = Dictionary(merged.map { ($0.text, $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["East China Sea"] == .location)
        #expect(byText["China"] == nil)
        #expect(byText["Acme Widgets"] == .organization)
        #expect(byText["Tom Smith"] == .person)
        #expect(byText["Paris"] == .location)
    }

    /// The merger's mentions (text and type) of one paragraph `text`, from the tagger's `tagged`
    /// spans (each sure, at 0.9) and, `withRules`, the rules' mentions of it.
    private func merge(_ text: String, withRules: Bool, tagged: [(String, EntityType)]) -> [(text: String, type: EntityType)] {
        let scalars = Array(text.unicodeScalars)
        let layout = ArticleLayout(blocks: [.init(range: 0..<scalars.count, kind: .paragraph)])
        let doc = Document(text: text, scalars: scalars, layout: layout)
        let extractor = EntityExtractor(resources: TestExtractor.shared.resources)
        func range(_ s: String) -> Range<Int> {
            let r = text.range(of: s)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            return start..<(start + s.unicodeScalars.count)
        }
        let candidates = tagged.map { MentionCandidate(range: range($0.0), type: $0.1, confidence: 0.9, origin: .tagger) }
        let merged = extractor.merge(doc, rules: withRules ? extractor.ruleCandidates(doc) : [], tagged: candidates)
        return merged.map { (String(scalars[$0.range].map(Character.init)), $0.type) }
    }
}
