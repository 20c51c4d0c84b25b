/// Splits the content blocks of a layout into tokens and sentences.
///
/// A sentence ends at `.`, `!`, `?`, `…` or `。` (with any closing quotes and brackets after it)
/// when the next token opens a new sentence, and always at the end of a block. Abbreviations and
/// initials carry their full stop inside the token (see `Tokenizer`), so "Mr. Putin" never splits;
/// an initialism or other abbreviation ("the U.S.", "Apple Inc.") ends a sentence only when a word
/// that typically starts one follows ("the U.S. The next…").
public enum SentenceSplitter {
    /// Tokens and sentences of every content block.
    public static func segment(scalars: [Unicode.Scalar], blocks: [ArticleLayout.Block]) -> (tokens: [Token], sentences: [Sentence]) {
        segment(scalars: scalars, blocks: blocks, dateline: nil)
    }

    /// Tokens and sentences of every content block; the tokens of `dateline` belong to no sentence.
    public static func segment(scalars: [Unicode.Scalar], blocks: [ArticleLayout.Block],
                               dateline: Range<Int>?) -> (tokens: [Token], sentences: [Sentence]) {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var sentences: [Sentence] = []
        for (b, block) in blocks.enumerated() where block.isContent {
            let first = tokens.count
            Tokenizer.tokenize(scalars, in: block.range, into: &tokens)
            var sentenceStart = first
            if let dateline, block.range.contains(dateline.lowerBound) {
                while sentenceStart < tokens.count && Int(tokens[sentenceStart].start) < dateline.upperBound {
                    sentenceStart += 1
                }
            }
            var i = sentenceStart
            while i < tokens.count {
                if endsSentence(at: i, tokens: tokens, scalars: scalars) {
                    var last = i
                    while last + 1 < tokens.count, isCloser(tokens[last + 1], after: tokens[last], scalars) {
                        last += 1
                    }
                    if last + 1 >= tokens.count || opensSentence(after: i, next: last + 1, tokens, scalars) {
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
            switch last {
            case ".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{061F}", "\u{0964}": return true
            default: return false
            }
        case .word:
            // "the U.S." and "Apple Inc." can end a sentence; "Mr." and "J." cannot.
            guard last == ".", t.end - t.start > 2 else { return false }
            return !Abbreviations.isTitle(scalars[Int(t.start)..<(Int(t.end) - 1)])
        default:
            return false
        }
    }

    /// Whether token `t` closes what the previous token ended: `”`, `)`, or a straight (or
    /// mistyped opening) quote that touches it (`."` closes; `. "` opens the next sentence).
    private static func isCloser(_ t: Token, after previous: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        guard t.kind == .punctuation, t.end - t.start == 1 else { return false }
        switch scalars[Int(t.start)] {
        case "\u{201D}", "\u{2019}", ")", "]", "\u{00BB}", "\u{300D}", "\u{300F}", "\u{FF09}": return true
        case "\"", "'", "\u{201C}", "\u{2018}": return t.start == previous.end
        default: return false
        }
    }

    /// Whether token `next` opens a sentence after the sentence-ending token `end`.
    private static func opensSentence(after end: Int, next: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        let t = tokens[next]
        let c = scalars[Int(t.start)]
        let ender = tokens[end]
        if ender.kind == .word {
            // An abbreviation's full stop: only before a word that usually starts a sentence, or a quote.
            if t.kind == .word && CharacterClass.isUppercase(c) { return SentenceStarters.contains(scalars, t.range) }
            return LineShape.isOpeningQuote(c) || c == "\u{201C}"
        }
        if ender.kind == .punctuation && scalars[Int(ender.end) - 1].value >= 0x3000 { return true }
        if CharacterClass.isUppercase(c) || CharacterClass.isDigit(c) { return true }
        switch c {
        case "\"", "\u{201C}", "\u{2018}", "'", "(", "[", "\u{00AB}", "\u{201E}", "-", "\u{2013}", "\u{2014}", "\u{300C}": return true
        default:
            if CharacterClass.isLetter(c) { return !CharacterClass.isLowercase(c) }
            return t.kind != .punctuation
        }
    }
}

/// Capitalised words that usually open a sentence; after "U.S." or "Inc." they mark its end.
enum SentenceStarters {
    private static let words = HashKeySet([
        "the", "a", "an", "it", "its", "it's", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "my", "your", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "in", "on",
        "at", "for", "with", "from", "by", "after", "before", "when", "while", "if", "as", "since", "although",
        "though", "because", "however", "meanwhile", "still", "also", "then", "now", "today", "yesterday", "last",
        "next", "some", "many", "most", "much", "more", "all", "both", "each", "every", "other", "another", "one",
        "no", "not", "what", "who", "why", "how", "where", "which", "during", "despite", "according", "until", "about",
        "officials", "critics", "analysts", "experts", "such", "even", "only", "just", "instead", "indeed", "yes",
        "mr.", "mrs.", "ms.", "dr.", "several", "few", "under", "over", "among", "earlier", "later",
    ].compactMap(LatinKey.of))

    static func contains(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let key = LatinKey.of(scalars, range) else { return false }
        return words.contains(key)
    }
}
