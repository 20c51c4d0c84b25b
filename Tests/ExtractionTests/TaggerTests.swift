import Extraction
import ExtractionData
import Foundation
import NewsdTestKit
import TaggerTraining
import Testing

@Suite struct TaggerTests {
    static let sentences = """
    Peter Blackburn met Angela Merkel in Berlin .
    The European Commission said on Thursday it disagreed with German advice .
    Germany 's representative to the European Union , Werner Zwingmann , spoke in Brussels .
    Clinton flew to Paris to meet the United Nations .

    """

    static let gold: [(type: Int, text: String)] = [
        (0, "Peter Blackburn"), (0, "Angela Merkel"), (2, "Berlin"), (1, "European Commission"), (3, "German"),
        (2, "Germany"), (1, "European Union"), (0, "Werner Zwingmann"), (2, "Brussels"), (0, "Clinton"),
        (2, "Paris"), (1, "United Nations"),
    ]

    /// Gold spans of `gold`, found in `text` in order.
    static func spans(in text: String) -> [(type: Int, range: Range<Int>)] {
        let scalars = Array(text.unicodeScalars)
        var from = 0
        return gold.map { g in
            let needle = Array(g.text.unicodeScalars)
            var i = from
            while Array(scalars[i..<(i + needle.count)]) != needle { i += 1 }
            from = i + needle.count
            return (g.type, i..<(i + needle.count))
        }
    }

    static func trainTiny() -> (EntityTagger, Document, [(type: Int, range: Range<Int>)]) {
        let doc = CoNLLCorpus.document(sentences)
        let spans = spans(in: sentences)
        let encoded = EncodedSentence.sentences(of: doc, tags: CoNLLCorpus.tags(doc, spans: spans),
                                                clusters: WordClusterTable(), bucketBits: 14)
        var trainer = PerceptronTrainer(bucketBits: 14)
        for _ in 0..<10 { _ = trainer.epoch(encoded, order: Array(encoded.indices)) }
        return (EntityTagger(model: trainer.averagedModel(clusters: WordClusterTable())), doc, spans)
    }

    @Test func aTinyModelTagsItsTrainingSentencesBack() {
        let (tagger, doc, gold) = Self.trainTiny()
        let found = tagger.tag(doc)
        #expect(found.map(\.range) == gold.map(\.range))
        #expect(found.map(\.type) == gold.map { TagSet.types[$0.type] })
        #expect(found.allSatisfy { $0.origin == .tagger && $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test func aModelReadsBackFromItsBytes() throws {
        let (tagger, doc, _) = Self.trainTiny()
        let model = try #require(tagger.model)
        let bytes = model.serialized()
        let loaded = try bytes.withUnsafeBytes { try EntityTagger(serialized: $0) }
        #expect(loaded.tag(doc) == tagger.tag(doc))
        var broken = bytes
        broken[0] = 0
        #expect(throws: TaggerModel.FormatError.self) { try broken.withUnsafeBytes { try EntityTagger(serialized: $0) } }
    }

    @Test func bilouTagsRoundTrip() {
        let spans: [(tokens: Range<Int>, type: Int)] = [(0..<2, 0), (3..<4, 2), (4..<7, 1)]
        let tags = TagSet.encode(length: 8, spans: spans)
        #expect(tags == [1, 3, 0, 12, 5, 6, 7, 0])
        let back = TagSet.decode(tags[...])
        #expect(back.map(\.tokens) == spans.map(\.tokens))
        #expect(back.map(\.type) == spans.map(\.type))
        // Viterbi never produces these, but a malformed run still decodes to spans.
        #expect(TagSet.decode([2, 2, 0, 3][...]).map(\.tokens) == [0..<2, 3..<4])
    }

    @Test func theShippedModelFindsPeopleAndPlaces() throws {
        let resources = try BundledResources.shared.get()
        let tagger = try #require(resources.tagger, "the tagger model is missing from the data folder")
        let doc = CoNLLCorpus.document("Vladimir Putin met Xi Jinping in Beijing.")
        let found = tagger.tag(doc).map { (doc.slice($0.range), $0.type) }
        #expect(found.map(\.0) == ["Vladimir Putin", "Xi Jinping", "Beijing"])
        #expect(found.map(\.1) == [.person, .person, .location])
    }

