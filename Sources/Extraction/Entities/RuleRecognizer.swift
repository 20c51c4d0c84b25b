/// The rule-based recogniser: capitalised runs of words split at titles, typed by gazetteer
/// places, organisation words, person cues, first names and word statistics.
///
/// One pass over the tokens, one hash lookup per word and per candidate name span.
struct RuleRecognizer {
    let view: TokenView
    let gazetteer: Gazetteer

    /// Candidate mentions in text order.
    func recognise() -> [Mention] {
        var out: [Mention] = []
        for sentence in view.doc.sentences {
            var i = sentence.tokens.lowerBound
            let end = sentence.tokens.upperBound
            while i < end {
                guard isNameWord(i) else { i += 1; continue }
                var j = i + 1
                while j < end {
                    if isNameWord(j) { j += 1; continue }
                    if j + 1 < end, isNameWord(j + 1), joins(j) { j += 2; continue }
                    // `Joost van der Westhuizen`
                    if j + 2 < end, isNameWord(j + 2), joins(j), joins(j + 1) { j += 3; continue }
                    break
                }
                process(i..<j, into: &out)
                i = j
            }
        }
        return out
    }

    // MARK: - Runs

    private func stats(_ i: Int) -> Gazetteer.WordStats? { gazetteer.stats(view.keys[i]) }

    /// Whether token i can be a word of a name.
    private func isNameWord(_ i: Int) -> Bool {
        let shape = view.shapes[i]
        guard shape == .capitalised || shape == .upper else { return false }
        // A lone capital letter (`W L PCT`, list labels) is no name; an initial keeps its full stop.
        if view.doc.tokens[i].end - view.doc.tokens[i].start == 1 { return false }
        // "Kremlin-backed", "New York-based", "Surinamese-born" describe; they do not name.
        if endsInLowercaseSegment(i) { return false }
        let key = view.keys[i]
        if NameLexicon.neverNames.contains(key) { return false }
        if view.inCapsSentence[i] {
            // A headline in capitals: only words known as names count.
            if NameLexicon.knownOrganizations.contains(key) || NameLexicon.personTitles.contains(key) { return true }
            if let e = gazetteer.entries(key), e.contains(where: { gazetteer.places[Int($0)].kind != .demonym }) {
                let s = stats(i)
                return s.map { $0.named >= $0.lower } ?? true
            }
            if view.capitalisedMidSentence.contains(key) { return true }
            guard let s = stats(i) else { return false }
            return s.named > s.lower + s.capitalised
        }
        // A word in capitals for emphasis ("NO", "WHITE") is no acronym.
        if shape == .upper, let s = stats(i), s.lower > 3 * (s.named + 1), gazetteer.entries(key) == nil,
           !NameLexicon.knownOrganizations.contains(key) {
            return false
        }
        return true
    }

    private func endsInLowercaseSegment(_ i: Int) -> Bool {
        let t = view.doc.tokens[i]
        var j = Int(t.end) - 1
        let s = view.doc.scalars
        while j > Int(t.start), s[j] != "-" { j -= 1 }
        guard j > Int(t.start) + 1, j + 1 < Int(t.end) else { return false }
        // `al-Assad` starts lowercase and ends capitalised; `Chester-le-Street` ends capitalised.
        return CharacterClass.isLowercase(s[j + 1])
    }

    /// Whether token j joins the name words on either side of it.
    private func joins(_ j: Int) -> Bool {
        let key = view.keys[j]
        if view.shapes[j] == .lower && NameLexicon.nameConnectors.contains(key) { return true }
        if view.isMark(j, "&") { return true }
        if view.shapes[j] == .lower, key == Self.ofKey, j > 0, NameLexicon.ofHeads.contains(view.keys[j - 1]) { return true }
        // "Center for Research and Development", "Organisation for Security and Cooperation".
        if view.shapes[j] == .lower, key == Self.forKey, j > 0, NameLexicon.orgHeads.contains(view.keys[j - 1]) { return true }
        if view.shapes[j] == .lower, key == Self.andKey, j > 1, view.keys[j - 2] == Self.forKey || view.keys[j - 2] == Self.ofKey {
            return true
        }
        return false
    }

    private static let ofKey = NameKey.ofName("of").key
    private static let theKey = NameKey.ofName("the").key
    private static let forKey = NameKey.ofName("for").key
    private static let andKey = NameKey.ofName("and").key
    private static let airKey = NameKey.ofName("Air").key
    private static let washingtonKey = NameKey.ofName("Washington").key

