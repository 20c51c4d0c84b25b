import Extraction
import Testing

/// Every key scheme folds text the same way (`TextKey`): case and typography do not change a key.
@Suite struct TextKeyTests {
    private func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func curlyAndStraightApostrophesKeyAlike() {
        for curly in ["don\u{2019}t", "don\u{2018}t"] {
            #expect(WordKey.hash(curly) == WordKey.hash("don't"))
            let s = scalars(curly)
            #expect(NameKey.of(s, 0..<s.count) == WordKey.hash("DON'T"))
            #expect(WordKey.key(curly) == "don't")
        }
    }

    @Test func dashesFoldToHyphen() {
        #expect(WordKey.hash("well\u{2013}known") == WordKey.hash("Well-Known"))
    }

    @Test func oneWordNameKeyEqualsWordKey() {
        let s = scalars("Reuters")
        #expect(NameKey.of(s, 0..<s.count) == WordKey.hash(s, 0..<s.count))
        #expect(NameKey.ofName("Reuters").key == WordKey.hash("reuters"))
    }

    @Test func differentWordsKeyApart() {
        #expect(WordKey.hash("fed") != WordKey.hash("red"))
        #expect(FeatureHash.form("Fed") != FeatureHash.form("fed"))
    }

    @Test func featureFormKeepsCaseButFoldsTypography() {
        #expect(FeatureHash.form("O\u{2019}Neil") == FeatureHash.form("O'Neil"))
    }

    @Test func splitMixIsDeterministic() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let x = (0..<4).map { _ in a.next() }
        #expect(x == (0..<4).map { _ in b.next() })
        #expect(x != (0..<4).map { _ in c.next() })
        #expect(Set(x).count == 4)
    }
}
