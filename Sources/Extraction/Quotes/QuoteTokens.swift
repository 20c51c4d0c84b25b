/// The document's tokens with what attribution asks of each: its lexicon key, whether it is
/// capitalised, and which sentence and block it belongs to.
struct QuoteTokens {
    let doc: Document
    /// Lexicon key of each token (0 for punctuation and unpackable words).
    let keys: [UInt64]
    /// Sentence index of each token.
    let sentenceOf: [Int32]

    init(_ doc: Document) {
        self.doc = doc
        var keys = [UInt64](repeating: 0, count: doc.tokens.count)
        for (i, t) in doc.tokens.enumerated() where t.kind == .word {
            keys[i] = PackedWord.key(doc.scalars, t.range)
        }
        self.keys = keys
        var sentenceOf = [Int32](repeating: -1, count: doc.tokens.count)
        for (s, sentence) in doc.sentences.enumerated() {
            for t in sentence.tokens where t < sentenceOf.count { sentenceOf[t] = Int32(s) }
        }
        // Tokens in no sentence (a dateline) go with the sentence that follows them.
        var next = Int32(max(doc.sentences.count - 1, 0))
        for t in sentenceOf.indices.reversed() {
            if sentenceOf[t] < 0 { sentenceOf[t] = next } else { next = sentenceOf[t] }
        }
        self.sentenceOf = sentenceOf
    }

    var count: Int { keys.count }

    @inline(__always) func first(_ i: Int) -> Unicode.Scalar { doc.scalars[Int(doc.tokens[i].start)] }
    @inline(__always) func isWord(_ i: Int) -> Bool { doc.tokens[i].kind == .word }
    @inline(__always) func isCapitalised(_ i: Int) -> Bool {
        doc.tokens[i].kind == .word && CharacterClass.isUppercase(first(i))
    }
    @inline(__always) func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        let t = doc.tokens[i]
        return t.kind != .word && t.end - t.start == 1 && doc.scalars[Int(t.start)] == c
    }
    @inline(__always) func isQuoteMark(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        return t.kind == .punctuation && t.end - t.start == 1 && CharacterClass.isQuoteMark(doc.scalars[Int(t.start)])
    }
    /// Whether token `i` is a double quotation mark (apostrophes and single marks are not).
    @inline(__always) func isDoubleMark(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .punctuation, t.end - t.start == 1 else { return false }
        switch doc.scalars[Int(t.start)] {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": return true
        default: return false
        }
    }
    @inline(__always) func isSentenceEnd(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .punctuation else { return false }
        let c = doc.scalars[Int(t.end) - 1]
        return c == "." || c == "!" || c == "?"
    }
    @inline(__always) func isPossessive(_ i: Int) -> Bool {
        let t = doc.tokens[i]
        return t.kind == .word && t.end - t.start == 2 && CharacterClass.isApostrophe(doc.scalars[Int(t.start)])
    }
    /// Block index of token `i`'s sentence.
    @inline(__always) func block(_ i: Int) -> Int { doc.sentences[Int(sentenceOf[i])].block }
    /// Token range of token `i`'s sentence.
    @inline(__always) func sentence(_ i: Int) -> Range<Int> { doc.sentences[Int(sentenceOf[i])].tokens }

    /// Index of the first token starting at or after code point `offset`.
    func token(atOrAfter offset: Int) -> Int {
        var lo = 0
        var hi = doc.tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(doc.tokens[mid].start) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Code-point range covered by tokens `r` (non-empty).
    func span(_ r: Range<Int>) -> Range<Int> {
        Int(doc.tokens[r.lowerBound].start)..<Int(doc.tokens[r.upperBound - 1].end)
    }

    func isPronoun(_ i: Int) -> Bool { QuoteLexicon.speakerPronouns.contains(keys[i]) && isWord(i) }
    /// Whether token `i` is a reporting verb: lower-case, and for words that are also nouns
    /// (`claims`, `tweets`) not after a determiner, possessive or adjective.
    func isSpeechVerb(_ i: Int) -> Bool {
        guard QuoteLexicon.speechVerbs.contains(keys[i]) else { return false }
        if isCapitalised(i) { return sentence(i).lowerBound == i }
        if QuoteLexicon.nounLike.contains(keys[i]), i > 0 {
            let p = i - 1
            if isPossessive(p) || QuoteLexicon.determiners.contains(keys[p]) || (isWord(p) && !isCapitalised(p) && !isPronoun(p)) {
                return false
            }
        }
        return true
    }
    func isAccordingTo(_ i: Int) -> Bool {
        keys[i] == QuoteLexicon.according && i + 1 < count && keys[i + 1] == QuoteLexicon.to
    }
}
