/// Finds reported speech: `X said (that) …`, `X told Y …`, `according to X, …`, `…, X said.`,
/// `X's claim that …`, `…, adding that …`, with the reported clause as the quote (from `that`
/// on, as PolNeAR marks contents). One pass over the sentences' tokens.
enum IndirectSpeech {
    /// A reported clause and who reported it.
    struct Found {
        var content: Range<Int>
        var attribution: Attribution
        /// Indices of the direct quotes inside the clause, which make it a mixed quote.
        var absorbed: [Int] = []
    }

    /// Reported clauses outside the direct quotes `excluding` (sorted by position); a clause may
    /// hold direct quotes that have no other cue.
    static func find(_ t: QuoteTokens, excluding direct: [QuoteAttributor.DirectQuote],
                     cues: AttributionCues) -> [Found] {
        var found: [Found] = []
        var d = 0
        let doc = t.doc
        for sentence in doc.sentences {
            let range = sentence.tokens
            guard range.count >= 5 else { continue }
            var lastFoundEnd = range.lowerBound
            for k in range where t.isWord(k) {
                let start = Int(doc.tokens[k].start)
                while d < direct.count, direct[d].end < start { d += 1 }
                if d < direct.count, direct[d].span.open < start, start < direct[d].end { continue }
                guard k >= lastFoundEnd else { continue }
                let key = t.keys[k]
                var hit: Found? = nil
                if k == range.lowerBound, t.isCapitalised(k), let h = headline(t, k, range) {
                    hit = h
                } else if t.isAccordingTo(k) {
                    hit = accordingTo(t, k, range, cues)
                } else if !t.isCapitalised(k), QuoteLexicon.indirectVerbs.contains(key) || cues.verbs.contains(key) {
                    hit = reported(t, k, range, learnt: cues.verbs.contains(key), cues: cues)
                } else if cues.nouns.contains(key), k + 1 < range.upperBound, QuoteLexicon.complementisers.contains(t.keys[k + 1]) {
                    hit = nounCue(t, k, range, cues)
                }
                guard var h = hit, let absorbed = absorb(t, t.span(h.content), h.attribution, direct) else { continue }
                lastFoundEnd = max(h.content.upperBound, h.attribution.cue.upperBound)
                // One attribution, one quote: a clause whose cue is a direct quote's cue and which
                // holds no quote ("“…,” Powell told reporters in Washington") is that quote again.
                if absorbed.isEmpty, direct.contains(where: { $0.attribution?.cue.overlaps(h.attribution.cue) == true }) { continue }
                h.absorbed = absorbed
                found.append(h)
            }
        }
        return found
    }

    /// `Rush Limbaugh: Hillary …`, `WALLACE: If I may, …`: one to five capitalised words and a colon
    /// open the sentence; the content runs to the end of the paragraph (`Putin: “…”` is left to the
    /// direct quotes).
    private static func headline(_ t: QuoteTokens, _ k: Int, _ s: Range<Int>) -> Found? {
        var c = k
        while c < s.upperBound, c - k < 5, t.isCapitalised(c) || t.isPunct(c, ".") && c > k { c += 1 }
        guard c > k, c - k <= 5, c + 1 < s.upperBound, t.isPunct(c, ":"), !t.isDoubleMark(c + 1),
              !QuoteLexicon.capitalisedStops.contains(t.keys[k]) else { return nil }
        let block = t.block(k)
        var e = s.upperBound
        while e < t.count, e - s.upperBound < 400, t.block(e) == block { e += 1 }
        guard let content = clause(t, from: c + 1, to: e) else { return nil }
        return Found(content: content, attribution: Attribution(speaker: k..<c, cue: c..<(c + 1)))
    }