    /// Trims, splits and types one capitalised run.
    private func process(_ run: Range<Int>, into out: inout [Mention]) {
        var a = run.lowerBound
        let b = run.upperBound
        while a < b, NameLexicon.leadingDeterminers.contains(view.keys[a]) { a += 1 }
        if a < b, view.sentenceInitial[a], !view.inCapsSentence[a], isCommonAtSentenceStart(a, runLength: b - a),
           !keepsFirstWord(a..<b) {
            a += 1
            // the rest may start with a connector ("Of") that no longer joins anything
            while a < b, !isNameWord(a) { a += 1 }
        }
        guard a < b else { return }
        // A title inside the run splits it: [left][title words][person]. An organisation word after
        // the title means the title is part of a name ("Chief Executives Board"), not a person's.
        if let k = (a..<b).first(where: { NameLexicon.personTitles.contains(view.keys[$0]) }),
           !((k + 1)..<b).contains(where: { NameLexicon.orgHeads.contains(view.keys[$0]) && !NameLexicon.personTitles.contains(view.keys[$0]) }),
           !NameLexicon.orgHeads.contains(view.keys[k]) || k + 1 < b {
            var p = k
            while p > a, isTitleWord(p - 1) || isDemonym(p - 1) { p -= 1 }
            var m = k + 1
            while m < b, isTitleWord(m) || (view.keys[m] == Self.ofKey && m + 1 < b && isTitleWord(m + 1)) { m += 1 }
            if p > a { classify(a..<p, personCue: false, into: &out) }
            for d in p..<k where isDemonym(d) { emitDemonym(d, into: &out) }
            if m < b { classify(m..<b, personCue: true, into: &out) }
            return
        }
        // "Australian Tom Moody": a nationality before a name that is not itself a place or organisation.
        if b - a >= 2, isDemonym(a), !isTitleWord(a + 1),
           !(a..<b).contains(where: { NameLexicon.orgHeads.contains(view.keys[$0]) }),
           gazetteer.entries(spanKey(a..<b)) == nil, !NameLexicon.knownOrganizations.contains(spanKey(a..<b)) {
            emitDemonym(a, into: &out)
            a += 1
        }
        // "Chinese leader Xi Jinping", "spokesman Dmitry Peskov": a role noun just before.
        let cue = a > 0 && view.shapes[a - 1] == .lower && NameLexicon.roleNouns.contains(view.keys[a - 1])
            && view.sentenceOf[a - 1] == view.sentenceOf[a]
        classify(a..<b, personCue: false, roleCue: cue, into: &out)
    }

    /// "Secret Service", "Federal Reserve", "New Zealand": a common first word that belongs to the name.
    private func keepsFirstWord(_ r: Range<Int>) -> Bool {
        guard r.count >= 2 else { return false }
        if NameLexicon.orgHeads.contains(view.keys[r.lowerBound + 1]) && r.count == 2 { return true }
        let key = spanKey(r)
        return NameLexicon.knownOrganizations.contains(key) || gazetteer.entries(key) != nil
    }

    private func isTitleWord(_ i: Int) -> Bool {
        NameLexicon.personTitles.contains(view.keys[i]) || NameLexicon.titleModifiers.contains(view.keys[i])
    }

    private func isDemonym(_ i: Int) -> Bool {
        guard let e = gazetteer.entries(view.keys[i]) else { return false }
        return e.contains { gazetteer.places[Int($0)].kind == .demonym }
    }

    /// Whether the capitalised first word of a sentence is just an ordinary word.
    private func isCommonAtSentenceStart(_ i: Int, runLength: Int) -> Bool {
        let key = view.keys[i]
        if view.shapes[i] == .upper { return false }
        if let s = stats(i) {
            if s.lower > 2 * s.named + s.capitalised { return true }
            if s.named > 0 || s.capitalised > 0 { return false }
        }
        if gazetteer.entries(key) != nil || NameLexicon.knownOrganizations.contains(key) { return false }
        if view.capitalisedMidSentence.contains(key) { return false }
        if view.writtenLower.contains(key) { return true }
        // An unknown word opening a sentence alone: a name only if a name follows or it ends in a name-like way.
        return runLength == 1
    }

    private func emitDemonym(_ i: Int, into out: inout [Mention]) {
        let t = view.doc.tokens[i]
        out.append(Mention(range: t.range, tokens: i..<(i + 1), type: .other, confidence: 0.7, origin: .gazetteer,
                           places: gazetteer.entries(view.keys[i]) ?? []))
    }

