import Extraction
import NewsdTestKit
import Testing

/// Within one article: clipped forms join their organisation, organisation names qualify titles,
/// and a name labelled once is found again where it stands unmarked.
@Suite struct ArticleConsistencyTests {
    static let fed = """
        # Fed holds rates steady

        The Federal Reserve kept interest rates unchanged on Wednesday. Fed Chair Jerome Powell said the central bank would wait for more data.

        "We are in no hurry," Powell told reporters in Washington. The Fed meets again in June.
        """

    func entities(_ text: String, format: ArticleFormat = .text) -> [Entity] {
        TestExtractor.extract(text, format: format)?.entities ?? []
    }

    @Test func clippedFormJoinsTheOrganisation() throws {
        let es = entities(Self.fed, format: .markdown)
        let fed = try #require(es.first { $0.name == "Federal Reserve" })
        #expect(fed.type == .organization)
        #expect(fed.aliases.contains("Fed"))
        #expect(!es.contains { $0.name == "Fed" })
    }

    @Test func organisationBeforeATitleIsPartOfTheRole() throws {
        let powell = try #require(entities(Self.fed, format: .markdown).first { $0.name == "Jerome Powell" })
        #expect(powell.type == .person)
        #expect(powell.roles.contains("Fed Chair"))
    }

    @Test func aWordThatOnlyBeginsAnotherDoesNotJoinIt() {
        let es = entities("Fordham University said on Monday it would expand. Separately, Ford Motor sold more cars. Ford said demand was strong.")
        #expect(!es.contains { $0.name == "Fordham University" && $0.aliases.contains("Ford") })
    }
}