    @Test(.needsSharedData) func theShippedModelTagsTheSampleArticle() throws {
        let bytes = try #require(SharedData.sampleArticle())
        let tagger = try #require(try BundledResources.shared.get().tagger)
        let doc = CoNLLCorpus.document(String(decoding: bytes, as: UTF8.self))
        let names = Set(tagger.tag(doc).filter { $0.type == .person }.map { doc.slice($0.range) })
        #expect(names.contains("Putin"))
        #expect(names.contains("Xi Jinping") || names.contains("Xi"))
    }

    @Test func typographicQuotesAndApostrophesReadAsASCII() throws {
        let tagger = try #require(try BundledResources.shared.get().tagger)
        let curly = CoNLLCorpus.document("\u{201C}We agree,\u{201D} said Putin\u{2019}s spokesman Dmitry Peskov in Moscow \u{2014} again.")
        let ascii = CoNLLCorpus.document("\"We agree,\" said Putin's spokesman Dmitry Peskov in Moscow - again.")
        let a = tagger.tag(curly), b = tagger.tag(ascii)
        #expect(a.map(\.range) == b.map(\.range))
        #expect(a.map(\.type) == b.map(\.type))
        #expect(a.map { curly.slice($0.range) }.suffix(2) == ["Dmitry Peskov", "Moscow"])
    }

    @Test func documentEvidenceMarksWordsSeenCapitalisedOrInLowercase() {
        let doc = CoNLLCorpus.document("MARKET SLIDES AS APPLE FALLS\nShares of Apple fell as the market slid.\n")
        var keys = doc.tokens.map { TokenKeys(doc.scalars, $0.range, clusters: WordClusterTable()) }
        DocumentEvidence.annotate(&keys, sentences: doc.sentences, layout: doc.layout)
        let evidence = Dictionary(doc.tokens.indices.map { (doc.tokenText($0), keys[$0].document) }, uniquingKeysWith: { a, _ in a })
        #expect(evidence["APPLE"] == 2)   // capitalised inside a sentence
        #expect(evidence["MARKET"] == 3)  // only in lowercase
        #expect(evidence["SLIDES"] == 1)  // nowhere else
        #expect(evidence["the"] == 0)     // not capitalised
    }

    @Test func laterMentionsBorrowTheContextOfTheFirstInRunningText() {
        let doc = CoNLLCorpus.document("CLINTON WINS AGAIN\nBill Clinton spoke .\nClinton left .\nThen Clinton won .\n")
        var keys = doc.tokens.map { TokenKeys(doc.scalars, $0.range, clusters: WordClusterTable()) }
        DocumentEvidence.annotate(&keys, sentences: doc.sentences, layout: doc.layout)
        let clinton = doc.tokens.indices.filter { doc.tokenText($0).lowercased() == "clinton" }
        #expect(clinton.count == 4)
        // The later mentions, and the headline's, see the words around the first in running text
        // ("Bill", "spoke"), not the headline's.
        #expect(keys[clinton[2]].elsewhere == keys[clinton[3]].elsewhere)
        #expect(keys[clinton[0]].elsewhere == keys[clinton[2]].elsewhere)
        #expect(keys[clinton[2]].elsewhere[0] != 1)
        // The first in running text sees the next one's, which opens its sentence.
        #expect(keys[clinton[1]].elsewhere[0] == 1)
        // A word written once, and a lowercase one, borrow nothing.
        let once = doc.tokens.indices.first { doc.tokenText($0) == "Bill" }!
        let lower = doc.tokens.indices.first { doc.tokenText($0) == "spoke" }!
        #expect(keys[once].elsewhere == .zero && keys[lower].elsewhere == .zero)
    }

    @Test func theSecondPassSeesWhatTheFirstTaggedTheWordsOtherOccurrences() {
        let doc = CoNLLCorpus.document("Cook said Cook won .\nCook Islands voted , cook said .\nLee left .\n")
        var keys = doc.tokens.map { TokenKeys(doc.scalars, $0.range, clusters: WordClusterTable()) }
        // The first pass: "Cook" a person twice, a place once (in "Cook Islands"); "Lee" untagged.
        let spans: [(tokens: Range<Int>, type: Int)] = [(0..<1, 0), (2..<3, 0), (5..<7, 2)]
        PredictionHistory.annotate(&keys, types: PredictionHistory.types(count: keys.count, spans: spans))
        let history = doc.tokens.indices.map { (doc.tokenText($0), keys[$0].history) }
        // First "Cook": the others are a person and a place, so person (type 0) wins, not unanimously.
        #expect(history[0] == ("Cook", 1))
        // The "Cook" of "Cook Islands": both others are persons, and none is untagged.
        #expect(history[5] == ("Cook", 1 + PredictionHistory.unanimous))
        // Lowercase words and words written once get no history.
        #expect(history[9] == ("cook", 0) && history[12] == ("Lee", 0) && history[6] == ("Islands", 0))
    }

