import Extraction
import NewsdTestKit
import Testing

/// Quotes of `text`, attributed with `entities` (none by default: the attributor finds speaker
/// mentions in the text itself).
func quotes(_ text: String, entities: [Entity] = []) -> [Quote] {
    let scalars = Array(text.unicodeScalars)
    let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: ReadArticle(body: text))
    let doc = Document(text: text, scalars: scalars, layout: layout)
    return QuoteAttributor.attribute(doc, entities: entities)
}

/// The direct quotes of `text`.
func direct(_ text: String, entities: [Entity] = []) -> [Quote] {
    quotes(text, entities: entities).filter { $0.kind == .direct }
}

@Suite struct QuoteMarkTests {
    @Test func curlyMarksWithTheSpeakerAfterTheCue() throws {
        let q = try #require(direct("“We appreciate the initiative of our friends,” Putin said.").first)
        #expect(q.text == "We appreciate the initiative of our friends,")
        #expect(q.start == 1)
        #expect(q.speakerMention?.text == "Putin")
        #expect(q.cue == "said")
    }

    @Test func straightMarks() throws {
        let q = try #require(direct(#"Xi met reporters. "We will keep talking to everyone," Xi said."#).first)
        #expect(q.text == "We will keep talking to everyone,")
        #expect(q.speaker == "Xi")
    }

    @Test func aQuoteRunningOverParagraphs() throws {
        let text = """
            Putin said: “The first paragraph of the statement goes on.

            “The second paragraph continues it.

            “And the third one closes it.”
            Something else happened.
            """
        let qs = direct(text)
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.text.hasPrefix("The first paragraph"))
        #expect(q.text.hasSuffix("closes it."))
        #expect(q.speakerMention?.text == "Putin")
    }

    @Test func nestedSingleQuotesStayInside() throws {
        let q = try #require(direct("“He told me ‘we are ready to talk’ and then left,” the minister said.").first)
        #expect(q.text == "He told me ‘we are ready to talk’ and then left,")
        #expect(q.speakerMention?.text == "the minister")
    }

    @Test func aQuoteSplitByItsAttribution() {
        let qs = direct("“We appreciate the initiative,” Putin said, adding, “we will provide detailed information.”")
        #expect(qs.count == 2)
        #expect(qs.allSatisfy { $0.speakerMention?.text == "Putin" })
    }

    @Test func aDirectQuotesCueIsNotASecondReportedClause() throws {
        // "told reporters in Washington" is the quote's cue; "reporters in Washington" is no content.
        let found = quotes("Markets rose. “We are not in a hurry,” Powell told reporters in Washington.")
        #expect(found.count == 1)
        let q = try #require(found.first)
        #expect(q.kind == .direct)
        #expect(q.cue?.hasPrefix("told") == true)
    }

    @Test func cuesTakeTheirAuxiliariesAndAdverbsAsPolNeARMarksThem() throws {
        let has = try #require(direct("“We are not in a hurry,” Powell has said.").first)
        #expect(has.cue == "has said")
        #expect(has.speakerMention?.text == "Powell")
        let also = try #require(direct("“We are not in a hurry,” Powell also repeatedly said.").first)
        #expect(also.cue == "also repeatedly said")
        // Not into the source, nor over a word that is no modifier.
        #expect(direct("“We are not in a hurry,” Powell said.").first?.cue == "said")
        #expect(direct("“We are not in a hurry,” Powell then said.").first?.cue == "said")
    }

    @Test func aQuoteIntroducedByAColon() throws {
        let q = try #require(direct("In one tweet, Trump said: “Did she help her become a citizen?”").first)
        #expect(q.speakerMention?.text == "Trump")
        #expect(q.cue == "said")
    }

    @Test func aQuoteInAHeadline() throws {
        let q = try #require(direct("Putin: “We are ready to negotiate over Ukraine”\nThe Kremlin spoke on Thursday.").first)
        #expect(q.speakerMention?.text == "Putin")
        #expect(q.cue == ":")
    }

    @Test func scareQuotesAndTitlesAreNotQuotes() {
        #expect(quotes("Beijing has declared it a “no-limits” friendship.").isEmpty)
        #expect(direct("They watched “The Grand Budapest Hotel” on Friday.").isEmpty)
        #expect(direct("The two countries want a new “democratic world order” in Asia.").isEmpty)
    }

    @Test func unmatchedMarksStayLinear() {
        let text = String(repeating: "word “ and ", count: 20_000)
        _ = quotes(text)
        _ = quotes(String(repeating: "\"", count: 20_000))
        _ = quotes(String(repeating: "‘x ", count: 20_000) + "”")
        // One run-on sentence of quotes and cues.
        #expect(quotes(String(repeating: "x said y “a b c d e” and ", count: 5_000)).count >= 5_000)
        _ = quotes(String(repeating: "it said the one said ", count: 10_000))
        #expect(quotes("").isEmpty)
        #expect(quotes("“”").isEmpty)
    }
}

