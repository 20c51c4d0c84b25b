/// Finds the attribution of a direct quote next to it: after the closing mark (`“…,” Putin said`,
/// `“…,” said Putin`, `“…,” Putin, who …, told CBS News`) or before the opening mark in the same
/// sentence (`Putin said: “…”`, `according to Putin, might “…”`, `Putin said, adding, “…”`).
extension QuoteTokens {
    /// The attribution that follows a quote whose closing mark is token `close`.
    func attribution(after close: Int) -> Attribution? {
        var j = close + 1
        if j < count, isPunct(j, "'"), isPunct(close, "'") { j += 1 }   // `''`
        guard j < count else { return nil }
        let block = self.block(close)
        if isPunct(j, ",") { j += 1 }
        guard j < count, isWord(j), self.block(j) == block else { return nil }
        if isSpeechVerb(j) {
            // `“…,” said Putin`
            let limit = clauseEnd(from: j)
            guard let np = nounPhrase(startingAt: j + 1, limit: limit) else { return nil }
            return Attribution(speaker: np, cue: cue(at: j, limit: limit))
        }
        if isAccordingTo(j) {
            let limit = clauseEnd(from: j)
            guard let np = nounPhrase(startingAt: j + 2, limit: limit) else { return nil }
            return Attribution(speaker: np, cue: j..<(j + 2))
        }
        // `“…,” Trump barked`: any verb after a name when the quote ends with `,`, `?` or `!`.
        if close > 0, isPunct(close - 1, ",") || isPunct(close - 1, "?") || isPunct(close - 1, "!") || isPunct(close - 1, "\u{2014}"),
           let np = nounPhrase(startingAt: j, limit: clauseEnd(from: j)), np.upperBound < count,
           isPronoun(np.lowerBound) || isCapitalised(np.upperBound - 1) || QuoteLexicon.determiners.contains(keys[np.lowerBound]) {
            var v = np.upperBound
            while v < count, isWord(v), QuoteLexicon.auxiliaries.contains(keys[v]) { v += 1 }
            if v < count, isWord(v), !isCapitalised(v), endsInEdOrS(v), !QuoteLexicon.determiners.contains(keys[v]) {
                return Attribution(speaker: np, cue: cue(at: v, limit: clauseEnd(from: v)))
            }
        }
        // `“…,” Putin said` / `“…,” Putin, who …, said` / `“…,” a narrator in the ad asks`
        var k = j
        var depth = 0
        while k < count, k - j < 32, depth > 0 || !isSentenceEnd(k), !isDoubleMark(k), self.block(k) == block {
            if isPunct(k, "(") { depth += 1 } else if isPunct(k, ")") { depth -= 1 }
            if isSpeechVerb(k) {
                guard k > j else { return nil }
                let end = clauseEnd(from: k)
                if let np = subject(before: k, floor: j) {
                    if np.lowerBound == j {
                        return Attribution(speaker: np, cue: cue(at: k, limit: end))
                    }
                    // `“…” to drive up the price, she said.`
                    if np.lowerBound - 1 > j, isPunct(np.lowerBound - 1, ","), end - k <= 8, end >= count || isSentenceEnd(end) {
                        return Attribution(speaker: np, cue: cue(at: k, limit: end))
                    }
                }
                guard let np = wholeSubject(j..<k) else { return nil }
                return Attribution(speaker: np, cue: cue(at: k, limit: end))
            }
            k += 1
        }
        return nil
    }

    /// `“…” ― Carla Sanchez`: a name after a dash that follows the closing mark, in its paragraph
    /// or opening the next one as a signature line (`”` / `- Sanders.`, `-President Obama, tweeting
    /// after …`), where the name ends its sentence or is followed by a comma.
    func signature(after close: Int) -> Attribution? {
        let j = close + 1
        guard j + 1 < count, !isWord(j) else { return nil }
        let line = block(j) == block(close) + 1 && sentence(j).lowerBound == j
        guard block(j) == block(close) || line else { return nil }
        let c = first(j)
        guard c == "\u{2015}" || c == "\u{2014}" || c == "\u{2013}" || c == "-",
              block(j + 1) == block(j), isCapitalised(j + 1),
              let np = nounPhrase(startingAt: j + 1, limit: clauseEnd(from: j + 1)) else { return nil }
        if line, np.upperBound < count, block(np.upperBound) == block(j),
           !isPunct(np.upperBound, ","), !isSentenceEnd(np.upperBound) { return nil }
        return Attribution(speaker: np, cue: j..<(j + 1))
    }

