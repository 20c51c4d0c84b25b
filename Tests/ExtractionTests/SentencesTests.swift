@testable import Extraction
import Testing

@Suite struct SentencesTests {
    private func split(_ text: String) -> [String] {
        TextStages.sentences(TextStages.document(text).0)
    }

    private func tokens(_ text: String) -> [String] {
        let (doc, _) = TextStages.document(text)
        return doc.tokens.indices.map { doc.tokenText($0) }
    }

    @Test func titlesAndInitialsDoNotEndSentences() {
        #expect(split("Mr. Putin met Gen. Valery Gerasimov on Jan. 5 in Moscow. They talked.")
                == ["Mr. Putin met Gen. Valery Gerasimov on Jan. 5 in Moscow.", "They talked."])
        #expect(split("The Lord of the Rings was written by J. R. R. Tolkien in England. It sold well.")
                == ["The Lord of the Rings was written by J. R. R. Tolkien in England.", "It sold well."])
    }

    @Test func initialismEndsASentenceOnlyBeforeASentenceStarter() {
        #expect(split("Tension grew between China and the U.S. The next summit is in June.")
                == ["Tension grew between China and the U.S.", "The next summit is in June."])
        #expect(split("He met U.S. Army officers and U.N. Secretary-General Guterres.")
                == ["He met U.S. Army officers and U.N. Secretary-General Guterres."])
        #expect(split("Shares of Apple Inc. rose. The company said so.") == ["Shares of Apple Inc. rose.", "The company said so."])
        #expect(split("The meeting starts at 9 a.m. The minister will speak.")
                == ["The meeting starts at 9 a.m.", "The minister will speak."])
    }

    @Test func closingQuotesStayWithTheSentence() {
        #expect(split("“China hopes that peace will return to Europe soon.” Putin nodded.")
                == ["“China hopes that peace will return to Europe soon.”", "Putin nodded."])
        #expect(split("He said \"stop.\" \"Why?\" she asked.") == ["He said \"stop.\"", "\"Why?\" she asked."])
        #expect(split("“Why?” he asked. Nobody answered.") == ["“Why?” he asked.", "Nobody answered."])
        #expect(split("It was over (or so it seemed.) Then it wasn't.") == ["It was over (or so it seemed.)", "Then it wasn't."])
    }

    @Test func ellipses() {
        #expect(split("He paused... and then went on. Later... Nothing.") == ["He paused... and then went on.", "Later...", "Nothing."])
        #expect(split("Wait for it… The end came.") == ["Wait for it…", "The end came."])
        #expect(tokens("so... on").contains("..."))
    }

    @Test func numbers() {
        #expect(tokens("Growth was 3.5% on 1,000 sales by 2024-05-16, at 10:30.")
                == ["Growth", "was", "3.5", "%", "on", "1,000", "sales", "by", "2024-05-16", ",", "at", "10:30", "."])
        #expect(split("Trade reached $240 billion in 2023. It grew 3.5 percent.")
                == ["Trade reached $240 billion in 2023.", "It grew 3.5 percent."])
    }

    @Test func possessivesAndHyphens() {
        #expect(tokens("Kyiv’s well-known O'Brien don't") == ["Kyiv", "’s", "well-known", "O'Brien", "don't"])
    }

    @Test func blockEndsASentence() {
        let (doc, _) = TextStages.document("A heading without stop\nA paragraph after it without one either")
        #expect(doc.sentences.count == 2)
    }

    @Test func chineseSentences() {
        let s = split("普京感谢习近平。两国领导人会谈。")
        #expect(s == ["普京感谢习近平。", "两国领导人会谈。"])
    }
}

@Suite struct AbbreviationTokenTests {
    @Test func hyphenatedStateAbbreviationsKeepTheirFullStops() {
        let (doc, _) = TextStages.document("Sens. Jeff Merkley (D-Ore.) and Robert Menendez (D-N.J.) all agreed. Then they left.")
        #expect(TextStages.sentences(doc) == ["Sens. Jeff Merkley (D-Ore.) and Robert Menendez (D-N.J.) all agreed.", "Then they left."])
        #expect(doc.tokens.indices.map { doc.tokenText($0) }.contains("D-N.J."))
    }

    @Test func aMistypedOpeningQuoteAfterTheStopStaysWithTheSentence() {
        let (doc, _) = TextStages.document("It was rated “Mostly False.“\nThe next paragraph starts here.")
        #expect(TextStages.sentences(doc) == ["It was rated “Mostly False.“", "The next paragraph starts here."])
    }
}