@Suite struct QuoteSpeakerTests {
    @Test func speakersBeforeAndAfterTheCue() {
        #expect(direct("“We are ready for it,” said Putin.").first?.speakerMention?.text == "Putin")
        let told = direct("“We are ready for talks,” Putin told CBS News.").first
        #expect(told?.speakerMention?.text == "Putin")
        #expect(told?.cue == "told")   // PolNeAR marks `told`, not the listener
        let relative = direct("“We are ready for talks,” Putin, who arrived on Thursday, said.").first
        #expect(relative?.speakerMention?.text == "Putin")
        // One attribution, one quote: the quotation is the end of the clause `according to` reports.
        let according = quotes("The plan, according to Putin, might “lay the groundwork for a process.”")
        #expect(according.count == 1)
        #expect(according.first?.text.contains("lay the groundwork") == true)
        #expect(according.first?.speakerMention?.text == "Putin")
        #expect(according.first?.cue == "according to")
        let titled = direct(#""Subpoenas are not optional," Rep. Jason Chaffetz (R-Utah) said."#).first
        #expect(titled?.speakerMention?.text.hasPrefix("Rep. Jason Chaffetz") == true)
    }

    @Test func pronounsResolveToTheMostRecentPerson() throws {
        let q = try #require(direct("Xi Jinping met Vladimir Putin in Beijing. “We are old friends,” he said.").first)
        #expect(q.speakerMention?.text == "he")
        #expect(q.speaker == "Vladimir Putin")
        let later = direct("“We are friends,” Vladimir Putin said. “We will meet again,” he added.")
        #expect(later.last?.speakerMention?.text == "he")
        #expect(later.last?.speaker == "Vladimir Putin")
    }

    @Test func descriptionsLinkToTheEntityTheyStandFor() throws {
        let text = "Dmitry Peskov spoke. “The talks went well,” a Kremlin spokesman said."
        let plain = try #require(direct(text).first)
        #expect(plain.speaker == "a Kremlin spokesman")
        let peskov = Entity(id: "e1", type: .person, name: "Dmitry Peskov", roles: ["Kremlin spokesman"],
                            mentions: [TextSpan(start: 0, end: 13, text: "Dmitry Peskov")])
        let linked = try #require(direct(text, entities: [peskov]).first)
        #expect(linked.speaker == "Dmitry Peskov")
        #expect(linked.speakerEntity == "e1")
        #expect(linked.speakerMention?.text == "a Kremlin spokesman")

        let paper = "The New York Times published the letter. “The plan will fail,” the newspaper wrote."
        let times = Entity(id: "e2", type: .organization, name: "The New York Times",
                           mentions: [TextSpan(start: 0, end: 18, text: "The New York Times")])
        let wrote = try #require(direct(paper, entities: [times]).first)
        #expect(wrote.speaker == "The New York Times")
        #expect(wrote.speakerMention?.text == "the newspaper")
    }

    @Test func entityMentionsGiveCanonicalNames() throws {
        let text = "Vladimir Putin arrived. “We are ready,” Putin said."
        let putin = Entity(id: "e1", type: .person, name: "Vladimir Putin", aliases: ["Putin"],
                           mentions: [TextSpan(start: 0, end: 14, text: "Vladimir Putin"), TextSpan(start: 40, end: 45, text: "Putin")])
        let q = try #require(direct(text, entities: [putin]).first)
        #expect(q.speaker == "Vladimir Putin")
        #expect(q.speakerEntity == "e1")
        #expect(q.speakerMention?.text == "Putin")
    }

    /// One attribution, one quote (PolNeAR joins such parts: 1,119 times in its training split).
    @Test func aFollowingQuoteWithNoCueJoinsTheQuoteBefore() {
        let qs = direct("“This just isn’t right,” Warren said. “You squeezed employees to the breaking point.”")
        #expect(qs.count == 1)
        #expect(qs.first?.text.hasPrefix("This just isn’t right") == true)
        #expect(qs.first?.text.hasSuffix("to the breaking point.") == true)
        #expect(qs.first?.speakerMention?.text == "Warren")
    }

    @Test func aQuoteSignedOnTheNextLine() {
        let signed = direct("“Boeing and GE and Verizon pay zero taxes.”\n\n- Sanders.\n\nThis is a complex issue.").first
        #expect(signed?.speakerMention?.text == "Sanders")
        // A paragraph that opens with a dash and goes on with a clause is no signature.
        let listed = direct("“Boeing and GE and Verizon pay zero taxes.”\n\n- Sanders voted for the bill in 2009.").first
        #expect(listed?.speakerMention == nil)
    }

    @Test func aQuoteSignedWithADash() {
        #expect(direct("“Trump must stop portraying us as dangerous.” ― Carla Sanchez").first?.speakerMention?.text == "Carla Sanchez")
    }
}

@Suite struct QuoteIndirectTests {
    @Test func reportedSpeech() throws {
        let said = try #require(quotes("Putin said that the Kremlin was willing to negotiate.").first)
        #expect(said.kind == .indirect)
        #expect(said.text == "that the Kremlin was willing to negotiate")   // PolNeAR keeps `that`
        #expect(said.speakerMention?.text == "Putin")
        #expect(said.cue == "said")

        let told = try #require(quotes("Putin told CBS News the war would end soon.").first)
        #expect(told.text == "the war would end soon")
        #expect(told.cue == "told")

        let according = try #require(quotes("According to Zelenskyy, any negotiations must return the territory.").first)
        #expect(according.text == "any negotiations must return the territory")
        #expect(according.speakerMention?.text == "Zelenskyy")

        let warned = try #require(quotes("The minister warned the sanctions would hurt farmers.").first)
        #expect(warned.speakerMention?.text == "The minister")
        #expect(warned.text == "the sanctions would hurt farmers")

        let after = try #require(quotes("The van was supposed to be escorted by police, another source said.").first)
        #expect(after.text == "The van was supposed to be escorted by police")
        #expect(after.speakerMention?.text == "another source")
    }
}
