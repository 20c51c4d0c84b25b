import Extraction
import ExtractionData
import NewsdTestKit
import TaggerTraining
import Testing

/// Quotes of `text` with the bundled cue lexicon and learnt attribution model.
private func learntAttributions(_ text: String) -> [Quote] {
    let scalars = Array(text.unicodeScalars)
    let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: ReadArticle(body: text))
    let doc = Document(text: text, scalars: scalars, layout: layout)
    let resources = TestExtractor.shared.resources
    return QuoteAttributor.attribute(doc, entities: [], cues: resources.attributionCues, model: resources.attributionModel)
}

private func document(_ text: String) -> Document {
    let scalars = Array(text.unicodeScalars)
    let layout = LayoutAnalyzer.analyze(scalars: scalars, format: .text, metadata: ReadArticle(body: text))
    return Document(text: text, scalars: scalars, layout: layout)
}

/// The learnt attribution model: its file, its training, and each kind of attribution it finds
/// (sentences written for these tests).
@Suite struct AttributionModelTests {
    @Test func theBundledModelLoads() throws {
        let model = try #require(TestExtractor.shared.resources.attributionModel)
        #expect(model.bits == 18)
        #expect(model.boundaryWeights.contains { $0 != 0 })
        #expect(model.cueWeights.contains { $0 != 0 })
    }

    @Test func theBundledModelReadsTheTaggersBrownClusters() throws {
        let model = try #require(TestExtractor.shared.resources.attributionModel)
        let doc = document("Officials said the mayor insisted on it.")
        let t = AttributionModel.Tokens(doc, clusters: model.clusters)
        #expect(model.clusters.count > 0)
        #expect(t.brown.contains { $0 != .zero })
    }

    @Test func inflectedFormsShareAStem() throws {
        let doc = document("claims claimed claiming claim notes noted noting note says said")
        let t = AttributionModel.Tokens(doc, clusters: WordClusterTable())
        let words = doc.tokens.indices.filter { doc.tokens[$0].kind == .word }
        let stems = words.map { t.stem[$0] }
        #expect(Set(stems[0..<4]).count == 1)
        #expect(Set(stems[4..<8]).count == 1)
        #expect(stems[8] != stems[9])
    }

    @Test func aModelReadsBackAsWritten() throws {
        var model = AttributionModel(bits: 8)
        model.cueWeights[5] = 1.5
        model.cueTransitions[2] = -2
        model.boundaryWeights[255] = 0.25
        let bytes = model.serialized()
        let read = try bytes.withUnsafeBytes { try AttributionModel(serialized: $0) }
        #expect(read.bits == 8)
        #expect(read.cueWeights == model.cueWeights)
        #expect(read.cueTransitions == model.cueTransitions)
        #expect(read.boundaryWeights == model.boundaryWeights)
    }

