/// Scores the article's key phrases.
///
/// Candidates are the 1–3 word n-grams inside runs of content words (stop words, numbers and
/// punctuation end a run), so a phrase never starts or ends with a stop word. Each content word is
/// weighted YAKE-style by its frequency, by how often it is capitalised inside a sentence (a name)
/// and by how early it first appears; a phrase scores its frequency times the mean weight of its
/// words, with a bonus for length. Named entities (when the entity stage found any) are candidates
/// under their canonical names, boosted by salience. Phrases are deduplicated case-insensitively and
/// by singular form, and a phrase that mostly occurs inside a better one is dropped. Scores are
/// relative to the best phrase (1.0).
public enum KeywordExtractor {
    /// The most key phrases reported.
    public static let limit = 15

    /// At most 15 key phrases, most important first.
    public static func extract(_ doc: Document, entities: [Entity]) -> [Keyword] {
        let words = ContentWords(doc)
        guard words.count > 0 else { return [] }
        var stats = PhraseCounter(doc: doc, words: words)
        stats.count()
        return stats.select(entities: entities, limit: limit)
    }
}

/// Counts words and phrases, scores and picks them.
struct PhraseCounter {
    struct Phrase {
        var words: [Int32]
        var frequency: Int = 0
        var firstSentence: Int
        /// Token range of an occurrence, preferring one not at the start of a sentence.
        var example: Range<Int>
        var exampleIsInitial: Bool
    }

    let doc: Document
    let words: ContentWords
    var termFrequency: [Int]
    var capitalized: [Int]
    var firstSentence: [Int]
    var phrases: [UInt64: Phrase] = [:]
    var sentenceCount = 0

    init(doc: Document, words: ContentWords) {
        self.doc = doc
        self.words = words
        termFrequency = [Int](repeating: 0, count: words.count)
        capitalized = [Int](repeating: 0, count: words.count)
        firstSentence = [Int](repeating: Int.max, count: words.count)
    }

    static func packKey(_ ids: ArraySlice<Int32>) -> UInt64 {
        var key: UInt64 = 0
        for id in ids { key = key << 21 | UInt64(id + 1) & 0x1F_FFFF }
        return key
    }

    mutating func count() {
        let tokens = doc.tokens
        sentenceCount = doc.sentences.count
        var run: [Int32] = []
        var runTokens: [Int] = []
        for (s, sentence) in doc.sentences.enumerated() {
            run.removeAll(keepingCapacity: true)
            runTokens.removeAll(keepingCapacity: true)
            let firstWord = sentence.tokens.first { tokens[$0].kind == .word } ?? sentence.tokens.lowerBound
            for t in sentence.tokens {
                let id = words.ids[t]
                if id < 0 {
                    flush(&run, &runTokens, sentence: s, sentenceStart: firstWord)
                    continue
                }
                termFrequency[Int(id)] += 1
                if firstSentence[Int(id)] == Int.max { firstSentence[Int(id)] = s }
                if t != firstWord, CharacterClass.isUppercase(doc.scalars[Int(tokens[t].start)]) {
                    capitalized[Int(id)] += 1
                }
                run.append(id)
                runTokens.append(t)
            }
            flush(&run, &runTokens, sentence: s, sentenceStart: firstWord)
        }
    }

    private mutating func flush(_ run: inout [Int32], _ runTokens: inout [Int], sentence: Int, sentenceStart: Int) {
        defer {
            run.removeAll(keepingCapacity: true)
            runTokens.removeAll(keepingCapacity: true)
        }
        guard !run.isEmpty else { return }
        for start in 0..<run.count {
            for n in 1...3 where start + n <= run.count {
                // Phrases of two or more words only from runs the phrase does not cut mid-name.
                let slice = run[start..<(start + n)]
                let key = PhraseCounter.packKey(slice)
                let tokenRange = runTokens[start]..<(runTokens[start + n - 1] + 1)
                let initial = runTokens[start] == sentenceStart
                if var p = phrases[key] {
                    p.frequency += 1
                    if p.exampleIsInitial && !initial {
                        p.example = tokenRange
                        p.exampleIsInitial = false
                    }
                    phrases[key] = p
                } else {
                    phrases[key] = Phrase(words: Array(slice), frequency: 1, firstSentence: sentence,
                                          example: tokenRange, exampleIsInitial: initial)
                }
            }
        }
    }

    /// The weight of word `id`: frequency, boosted for names and early first use.
    func weight(_ id: Int32) -> Double {
        let i = Int(id)
        let tf = Double(termFrequency[i])
        let caseRatio = tf > 0 ? Double(capitalized[i]) / tf : 0
        let position = 1 + 1 / (1 + Double(firstSentence[i]) / 4)
        return tf * (1 + 0.5 * caseRatio) * position
    }

