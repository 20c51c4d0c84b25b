/// Scores the article's key phrases.
///
/// Candidates are the 1–3 word n-grams inside runs of content words (stop words, numbers and
/// punctuation end a run), so a phrase never starts or ends with a stop word. Each content word is
/// weighted YAKE-style by its frequency, by how often it is capitalised inside a sentence (a name)
/// and by how early it first appears; a single word that mostly modifies a following word
/// ("Chinese" in "Chinese leader") is weighted down. A phrase of several words scores the mean
/// weight of its words times its cohesion (how often the words occur together rather than apart),
/// with a bonus for length. Named entities (when the entity stage found any) are boosted by
/// salience and shown under their canonical names. Phrases are deduplicated case-insensitively and
/// by singular form, and a phrase that mostly occurs inside a better one is dropped. Scores are
/// relative to the best phrase (1.0).
public enum KeywordExtractor {
    /// The most key phrases reported.
    public static let limit = 15

    /// At most 15 key phrases, most important first.
    public static func extract(_ doc: Document, entities: [Entity]) -> [Keyword] {
        let words = ContentWords(doc)
        guard words.count > 0 else { return [] }
        var counter = PhraseCounter(doc: doc, words: words)
        counter.count()
        return counter.select(entities: entities, limit: limit)
    }
}

/// Counts words and phrases, scores and picks them.
struct PhraseCounter {
    /// A phrase's counts; its words are packed in its dictionary key (see `packKey`).
    struct Phrase {
        var length: Int
        var frequency: Int
        /// Token range of an occurrence, preferring one not at the start of a sentence.
        var example: Range<Int>
        var exampleIsInitial: Bool

        /// Counts an occurrence at `tokens`, which becomes the example when the example so far
        /// stands at the start of a sentence and this one does not.
        mutating func add(_ tokens: Range<Int>, initial: Bool) {
            frequency += 1
            if exampleIsInitial && !initial {
                example = tokens
                exampleIsInitial = false
            }
        }
    }

    let doc: Document
    let words: ContentWords
    var termFrequency: [Int]
    var capitalized: [Int]
    /// Occurrences written in lowercase.
    var lowercase: [Int]
    /// How often the word ends its run of content words (is a head, not a modifier).
    var heads: [Int]
    var firstSentence: [Int]
    /// Lowercase words ending in -ed or -ly ("halted", "sharply"): verbs and adverbs, weak phrase ends.
    var weakEnd: [Bool]
    var phrases = HashKeyMap<Phrase>()
    var sentenceCount = 0

    init(doc: Document, words: ContentWords) {
        self.doc = doc
        self.words = words
        termFrequency = [Int](repeating: 0, count: words.count)
        capitalized = [Int](repeating: 0, count: words.count)
        lowercase = [Int](repeating: 0, count: words.count)
        heads = [Int](repeating: 0, count: words.count)
        firstSentence = [Int](repeating: Int.max, count: words.count)
        weakEnd = [Bool](repeating: false, count: words.count)
    }

    static let idBits: UInt64 = 21
    static let idMask: UInt64 = (1 << 21) - 1

    /// Up to three word ids (each below 2^21 − 1) packed in one key.
    static func packKey<C: Collection>(_ ids: C) -> UInt64 where C.Element == Int32 {
        var key: UInt64 = 0
        for id in ids { key = key << idBits | (UInt64(id + 1) & idMask) }
        return key
    }

    /// The word ids packed in `key`.
    static func unpack(_ key: UInt64, length: Int) -> [Int32] {
        var ids = [Int32](repeating: 0, count: length)
        var k = key
        for i in stride(from: length - 1, through: 0, by: -1) {
            ids[i] = Int32(k & idMask) - 1
            k >>= idBits
        }
        return ids
    }

