/// Reported speech found by the learnt attribution model (`AttributionModel`): its cue tagger reads
/// every sentence, and each cue outside a direct quote (and not a direct quote's own cue) gets its
/// content and source from the boundary scorers.
enum LearntSpeech {
    /// Reported clauses outside the direct quotes `direct`, in text order; a clause may hold direct
    /// quotes that have no cue of their own (a mixed quote).
    static func find(_ t: QuoteTokens, excluding direct: [QuoteAttributor.DirectQuote],
                     model: AttributionModel) -> [IndirectSpeech.Found] {
        let doc = t.doc
        let features = AttributionModel.Tokens(doc, clusters: model.clusters)
        var taken = [Bool](repeating: false, count: t.count)
        // Tokens of direct quotes that have an attribution of their own: a content that starts
        // there is that quote again, under another cue.
        var attributed = [Bool](repeating: false, count: t.count)
        for d in direct {
            if let a = d.attribution {
                for i in a.cue where i < taken.count { taken[i] = true }
            }
            var i = t.token(atOrAfter: d.span.open + 1)
            while i < t.count, Int(doc.tokens[i].start) < d.end {
                taken[i] = true
                attributed[i] = d.attribution != nil
                i += 1
            }
        }
        var found: [IndirectSpeech.Found] = []
        for sentence in doc.sentences where sentence.tokens.count >= 4 {
            var lo = sentence.tokens.lowerBound
            while lo < sentence.tokens.upperBound {
                let w = lo..<min(lo + AttributionModel.maxWindow, sentence.tokens.upperBound)
                lo = w.upperBound
                let cues = model.cues(features, w)
                for cue in cues where !cue.contains(where: { taken[$0] }) {
                    // At least two words: one word is a name more often than a claim, but PolNeAR marks
                    // many two-word contents (`the regulations`); two beat three on held-out training articles.
                    guard let c = model.bestSpan(features, start: .contentStart, cue: cue, w),
                          let content = IndirectSpeech.clause(t, from: c.lowerBound, to: coordinatedEnd(t, c, after: cue, cues),
                                                              minimumWords: 2),
                          !namesAThing(t, content), !attributed[content.lowerBound] else { continue }
                    let around = AttributionModel.aside(features, content: content, cue: cue, w)
                    // A content with no token left for its source (the content covers the sentence around
                    // its cue) is more often a false cue than an attribution the scorers count right:
                    // dropped (the rules may still find the clause).
                    guard let source = model.bestSpan(features, start: .sourceStart, cue: cue, around?.window ?? w,
                                                      excluded: around?.excluded ?? content) else { continue }
                    let attribution = Attribution(speaker: source.lowerBound..<(source.upperBound + 1), cue: cue)
                    guard let absorbed = IndirectSpeech.absorb(t, t.span(content), attribution, direct) else { continue }
                    found.append(IndirectSpeech.Found(content: content, attribution: attribution, absorbed: absorbed))
                }
            }
        }
        return found
    }

    /// Where a content `c` after its cue stops: before another cue coordinated with its own
    /// (`said the plan works, adding that …`, `said it works and warned that …`), which starts an
    /// attribution of its own; else at its learnt end.
    private static func coordinatedEnd(_ t: QuoteTokens, _ c: ClosedRange<Int>, after cue: Range<Int>,
                                       _ cues: [Range<Int>]) -> Int {
        guard c.lowerBound >= cue.upperBound else { return c.upperBound + 1 }
        for other in cues where other.lowerBound > c.lowerBound + 1 && other.lowerBound <= c.upperBound {
            var k = other.lowerBound - 1
            if t.keys[k] == QuoteLexicon.and, t.isWord(k) { k -= 1 }
            if t.isPunct(k, ",") || t.keys[other.lowerBound - 1] == QuoteLexicon.and { return k + (t.isPunct(k, ",") ? 0 : 1) }
        }
        return c.upperBound + 1
    }

    /// `declared it a “no-limits” friendship`: an object pronoun and a noun phrase report no clause.
    private static func namesAThing(_ t: QuoteTokens, _ content: Range<Int>) -> Bool {
        let a = content.lowerBound
        guard a + 1 < content.upperBound, QuoteLexicon.objectPronouns.contains(t.keys[a]) else { return false }
        return QuoteLexicon.determiners.contains(t.keys[a + 1]) || !t.isWord(a + 1)
    }
}