    func score(_ p: Phrase) -> Double {
        let n = p.words.count
        if n == 1 { return weight(p.words[0]) }
        var sum = 0.0
        var rarest = Int.max
        for w in p.words {
            sum += weight(w)
            rarest = min(rarest, termFrequency[Int(w)])
        }
        let mean = sum / Double(n)
        // Cohesion: how often the words occur together rather than apart ("Western sanctions" 4 of 5).
        let cohesion = (Double(p.frequency) / Double(max(1, rarest))).squareRoot()
        let bonus = n == 2 ? 1.6 : 1.9
        // A phrase met once in a long article is as likely chance as a key phrase.
        let rarity = p.frequency >= 2 || sentenceCount < 8 ? 1.0 : 0.35
        return mean * cohesion * bonus * rarity
    }

    /// The text of a phrase: its surface form, lowercased when the phrase is not a name.
    func text(_ p: Phrase) -> String {
        let first = doc.tokens[p.example.lowerBound]
        let last = doc.tokens[p.example.upperBound - 1]
        let surface = doc.slice(Int(first.start)..<Int(last.end))
        var capitalizedWords = 0
        for w in p.words where capitalized[Int(w)] * 2 >= termFrequency[Int(w)] && capitalized[Int(w)] > 0 {
            capitalizedWords += 1
        }
        return capitalizedWords > 0 ? surface : WordKey.key(Array(surface.unicodeScalars), 0..<surface.unicodeScalars.count)
    }

    func select(entities: [Entity], limit: Int) -> [Keyword] {
        struct Candidate {
            var term: String
            var score: Double
            var words: [Int32]
            var frequency: Int
        }
        // Entity names and aliases by their content-word ids.
        var entityBoost: [UInt64: Double] = [:]
        var entityName: [UInt64: String] = [:]
        var index: [String: Int32] = [:]
        if !entities.isEmpty {
            for (i, k) in words.keys.enumerated() { index[k] = Int32(i) }
        }
        for e in entities {
            let boost = 1.3 + e.salience
            var forms = [e.name]
            forms.append(contentsOf: e.aliases)
            for form in forms {
                let ids = idsOf(form, index)
                guard !ids.isEmpty, ids.count <= 3 else { continue }
                let key = PhraseCounter.packKey(ids[...])
                entityBoost[key] = max(entityBoost[key] ?? 0, boost)
                if form == e.name, entityName[key] == nil { entityName[key] = e.name }
            }
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(phrases.count)
        for (key, p) in phrases {
            var s = score(p)
            if let b = entityBoost[key] { s *= b }
            guard s > 0 else { continue }
            candidates.append(Candidate(term: "", score: s, words: p.words, frequency: p.frequency))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.words.lexicographicallyPrecedes($1.words) }
        var chosen: [Candidate] = []
        var seenTerms: Set<String> = []
        for c in candidates {
            if chosen.count >= limit { break }
            let covered = chosen.contains { other in
                if PhraseCounter.contains(other.words, c.words) {
                    // "sanctions" inside "Western sanctions": kept only when it also stands alone often.
                    return c.frequency * 2 < other.frequency * 3
                }
                return PhraseCounter.contains(c.words, other.words) || PhraseCounter.overlaps(c.words, other.words)
            }
            if covered { continue }
            let key = PhraseCounter.packKey(c.words[...])
            guard let p = phrases[key] else { continue }
            let term = entityName[key] ?? text(p)
            let folded = WordKey.key(Array(term.unicodeScalars), 0..<term.unicodeScalars.count)
            if seenTerms.contains(folded) { continue }
            seenTerms.insert(folded)
            var chosenOne = c
            chosenOne.term = term
            chosen.append(chosenOne)
        }
        guard let top = chosen.first?.score, top > 0 else { return [] }
        return chosen.map { Keyword(term: $0.term, score: (($0.score / top) * 10_000).rounded() / 10_000) }
    }

    /// The content-word ids of `text`, or empty when a word of it is not in the document.
    private func idsOf(_ text: String, _ wordIndex: [String: Int32]) -> [Int32] {
        var ids: [Int32] = []
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        Tokenizer.tokenize(scalars, in: 0..<scalars.count, into: &tokens)
        for t in tokens where t.kind == .word {
            let key = WordKey.key(scalars, t.range)
            if StopWords.contains(key) { continue }
            guard let id = wordIndex[WordKey.singular(key)] else { return [] }
            ids.append(id)
        }
        return ids
    }

    /// Whether `outer` holds `inner` as a contiguous part.
    static func contains(_ outer: [Int32], _ inner: [Int32]) -> Bool {
        guard inner.count <= outer.count else { return false }
        for s in 0...(outer.count - inner.count) where Array(outer[s..<(s + inner.count)]) == inner {
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
