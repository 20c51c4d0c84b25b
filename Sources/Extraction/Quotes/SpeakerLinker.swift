/// Turns a speaker mention into the speaker: the entity whose mention it is, the person a pronoun
/// refers to (the most recent compatible person), or the entity a description stands for
/// (`the head of Ukraine` after `Ukrainian President Volodymyr Zelenskyy`).
///
/// Used in article order: it remembers the last named speaker for pronouns.
struct SpeakerLinker {
    let tokens: QuoteTokens
    let entities: [Entity]
    /// Every entity mention, sorted by start: (start, end, entity index).
    private let mentions: [(start: Int, end: Int, entity: Int)]
    /// Runs of capitalised words (names with any titles before them), in text order, used when
    /// no entity covers a mention.
    private let runs: [Range<Int>]
    /// The longest run ending with each last word (`Putin` → `Russian President Vladimir Putin`).
    private let runByLastWord: [String: Range<Int>]
    private var lastNamed: (name: String, entity: String?, end: Int)? = nil

    init(tokens: QuoteTokens, entities: [Entity]) {
        self.tokens = tokens
        self.entities = entities
        var mentions: [(start: Int, end: Int, entity: Int)] = []
        for (e, entity) in entities.enumerated() {
            for m in entity.mentions { mentions.append((m.start, m.end, e)) }
        }
        mentions.sort { $0.start < $1.start }
        self.mentions = mentions
        var runs: [Range<Int>] = []
        var i = 0
        while i < tokens.count {
            guard tokens.isCapitalised(i), !QuoteLexicon.capitalisedStops.contains(tokens.keys[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tokens.count, tokens.isCapitalised(j), tokens.block(j) == tokens.block(i) { j += 1 }
            if j - i >= 2 { runs.append(i..<j) }
            i = j
        }
        self.runs = runs
        var byLast: [String: Range<Int>] = [:]
        for run in runs {
            let word = tokens.doc.slice(tokens.doc.tokens[run.upperBound - 1].range)
            if let old = byLast[word], old.count >= run.count { continue }
            byLast[word] = run
        }
        self.runByLastWord = byLast
    }

    /// The speaker's name and entity id for the mention at tokens `speaker`.
    mutating func resolve(_ speaker: Range<Int>) -> (name: String?, entity: String?) {
        let doc = tokens.doc
        let span = tokens.span(speaker)
        let surface = doc.slice(span)
        if speaker.count == 1, tokens.isPronoun(speaker.lowerBound) {
            return pronoun(at: span.lowerBound, key: tokens.keys[speaker.lowerBound]) ?? (surface, nil)
        }
        if let e = entity(overlapping: tokens.span(head(of: speaker))) {
            remember(entities[e].name, entities[e].id, span.upperBound)
            return (entities[e].name, entities[e].id)
        }
        let described = QuoteLexicon.determiners.contains(tokens.keys[speaker.lowerBound])
        if described, let linked = description(speaker, before: span.lowerBound) {
            return linked
        }
        if !described, let name = fullName(speaker) {
            remember(name, nil, span.upperBound)
            return (name, nil)
        }
        return (surface, nil)
    }

    /// The head of a speaker phrase: its last word outside a trailing parenthesis
    /// (`Rep. John Mica (R-Fla.)` gives `Mica`, `Experts on North Korea` gives `Korea`… unless
    /// the phrase is a description, whose head is its noun before `of`/`on`/`at`).
    private func head(of speaker: Range<Int>) -> Range<Int> {
        var e = speaker.upperBound - 1
        var depth = 0
        while e > speaker.lowerBound {
            if tokens.isPunct(e, ")") { depth += 1 } else if tokens.isPunct(e, "(") { depth -= 1 } else if depth == 0 && tokens.isWord(e) { break }
            e -= 1
        }
        // `Experts on North Korea`: the noun before a preposition is the head.
        var i = speaker.lowerBound
        while i < e {
            if !tokens.isCapitalised(i), tokens.isWord(i), i > speaker.lowerBound,
               Self.headPrepositions.contains(tokens.keys[i]), !tokens.isCapitalised(i - 1) {
                return (i - 1)..<i
            }
            i += 1
        }
        return e..<(e + 1)
    }

    private static let headPrepositions = PackedWord.set("on of at for from in with")

    private mutating func remember(_ name: String, _ entity: String?, _ end: Int) {
        lastNamed = (name, entity, end)
    }

    private func entity(overlapping span: Range<Int>) -> Int? {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].start < span.upperBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, lo - i <= 8 {
            let m = mentions[i]
            if m.end > span.lowerBound && m.start < span.upperBound { return m.entity }
            i -= 1
        }
        return nil
    }

    /// The most recent compatible speaker before a pronoun at code point `at`.
    private func pronoun(at: Int, key: UInt64) -> (name: String?, entity: String?)? {
        let personal = QuoteLexicon.malePronouns.contains(key) || QuoteLexicon.femalePronouns.contains(key)
            || key == PackedWord.pack("i")
        guard personal || !entities.isEmpty else { return nil }   // `they` stays `they` without entities
        // `they`/`it` stand for an organisation, never the last named person.
        var best: (name: String, entity: String?, end: Int)? = personal ? lastNamed : nil
        if entities.isEmpty, let run = personRun(before: at) {
            let span = tokens.span(run)
            if best == nil || span.upperBound > best!.end + 200 {
                best = (tokens.doc.slice(span), nil, span.upperBound)
            }
        }
        if !entities.isEmpty {
            var lo = 0
            var hi = mentions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if mentions[mid].start < at { lo = mid + 1 } else { hi = mid }
            }
            var i = lo - 1
            while i >= 0 {
                let m = mentions[i]
                let type = entities[m.entity].type
                if m.end <= at, personal ? type == .person : type == .organization {
                    // Prefer the last named speaker when it is about as recent (the subject of the story).
                    if best == nil || m.end > best!.end + 200 {
                        best = (entities[m.entity].name, entities[m.entity].id, m.end)
                    }
                    break
                }
                i -= 1
            }
        }
        guard let b = best else { return nil }
        return (b.name, b.entity)
    }

