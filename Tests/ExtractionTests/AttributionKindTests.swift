import Extraction
import NewsdTestKit
import Testing

/// Quotes of `text` with the learnt attribution cues of the bundled data.
private func attributions(_ text: String) -> [Quote] {
    let scalars = Array(text.unicodeScalars)
    let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: ReadArticle(body: text))
    let doc = Document(text: text, scalars: scalars, layout: layout)
    return QuoteAttributor.attribute(doc, entities: [], cues: TestExtractor.shared.resources.attributionCues)
}

/// The attribution kinds PolNeAR annotates beyond `X said …`, on sentences written for these tests.
@Suite struct AttributionKindTests {
    @Test func aQuoteSplitAroundItsCueIsOneQuote() throws {
        let text = "“We will win,” he said, “and soon.”"
        let qs = attributions(text)
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.text.hasPrefix("We will win"))
        #expect(q.text.hasSuffix("and soon."))
        #expect(q.speakerMention?.text == "he")
        #expect(q.cueMention?.text == "said")
    }

    @Test func theCueHasItsOffsets() throws {
        let text = "The mayor said that the bridge would reopen in June."
        let q = try #require(attributions(text).first)
        let cue = try #require(q.cueMention)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[cue.start..<cue.end])) == "said")
        #expect(cue.text == q.cue)
    }

    @Test func reportedSpeechKeepsItsComplementiser() throws {
        let q = try #require(attributions("The mayor said that the bridge would reopen in June.").first)
        #expect(q.kind == .indirect)
        #expect(q.text == "that the bridge would reopen in June")
        #expect(q.speakerMention?.text == "The mayor")
    }

    @Test func aReportedClauseWithQuotedWordsIsOneMixedQuote() throws {
        let qs = attributions("The senator said the budget plan was “a total disaster” for rural towns.")
        #expect(qs.filter { $0.kind == .mixed }.count == 1)
        #expect(qs.filter { $0.kind == .indirect }.isEmpty)
        let q = try #require(qs.first)
        #expect(q.kind == .mixed)
        #expect(q.text.hasPrefix("the budget plan was"))
        #expect(q.text.contains("a total disaster"))
        #expect(q.speakerMention?.text == "The senator")
    }

    @Test func aNounCueWithItsPossessor() throws {
        let q = try #require(attributions("The story was about Smith’s claim that the emails were never classified.").first)
        #expect(q.text == "that the emails were never classified")
        #expect(q.cue == "claim")
        #expect(q.speakerMention?.text == "Smith’s")   // PolNeAR's sources keep the possessive
    }

    @Test func aLearntVerbWithAnInfinitive() throws {
        let q = try #require(attributions("The governor vowed to veto the spending bill next week.").first)
        #expect(q.text == "to veto the spending bill next week")
        #expect(q.cue == "vowed")
        #expect(q.speakerMention?.text == "The governor")
    }

    @Test func aPhrasalCueKeepsItsParticle() throws {
        let q = try #require(attributions("The union called for an immediate increase in the minimum wage.").first)
        #expect(q.cue == "called for")
        #expect(q.text == "an immediate increase in the minimum wage")
        #expect(q.speakerMention?.text == "The union")
    }

    @Test func aParticipleAddsAnAttributionOfItsOwn() throws {
        let qs = attributions("The governor praised the deal, adding that the state would hire more teachers.")
        let added = try #require(qs.first { $0.cue == "adding" })
        #expect(added.text == "that the state would hire more teachers")
        #expect(added.speakerMention?.text == "The governor")
    }

    @Test func withoutLearntCuesOnlyTheBuiltInVerbsReport() {
        let text = "The governor vowed to veto the spending bill next week."
        let scalars = Array(text.unicodeScalars)
        let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: ReadArticle(body: text))
        let doc = Document(text: text, scalars: scalars, layout: layout)
        #expect(QuoteAttributor.attribute(doc, entities: [], cues: .none).isEmpty)
    }
}