    /// `according to X, …`, `…, according to X.` and `…, according to X, …`; the source runs from
    /// `to` up to the next comma or the sentence's end (`a new report by Politico`).
    private static func accordingTo(_ t: QuoteTokens, _ k: Int, _ s: Range<Int>, _ cues: AttributionCues) -> Found? {
        let cue = k..<(k + 2)
        var stop = k + 2
        while stop < s.upperBound, stop - k < 18, !t.isPunct(stop, ","), !t.isSentenceEnd(stop), !t.isDoubleMark(stop),
              !t.isSpeechVerb(stop) { stop += 1 }
        var sourceEnd = stop
        while sourceEnd > k + 2, !t.isWord(sourceEnd - 1), t.doc.tokens[sourceEnd - 1].kind != .number,
              !t.isPunct(sourceEnd - 1, ")") { sourceEnd -= 1 }
        guard sourceEnd > k + 2 else { return nil }
        let source = (k + 2)..<sourceEnd
        let opening = k == s.lowerBound || (k - 1 == s.lowerBound && (t.isPunct(k - 1, ",") || t.isWord(k - 1)))
        if opening, stop < s.upperBound, t.isPunct(stop, ",") {
            var from = stop + 1
            if from < s.upperBound, QuoteLexicon.determiners.contains(t.keys[from]) || t.keys[from] == QuoteLexicon.who {
                // `According to Hoo Tiang Boon, a professor at …, both parties …`
                var c = from
                while c < s.upperBound, c - from < 30, !t.isPunct(c, ",") { c += 1 }
                if c < s.upperBound { from = c + 1 }
            }
            if let c = clause(t, from: from, to: contentEnd(t, from, s.upperBound, cues)) {
                return Found(content: c, attribution: Attribution(speaker: source, cue: cue))
            }
            return nil
        }
        guard k - 1 > s.lowerBound, t.isPunct(k - 1, ",") || t.isPunct(k - 1, "\u{2014}") || t.isPunct(k - 1, "-") else { return nil }
        if onlyTail(t, stop, s.upperBound) || stop >= s.upperBound - 1,
           let c = clause(t, from: s.lowerBound, to: k - 1) {
            return Found(content: c, attribution: Attribution(speaker: source, cue: cue))   // `…, according to X.`
        }
        if stop < s.upperBound, t.isPunct(stop, ","), let c = clause(t, from: s.lowerBound, to: s.upperBound) {
            return Found(content: c, attribution: Attribution(speaker: source, cue: cue))   // `X, according to Y, did …`
        }
        return nil
    }

    /// `X's claim that …`, `his assertion that …`: the content from `that`, the possessor as source.
    private static func nounCue(_ t: QuoteTokens, _ k: Int, _ s: Range<Int>, _ cues: AttributionCues) -> Found? {
        guard k > s.lowerBound, let c = clause(t, from: k + 1, to: contentEnd(t, k + 1, s.upperBound, cues)) else { return nil }
        let p = k - 1
        var speaker: Range<Int>? = nil
        if t.isPronoun(p) || QuoteLexicon.possessivePronouns.contains(t.keys[p]) {
            speaker = p..<k
        } else if t.isPossessive(p), let np = t.nounPhrase(endingAt: p - 1, floor: s.lowerBound) {
            speaker = np
        }
        guard let sp = speaker else { return nil }
        return Found(content: c, attribution: Attribution(speaker: sp, cue: k..<(k + 1)))
    }