    /// The most recent run of capitalised words before code point `at` that looks like a
    /// person's name (no institution or place words), without its titles.
    private func personRun(before at: Int) -> Range<Int>? {
        var lo = 0
        var hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens.doc.tokens[runs[mid].upperBound - 1].end) <= at { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        while i >= 0, lo - i <= 20 {
            let name = nameTail(runs[i])
            if name.count >= 2, name.count <= 3, !name.contains(where: { Self.institutionWords.contains(tokens.keys[$0]) || !tokens.isWord($0) }) {
                return name
            }
            i -= 1
        }
        return nil
    }

    private static let institutionWords = PackedWord.set("""
        house states committee party news department university court council union nations street \
        post times journal agency bank company senate congress office ministry center centre fund \
        republic kingdom korea united white new york city county state institute foundation group \
        association school college church army navy force forces police service affairs security \
        national federal international american democratic republican china russia europe european
        """)

    /// The entity or full name a description stands for: an entity whose roles or title words
    /// share a stem with the description's capitalised words (`head of Ukraine` ~ `Ukrainian President`),
    /// or the last organisation for `the newspaper`.
    private func description(_ speaker: Range<Int>, before: Int) -> (name: String?, entity: String?)? {
        let doc = tokens.doc
        let head = speaker.upperBound - 1
        if QuoteLexicon.organisationNouns.contains(tokens.keys[head]), !entities.isEmpty {
            if let m = mentions.last(where: { $0.end <= before && entities[$0.entity].type == .organization && $0.end > before - 3000 }) {
                return (entities[m.entity].name, entities[m.entity].id)
            }
            return nil
        }
        // An entity whose role ends with the description's head: `a Kremlin spokesman` ~ `Kremlin spokesman`.
        let headWord = doc.slice(doc.tokens[head].range).lowercased()
        if let e = entities.firstIndex(where: { entity in
            entity.type == .person && entity.roles.contains { $0.lowercased().split(separator: " ").last.map(String.init) == headWord }
        }) {
            return (entities[e].name, entities[e].id)
        }
        var stems: [ArraySlice<Unicode.Scalar>] = []
        for i in speaker where tokens.isCapitalised(i) {
            let r = doc.tokens[i].range
            stems.append(doc.scalars[r.lowerBound..<min(r.upperBound, r.lowerBound + 5)])
        }
        guard !stems.isEmpty else { return nil }
        // A capitalised run before the description whose title words share a stem.
        var best: Range<Int>? = nil
        let upTo = runs.firstIndex { Int(tokens.doc.tokens[$0.lowerBound].start) >= before } ?? runs.count
        for run in runs[max(0, upTo - 50)..<upTo] {
            for i in run.dropLast() {
                let r = doc.tokens[i].range
                let s = doc.scalars[r.lowerBound..<min(r.upperBound, r.lowerBound + 5)]
                if stems.contains(where: { $0.elementsEqual(s) }) { best = (i + 1)..<run.upperBound }
            }
        }
        guard let name = best else { return nil }
        let span = tokens.span(name)
        if let e = entity(overlapping: span) { return (entities[e].name, entities[e].id) }
        return (doc.slice(tokens.span(nameTail(name))), nil)
    }

    /// The longest name in the article that ends with the mention's last word (`Putin` gives
    /// `Vladimir Putin`), or the mention itself.
    private func fullName(_ speaker: Range<Int>) -> String? {
        let doc = tokens.doc
        let last = speaker.upperBound - 1
        guard tokens.isCapitalised(last) else { return nil }
        if let run = runByLastWord[doc.slice(doc.tokens[last].range)], run.count > speaker.count {
            return doc.slice(tokens.span(nameTail(run)))
        }
        return doc.slice(tokens.span(nameTail(speaker)))
    }

    /// The name part of a capitalised run: the words after its last title (`Russian President
    /// Vladimir Putin` gives `Vladimir Putin`, `Sen. Ted Cruz` gives `Ted Cruz`).
    private func nameTail(_ run: Range<Int>) -> Range<Int> {
        var start = run.lowerBound
        var i = run.lowerBound
        while i < run.upperBound - 1 {
            if Self.titles.contains(tokens.keys[i]) || tokens.isPossessive(i) { start = i + 1 }
            i += 1
        }
        return start..<run.upperBound
    }

    private static let titles = PackedWord.set("""
        mr mrs ms dr sen rep gov gen president senator governor minister secretary chairman director \
        chief judge justice prime leader speaker king queen prince pope professor prof spokesman \
        spokeswoman ambassador mayor candidate nominee former
        """)
}