    /// All of `r` as the subject, without trailing auxiliaries, when it holds no punctuation
    /// other than a parenthesis (`Rep. John Mica (R-Fla.)`) and starts like a noun phrase.
    func wholeSubject(_ r: Range<Int>) -> Range<Int>? {
        var e = r.upperBound
        while e > r.lowerBound, isWord(e - 1), QuoteLexicon.auxiliaries.contains(keys[e - 1]) || QuoteLexicon.dayWords.contains(keys[e - 1]) { e -= 1 }
        guard e > r.lowerBound, e - r.lowerBound <= 12 else { return nil }
        let s = r.lowerBound
        guard isCapitalised(s) || QuoteLexicon.determiners.contains(keys[s]) || isPronoun(s)
                || (s..<e).contains(where: { isCapitalised($0) }) else { return nil }
        var depth = 0
        for i in s..<e where !isWord(i) && doc.tokens[i].kind != .number {
            if isPunct(i, "(") { depth += 1 } else if isPunct(i, ")") { depth -= 1 } else if depth == 0 && !isPunct(i, "-") && !isPunct(i, "\"") { return nil }
        }
        // A parenthesis at the end (`(D-Md.)`) belongs to the name but not to its span's core.
        return s..<e
    }

    /// The sentence's subject when the quote sits in its predicate: `Ham described Clinton as “…”`,
    /// `In a statement, President Obama condemned …`.
    func sentenceSubject(before open: Int) -> Attribution? {
        var s = sentence(open).lowerBound
        guard s < open else { return nil }
        if isCapitalised(s), QuoteLexicon.capitalisedStops.contains(keys[s]), !isPronoun(s) {
            // Skip an opening phrase up to its comma: `In a White House statement, …`
            var c = s
            while c < open, c - s < 14, !isPunct(c, ",") { c += 1 }
            guard c < open, isPunct(c, ",") else { return nil }
            s = c + 1
        }
        guard s < open, let np = nounPhrase(startingAt: s, limit: open) else { return nil }
        guard isPronoun(np.lowerBound) || isCapitalised(np.upperBound - 1) else { return nil }
        if np.count == 1, endsInEd(np.lowerBound) || endsInIng(np.lowerBound) { return nil }   // `Preceded by …, Trump …`
        var v = np.upperBound
        if v < open, isPunct(v, ",") {
            // `Hoff, who declined to comment, proposes …`
            var c = v + 1
            while c < open, c - v < 30, !isPunct(c, ",") { c += 1 }
            guard c < open else { return nil }
            v = c + 1
        }
        if v < open, isPunct(v, "(") {
            while v < open, !isPunct(v, ")") { v += 1 }
            v += 1
        }
        while v < open, isWord(v), QuoteLexicon.auxiliaries.contains(keys[v]) { v += 1 }
        guard v < open, isWord(v), !isCapitalised(v), !QuoteLexicon.determiners.contains(keys[v]) else { return nil }
        return Attribution(speaker: np, cue: v..<(v + 1))
    }