    mutating func count() {
        let tokens = doc.tokens
        sentenceCount = doc.sentences.count
        var runStart = -1
        for (s, sentence) in doc.sentences.enumerated() {
            runStart = -1
            var firstWord = sentence.tokens.lowerBound
            while firstWord < sentence.tokens.upperBound, tokens[firstWord].kind != .word { firstWord += 1 }
            // A Title Case headline says nothing about which words are names.
            let titleCase = isTitleCase(sentence)
            for t in sentence.tokens {
                let id = words.ids[t]
                if id < 0 {
                    if runStart >= 0 { flush(runStart..<t, sentence: s, sentenceStart: firstWord, titleCase: titleCase) }
                    runStart = -1
                    continue
                }
                let w = Int(id)
                termFrequency[w] += 1
                if firstSentence[w] == Int.max {
                    firstSentence[w] = s
                    weakEnd[w] = PhraseCounter.isVerbOrAdverb(tokens[t], doc.scalars)
                }
                let initial = doc.scalars[Int(tokens[t].start)]
                if titleCase {
                    // no case evidence
                } else if CharacterClass.isLowercase(initial) {
                    lowercase[w] += 1
                } else if t != firstWord, CharacterClass.isUppercase(initial) {
                    capitalized[w] += 1
                }
                if runStart < 0 { runStart = t }
            }
            if runStart >= 0 {
                flush(runStart..<sentence.tokens.upperBound, sentence: s, sentenceStart: firstWord, titleCase: titleCase)
            }
        }
    }

    /// Whether most longer words of `sentence` are capitalised (a headline in Title Case).
    private func isTitleCase(_ sentence: Sentence) -> Bool {
        var long = 0
        var capitalizedWords = 0
        for t in sentence.tokens {
            let token = doc.tokens[t]
            guard token.kind == .word, token.end - token.start >= 4 else { continue }
            long += 1
            if CharacterClass.isUppercase(doc.scalars[Int(token.start)]) { capitalizedWords += 1 }
        }
        return long >= 3 && capitalizedWords * 10 >= long * 7
    }

    /// Counts the n-grams of the run of content-word tokens `run`.
    /// An occurrence at the start of a sentence or in a Title Case line is a poor example of how the
    /// phrase is written; another one is preferred.
    private mutating func flush(_ run: Range<Int>, sentence: Int, sentenceStart: Int, titleCase: Bool) {
        heads[Int(words.ids[run.upperBound - 1])] += 1
        for start in run {
            for n in 1...3 where start + n <= run.upperBound {
                let key = PhraseCounter.packKey(words.ids[start..<(start + n)])
                let tokenRange = start..<(start + n)
                let initial = start == sentenceStart || titleCase
                phrases[key, default: Phrase(length: n, frequency: 0, example: tokenRange, exampleIsInitial: initial)]
                    .add(tokenRange, initial: initial)
            }
        }
    }

    /// A lowercase word of five letters or more ending in -ed or -ly.
    static func isVerbOrAdverb(_ t: Token, _ s: [Unicode.Scalar]) -> Bool {
        let e = Int(t.end)
        guard t.end - t.start >= 5, CharacterClass.isLowercase(s[Int(t.start)]) else { return false }
        return (s[e - 2] == "e" && s[e - 1] == "d") || (s[e - 2] == "l" && s[e - 1] == "y")
    }

    /// The weight of word `id`: frequency, boosted for names and early first use.
    func weight(_ id: Int32) -> Double {
        let i = Int(id)
        let tf = Double(termFrequency[i])
        let caseRatio = tf > 0 ? Double(capitalized[i]) / tf : 0
        let position = 1 + 1 / (1 + Double(firstSentence[i]) / 4)
        return tf * (1 + 0.5 * caseRatio) * position
    }

    func score(_ key: UInt64, _ p: Phrase) -> Double {
        if p.length == 1 {
            let id = Int32(key & PhraseCounter.idMask) - 1
            let w = Int(id)
            let headRatio = Double(heads[w]) / Double(max(1, termFrequency[w]))
            return weight(id) * (0.4 + 0.6 * headRatio) * (weakEnd[w] ? 0.3 : 1)
        }
        var sum = 0.0
        var rarest = Int.max
        var k = key
        // The last word is in the key's low bits.
        let lastWord = Int(Int32(key & PhraseCounter.idMask) - 1)
        let firstWord = Int(Int32((key >> (PhraseCounter.idBits * UInt64(p.length - 1))) & PhraseCounter.idMask) - 1)
        let weak = weakEnd[lastWord] || weakEnd[firstWord] ? 0.3 : 1.0
        for _ in 0..<p.length {
            let w = Int32(k & PhraseCounter.idMask) - 1
            k >>= PhraseCounter.idBits
            sum += weight(w)
            rarest = min(rarest, termFrequency[Int(w)])
        }
        let mean = sum / Double(p.length)
        // Cohesion: how often the words occur together rather than apart ("Western sanctions" 4 of 5).
        let cohesion = (Double(p.frequency) / Double(max(1, rarest))).squareRoot()
        let bonus = p.length == 2 ? 1.6 : 1.8
        // A phrase met once in a long article is as likely chance as a key phrase.
        let rarity = p.frequency >= 2 || sentenceCount < 8 ? 1.0 : 0.35
        return mean * cohesion * bonus * rarity * weak
    }

