/// Splits the content blocks of a layout into tokens and sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when the
/// next token opens a new sentence, and always at the end of a block. Abbreviations and initials
/// carry their full stop inside the token (see `Tokenizer`), so "Mr. Putin" never splits.
public enum SentenceSplitter {
    /// Tokens and sentences of every content block.
    public static func segment(scalars: [Unicode.Scalar], blocks: [ArticleLayout.Block]) -> (tokens: [Token], sentences: [Sentence]) {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentences: [Sentence] = []
        for (b, block) in blocks.enumerated() where block.isContent {
            let first = tokens.count
            Tokenizer.tokenize(scalars, in: block.range, into: &tokens)
            var sentenceStart = first
            var i = first
            while i < tokens.count {
                if endsSentence(at: i, tokens: tokens, scalars: scalars) {
                    var last = i
                    while last + 1 < tokens.count, isCloser(tokens[last + 1], scalars) {
                        last += 1
                    }
                    if last + 1 >= tokens.count || opensSentence(tokens[last + 1], scalars) {
                        sentences.append(makeSentence(tokens, sentenceStart..<(last + 1), block: b))
                        sentenceStart = last + 1
                        i = last + 1
                        continue
                    }
                }
                i += 1
            }
            if sentenceStart < tokens.count {
                sentences.append(makeSentence(tokens, sentenceStart..<tokens.count, block: b))
            }
        }
        return (tokens, sentences)
    }

    private static func makeSentence(_ tokens: [Token], _ r: Range<Int>, block: Int) -> Sentence {
        Sentence(range: Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end), tokens: r, block: block)
    }

    private static func endsSentence(at i: Int, tokens: [Token], scalars: [Unicode.Scalar]) -> Bool {
        let t = tokens[i]
        let last = scalars[Int(t.end) - 1]
        switch t.kind {
        case .punctuation:
            return last == "." || last == "!" || last == "?" || last == "\u{2026}"
        case .word:
            // "the U.S." can end a sentence; "Mr." and "J." cannot.
            guard last == ".", t.end - t.start > 2 else { return false }
            return isInitialism(t, scalars) && !Abbreviations.isTitle(scalars[Int(t.start)..<(Int(t.end) - 1)])
        default:
            return false
        }
    }

    private static func isInitialism(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        // U.S. / U.K. / U.N.: alternating letter and full stop.
        let r = Int(t.start)..<Int(t.end)
        return r.count >= 4 && scalars[r.lowerBound + 1] == "."
    }

    private static func isCloser(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard t.kind == .punctuation, t.end - t.start == 1 else { return false }
        switch scalars[Int(t.start)] {
        case "\"", "\u{201D}", "\u{2019}", "'", ")", "]", "\u{00BB}": return true
        default: return false
        }
    }

    private static func opensSentence(_ t: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        let c = scalars[Int(t.start)]
        if CharacterClass.isUppercase(c) || CharacterClass.isDigit(c) { return true }
        switch c {
        case "\"", "\u{201C}", "\u{2018}", "'", "(", "[", "\u{00AB}", "-", "\u{2013}", "\u{2014}": return true
        default: return !CharacterClass.isLetter(c) && !CharacterClass.isLowercase(c) && t.kind != .punctuation
        }
    }
}