    /// `X said (that) …`, `X told Y …`, `…, X said.`, `…, said X.`, `…, adding that …`; a
    /// `learnt` cue (`X urged …`, `X vowed to …`) may also take an infinitive.
    private static func reported(_ t: QuoteTokens, _ k: Int, _ s: Range<Int>, learnt: Bool, cues: AttributionCues) -> Found? {
        let cue = t.cue(at: k, limit: s.upperBound)
        if k - 1 > s.lowerBound, t.isPunct(k - 1, ","), t.endsInIng(k), let speaker = clauseSubject(t, s.lowerBound, k) {
            // `Putin praised the talks, adding that …`: the participle's subject is the clause's.
            var from = cue.upperBound
            if from < s.upperBound, t.isWord(from), isPreposition(t.keys[from]), !learnt { return nil }
            if from < s.upperBound, t.isPunct(from, ",") { from += 1 }
            guard let c = clause(t, from: from, to: contentEnd(t, from, s.upperBound, cues)) else { return nil }
            return Found(content: c, attribution: Attribution(speaker: speaker, cue: cue))
        }
        if let np = t.subject(before: k, floor: s.lowerBound) ?? relativeSubject(t, k, s.lowerBound)
            ?? coordinatedSubject(t, k, s.lowerBound) {
            // Postposed: `…, another source said.`
            if np.lowerBound - 1 > s.lowerBound, t.isPunct(np.lowerBound - 1, ","), onlyTail(t, cue.upperBound, s.upperBound) {
                guard let c = clause(t, from: s.lowerBound, to: np.lowerBound - 1) else { return nil }
                return Found(content: c, attribution: Attribution(speaker: np, cue: cue))
            }
            // Parenthetical: `The plan, he said, would fail.`, `…, the agency said in a report, and …`
            if np.lowerBound - 1 > s.lowerBound, t.isPunct(np.lowerBound - 1, ","), cue.upperBound - np.lowerBound <= 6 {
                var j = cue.upperBound
                while j < s.upperBound, j - cue.upperBound < 6, t.isWord(j) || t.doc.tokens[j].kind == .number,
                      !QuoteLexicon.complementisers.contains(t.keys[j]) { j += 1 }
                if j + 1 < s.upperBound, t.isPunct(j, ","), let c = clause(t, from: s.lowerBound, to: contentEnd(t, j, s.upperBound, cues)) {
                    return Found(content: c, attribution: Attribution(speaker: np, cue: cue))
                }
            }
            var a = cue.upperBound
            var cue = cue
            if a < s.upperBound, t.isWord(a), isPreposition(t.keys[a]), !(learnt && t.keys[a] == QuoteLexicon.to) {
                // `said in a statement that …`
                var j = a
                while j < s.upperBound, j - a < 12, !QuoteLexicon.complementisers.contains(t.keys[j]) || !t.isWord(j) { j += 1 }
                if j < s.upperBound, j - a < 12 {
                    a = j
                } else if learnt, QuoteLexicon.phrasalParticles.contains(t.keys[a]), cue.count == 1 {
                    // `called for …`, `called on Congress to …`: the particle belongs to the cue.
                    cue = cue.lowerBound..<(a + 1)
                    a += 1
                } else {
                    return nil
                }
            }
            let from = a   // the content keeps its `that`
            if a < s.upperBound, QuoteLexicon.complementisers.contains(t.keys[a]), t.isWord(a) {
                a += 1
                // `said that, if elected, …`, `told O'Reilly that “I'm …”`
                if a < s.upperBound, t.isPunct(a, ",") || t.isDoubleMark(a) { a += 1 }
            } else if a < s.upperBound, t.isDoubleMark(a) {
                a += 1
            }
            let infinitive = learnt && a == from && a < s.upperBound && t.keys[a] == QuoteLexicon.to
            guard a < s.upperBound, t.isWord(a),
                  infinitive || !isPreposition(t.keys[a]) || QuoteLexicon.speakerPronouns.contains(t.keys[a]) else {
                return nil
            }
            if QuoteLexicon.objectPronouns.contains(t.keys[a]), a + 1 < s.upperBound,
               QuoteLexicon.determiners.contains(t.keys[a + 1]) || !t.isWord(a + 1) {
                return nil   // `declared it a “no-limits” friendship` reports no clause
            }
            guard let c = clause(t, from: from, to: contentEnd(t, from, s.upperBound, cues)) else { return nil }
            return Found(content: c, attribution: Attribution(speaker: np, cue: cue))
        }
        // Inverted: `…, said Putin.`
        if k - 1 > s.lowerBound, t.isPunct(k - 1, ","), let np = t.nounPhrase(startingAt: k + 1, limit: s.upperBound),
           onlyTail(t, np.upperBound, s.upperBound), let c = clause(t, from: s.lowerBound, to: k - 1) {
            return Found(content: c, attribution: Attribution(speaker: np, cue: k..<(k + 1)))
        }
        return nil
    }

    /// The subject that opens a sentence and is followed by a lower-case verb before `limit`:
    /// `The governor praised …`, `Putin, who …, praised …`.
    private static func clauseSubject(_ t: QuoteTokens, _ first: Int, _ limit: Int) -> Range<Int>? {
        if let a = t.sentenceSubject(before: limit), a.cue.upperBound < limit { return a.speaker }
        guard let np = t.nounPhrase(startingAt: first, limit: limit), np.upperBound < limit,
              t.isWord(np.upperBound), !t.isCapitalised(np.upperBound) else { return nil }
        return np
    }

    /// `who`/`which` as the subject of a reporting verb: `McConnell, who in 2010 said …`.
    private static func relativeSubject(_ t: QuoteTokens, _ k: Int, _ floor: Int) -> Range<Int>? {
        var i = k - 1
        while i >= floor, k - i <= 4 {
            guard t.isWord(i) || t.doc.tokens[i].kind == .number else { return nil }
            if t.keys[i] == QuoteLexicon.who { return i..<(i + 1) }
            i -= 1
        }
        return nil
    }

