import Extraction
import NewsdTestKit
import Testing

/// The golden test of issue 3 on the sample article (../shared/data/seed/beijing-summit.txt).
@Suite struct SampleArticleEntitiesTests {
    static let article: ExtractedArticle? = SharedData.sampleArticle().flatMap {
        try? TestExtractor.shared.extract(ArticleInput(bytes: $0, format: .text,
                                                      referenceDate: CivilDate(year: 2024, month: 5, day: 16))).get()
    }

    func entity(_ name: String, _ type: EntityType) -> Entity? {
        Self.article?.entities.first { $0.type == type && ($0.name == name || $0.aliases.contains(name)) }
    }

    @Test(.needsSharedData)
    func people() throws {
        let putin = try #require(entity("Vladimir Putin", .person))
        #expect(putin.name == "Vladimir Putin")
        #expect(putin.aliases.contains("Putin"))
        #expect(putin.roles.contains { $0.contains("President") })
        #expect(putin.roles.contains("Russian President"))
        let xi = try #require(entity("Xi Jinping", .person))
        #expect(xi.aliases.contains("Xi"))
        #expect(xi.roles.contains("Chinese leader"))
        let hoo = try #require(entity("Hoo Tiang Boon", .person))
        #expect(hoo.roles.contains { $0.contains("Nanyang Technological University") })
        #expect(entity("Volodymyr Zelenskyy", .person) != nil)
    }

    @Test(.needsSharedData)
    func organisations() {
        for name in ["NATO", "CBS News", "Nanyang Technological University", "Kremlin"] {
            #expect(entity(name, .organization) != nil, "missing organisation \(name)")
        }
    }

    @Test(.needsSharedData)
    func places() throws {
        for (name, country) in [("Beijing", "CN"), ("Kharkiv", "UA"), ("Singapore", "SG"), ("Taiwan", "TW"),
                                ("Moscow", "RU"), ("Kyiv", "UA")] {
            let place = entity(name, .location)
            #expect(place?.geo?.country == country, "\(name): \(String(describing: place?.geo))")
        }
        #expect(entity("Sea of Japan", .location)?.geo?.kind == .water)
        #expect(entity("East China Sea", .location)?.geo?.kind == .water)
        let us = try #require(entity("United States", .location))
        #expect(us.aliases.contains("U.S."))
        #expect(us.aliases.contains("US"))
    }

    @Test(.needsSharedData)
    func noFalseEntities() throws {
        let entities = try #require(Self.article?.entities)
        #expect(!entities.contains { $0.name.contains("Kyiv’s") || $0.aliases.contains { $0.contains("Kyiv’s") } })
        #expect(!entities.contains { $0.type == .location && $0.name.contains("Western") })
        #expect(!entities.contains { $0.type == .person && ($0.name == "Kyiv" || $0.aliases.contains("Kyiv")) })
        #expect(!entities.contains { $0.type == .location && ($0.name == "Russian" || $0.name == "Chinese") })
        // Ids follow salience order.
        for (n, e) in entities.enumerated() { #expect(e.id == "e\(n + 1)") }
        #expect(zip(entities, entities.dropFirst()).allSatisfy { $0.salience >= $1.salience })
        // Every mention's text is the body text at its offsets.
        let body = Array(try #require(Self.article?.text).unicodeScalars)
        for e in entities {
            for m in e.mentions {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: body[m.start..<m.end])
                #expect(String(s) == m.text)
            }
        }
    }
}