    @Test func packedWeightsDecodeAsTheTrainedOnes() throws {
        let packedModel = try #require(TestExtractor.shared.resources.attributionModel)
        let packed = try #require(packedModel.packed)
        let trained = packedModel.unpacked()
        #expect(trained.packed == nil)
        for (r, w) in packedModel.boundaryWeights.enumerated().prefix(5000) {
            #expect(abs(Float(packed.boundary[r]) * packed.boundaryScale - w) <= packed.boundaryScale / 2 * 1.001)
        }
        let doc = document("""
            The senator said on Tuesday that the bill would pass. According to aides, the vote is close. \
            "We will win," the governor told reporters, "and soon." Critics argue the plan costs too much, \
            officials said. She denied the report's claim that she had known.
            """)
        let t = AttributionModel.Tokens(doc, clusters: packedModel.clusters)
        var cuesSeen = 0
        for sentence in doc.sentences {
            let w = sentence.tokens
            let cues = packedModel.cues(t, w)
            #expect(cues == trained.cues(t, w))
            for cue in cues {
                cuesSeen += 1
                let content = packedModel.bestSpan(t, start: .contentStart, cue: cue, w)
                #expect(content == trained.bestSpan(t, start: .contentStart, cue: cue, w))
                #expect(packedModel.bestSpan(t, start: .sourceStart, cue: cue, w)
                        == trained.bestSpan(t, start: .sourceStart, cue: cue, w))
            }
        }
        #expect(cuesSeen >= 4)
    }

    @Test func aDamagedModelFileIsAnError() {
        let bytes = AttributionModel(bits: 8).serialized()
        #expect(throws: AttributionModel.FormatError.self) {
            try Array(bytes.dropLast()).withUnsafeBytes { try AttributionModel(serialized: $0) }
        }
        #expect(throws: AttributionModel.FormatError.self) {
            try Array("NOTAMODEL".utf8).withUnsafeBytes { try AttributionModel(serialized: $0) }
        }
    }

    @Test func bratAttributionsAreReadAsHulls() throws {
        let ann = "T1\tContent 0 10;15 20\tabc\nT2\tSource 30 35\tx\nT3\tCue 22 26\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n"
        let gold = PolNeARCorpus.parse(ann)
        let g = try #require(gold.first)
        #expect(g.content == 0..<20)
        #expect(g.source == 30..<35)
        #expect(g.cue == 22..<26)
    }

    @Test func theTrainerLearnsCuesAndBoundariesOfWhatItIsShown() throws {
        let text = "The mayor said that the bridge would reopen in June."
        let scalars = Array(text.unicodeScalars)
        func span(_ s: String) -> Range<Int> {
            let r = text.range(of: s)!
            let lo = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            return lo..<(lo + s.unicodeScalars.count)
        }
        let doc = document(text)
        var trainer = AttributionTrainer(bits: 12, clusters: WordClusterTable())
        trainer.add(doc, gold: [GoldAttribution(content: span("that the bridge would reopen in June"),
                                                source: span("The mayor"), cue: span("said"))])
        for e in 0..<10 { _ = trainer.epoch(seed: UInt64(e)) }
        let model = trainer.averaged()
        let t = AttributionModel.Tokens(doc, clusters: model.clusters)
        let sentence = try #require(doc.sentences.first).tokens
        let cue = try #require(model.cues(t, sentence).first)
        #expect(doc.slice(Int(doc.tokens[cue.lowerBound].start)..<Int(doc.tokens[cue.upperBound - 1].end)) == "said")
        let content = try #require(model.bestSpan(t, start: .contentStart, cue: cue, sentence))
        #expect(String(String.UnicodeScalarView(scalars[Int(doc.tokens[content.lowerBound].start)..<Int(doc.tokens[content.upperBound].end)]))
                == "that the bridge would reopen in June")
    }

    @Test func saidThat() throws {
        let q = try #require(learntAttributions("The mayor said that the bridge would reopen in June.").first)
        #expect(q.kind == .indirect)
        #expect(q.text == "that the bridge would reopen in June")
        #expect(q.speakerMention?.text == "The mayor")
        #expect(q.cueMention?.text == "said")
    }

    @Test func accordingTo() throws {
        let q = try #require(learntAttributions("According to the police report, the driver was speeding on the wet highway.").first)
        #expect(q.text == "the driver was speeding on the wet highway")
        #expect(q.speakerMention?.text == "the police report")
        #expect(q.cueMention?.text == "According to")
    }

    @Test func sourceAfterContent() throws {
        let q = try #require(learntAttributions("The economy will grow faster next year than this year, officials said.").first)
        #expect(q.text == "The economy will grow faster next year than this year")
        #expect(q.speakerMention?.text == "officials")
        #expect(q.cueMention?.text == "said")
    }

    @Test func aSourceInsideItsContent() throws {
        // PolNeAR's content runs around `he said`; the source is the aside's subject, not the cue.
        let qs = learntAttributions("And if Clinton is the Democratic nominee, he said, he would consider a third-party candidate.")
        let q = try #require(qs.first { $0.cueMention?.text == "said" })
        #expect(q.text.hasPrefix("if Clinton is the Democratic nominee"))
        #expect(q.speakerMention?.text == "he")
    }

    @Test func aContentThatLeavesNoSourceIsDropped() {
        // The content covers the sentence around `is expected`: no token is left for a source, and
        // such a cue is more often no attribution PolNeAR counts (held-out training articles).
        let qs = learntAttributions("The sale is expected to expand the company’s move into internet assets and media.")
        #expect(!qs.contains { $0.cueMention?.text.hasSuffix("expected") == true })
    }

    @Test func aNounCue() throws {
        // The content's end is not asserted: the model runs it on to `was false` (a known miss).
        let qs = learntAttributions("His claim that the program saves taxpayers money was false.")
        let q = try #require(qs.first { $0.cueMention?.text == "claim" })
        #expect(q.text.hasPrefix("that the program saves taxpayers money"))
        #expect(q.speakerMention?.text == "His")
    }

    @Test func aDenial() throws {
        let q = try #require(learntAttributions("The company denied that it had misled investors about the losses.").first)
        #expect(q.text == "that it had misled investors about the losses")
        #expect(q.speakerMention?.text == "The company")
        #expect(q.cueMention?.text == "denied")
    }

    @Test func aQuoteThatContinuesItsReportedClauseStartsWithTheClause() throws {
        let qs = learntAttributions("She added that the plan “has to be big” for the town.")
        #expect(qs.contains { $0.text.hasPrefix("that the plan") && $0.text.contains("has to be big") })
        #expect(!qs.contains { $0.text.hasPrefix("has to be big") })
    }

    @Test func aCoordinatedCueEndsTheContentBeforeIt() throws {
        let qs = learntAttributions("The mayor said the bridge would reopen in June, adding that the road would follow in July.")
        let said = try #require(qs.first { $0.cueMention?.text == "said" })
        #expect(said.text == "the bridge would reopen in June")
        #expect(qs.contains { $0.text == "that the road would follow in July" })
    }

    @Test func aQuoteSplitAroundItsCueStaysOneQuote() throws {
        let qs = learntAttributions("“We will win,” he said, “and soon.”")
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.kind == .direct)
        #expect(q.text.hasPrefix("We will win"))
        #expect(q.text.hasSuffix("and soon."))
        #expect(q.speakerMention?.text == "he")
        #expect(q.cueMention?.text == "said")
    }

    @Test func aQuotationInsideTheClauseItsCueReportsIsNotASecondQuote() throws {
        let qs = learntAttributions("The police chief said that the new camera footage \"backs up what witnesses told us\" about the crash on Friday.")
        #expect(qs.count == 1)
        let q = try #require(qs.first)
        #expect(q.kind == .mixed)
        #expect(q.text.hasPrefix("that the new camera footage"))
        #expect(q.cueMention?.text == "said")
    }

    @Test func aWordSeldomACueInsideAReportedClauseReportsNothing() throws {
        let qs = learntAttributions("Committee members noted that in March the former aide invoked his right to remain silent.")
        #expect(qs.count == 1)
        #expect(qs.first?.cueMention?.text == "noted")
        #expect(!qs.contains { $0.cueMention?.text == "invoked" })
    }

    @Test func aReportedClauseInsideAnotherWithACueOfItsOwnStays() throws {
        let qs = learntAttributions("The lawyer said that the senator told reporters the deal would collapse by Friday.")
        #expect(qs.contains { $0.cueMention?.text == "said" && $0.text.hasPrefix("that the senator told") })
        let told = try #require(qs.first { $0.cueMention?.text == "told" })
        #expect(told.text == "the deal would collapse by Friday")
        #expect(told.speakerMention?.text == "the senator")
    }
}
