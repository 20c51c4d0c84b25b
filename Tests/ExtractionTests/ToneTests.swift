import Extraction
import ExtractionData
import Foundation
import NewsdTestKit
import Testing

@Suite struct ToneTests {
    let lexicon = ToneLexicon(valences: ["good": 1.9, "great": 3.1, "war": -2.9, "bad": -2.5, "peace": 2.5])

    @Test func percentagesOfWords() {
        // 10 words: 2 positive (good, peace), 1 negative (war).
        let tone = ToneScorer(lexicon: lexicon).score(TestDocument.paragraphs("The good news is that peace may follow the war."))
        #expect(tone.positive == 20)
        #expect(tone.negative == 10)
        #expect(tone.score == 10)
        #expect(tone.polarity == 30)
    }

    @Test func negationFlipsTheNextFewWords() {
        let scorer = ToneScorer(lexicon: lexicon)
        let tone = scorer.score(TestDocument.paragraphs("This is not a good deal."))
        #expect(tone.positive == 0)
        #expect(tone.negative > 0)
        let far = scorer.score(TestDocument.paragraphs("Not that it matters much, but good."))
        #expect(far.positive > 0)
        let contraction = scorer.score(TestDocument.paragraphs("It isn’t bad at all."))
        #expect(contraction.negative == 0 && contraction.positive > 0)
    }

    @Test func possessivesAndFurnitureAreNotWords() {
        let doc = TestDocument.blocks([(.furniture, "Great great great"), (.paragraph, "Russia’s war.")])
        let tone = ToneScorer(lexicon: lexicon).score(doc)
        #expect(tone.negative == 50)
        #expect(tone.positive == 0)
    }

    @Test func emptyTextIsNeutral() {
        #expect(ToneScorer(lexicon: lexicon).score(TestDocument.paragraphs("...")) == Tone())
    }

    @Test func bundledLexiconLoads() throws {
        let resources = try BundledResources.shared.get()
        #expect(resources.toneLexicon.valences.count > 7_000)
        #expect((resources.toneLexicon.valences["good"] ?? 0) > 0)
        #expect((resources.toneLexicon.valences["war"] ?? 0) < 0)
        #expect(resources.toneLexicon.valences["like"] == nil)
        #expect(throws: (any Error).self) { try ToneLexiconLoader.parse("good\tnot-a-number\n") }
    }

    @Test(.needsSharedData) func sampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let tone = try #require(TestExtractor.extract(String(decoding: bytes, as: UTF8.self))).tone
        #expect(tone.positive > 0 && tone.negative > 0)
        #expect(abs(tone.score - (tone.positive - tone.negative)) < 1e-3)
        #expect(abs(tone.polarity - (tone.positive + tone.negative)) < 1e-3)
    }
}
