/// Reported speech found by the learnt attribution model (`AttributionModel`): its cue tagger reads
/// every sentence window that holds a cue word (`AttributionCues.words`), and each cue outside a
/// direct quote (and not a direct quote's own cue) gets its content and source from the boundary
/// scorers. Only those windows' tokens get features: reading every sentence cost a fifth of
/// extraction time, and a window without a cue word seldom holds a cue.
enum LearntSpeech {
    /// Reported clauses outside the direct quotes `direct`, in text order; a clause may hold direct
    /// quotes that have no cue of their own (a mixed quote).
    static func find(_ t: QuoteTokens, excluding direct: [QuoteAttributor.DirectQuote],
                     model: AttributionModel, cues: AttributionCues) -> [IndirectSpeech.Found] {
        let doc = t.doc
        let windows = cueWindows(t, cues, model)
        guard !windows.isEmpty else { return [] }
        let features = AttributionModel.Tokens(doc, only: windows)
        var taken = [Bool](repeating: false, count: t.count)
        for d in direct {
            if let a = d.attribution {
                for i in a.cue where i < taken.count { taken[i] = true }
            }
            var i = t.token(atOrAfter: d.span.open + 1)
            while i < t.count, Int(doc.tokens[i].start) < d.end {
                taken[i] = true
                i += 1
            }
        }
        var found: [IndirectSpeech.Found] = []
        for w in windows {
            for cue in model.cues(features, w) where !cue.contains(where: { taken[$0] }) {
                // A content of fewer than three words is a noun phrase more often than a claim.
                guard let c = model.bestSpan(features, start: .contentStart, cue: cue, w),
                      let content = IndirectSpeech.clause(t, from: c.lowerBound, to: c.upperBound + 1),
                      !namesAThing(t, content) else { continue }
                let source = model.bestSpan(features, start: .sourceStart, cue: cue, w, excluded: content)
                let attribution = Attribution(speaker: source.map { $0.lowerBound..<($0.upperBound + 1) } ?? cue, cue: cue)
                guard let absorbed = IndirectSpeech.absorb(t, t.span(content), attribution, direct) else { continue }
                found.append(IndirectSpeech.Found(content: content, attribution: attribution, absorbed: absorbed))
            }
        }
        return found
    }

    /// How far a word's weight must favour `B` over `O` for its window to be read. On PolNeAR dev
    /// (scripts/attribution_eval.sh) 0 reads 96% of windows, 4 reads 82% and loses 7 of 1,815
    /// quotes (reported recall 47.2 -> 47.0%, attribution F1 55.7 either way), 8 reads 68% (F1 55.5),
    /// and the cue words alone 55% (F1 55.3).
    static let cueMargin: Float = 4

    /// The windows the model reads (sentences of four tokens or more, in windows of at most
    /// `AttributionModel.maxWindow` tokens) that hold a cue word, of the lexicon or one whose word
    /// weight favours a cue, in text order.
    static func cueWindows(_ t: QuoteTokens, _ cues: AttributionCues, _ model: AttributionModel) -> [Range<Int>] {
        let doc = t.doc
        var windows: [Range<Int>] = []
        for sentence in t.doc.sentences where sentence.tokens.count >= 4 {
            var lo = sentence.tokens.lowerBound
            while lo < sentence.tokens.upperBound {
                let w = lo..<min(lo + AttributionModel.maxWindow, sentence.tokens.upperBound)
                lo = w.upperBound
                let holdsCue = w.contains { i in
                    cues.words.contains(t.keys[i])
                        || (doc.tokens[i].kind == .word && model.mayBeginCue(lowerKey: AttributionModel.Tokens.lowerKey(doc, doc.tokens[i]), margin: cueMargin))
                }
                if holdsCue { windows.append(w) }
            }
        }
        return windows
    }

    /// `declared it a “no-limits” friendship`: an object pronoun and a noun phrase report no clause.
    private static func namesAThing(_ t: QuoteTokens, _ content: Range<Int>) -> Bool {
        let a = content.lowerBound
        guard a + 1 < content.upperBound, QuoteLexicon.objectPronouns.contains(t.keys[a]) else { return false }
        return QuoteLexicon.determiners.contains(t.keys[a + 1]) || !t.isWord(a + 1)
    }
}
