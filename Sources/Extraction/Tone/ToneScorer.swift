/// Word valences for tone scoring (from VADER's lexicon).
public struct ToneLexicon: Sendable {
    /// Valence per lowercase word, roughly −4…+4.
    public let valences: [String: Float]
    /// The same valences by `WordKey.hash` of the word, for lookups without building strings.
    let byHash: HashKeyMap<Float>

    /// A lexicon of `valences`.
    public init(valences: [String: Float]) {
        self.valences = valences
        var table = HashKeyMap<Float>(minimumCapacity: valences.count)
        for (word, v) in valences where v != 0 { table[WordKey.hash(word)] = v }
        byHash = table
    }

    /// The valence of the word with hash `hash`, or nil.
    @inline(__always)
    func valence(hash: UInt64) -> Float? {
        byHash[hash]
    }

    public static let empty = ToneLexicon(valences: [:])
}

/// Scores an article's tone, GDELT-style, per 100 words.
///
/// Every word token of the content (headline, headings, paragraphs; furniture excluded) counts
/// once. `positive` is the share of words, in percent, whose lexicon valence is above zero,
/// `negative` the share below zero; `score` is `positive − negative` (−100…+100, news usually
/// within ±10) and `polarity` is `positive + negative`, how emotionally charged the text is
/// whichever way it leans. A word within three words after a negator in the same sentence
/// ("not good", "never won", "without support") counts with the opposite sign.
public struct ToneScorer: Sendable {
    public let lexicon: ToneLexicon

    /// A scorer over `lexicon`.
    public init(lexicon: ToneLexicon) {
        self.lexicon = lexicon
    }

    /// How many words after a negator it flips.
    static let negationWindow = 3

    /// The tone of the content of `doc`.
    public func score(_ doc: Document) -> Tone {
        var words = 0
        var positive = 0
        var negative = 0
        let tokens = doc.tokens
        for sentence in doc.sentences {
            var sinceNegator = Int.max
            for t in sentence.tokens {
                let token = tokens[t]
                guard token.kind == .word else {
                    if token.kind == .number { words += 1 }
                    continue
                }
                // A possessive `'s` is split off by the tokenizer; it is not a word of its own.
                if token.end - token.start == 2, CharacterClass.isApostrophe(doc.scalars[Int(token.start)]) {
                    continue
                }
                words += 1
                if sinceNegator < Int.max { sinceNegator += 1 }
                let hash = WordKey.hash(doc.scalars, token.range)
                if ToneScorer.negators.contains(hash) || endsWithNot(doc.scalars, token.range) {
                    sinceNegator = 0
                    continue
                }
                guard let valence = lexicon.valence(hash: hash) else { continue }
                let flipped = sinceNegator <= ToneScorer.negationWindow
                if (valence > 0) != flipped { positive += 1 } else { negative += 1 }
            }
        }
        guard words > 0 else { return Tone() }
        let pos = Double(positive) * 100 / Double(words)
        let neg = Double(negative) * 100 / Double(words)
        return Tone(score: round4(pos - neg), positive: round4(pos), negative: round4(neg), polarity: round4(pos + neg))
    }

    private func round4(_ x: Double) -> Double {
        (x * 10_000).rounded() / 10_000
    }

    /// Whether the word ends in `n't` (`don't`, `isn’t`).
    @inline(__always)
    private func endsWithNot(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.count >= 4 && (s[r.upperBound - 1] == "t" || s[r.upperBound - 1] == "T")
            && CharacterClass.isApostrophe(s[r.upperBound - 2]) && (s[r.upperBound - 3] == "n" || s[r.upperBound - 3] == "N")
    }

    /// Words that flip the valence of the few words after them (after VADER's negation list).
    static let negators = HashKeySet([
        "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere", "without",
        "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont",
        "wouldnt", "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint", "rarely", "seldom", "hardly",
    ].map(WordKey.hash))
}