    /// The text of a phrase: its surface form, lowercased when every word of it is more often
    /// written in lowercase than capitalised inside a sentence.
    func text(_ key: UInt64, _ p: Phrase) -> String {
        let range = Int(doc.tokens[p.example.lowerBound].start)..<Int(doc.tokens[p.example.upperBound - 1].end)
        for w in PhraseCounter.unpack(key, length: p.length) where capitalized[Int(w)] >= lowercase[Int(w)] {
            return doc.slice(range)
        }
        return WordKey.key(doc.scalars, range)
    }

    func select(entities: [Entity], limit: Int) -> [Keyword] {
        struct Candidate {
            var key: UInt64
            var score: Double
            var words: [Int32] = []
        }
        // Entity names and aliases by their packed content-word ids.
        var entityBoost = HashKeyMap<Double>()
        var entityName = HashKeyMap<String>()
        for e in entities {
            let boost = 1.3 + min(1, max(0, e.salience))
            for (k, form) in ([e.name] + e.aliases).enumerated() {
                let ids = idsOf(form)
                guard !ids.isEmpty, ids.count <= 3 else { continue }
                let key = PhraseCounter.packKey(ids)
                entityBoost[key] = max(entityBoost[key] ?? 0, boost)
                if k == 0, entityName[key] == nil { entityName[key] = e.name }
            }
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(phrases.count)
        // In a long article a phrase met once is never among the best; skipping it keeps the sort short.
        let minimumFrequency = sentenceCount < 8 ? 1 : 2
        for (key, p) in phrases.entries where p.frequency >= minimumFrequency || entityBoost[key] != nil {
            var s = score(key, p)
            if let b = entityBoost[key] { s *= b }
            if s > 0 { candidates.append(Candidate(key: key, score: s)) }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        var chosen: [Candidate] = []
        var terms: [String] = []
        var seenTerms: Set<String> = []
        for var c in candidates {
            if chosen.count >= limit { break }
            guard let p = phrases[c.key] else { continue }
            c.words = PhraseCounter.unpack(c.key, length: p.length)
            let covered = chosen.contains { other in
                if PhraseCounter.contains(other.words, c.words) {
                    // "sanctions" inside "Western sanctions": kept only when it also stands alone often.
                    let otherFrequency = phrases[other.key]?.frequency ?? 0
                    return p.frequency * 2 < otherFrequency * 3
                }
                if PhraseCounter.contains(c.words, other.words) {
                    // "Donald Trump" after "Trump": a longer form is worth showing when it recurs.
                    return p.frequency < 2
                }
                return PhraseCounter.overlaps(c.words, other.words)
            }
            if covered { continue }
            let term = entityName[c.key] ?? text(c.key, p)
            let folded = WordKey.key(term)
            if seenTerms.contains(folded) { continue }
            seenTerms.insert(folded)
            chosen.append(c)
            terms.append(term)
        }
        guard let top = chosen.first?.score, top > 0 else { return [] }
        return zip(terms, chosen).map { Keyword(term: $0, score: (($1.score / top) * 10_000).rounded() / 10_000) }
    }

    /// The content-word ids of `text`, or empty when a content word of it is not in the document.
    private func idsOf(_ text: String) -> [Int32] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        Tokenizer.tokenize(scalars, in: 0..<scalars.count, into: &tokens)
        var ids: [Int32] = []
        for t in tokens where t.kind == .word {
            if let h = ContentWords.contentHash(t, scalars, sentenceInitial: false), let id = words.id(of: h) {
                ids.append(id)
            } else if ContentWords.contentHash(t, scalars) != nil {
                // A content word of the name that the article never uses.
                return []
            }
        }
        return ids
    }

    /// Whether `outer` holds `inner` as a contiguous part.
    static func contains(_ outer: [Int32], _ inner: [Int32]) -> Bool {
        guard !inner.isEmpty, inner.count <= outer.count else { return false }
        for s in 0...(outer.count - inner.count) where outer[s..<(s + inner.count)].elementsEqual(inner) {
            return true
        }
        return false
    }

    /// Whether two phrases of two or more words share a word at their edges ("Russian President" and
    /// "President Putin"), which would make them two halves of one name.
    static func overlaps(_ a: [Int32], _ b: [Int32]) -> Bool {
        guard a.count >= 2, b.count >= 2 else { return false }
        return a.last == b.first || b.last == a.first
    }
}