    @Test func aWordWhoseOtherOccurrencesAreUntaggedSaysSo() {
        let doc = CoNLLCorpus.document("Lee left .\nLee stayed .\n")
        var keys = doc.tokens.map { TokenKeys(doc.scalars, $0.range, clusters: WordClusterTable()) }
        PredictionHistory.annotate(&keys, types: PredictionHistory.types(count: keys.count, spans: [(0..<1, 1)]))
        #expect(keys[0].history == PredictionHistory.untagged)
        #expect(keys[3].history == 2 + PredictionHistory.unanimous)
    }

    /// The Brown path prefixes of `word` in the shipped model's word table (slots 4–7).
    static func brown(_ word: String, in model: TaggerModel) -> [UInt16] {
        let c = model.clusters.lookup(FeatureHash.form(word))
        return (4..<8).map { c[$0] }
    }

    @Test func theShippedModelCarriesBrownClustersFromLargeText() throws {
        let model = try #require(try BundledResources.shared.get().tagger?.model)
        // Related names share their Brown paths; words CoNLL never saw have them too.
        let merkel = Self.brown("Merkel", in: model)
        #expect(merkel.allSatisfy { $0 != 0 })
        #expect(Self.brown("Blair", in: model) == merkel)
        #expect(Self.brown("Trump", in: model) == Self.brown("Yeltsin", in: model))
        #expect(Self.brown("Paris", in: model)[3] == Self.brown("London", in: model)[3])
        #expect(Self.brown("Germany", in: model)[3] != Self.brown("Paris", in: model)[3])
        #expect(Self.brown("Germany", in: model)[1] == Self.brown("Paris", in: model)[1])
        #expect(Self.brown("Xqzvbn", in: model) == [0, 0, 0, 0])
    }

    @Test func aDocumentsKeysAreEachTokensKeys() throws {
        let model = try #require(try BundledResources.shared.get().tagger?.model)
        let doc = CoNLLCorpus.document("MERKEL MEETS MACRON IN PARIS\nAngela Merkel met Xqzvbn in Paris on Monday.\n")
        let keys = TokenKeys.of(doc, clusters: model.clusters)
        #expect(keys.count == doc.tokens.count)
        for (i, token) in doc.tokens.enumerated() {
            let one = TokenKeys(doc.scalars, token.range, clusters: model.clusters)
            #expect(keys[i].form == one.form)
            #expect(keys[i].shape == one.shape)
            #expect(keys[i].suffix == one.suffix)
            #expect(keys[i].clusters == one.clusters)
        }
        // Clusters are looked up: a known word has them, an unknown one none.
        let paris = try #require(doc.tokens.indices.first { doc.tokenText($0) == "Paris" })
        let unknown = try #require(doc.tokens.indices.first { doc.tokenText($0) == "Xqzvbn" })
        #expect(keys[paris].clusters != .zero)
        #expect(keys[unknown].clusters == .zero)
    }

    @Test func brownClusterFeaturesCarryTrainedWeights() throws {
        let model = try #require(try BundledResources.shared.get().tagger?.model)
        let mask = UInt64(model.buckets - 1), spare = UInt32(model.buckets)
        let scalars = Array("Merkel".unicodeScalars)
        let merkel = TokenKeys(scalars, 0..<scalars.count, clusters: model.clusters)
        var rows = [UInt32](repeating: 0, count: FeatureTemplates.wordCount)
        rows.withUnsafeMutableBufferPointer { FeatureTemplates.wordRows(merkel, mask: mask, spare: spare, into: $0.baseAddress!) }
        // The last four word features are the Brown prefixes: real rows with weights, not the spare row.
        let brownRows = rows.suffix(4)
        #expect(brownRows.allSatisfy { $0 != spare })
        #expect(brownRows.allSatisfy { model.weights.row(Int($0)) != .zero })
        // A word with no cluster reads the spare (zero) row there.
        let none = Array("Xqzvbn".unicodeScalars)
        let unknown = TokenKeys(none, 0..<none.count, clusters: model.clusters)
        rows.withUnsafeMutableBufferPointer { FeatureTemplates.wordRows(unknown, mask: mask, spare: spare, into: $0.baseAddress!) }
        #expect(rows.suffix(4).allSatisfy { $0 == spare })
    }
}
