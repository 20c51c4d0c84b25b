import Extraction
import NewsdTestKit
import Testing

@Suite struct AmountsTests {
    func amounts(_ text: String) -> [Amount] {
        AmountExtractor.extract(TestDocument.paragraphs(text))
    }

    func money(_ text: String) -> [(Double, String?)] {
        amounts(text).filter { $0.kind == .money }.map { ($0.value, $0.unit) }
    }

    @Test func moneyWithSymbolsCodesWordsAndScales() {
        let cases: [(String, Double, String)] = [
            ("Trade reached $240 billion last year.", 240_000_000_000, "USD"),
            ("The fund holds €3.5bn in assets.", 3_500_000_000, "EUR"),
            ("It costs 5 million euros a year.", 5_000_000, "EUR"),
            ("The club paid £12m for him.", 12_000_000, "GBP"),
            ("Debt stands at US$1.2 trillion now.", 1_200_000_000_000, "USD"),
            ("A ticket costs 1,000 yuan each.", 1_000, "CNY"),
            ("He was fined Rs 500 on Monday.", 500, "INR"),
            ("Lunch was ¥300 only.", 300, "JPY"),
            ("They raised $3.2 million and about $800,000 more.", 3_200_000, "USD"),
            ("The bill was 300 USD in total.", 300, "USD"),
            ("She sold it for 20 Australian dollars.", 20, "AUD"),
            ("The club lost 5 million pounds last season.", 5_000_000, "GBP"),
            ("A sum of HK$5,000 was paid.", 5_000, "HKD"),
        ]
        for (text, value, unit) in cases {
            let found = money(text)
            #expect(found.first?.0 == value, "\(text)")
            #expect(found.first?.1 == unit, "\(text)")
        }
    }

    @Test func spansCoverTheWholeAmount() {
        let doc = TestDocument.paragraphs("Trade reached $240 billion and €3.5bn, or 5 million euros.")
        let found = AmountExtractor.extract(doc)
        #expect(found.map(\.text) == ["$240 billion", "€3.5bn", "5 million euros"])
        for a in found {
            #expect(doc.slice(a.start..<a.end) == a.text)
        }
    }

    @Test func percentages() {
        let found = amounts("Prices rose 5% in May, 5 percent in June and 5.5 per cent in July, or five percent overall.")
        #expect(found.map(\.kind) == [.percent, .percent, .percent, .percent])
        #expect(found.map(\.value) == [5, 5, 5.5, 5])
        #expect(found.allSatisfy { $0.unit == "%" })
    }

    @Test func countedQuantities() {
        let found = amounts("Russia sent 2,000 troops and three people died; 10 million people fled. The two leaders met.")
        #expect(found.map(\.kind) == [.quantity, .quantity, .quantity, .quantity])
        #expect(found.map(\.value) == [2_000, 3, 10_000_000, 2])
        #expect(found.map(\.unit) == ["troops", "people", "people", "leaders"])
        let adjective = amounts("The two autocratic countries signed.")
        #expect(adjective.first?.unit == "countries")
        #expect(adjective.first?.text == "two autocratic countries")
        #expect(amounts("Twenty-five students passed.").first?.value == 25)
        #expect(amounts("Her lead grew by 5 percentage points.").first?.unit == "percentage points")
    }

    @Test func yearsDatesAndLabelsAreNotQuantities() {
        #expect(amounts("In 2024 elections were held on May 16 across 2019 districts.").allSatisfy { $0.kind != .quantity || $0.value != 2024 })
        #expect(amounts("On May 16 people voted.").isEmpty)
        #expect(amounts("The 75th anniversary fell at 10:30 on Route 66.").isEmpty)
        #expect(amounts("One of the men left, and one man stayed.").isEmpty)
        #expect(amounts("Two years ago it started.").isEmpty)
        #expect(amounts("A two-year-old conflict.").isEmpty)
    }

    @Test(.needsSharedData) func sampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let article = try #require(TestExtractor.extract(String(decoding: bytes, as: UTF8.self)))
        let trade = try #require(article.amounts.first { $0.kind == .money })
        #expect(trade.text == "$240 billion")
        #expect(trade.value == 240_000_000_000)
        #expect(trade.unit == "USD")
        #expect(!article.amounts.contains { $0.value == 2022 || $0.value == 2023 || $0.value == 2019 })
    }

    @Test func oddInputGivesOnlyWellFormedAmounts() {
        for text in ["$", "$$$", "€ bn", "999999999999999999999 million dollars", "US$", "Rs.", "5 per", "1.2.3 trillion",
                     "%", "two", "twenty- people", "$1,,,", "¥.5"] {
            let scalars = Array(text.unicodeScalars)
            for a in amounts(text) {
                #expect(a.value.isFinite && a.value >= 0, "\(text): \(a.value)")
                #expect(0 <= a.start && a.start < a.end && a.end <= scalars.count, "\(text): \(a.start)..<\(a.end)")
                #expect(a.text.contains { $0.isNumber } || a.text.lowercased().contains("two"), "\(text): \(a.text)")
            }
        }
        #expect(amounts("$").isEmpty && amounts("%").isEmpty && amounts("€ bn").isEmpty, "a sign alone is no amount")
    }
}
