/// Who a quote is attributed to in the text: the tokens naming the speaker and the cue's tokens.
struct Attribution: Sendable, Equatable {
    /// Tokens of the speaker mention (a name, a pronoun or a description).
    var speaker: Range<Int>
    /// Tokens of the cue: `said`, `according to`, `told CBS News`.
    var cue: Range<Int>
}

/// Noun phrases that name a speaker, found by walking tokens from a reporting verb.
extension QuoteTokens {
    /// The subject of the reporting verb at `verb`: `Putin said`, `a Kremlin spokesman has said`,
    /// `Putin, who …, said`. Only tokens at or after `floor` are considered.
    func subject(before verb: Int, floor: Int) -> Range<Int>? {
        var i = verb - 1
        var skipped = 0
        while i >= floor, skipped < 3, isWord(i),
              QuoteLexicon.auxiliaries.contains(keys[i]) || QuoteLexicon.dayWords.contains(keys[i]) {
            i -= 1
            skipped += 1
        }
        guard i >= floor else { return nil }
        if isPunct(i, ")") {
            // `Rep. John Mica (R-Fla.) said`
            var j = i - 1
            while j >= floor, i - j < 8, !isPunct(j, "(") { j -= 1 }
            guard j > floor, isPunct(j, "(") else { return nil }
            i = j - 1
        }
        if isPunct(i, ",") {
            // `Putin, who met Xi on Thursday, said` / `Victor Cha, a former official, said` /
            // `Clinton, during a meeting in Columbus, Ohio, said`: the noun phrase before the first
            // comma of the chain, preferring one that opens the clause.
            var first: Range<Int>? = nil
            var j = i - 1
            var commas = 0
            while j >= floor, i - j < 40, commas < 4 {
                if isSentenceEnd(j) || isDoubleMark(j) { break }
                if isPunct(j, ",") {
                    commas += 1
                    if let np = nounPhrase(endingAt: j - 1, floor: floor) {
                        if first == nil { first = np }
                        if np.lowerBound == floor || (np.lowerBound > floor && !isWord(np.lowerBound - 1)) {
                            if np.lowerBound == floor || !isPunct(np.lowerBound - 1, ",") { return np }
                        }
                    }
                }
                j -= 1
            }
            return first
        }
        return nounPhrase(endingAt: i, floor: floor)
    }

    /// The noun phrase that ends at token `e`, walking left no further than `floor`.
    func nounPhrase(endingAt e: Int, floor: Int) -> Range<Int>? {
        if e > floor, isPunct(e, ")") {
            // `Rep. Elijah Cummings (D-Md.)`
            var j = e - 1
            while j > floor, e - j < 8, !isPunct(j, "(") { j -= 1 }
            guard isPunct(j, "("), let np = nounPhrase(endingAt: j - 1, floor: floor) else { return nil }
            return np.lowerBound..<(e + 1)
        }
        guard e >= floor, isWord(e) else { return nil }
        if isPronoun(e) { return e..<(e + 1) }
        let headKey = keys[e]
        guard !QuoteLexicon.nonSpeakerHeads.contains(headKey), !isSpeechVerb(e),
              !QuoteLexicon.auxiliaries.contains(headKey) || isCapitalised(e) else { return nil }
        var best: Int? = nil
        var lowerRun = 0
        var i = e
        var stoppedAtBoundary = true
        while i >= floor, e - i < 9 {
            guard isWord(i) else { break }
            let k = keys[i]
            if QuoteLexicon.determiners.contains(k) {
                if i < e { best = i }
                break
            }
            if isCapitalised(i) {
                if QuoteLexicon.capitalisedStops.contains(k) { break }
                best = i
                lowerRun = 0
            } else if isPossessive(i) {
                // `Russia’s foreign minister`
            } else if QuoteLexicon.nameConnectors.contains(k) {
                if i == e { return nil }
            } else if isPronoun(i) || isSpeechVerb(i) || QuoteLexicon.nonSpeakerHeads.contains(k)
                        || QuoteLexicon.auxiliaries.contains(k) {
                stoppedAtBoundary = false
                break
            } else {
                lowerRun += 1
                if lowerRun > 3 { stoppedAtBoundary = false; break }
            }
            i -= 1
        }
        if let b = best {
            // Drop a leading connector (`of Ukraine` is not a speaker).
            var s = b
            while s < e, !isCapitalised(s), QuoteLexicon.nameConnectors.contains(keys[s]) { s += 1 }
            return s..<(e + 1)
        }
        // A bare plural or organisation noun directly after punctuation: `…, officials said`.
        if !isCapitalised(e), stoppedAtBoundary, i == e - 1 || i < floor || !isWord(i) {
            let t = doc.tokens[e]
            if doc.scalars[Int(t.end) - 1] == "s" || QuoteLexicon.organisationNouns.contains(headKey) {
                return e..<(e + 1)
            }
        }
        return nil
    }

