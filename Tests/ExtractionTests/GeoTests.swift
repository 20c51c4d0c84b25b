import Extraction
import ExtractionData
import NewsdTestKit
import Testing

/// The gazetteer's contents and the resolution of ambiguous place names.
@Suite struct GeoTests {
    var gazetteer: Gazetteer { TestExtractor.shared.resources.gazetteer }

    func place(_ text: String, _ name: String) -> Entity? {
        TestExtractor.extract(text)?.entities.first { $0.type == .location && ($0.name == name || $0.aliases.contains(name)) }
    }

    @Test func bundledGazetteerHasCountriesCitiesWatersAndDemonyms() {
        #expect(gazetteer.places.count > 30_000)
        #expect(gazetteer.places(named: "Ukraine").contains { $0.kind == .country && $0.country == "UA" })
        #expect(gazetteer.places(named: "Kharkiv").contains { $0.kind == .city && $0.country == "UA" && $0.geonamesID != nil })
        #expect(gazetteer.places(named: "East China Sea").contains { $0.kind == .water })
        #expect(gazetteer.places(named: "Russian").contains { $0.kind == .demonym && $0.country == "RU" })
        #expect(gazetteer.places(named: "the West").isEmpty)
        #expect(gazetteer.places(named: "West").contains { $0.kind == .bloc })
    }

    @Test func tableParsing() {
        let table = "# comment\nParis\tcity\tFR\t48.85\t2.35\t2988507\t2138551\nParis\tcity\tUS\t33.66\t-95.55\t4717560\t24782\n"
        let g = Gazetteer(placesTable: Array(table.utf8))
        let paris = g.places(named: "PARIS")
        #expect(paris.count == 2)
        #expect(paris[0].latitude == 48.85)
        #expect(paris[0].population == 2_138_551)
    }

    @Test func georgiaIsTheCountryUnlessTheArticleIsAmerican() {
        #expect(place("Troops crossed from Russia into Georgia and reached Tbilisi.", "Georgia")?.geo?.country == "GE")
        #expect(place("Voters in Georgia and Texas lined up as the United States went to the polls.", "Georgia")?.geo?.country == "US")
    }

    @Test func parisIsInFranceByPopulation() {
        #expect(place("The summit was held in Paris.", "Paris")?.geo?.country == "FR")
        #expect(place("The U.S. envoy flew to Paris.", "Paris")?.geo?.country == "FR")
    }

    @Test func washingtonIsTheCapitalByDefault() {
        let w = place("Protesters marched in Washington.", "Washington")
        #expect(w?.geo?.country == "US")
        #expect(w?.geo?.kind == .city)
    }

    @Test func theWestIsABlocNotAPlace() {
        let es = TestExtractor.extract("Moscow blamed the West for the war.")?.entities ?? []
        #expect(!es.contains { $0.type == .location && $0.name == "West" })
    }
}