    /// The sentence's subject for a verb coordinated after `and`: `Trump told … and says he will …`.
    private static func coordinatedSubject(_ t: QuoteTokens, _ k: Int, _ floor: Int) -> Range<Int>? {
        guard k - 1 > floor, t.keys[k - 1] == QuoteLexicon.and, let a = t.sentenceSubject(before: k - 1),
              a.cue.upperBound < k - 1 else { return nil }
        return a.speaker
    }

    private static let prepositions = PackedWord.set("to in on at about by for with of during from into after before as over via")

    private static func isPreposition(_ k: UInt64) -> Bool { prepositions.contains(k) }

    /// Whether tokens `from..<to` are a short tail (`in a statement`, `on Thursday`) up to the
    /// sentence's end, with no clause of their own.
    private static func onlyTail(_ t: QuoteTokens, _ from: Int, _ to: Int) -> Bool {
        var words = 0
        var i = from
        while i < to {
            if t.isWord(i) {
                words += 1
                if t.isSpeechVerb(i) || QuoteLexicon.complementisers.contains(t.keys[i]) { return false }
            } else if t.isPunct(i, ",") || t.isQuoteMark(i) {
                return false
            }
            if words > 7 { return false }
            i += 1
        }
        return true
    }

    /// Where a content that runs from `from` stops: before another attribution in its sentence
    /// (`, adding …`, `and warned …`, `, and he noted …`) or a clause PolNeAR leaves out of the
    /// content (`, which …`, `, although …`); else at `to`.
    private static func contentEnd(_ t: QuoteTokens, _ from: Int, _ to: Int, _ cues: AttributionCues) -> Int {
        var i = from + 1
        while i + 1 < to {
            let comma = t.isPunct(i, ",")
            if comma, t.isWord(i + 1), QuoteLexicon.participles.contains(t.keys[i + 1]) || QuoteLexicon.contentBreaks.contains(t.keys[i + 1]) {
                return i
            }
            let conjunction = t.isWord(i) && QuoteLexicon.conjunctions.contains(t.keys[i])
            if comma || conjunction {
                var j = i + 1
                if comma, j < to, t.isWord(j), QuoteLexicon.conjunctions.contains(t.keys[j]) { j += 1 }
                var words = 0
                while j < to, words < 3, t.isWord(j) {
                    let k = t.keys[j]
                    if !t.isCapitalised(j), QuoteLexicon.indirectVerbs.contains(k) || cues.verbs.contains(k) { return i }
                    guard t.isPronoun(j) || t.isCapitalised(j) else { break }
                    j += 1
                    words += 1
                }
            }
            i += 1
        }
        return to
    }

    /// The clause in tokens `from..<to` without its final punctuation, when it has `minimumWords`.
    static func clause(_ t: QuoteTokens, from: Int, to: Int, minimumWords: Int = 3) -> Range<Int>? {
        var e = to
        while e > from, !t.isWord(e - 1), t.doc.tokens[e - 1].kind != .number { e -= 1 }
        var s = from
        while s < e, !t.isWord(s), t.doc.tokens[s].kind != .number { s += 1 }
        guard e - s >= minimumWords else { return nil }
        var words = 0
        var i = s
        while i < e, words < minimumWords {
            if t.isWord(i) { words += 1 }
            i += 1
        }
        guard words >= minimumWords else { return nil }
        return s..<e
    }

    /// The direct quotes that code points `r` overlap, when each starts inside `r` and has no cue
    /// but `attribution`'s (`He said the plan was “a disaster.”`); nil when one cannot join.
    static func absorb(_ t: QuoteTokens, _ r: Range<Int>, _ attribution: Attribution,
                               _ direct: [QuoteAttributor.DirectQuote]) -> [Int]? {
        var lo = 0
        var hi = direct.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if direct[mid].end < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var inside: [Int] = []
        var i = lo
        while i < direct.count, direct[i].span.open < r.upperBound {
            let d = direct[i]
            guard d.span.open + 1 >= r.lowerBound else { return nil }
            // A quote with a cue of its own inside or after the clause is another attribution,
            // nested in this one (PolNeAR nests them): it stays a quote of its own.
            if let a = d.attribution, a.cue != attribution.cue, t.span(a.cue).lowerBound >= r.lowerBound {
                i += 1
                continue
            }
            inside.append(i)
            i += 1
        }
        return inside
    }
}