    // MARK: - Typing

    private func spanKey(_ r: Range<Int>) -> UInt64 {
        var h = NameKey.empty
        for i in r { h = NameKey.append(h, view.doc.scalars, view.doc.tokens[i].range, first: i == r.lowerBound) }
        return h
    }

    private func makeMention(_ r: Range<Int>, _ type: EntityType, _ confidence: Float, origin: MentionCandidate.Origin = .rules,
                             places: [Int32] = [], personCue: Bool = false) -> Mention {
        let tokens = view.doc.tokens
        return Mention(range: Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end), tokens: r, type: type,
                       confidence: confidence, origin: origin, places: places, personCue: personCue)
    }

    /// Types the run `r` and appends its mention(s).
    private func classify(_ r: Range<Int>, personCue: Bool, roleCue: Bool = false, into out: inout [Mention]) {
        let key = spanKey(r)
        if !personCue, NameLexicon.knownOrganizations.contains(key) {
            out.append(makeMention(r, .organization, 0.9))
            return
        }
        let hasOrgHead = r.contains { NameLexicon.orgHeads.contains(view.keys[$0]) }
            || (r.count >= 2 && view.keys[r.lowerBound] == Self.airKey)   // Air France, Air China
        if !personCue, let entries = gazetteer.entries(key) {
            let kinds = entries.map { gazetteer.places[Int($0)].kind }
            if kinds.contains(where: { $0.geoKind != nil }) {
                let placeEntries = entries.filter { gazetteer.places[Int($0)].kind.geoKind != nil }
                out.append(placeMention(r, key: key, entries: placeEntries))
                return
            }
            if kinds.contains(.bloc) {
                if r.lowerBound > 0, view.keys[r.lowerBound - 1] == Self.theKey {
                    out.append(makeMention(r, .other, 0.6, origin: .gazetteer, places: entries))
                }
                return
            }
            if kinds.contains(.demonym) {
                out.append(makeMention(r, .other, 0.7, origin: .gazetteer, places: entries))
                return
            }
        }
        if !personCue, r.count > 1, !hasOrgHead, let split = splitAtPlace(r) {
            // "Kharkiv Mayor" never reaches here; "Singapore Airlines" has an org head; "Moscow Putin" is rare.
            classify(split.0, personCue: false, into: &out)
            classify(split.1, personCue: false, into: &out)
            return
        }
        if personCue {
            out.append(makeMention(r, .person, 0.9, personCue: true))
            return
        }
        if hasOrgHead && (r.count > 1 || view.shapes[r.lowerBound] == .upper) {
            out.append(makeMention(r, .organization, 0.8))
            return
        }
        if roleCue {
            out.append(makeMention(r, .person, 0.75))
            return
        }
        // Word statistics: the last word counts double.
        var per: Float = 0, org: Float = 0, loc: Float = 0, misc: Float = 0, evidence: Float = 0
        for i in r {
            guard let s = stats(i) else { continue }
            let total = Float(s.named + s.capitalised + s.lower) + 1
            let w: Float = i == r.upperBound - 1 ? 2 : 1
            per += w * Float(s.person) / total
            org += w * Float(s.organization) / total
            loc += w * Float(s.location) / total
            misc += w * Float(s.other) / total
            evidence += w * Float(s.named) / total
        }
        let firstStats = stats(r.lowerBound)
        if r.count >= 2, let f = firstStats, f.first >= 2, f.first * 2 >= f.organization + f.location + f.other {
            out.append(makeMention(r, .person, 0.8))
            return
        }
        // "Francisco Herrero": a surname never seen before ends most people's names.
        if r.count >= 2, r.count <= 3, stats(r.upperBound - 1) == nil, view.shapes[r.upperBound - 1] == .capitalised,
           gazetteer.entries(view.keys[r.upperBound - 1]) == nil,
           let f = firstStats, f.person + f.first > 0 || f.organization + f.location == 0 {
            out.append(makeMention(r, .person, 0.5))
            return
        }
        if evidence >= 0.5 {
            let best = max(per, org, loc, misc)
            let type: EntityType = best == per ? .person : best == org ? .organization : best == loc ? .location : .other
            // Below the grouper's 0.7: a word that was a club elsewhere can still be this article's person.
            out.append(makeMention(r, type, 0.45 + 0.2 * best / evidence))
            return
        }
        // No evidence: guess from the shape and the words around.
        let before = r.lowerBound > 0 ? view.keys[r.lowerBound - 1] : 0
        let after = r.upperBound < view.count ? view.keys[r.upperBound] : 0
        if NameLexicon.sayVerbs.contains(after) {
            out.append(makeMention(r, .person, 0.5))
        } else if r.contains(where: { view.isMark($0, "&") }) {
            out.append(makeMention(r, .organization, 0.5))
        } else if r.count == 1 && view.shapes[r.lowerBound] == .upper {
            out.append(makeMention(r, .organization, 0.4))
        } else if r.count == 1 && NameLexicon.placePrepositions.contains(before) {
            out.append(makeMention(r, .location, 0.4))
        } else if r.count == 1 {
            // A lone unknown word: people are introduced by their full names (which the short form
            // then joins), so a single word standing alone is more often a company or a club.
            out.append(makeMention(r, .organization, 0.35))
        } else if r.count <= 4 {
            out.append(makeMention(r, .person, 0.4))
        } else {
            out.append(makeMention(r, .organization, 0.3))
        }
    }

    /// A place mention, or an organisation where the text uses Washington for the US government.
    private func placeMention(_ r: Range<Int>, key: UInt64, entries: [Int32]) -> Mention {
        if key == Self.washingtonKey && r.count == 1 && meansGovernment(after: r.upperBound) {
            return makeMention(r, .organization, 0.6, origin: .gazetteer)
        }
        let kinds = entries.map { gazetteer.places[Int($0)].kind }
        let cityOrState = !kinds.contains(.country) && (kinds.contains(.city) || kinds.contains(.region))
        // A town that is far more often a surname: "Clinton", "Dole".
        if r.count == 1, cityOrState, let s = stats(r.lowerBound), s.person > 2 * (s.location + 1), s.person >= 5 {
            return makeMention(r, .person, 0.6)
        }
        // A city in a results table is its team: `CHICAGO 71 64 .526 10`, `MINNESOTA AT MILWAUKEE`.
        if cityOrState, isTableEntry(r) {
            return makeMention(r, .organization, 0.6, places: entries)
        }
        return makeMention(r, .location, 0.85, origin: .gazetteer, places: entries)
    }

    private static let atKey = NameKey.ofName("at").key

    private func isTableEntry(_ r: Range<Int>) -> Bool {
        let e = r.upperBound
        let sentence = Int(view.sentenceOf[r.lowerBound])
        guard view.lowercaseWords[sentence] <= max(2, view.numbers[sentence] / 2) else { return false }
        let tokens = view.doc.sentences[sentence].tokens
        if e < tokens.upperBound, view.shapes[e] == .number, view.doc.tokens[e].end - view.doc.tokens[e].start < 6 {
            return true
        }
        // `CHICAGO AT TORONTO`
        if tokens.count <= 6 {
            if e < tokens.upperBound, view.keys[e] == Self.atKey, r.lowerBound == tokens.lowerBound { return true }
            if r.lowerBound > tokens.lowerBound, view.keys[r.lowerBound - 1] == Self.atKey, e == tokens.upperBound { return true }
        }
        return false
    }

    private static let governmentVerbs = NameLexicon.keys("""
        said says warned wants wanted accused urged imposed announced insisted believes believed has had \
        is was will would could should must may might hopes hoped demanded rejected vowed threatened condemned \
        sanctioned approved blamed pressed pushed
        """)
    private static let governmentNouns = NameLexicon.keys("policy policies sanctions stance position decision allies ally officials support pressure demands")

    private func meansGovernment(after e: Int) -> Bool {
        guard e < view.count else { return false }
        if Self.governmentVerbs.contains(view.keys[e]) { return true }
        if view.isPossessive(e), e + 1 < view.count { return Self.governmentNouns.contains(view.keys[e + 1]) }
        return false
    }

    /// "Beijing Xi" style runs: a known place at the start followed by more words, split in two.
    private func splitAtPlace(_ r: Range<Int>) -> (Range<Int>, Range<Int>)? {
        let first = r.lowerBound
        guard let e = gazetteer.entries(view.keys[first]),
              e.contains(where: { gazetteer.places[Int($0)].kind == .country }),
              gazetteer.entries(spanKey(r)) == nil else { return nil }
        // Only when the rest is itself a name of something else (a person after a country: "Ukraine Zelenskyy").
        let restFirst = first + 1
        guard let s = stats(restFirst), s.first >= 2 else { return nil }
        return (first..<(first + 1), restFirst..<r.upperBound)
    }
}
