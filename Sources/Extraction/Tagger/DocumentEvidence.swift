/// What the rest of a document says about a capitalised word: whether the same word appears
/// capitalised inside a sentence elsewhere (a name), or in lowercase (a common word).
///
/// Helps where capitals say little: headlines set in capitals and the first word of a sentence.
public enum DocumentEvidence {
    /// Sets `TokenKeys.document` of every capitalised token of `sentences`: 1, plus 1 when the word
    /// is capitalised inside some sentence that is not a headline, plus 2 when it appears in lowercase;
    /// and `TokenKeys.elsewhere` (see `annotateElsewhere`).
    public static func annotate(_ keys: inout [TokenKeys], sentences: [Sentence], layout: ArticleLayout) {
        var capitalised = KeySlots(capacity: keys.count)
        var lowercase = KeySlots(capacity: keys.count)
        for s in sentences where s.tokens.count > 1 && !FeatureTemplates.isHeadline(keys[s.tokens]) {
            for i in s.tokens.dropFirst() {
                let k = keys[i]
                if k.isCapitalized {
                    capitalised.insert(k.lower)
                } else if k.letters > 0 && k.uppercase == 0 {
                    lowercase.insert(k.lower)
                }
            }
        }
        for i in keys.indices where keys[i].isCapitalized {
            let k = keys[i]
            keys[i].document = 1 + (capitalised.contains(k.lower) ? 1 : 0) + (lowercase.contains(k.lower) ? 2 : 0)
        }
        annotateElsewhere(&keys, sentences: sentences, layout: layout)
    }

    /// Sets `TokenKeys.elsewhere` of every capitalised token written more than once: the words
    /// around another occurrence of it, as their dictionary code and Brown cluster. The first
    /// mention of a name in the text usually carries its fullest context ("President Bill
    /// Clinton", "Clinton Foundation"); later ones ("Clinton said") borrow it. A headline's or
    /// heading's context is borrowed only when there is no other: "Ready for Trump vs. Clinton?"
    /// reads like a results table. After Ratinov and Roth's context aggregation.
    static func annotateElsewhere(_ keys: inout [TokenKeys], sentences: [Sentence], layout: ArticleLayout) {
        var sentenceOf = [Int32](repeating: -1, count: keys.count)
        var inHeadline = [Bool](repeating: true, count: sentences.count)
        for (s, sentence) in sentences.enumerated() {
            for i in sentence.tokens { sentenceOf[i] = Int32(s) }
            let kind = layout.blocks.indices.contains(sentence.block) ? layout.blocks[sentence.block].kind : .paragraph
            inHeadline[s] = kind == .title || kind == .heading || FeatureTemplates.isHeadline(keys[sentence.tokens])
        }
        // Per word: its first two occurrences in running text, its first in a headline, and how
        // many times it is written.
        var slots = KeySlots(capacity: keys.count)
        var slotOf = [Int32](repeating: -1, count: keys.count)
        var occurrences: [SIMD4<Int32>] = []
        for i in keys.indices where keys[i].isCapitalized {
            let s = slots.slot(keys[i].lower)
            if s == occurrences.count { occurrences.append(SIMD4(-1, -1, -1, 0)) }
            slotOf[i] = Int32(s)
            if sentenceOf[i] < 0 || inHeadline[Int(sentenceOf[i])] {
                if occurrences[s][2] < 0 { occurrences[s][2] = Int32(i) }
            } else if occurrences[s][0] < 0 {
                occurrences[s][0] = Int32(i)
            } else if occurrences[s][1] < 0 {
                occurrences[s][1] = Int32(i)
            }
            occurrences[s][3] += 1
        }
        @inline(__always) func context(_ j: Int) -> UInt64 {
            FeatureHash.combine(keys[j].dictionary &+ 2, keys[j].brown(1) &+ (keys[j].isCapitalized ? 1 << 20 : 0))
        }
        for i in keys.indices where slotOf[i] >= 0 {
            let o = occurrences[Int(slotOf[i])]
            guard o[3] > 1 else { continue }
            let j = Int(o[0] >= 0 && o[0] != i ? o[0] : o[1] >= 0 && o[1] != i ? o[1] : o[2])
            guard j >= 0, j != i else { continue }
            let sentence = sentenceOf[j]
            @inline(__always) func inSentence(_ k: Int) -> Bool { k >= 0 && k < keys.count && sentenceOf[k] == sentence }
            let previous = inSentence(j - 1) ? context(j - 1) : 1
            // Past a possessive to the word it governs ("Putin's spokesman"): the `'s` itself
            // says company as often as person.
            var after = j + 1
            let possessive = inSentence(after) && Self.possessives.contains(keys[after].form)
            if possessive { after += 1 }
            let next = inSentence(after) ? FeatureHash.combine(context(after), possessive ? 2 : 3) : 1
            keys[i].elsewhere = SIMD2(previous, next)
        }
    }

    /// The forms of a possessive token (curly apostrophes read as straight ones).
    static let possessives: [UInt64] = [FeatureHash.form("'s"), FeatureHash.form("'"), FeatureHash.form("s'")]
}