    /// The attribution before a quote whose opening mark is token `open`, within its sentence (or
    /// the previous paragraph when it ends with a colon).
    func attribution(before open: Int) -> Attribution? {
        guard open > 0 else { return nil }
        var floor = sentence(open).lowerBound
        if floor == open {
            // The quote opens its sentence: look back only through `…said:` or `…said,`.
            let p = open - 1
            guard isPunct(p, ":") || isPunct(p, ",") else { return nil }
            floor = sentence(p).lowerBound
        }
        floor = max(floor, open - 60)   // bounded, so that a run-on sentence of quotes stays linear
        // Headline style: `Trump: “…”`, also after a dash (`… contests - Philip Bump: “…”`).
        if isPunct(open - 1, ":"), open - 2 >= floor, isCapitalised(open - 2),
           let np = nounPhrase(endingAt: open - 2, floor: floor),
           np.lowerBound == floor || isPunct(np.lowerBound - 1, "-") || isPunct(np.lowerBound - 1, "\u{2014}")
            || isPunct(np.lowerBound - 1, "\u{2013}") {
            return Attribution(speaker: np, cue: (open - 1)..<open)
        }
        var k = open - 1
        while k >= floor {
            let key = keys[k]
            if isAccordingTo(k) {
                if let np = nounPhrase(startingAt: k + 2, limit: open) {
                    return Attribution(speaker: np, cue: k..<(k + 2))
                }
            } else if isSpeechVerb(k) {
                if let np = subject(before: k, floor: floor) {
                    return Attribution(speaker: np, cue: cue(at: k, limit: open))
                }
                if let np = nounPhrase(startingAt: k + 1, limit: open), np.upperBound < open,
                   isPunct(np.upperBound, ":") || isPunct(np.upperBound, ",") {
                    return Attribution(speaker: np, cue: k..<(k + 1))   // `said Putin: “…”`
                }
                // `Trump bemoaned the unrest and said …`
                if let a = sentenceSubject(before: k + 1), a.cue.lowerBound <= k {
                    return Attribution(speaker: a.speaker, cue: cue(at: k, limit: open))
                }
            } else if QuoteLexicon.participles.contains(key) || (key == QuoteLexicon.put && k + 1 < open && keys[k + 1] == QuoteLexicon.it),
                      let a = sentenceSubject(before: k + 1), a.cue.lowerBound <= k {
                // `He then defended the remark, saying, “…”`
                return Attribution(speaker: a.speaker, cue: k..<(k + 1))
            } else if QuoteLexicon.speechNouns.contains(key) {
                // `the head of Ukraine issued a frightening warning: …`
                var v = k - 1
                while v >= floor, k - v <= 4, isWord(v), !endsInEd(v) { v -= 1 }
                if v >= floor, isWord(v), endsInEd(v), let np = subject(before: v, floor: floor) {
                    return Attribution(speaker: np, cue: v..<(k + 1))
                }
            }
            k -= 1
        }
        return nil
    }

    /// Whether token `i` is a word of at least `length` code points ending in `suffix` (lower case,
    /// as written).
    func isWord(_ i: Int, ofAtLeast length: Int, endingIn suffix: String) -> Bool {
        let t = doc.tokens[i]
        guard t.kind == .word, t.end - t.start >= length else { return false }
        var k = Int(t.end)
        for c in suffix.unicodeScalars.reversed() {
            k -= 1
            guard doc.scalars[k] == c else { return false }
        }
        return true
    }

    /// Whether word token `i` ends in `ed` (a past-tense verb such as `issued`).
    func endsInEd(_ i: Int) -> Bool { isWord(i, ofAtLeast: 4, endingIn: "ed") }

    /// Whether word token `i` ends in `ing`.
    func endsInIng(_ i: Int) -> Bool { isWord(i, ofAtLeast: 5, endingIn: "ing") }

    /// Whether word token `i` looks like a finite verb: ends in `ed` or `s` (`barked`, `writes`).
    func endsInEdOrS(_ i: Int) -> Bool {
        if endsInEd(i) || isSpeechVerb(i) { return true }
        let t = doc.tokens[i]
        return t.end - t.start >= 3 && doc.scalars[Int(t.end) - 1] == "s" && doc.scalars[Int(t.end) - 2] != "s"
    }

    /// The first token after `i` that ends its clause: sentence end, quote mark or another block.
    func clauseEnd(from i: Int) -> Int {
        let block = self.block(i)
        var k = i
        while k < count, k - i < 40, !isSentenceEnd(k), !isQuoteMark(k), self.block(k) == block { k += 1 }
        return k
    }
}
