import Extraction
import NewsdTestKit
import Testing

@Suite struct DatesTests {
    /// Thursday 16 May 2024.
    let thursday = CivilDate(year: 2024, month: 5, day: 16)

    func values(_ text: String, reference: CivilDate? = nil) -> [String] {
        DateExtractor.extract(TestDocument.paragraphs(text), reference: reference ?? thursday).map(\.value)
    }

    @Test func absoluteDatesResolveToTheirResolution() {
        let doc = TestDocument.paragraphs(
            "The invasion started in February 2022. He spoke in October 2019, on May 16, 2024, on 16 May 2024 and on 2024-05-16. Trade grew in 2023.")
        let dates = DateExtractor.extract(doc, reference: thursday)
        #expect(dates.map(\.value) == ["2022-02", "2019-10", "2024-05-16", "2024-05-16", "2024-05-16", "2023"])
        #expect(dates.map(\.resolution) == [.month, .month, .day, .day, .day, .year])
        #expect(dates.allSatisfy { !$0.relative })
        #expect(dates.map(\.text) == ["February 2022", "October 2019", "May 16, 2024", "16 May 2024", "2024-05-16", "2023"])
        for d in dates {
            #expect(doc.slice(d.start..<d.end) == d.text)
        }
    }

    @Test func abbreviatedMonthsAndOrdinals() {
        #expect(values("It began on Jan. 5 and ended Sept. 30, 2023.") == ["2024-01-05", "2023-09-30"])
        #expect(values("The vote is on the 5th of June.") == ["2024-06-05"])
        #expect(values("Talks resumed on 3rd March 2021.") == ["2021-03-03"])
    }

    @Test func weekdaysAreTheMostRecentOnOrBeforeTheReference() {
        let saturday = CivilDate(year: 2024, month: 5, day: 18)
        #expect(values("On Thursday afternoon the leaders met.", reference: saturday) == ["2024-05-16"])
        #expect(values("On Thursday the leaders met.", reference: thursday) == ["2024-05-16"])
        #expect(values("Talks began on Friday.", reference: thursday) == ["2024-05-10"])
        #expect(values("Votes were counted after Super Tuesday.", reference: thursday).isEmpty)
        #expect(values("He left last Thursday and returns next Monday.", reference: thursday) == ["2024-05-09", "2024-05-20"])
        let dates = DateExtractor.extract(TestDocument.paragraphs("On Thursday afternoon they met."), reference: thursday)
        #expect(dates.first?.text == "Thursday afternoon")
        #expect(dates.first?.relative == true)
        #expect(dates.first?.resolution == .day)
    }

    @Test func relativeExpressions() {
        #expect(values("Trade rose last year and this month, after a fall two years ago.") == ["2023", "2024-05", "2022"])
        #expect(values("Yesterday he spoke; today he left; tomorrow he flies.") == ["2024-05-15", "2024-05-16", "2024-05-17"])
        #expect(values("Three months ago, and again three days ago, it rained.") == ["2024-02", "2024-05-13"])
        #expect(values("The deal was rejected the previous year.") == ["2023"])
        #expect(values("Prices will rise next year.") == ["2025"])
        #expect(values("Elections were held in March.") == ["2024-03"])
        #expect(values("It happened last night.") == ["2024-05-15"])
    }

    @Test func numbersThatAreNotYears() {
        #expect(values("Some 2,000 troops and $2024 were sent.").isEmpty)
        #expect(values("They bought 1900 rifles and 2024 million barrels.").isEmpty)
        #expect(values("Room 2019 is on floor 3.").isEmpty)
        #expect(values("The 1990s were calm; 2,024 people came.").isEmpty)
        #expect(values("They may come. March on!").isEmpty)
    }

    @Test func weeksHaveNoValueAndAreSkipped() {
        #expect(values("He will visit next week.").isEmpty)
    }

    @Test func publishedDateNearTheTop() {
        let doc = TestDocument.blocks([
            (.title, "Leaders meet in Beijing"),
            (.furniture, "Published May 16, 2024 10:32 EDT | Updated May 17, 2024"),
            (.paragraph, "The leaders met on Thursday."),
        ])
        #expect(DateExtractor.publishedDate(in: doc) == "2024-05-16")
        let updatedOnly = TestDocument.blocks([(.furniture, "Updated 2024-05-17"), (.paragraph, "Text.")])
        #expect(DateExtractor.publishedDate(in: updatedOnly) == "2024-05-17")
        let dateline = TestDocument.paragraphs("WASHINGTON, March 3, 2021 (Reuters) - The Senate voted on Tuesday.")
        #expect(DateExtractor.publishedDate(in: dateline) == "2021-03-03")
        let none = TestDocument.paragraphs("The summit was held in February 2022.\nLater, in 2023, trade grew.")
        #expect(DateExtractor.publishedDate(in: none) == nil)
    }

    @Test func publishedDateDrivesRelativeDates() throws {
        let article = try #require(TestExtractor.extract("Published June 7, 2024\nThe leaders met on Thursday."))
        #expect(article.published == "2024-06-07")
        #expect(article.dates.contains { $0.text == "Thursday" && $0.value == "2024-06-06" && $0.relative })
    }

    @Test(.needsSharedData) func sampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let saturday = CivilDate(year: 2024, month: 5, day: 18)
        let article = try #require(TestExtractor.extract(String(decoding: bytes, as: UTF8.self), reference: saturday))
        let values = article.dates.map(\.value)
        #expect(values.contains("2022-02"))
        #expect(values.contains("2019-10"))
        #expect(values.contains("2023"))
        let thursdays = article.dates.filter { $0.text.hasPrefix("Thursday") }
        #expect(!thursdays.isEmpty)
        #expect(thursdays.allSatisfy { $0.value == "2024-05-16" && $0.relative && $0.resolution == .day })
        #expect(article.dates.contains { $0.text == "last year" && $0.value == "2023" })
        #expect(article.dates.contains { $0.text == "two years ago" && $0.value == "2022" })
        #expect(!values.contains("2000") && !values.contains("240"))
    }

    @Test func neverTrapsOnOddInput() {
        for text in ["2024-13-45 and 2/31/2024 and May 32, 2024", "31 February 2023", "Thursday", "ago ago two",
                     "\u{FEFF}", "9999-99-99", "last", "May", "0/0/0000", "2024-05-16T25:99"] {
            _ = DateExtractor.extract(TestDocument.paragraphs(text), reference: thursday)
            _ = DateExtractor.publishedDate(in: TestDocument.paragraphs(text))
        }
        #expect(!values("31 February 2023").contains { $0.count > 7 })
    }
}