    /// The noun phrase that starts at token `s` (before `limit`): `Putin`, `the head of Ukraine`,
    /// `CBS News`, `Ukrainian President Volodymyr Zelenskyy`.
    func nounPhrase(startingAt s: Int, limit: Int) -> Range<Int>? {
        guard s < limit, isWord(s) else { return nil }
        if isPronoun(s) { return s..<(s + 1) }
        if QuoteLexicon.timeWords.contains(keys[s]) {
            return nounPhrase(startingAt: s + 1, limit: limit)   // `said Wednesday a White House official`
        }
        // `former Utah governor Michael Leavitt`, `retired Army Lt. Gen. Mick Bednarek`
        let titled = !isCapitalised(s) && (s + 1..<min(limit, s + 4)).contains { isCapitalised($0) }
            && !(s..<min(limit, s + 4)).contains { !isWord($0) || isSpeechVerb($0) || isPronoun($0) }
        let described = titled || QuoteLexicon.determiners.contains(keys[s])
        var end = s
        var i = s
        while i < limit, i - s < 10, isWord(i) || (described && doc.tokens[i].kind == .number) {
            let k = keys[i]
            if i == s && described {
                i += 1
                continue
            }
            if doc.tokens[i].kind == .number {
                // `a 2008 Clinton veteran`
            } else if isCapitalised(i) {
                if i == s && QuoteLexicon.capitalisedStops.contains(k) { return nil }
                end = i + 1
            } else if isPossessive(i) || QuoteLexicon.nameConnectors.contains(k) {
                // inside a name or description
            } else if described, !QuoteLexicon.auxiliaries.contains(k), !QuoteLexicon.nonSpeakerHeads.contains(k),
                      !isSpeechVerb(k: k), !isPronoun(i),
                      !QuoteLexicon.determiners.contains(k) || (i > s && QuoteLexicon.nameConnectors.contains(keys[i - 1])) {
                end = i + 1
            } else if !described, end > s, !QuoteLexicon.auxiliaries.contains(k), !QuoteLexicon.nonSpeakerHeads.contains(k),
                      !isSpeechVerb(k: k), !isPronoun(i), !QuoteLexicon.determiners.contains(k),
                      i + 1 < limit, isCapitalised(i + 1) || (i + 2 < limit && !isCapitalised(i + 1) && isWord(i + 1) && isCapitalised(i + 2)) {
                // `CBS moderator Nancy Cordes`
            } else {
                break
            }
            i += 1
        }
        if end == s, described, QuoteLexicon.standalone.contains(keys[s]) { return s..<(s + 1) }   // `tweeted another`
        return end > s ? s..<end : nil
    }

    @inline(__always) func isSpeechVerb(k: UInt64) -> Bool { QuoteLexicon.speechVerbs.contains(k) }

    /// The cue's tokens: the verb, plus the listener for `told`/`tells` (`told CBS News`), which
    /// the content and the next quote start after (see `markedCue` for the cue a quote reports).
    func cue(at verb: Int, limit: Int) -> Range<Int> {
        if keys[verb] == QuoteLexicon.told || keys[verb] == QuoteLexicon.tells,
           let listener = nounPhrase(startingAt: verb + 1, limit: limit) {
            return verb..<listener.upperBound
        }
        if isAccordingTo(verb) { return verb..<(verb + 2) }
        return verb..<(verb + 1)
    }

    /// The cue of `a` as PolNeAR marks it: without the listener of `told`/`tells` (`told`, not
    /// `told CBS News`: 456 of 460 gold cues in PolNeAR train), and with the auxiliaries and adverbs
    /// just before the verb in the same sentence (`has said`, `also said`, `repeatedly said`; `has`
    /// is in 72 of 72 such gold cues, `also` in 50 of 51), but not into the source.
    func markedCue(_ a: Attribution) -> Range<Int> {
        var cue = a.cue
        if cue.count > 1, keys[cue.lowerBound] == QuoteLexicon.told || keys[cue.lowerBound] == QuoteLexicon.tells {
            cue = cue.lowerBound..<(cue.lowerBound + 1)
        }
        let floor = sentence(cue.lowerBound).lowerBound
        var i = cue.lowerBound - 1
        while i >= floor, i >= cue.lowerBound - 3, isWord(i), !isCapitalised(i), !a.speaker.contains(i),
              QuoteLexicon.cueModifiers.contains(keys[i]) || isAdverbInLy(i) {
            cue = i..<cue.upperBound
            i -= 1
        }
        return cue
    }

    /// A lower-case word of five letters or more ending in `ly` (`repeatedly`, `flatly`).
    func isAdverbInLy(_ i: Int) -> Bool { isWord(i, ofAtLeast: 5, endingIn: "ly") }
}
