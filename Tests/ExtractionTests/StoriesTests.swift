import Extraction
import NewsdTestKit
import Testing

/// Entity keys and story fingerprints: what lets the summary and the story index match articles.
@Suite struct StoriesTests {
    @Test(arguments: [
        ("Donald J. Trump", "Donald Trump"), ("Mr. Donald Trump", "DONALD TRUMP"), ("President Obama", "Obama"),
        ("Martin Luther King Jr.", "Martin Luther King"), ("José Martí", "Jose Marti"), ("O’Malley", "O'Malley"),
        ("Trump's", "Trump"),
    ])
    func personNamesThatDifferOnlyInFormFoldToOneKey(a: String, b: String) {
        #expect(EntityKey.of(type: .person, name: a) == EntityKey.of(type: .person, name: b))
    }

    @Test func differentPeopleKeepDifferentKeys() {
        #expect(EntityKey.of(type: .person, name: "Hillary Clinton") != EntityKey.of(type: .person, name: "Bill Clinton"))
        #expect(EntityKey.of(type: .person, name: "Trump") != EntityKey.of(type: .organization, name: "Trump"))
        #expect(EntityKey.of(type: .person, name: "Donald J. Trump") == "person:donald trump")
    }

    @Test func placesAreKeyedByTheirGeoNamesID() {
        let us = GeoInfo(country: "US", kind: .country, latitude: nil, longitude: nil, geonamesID: 6_252_001)
        let a = Entity(id: "e1", type: .location, name: "U.S.", mentions: [], geo: us)
        let b = Entity(id: "e2", type: .location, name: "United States", mentions: [], geo: us)
        #expect(a.key == "geonames:6252001")
        #expect(a.key == b.key)
        #expect(Entity(id: "e3", type: .location, name: "Narnia", mentions: []).key == "location:narnia")
        #expect(Entity(id: "e4", type: .organization, name: "The Associated Press", mentions: []).key == "organization:associated press")
    }

    private let story = """
        Council in Berlin approves the new budget after a long night of talks

        The city council of Berlin approved the budget on Tuesday after eleven hours of debate, officials said.

        "This is a good day for Berlin," Mayor Anna Schmidt said after the vote, which passed by 31 votes to 24.

        The budget raises spending on schools by four percent and freezes fares on buses and trains until next year.

        Opposition members said the plan relied on optimistic forecasts of tax income and would have to be revised.

        The finance department expects the city to borrow less than last year, and plans to sell two office buildings.

        Teachers' unions welcomed the money for schools but said it came too late for the coming school year.

        Bus drivers, who had threatened to strike over pay, said they would study the plan before deciding.

        The budget now goes to the state government, which has six weeks to approve or reject it.

        A spokesman for the mayor said she expected no objections and would present the plan to residents next month.
        """

    private func fingerprint(_ text: String) -> UInt64 {
        StoryFingerprint.of(TestDocument.paragraphs(text))
    }

    @Test func aWireCopyStaysNearItsOriginal() {
        let original = fingerprint(story)
        var paragraphs = story.components(separatedBy: "\n\n")
        paragraphs[0] = "UPDATE 2-Berlin passes budget"
        paragraphs.remove(at: 3)
        paragraphs.append("(Reporting by Jane Doe; Editing by Mark Heinrich)")
        let copy = fingerprint(paragraphs.joined(separator: "\n\n"))
        #expect(StoryFingerprint.distance(original, copy) <= StoryMatch.copyDistance)
        let actors: [UInt32] = [1, 2], terms: [UInt32] = [3, 4, 5]
        #expect(StoryMatch.score(StorySignature(fingerprint: original, actors: actors, places: [], terms: terms, day: 1),
                                 StorySignature(fingerprint: copy, actors: actors, places: [], terms: terms, day: 9)) ?? 0 >= 1000 - StoryMatch.copyDistance,
                "a copy joins whatever its day")
    }

    @Test func unrelatedTextsAreFarApart() {
        let other = """
            Floods close roads across the north as rivers burst their banks

            Heavy rain over the weekend flooded dozens of villages and closed the main motorway, police said on Monday.

            Emergency crews rescued families from rooftops while forecasters warned of more storms later in the week.
            """
        #expect(StoryFingerprint.distance(fingerprint(story), fingerprint(other)) > StoryMatch.copyDistance)
    }

    @Test func theFingerprintReadsBackFromItsHex() {
        let f = fingerprint(story)
        let hex = StoryFingerprint.hex(f)
        #expect(hex.count == 16)
        #expect(StoryFingerprint.parse(hex) == f)
        #expect(StoryFingerprint.parse("xyz") == nil)
    }

    private func signature(_ fingerprint: UInt64, actors: [String], places: [String], terms: [String], day: Int32 = 100) -> StorySignature {
        StorySignature(fingerprint: fingerprint, actors: actors.map { Self.hash($0) }, places: places.map { Self.hash($0) },
                       terms: terms.map { Self.hash($0) }, day: day)
    }

    private static func hash(_ s: String) -> UInt32 {
        UInt32(truncatingIfNeeded: s.unicodeScalars.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1.value)) &* 1_099_511_628_211 }) | 1
    }

    @Test func reportsOfOneEventJoinOnlyWhenPeoplePlacesKeywordsAndDaysAgree() {
        let a = signature(0, actors: ["trump", "fox", "cruz"], places: ["iowa"], terms: ["debate", "skip", "megyn kelly", "poll"])
        let b = signature(~0, actors: ["trump", "fox"], places: ["iowa"], terms: ["debate", "skip", "megyn kelly"])
        #expect(StoryMatch.score(a, b) != nil)
        var later = b
        later.day += 5
        #expect(StoryMatch.score(a, later) == nil, "days apart")
        let otherPlace = signature(~0, actors: ["trump", "fox"], places: ["ohio"], terms: ["debate", "skip", "megyn kelly"])
        #expect(StoryMatch.score(a, otherPlace) == nil, "places disagree")
        let otherTopic = signature(~0, actors: ["trump", "fox"], places: ["iowa"], terms: ["taxes", "returns", "audit"])
        #expect(StoryMatch.score(a, otherTopic) == nil, "keywords disagree")
    }
}
