/// Finds direct, mixed and indirect quotes and attributes each to its speaker.
///
/// Direct quotes come from one scan over the quotation marks (`QuoteMarks`); each is attributed by
/// the cue next to it (`CueSearch`), else it continues the previous quote's speaker, and a quote
/// split around its cue (`“We will win,” he said, “and soon.”`) is one quote. Reported speech
/// comes from the learnt model (`LearntSpeech`, `AttributionModel`) and from reporting verbs and
/// noun cues with a clause (`IndirectSpeech`); a reported clause that
/// holds quoted words (`He said the plan was “a disaster.”`) is one mixed quote. Speaker mentions
/// are then linked to entities, pronouns and descriptions resolved to the person they stand for
/// (`SpeakerLinker`).
public enum QuoteAttributor {
    /// Quotes in article order; `cues` adds learnt reporting verbs and noun cues to the rules;
    /// `model`, when given, finds reported speech first (cues, contents and sources learnt from
    /// PolNeAR), and the rules add what it leaves. On PolNeAR dev the model first beat the rules
    /// first on content, source and cue F1 (scripts/attribution_eval.sh).
    public static func attribute(_ doc: Document, entities: [Entity], cues: AttributionCues = .none,
                                 model: AttributionModel? = nil) -> [Quote] {
        guard !doc.tokens.isEmpty, !doc.sentences.isEmpty else { return [] }
        let tokens = QuoteTokens(doc)
        var direct = directQuotes(tokens)
        var indirect = IndirectSpeech.find(tokens, excluding: direct, cues: cues)
        if let model {
            // The learnt model's attributions first; a rule's stays when no learnt content overlaps it.
            let rules = indirect
            indirect = LearntSpeech.find(tokens, excluding: direct, model: model)
            let learnt = indirect.count
            for h in rules where !indirect[..<learnt].contains(where: { $0.content.overlaps(h.content) }) {
                indirect.append(h)
            }
            indirect.sort { $0.content.lowerBound < $1.content.lowerBound }
        }
        var absorbed = [Bool](repeating: false, count: direct.count)
        var inClause = [Bool](repeating: false, count: direct.count)
        var found: [(Range<Int>, Quote.Kind, Attribution?)] = []
        found.reserveCapacity(direct.count + indirect.count)
        for h in indirect {
            var content = tokens.span(h.content)
            var kind = Quote.Kind.indirect
            for d in h.absorbed {
                // A quotation that opens the clause is the clause; one deep inside it stays a quote too
                // unless it has the clause's cue or none of its own (see `withoutNestedAttributions`).
                inClause[d] = true
                if tokens.token(atOrAfter: direct[d].span.open) <= h.content.lowerBound + 3 { absorbed[d] = true }
                content = min(content.lowerBound, direct[d].start)..<max(content.upperBound, direct[d].end)
                kind = .mixed
            }
            found.append((content, kind, h.attribution))
        }
        for (i, d) in direct.enumerated() where !absorbed[i] {
            // A quote in no reported clause found is its clause's content, from the clause's start.
            let start = inClause[i] ? d.start : d.clauseStart ?? d.start
            found.append((start..<d.end, .direct, d.attribution))
        }
        direct.removeAll()
        found = withoutNestedAttributions(found, tokens, cues: cues)
        var linker = SpeakerLinker(tokens: tokens, entities: entities)
        var quotes: [Quote] = []
        quotes.reserveCapacity(found.count)
        for (content, kind, attribution) in found {
            var quote = Quote(kind: kind, text: doc.slice(content), start: content.lowerBound, end: content.upperBound)
            if let a = attribution {
                let mention = tokens.span(a.speaker)
                quote.speakerMention = doc.span(mention)
                let cue = doc.span(tokens.span(tokens.markedCue(a)))
                quote.cue = cue.text
                quote.cueMention = cue
                let resolved = linker.resolve(a.speaker)
                quote.speaker = resolved.name
                quote.speakerEntity = resolved.entity
            }
            quotes.append(quote)
        }
        return quotes
    }

    /// `found` in text order without the contents that lie inside another one's and are not
    /// attributions of their own: the same cue's again (a quotation inside the clause `X said`
    /// reports), or one whose cue word is seldom a cue (`the coalition Democrats are counting on`,
    /// inside a clause reported by someone else) or that has no cue. PolNeAR nests 6 of 2,192 dev
    /// contents; before this, 261 predicted contents lay inside another, 200 of them wrong. A cue
    /// share below 0.7 (`AttributionCues.share`) was chosen on held-out training articles
    /// (scripts/attribution_holdout.sh) and agrees with dev.
    static func withoutNestedAttributions(_ found: [(Range<Int>, Quote.Kind, Attribution?)], _ tokens: QuoteTokens,
                                          cues: AttributionCues) -> [(Range<Int>, Quote.Kind, Attribution?)] {
        // Outer before inner: by start, then the longer first.
        let sorted = found.sorted {
            $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound < $1.0.lowerBound : $0.0.upperBound > $1.0.upperBound
        }
        var dropped = [Bool](repeating: false, count: sorted.count)
        for i in sorted.indices where !dropped[i] {
            let outer = sorted[i]
            var j = i + 1
            while j < sorted.count, sorted[j].0.lowerBound < outer.0.upperBound {
                let inner = sorted[j]
                if !dropped[j], inner.0.upperBound <= outer.0.upperBound, inner.0 != outer.0,
                   !isAttributionOfItsOwn(inner.2, inside: outer.2, tokens, cues: cues) {
                    dropped[j] = true
                }
                j += 1
            }
        }
        return sorted.indices.filter { !dropped[$0] }.map { sorted[$0] }
    }

    /// Whether a content attributed by `inner` that lies inside one attributed by `outer` is a
    /// second attribution: it has a cue of its own that is a cue at least 7 times in 10.
    private static func isAttributionOfItsOwn(_ inner: Attribution?, inside outer: Attribution?, _ tokens: QuoteTokens,
                                              cues: AttributionCues) -> Bool {
        guard let inner, inner.cue != outer?.cue else { return false }
        return inner.cue.contains { cues.share(tokens.keys[$0]) >= 0.7 }
    }

    /// A direct quote with its attribution, if one was found.
    struct DirectQuote {
        var span: QuotedSpan
        var attribution: Attribution?
        /// Start of the content: before `span` when the sentence's subject opens it
        /// (`Both parties “saw Burma as …,” said Victor Cha`).
        var start: Int
        /// End of the quoted words: past `span` when later parts of the same quote were joined to it.
        var end: Int
        /// Start of the reported clause the quote continues (`says the goal is “…”`), used when no
        /// reported clause holding the quote was found (see `reportedOpening`).
        var clauseStart: Int? = nil

        init(span: QuotedSpan, attribution: Attribution?) {
            self.span = span
            self.attribution = attribution
            self.start = span.content.lowerBound
            self.end = span.content.upperBound
        }
    }

    /// Direct quotes, scare quotes and titles left out, each attributed when the text allows.
    static func directQuotes(_ tokens: QuoteTokens) -> [DirectQuote] {
        let doc = tokens.doc
        let spans = QuoteMarks.scan(doc.scalars, blocks: doc.layout.blocks)
        var quotes: [DirectQuote] = []
        quotes.reserveCapacity(spans.count)
        // Where the previous accepted quote (and its attribution) ends, for continuations.
        var previousEnd = -1
        var previous: Attribution? = nil
        var pending: Int? = nil   // an unattributed quote that may take the next quote's speaker
        for span in spans {
            let openTok = tokens.token(atOrAfter: span.open)
            let closeTok = tokens.token(atOrAfter: span.close)
            guard openTok < tokens.count, openTok < closeTok else { continue }
            let closed = closeTok < tokens.count && Int(doc.tokens[closeTok].start) == span.close
            let inner = (openTok + 1)..<min(closeTok, tokens.count)
            var attribution: Attribution? = nil
            var adjacent = false
            // A quote that ends its sentence (`….”`) takes no attribution from the next one.
            let endsSentence = inner.upperBound > inner.lowerBound && tokens.isSentenceEnd(inner.upperBound - 1)
                && tokens.isPunct(inner.upperBound - 1, ".")
            if closed, !endsSentence, let a = tokens.attribution(after: closeTok) {
                attribution = a
                adjacent = true
            } else if closed, let a = tokens.signature(after: closeTok) {
                attribution = a
                adjacent = true
            } else if let a = tokens.attribution(before: openTok) {
                attribution = a
                adjacent = a.cue.upperBound + 2 >= openTok
            } else if let a = tokens.sentenceSubject(before: openTok) {
                attribution = a
            }
            guard isQuotation(tokens, inner: inner, span: span, adjacent: adjacent, attributed: attribution != nil) else {
                continue
            }
            let continues = previousEnd >= 0 && nothingBetween(tokens, from: previousEnd, to: openTok)
            let inherited = attribution == nil && continues && previous != nil
            // The same cue as the quote before (`“…,” he said, “…”`), found before any pending quote takes it.
            let sameCue = attribution != nil && attribution == quotes.last?.attribution
            if attribution == nil, continues, let p = previous {
                attribution = p
            }
            if let a = attribution, let p = pending, continues {
                quotes[p].attribution = a
            }
            let closeEnd = min(closeTok, tokens.count - 1)
            if continues, !span.single, let last = quotes.indices.last, !quotes[last].span.single,
               inherited || sameCue {
                // One attribution, one quote: this part continues the quote before it.
                quotes[last].end = span.content.upperBound
                pending = nil
                previous = quotes[last].attribution
                previousEnd = closeEnd
                if let a = attribution, a.cue.lowerBound > closeEnd {
                    previousEnd = max(a.cue.upperBound, a.speaker.upperBound) - 1
                }
                continue
            }
            pending = attribution == nil ? quotes.count : nil
            var quote = DirectQuote(span: span, attribution: attribution)
            if adjacent, let a = attribution, a.cue.lowerBound > closeEnd, let from = openingSubject(tokens, openTok) {
                quote.start = Int(doc.tokens[from].start)
            } else if let a = attribution, a.cue.upperBound <= openTok, let from = reportedOpening(tokens, a, openTok) {
                quote.clauseStart = Int(doc.tokens[from].start)
            }
            quotes.append(quote)
            previous = attribution
            previousEnd = closeEnd
            if let a = attribution, a.cue.lowerBound > closeEnd {
                previousEnd = max(a.cue.upperBound, a.speaker.upperBound) - 1
            }
        }
        return quotes
    }

    /// The first token of a short opening before a quote that starts inside its sentence, when the
    /// opening holds no cue or quotation of its own (`Both political parties “saw …”`).
    static func openingSubject(_ tokens: QuoteTokens, _ open: Int) -> Int? {
        let first = tokens.sentence(open).lowerBound
        guard first < open, open - first <= 15 else { return nil }
        var words = 0
        for i in first..<open {
            if tokens.isWord(i) {
                if tokens.isSpeechVerb(i) || tokens.isAccordingTo(i) { return nil }
                words += 1
            } else if tokens.isDoubleMark(i) || tokens.isSentenceEnd(i) || tokens.isPunct(i, ":") {
                return nil
            }
        }
        return words > 0 ? first : nil
    }

    /// The first token of the reported clause that a quote opened at `open` continues, when its
    /// source and cue come before it in the sentence and it runs on from them without a comma: from
    /// `that` (`added that something “has to be big”`), else from the word after the cue (`says the
    /// main goal is “to disqualify Trump”`). PolNeAR's content is the whole clause.
    /// Not after a colon (`issued a warning: should …“to Europe”`), nor for a source after its cue
    /// (`The plan, according to Putin, might “lay …”`), where the clause is not the cue's object.
    static func reportedOpening(_ tokens: QuoteTokens, _ a: Attribution, _ open: Int) -> Int? {
        let sentence = tokens.sentence(open)
        guard sentence.contains(a.cue.lowerBound), a.speaker.upperBound <= a.cue.lowerBound else { return nil }
        let first = a.cue.upperBound
        guard first < open, open - first <= 25, !tokens.isPunct(first, ",") else { return nil }
        var firstWord: Int? = nil
        var that: Int? = nil
        for i in first..<open {
            if tokens.isDoubleMark(i) || tokens.isSentenceEnd(i) || tokens.isPunct(i, ":") { return nil }
            guard tokens.isWord(i) || tokens.doc.tokens[i].kind == .number else { continue }
            if firstWord == nil { firstWord = i }
            if that == nil, tokens.isWord(i), QuoteLexicon.complementisers.contains(tokens.keys[i]) { that = i }
        }
        // After a comma the quote is a part of its own (`stated that …, “but such …”`), kept apart.
        guard let firstWord, !tokens.isPunct(open - 1, ",") else { return nil }
        return that ?? firstWord
    }

    /// Whether the tokens after `from` up to `to` hold no words (only punctuation), so that the
    /// quote at `to` continues the one before.
    static func nothingBetween(_ tokens: QuoteTokens, from: Int, to: Int) -> Bool {
        var i = from + 1
        if from >= 0, tokens.sentence(from).upperBound <= to {
            // The rest of the attribution's sentence may stand between: `…,” said Victor Cha, a
            // Korea scholar at the Center for Strategic Studies. “But …”`, `…,'' Mr. Rubio said in Iowa. ''It's …''`
            let end = tokens.sentence(from).upperBound
            guard end - from <= 40 else { return false }
            i = end
            for k in (from + 1)..<end where tokens.isDoubleMark(k) || tokens.isSpeechVerb(k) { return false }
        }
        while i < to {
            if tokens.isWord(i) { return false }
            i += 1
        }
        return tokens.block(max(from, 0)) + 1 >= tokens.block(to)
    }

    private static let titleConnectors = PackedWord.set("of the a an and for in on to at with by or from as is vs")

    /// Whether a quoted span is a quotation rather than a scare quote or a title: long enough,
    /// or ending with sentence punctuation, or next to a cue.
    static func isQuotation(_ tokens: QuoteTokens, inner: Range<Int>, span: QuotedSpan, adjacent: Bool,
                            attributed: Bool) -> Bool {
        var words = 0
        var capitalised = 0
        var connectors = 0
        for i in inner where tokens.isWord(i) || tokens.doc.tokens[i].kind == .number {
            words += 1
            if tokens.isCapitalised(i) {
                capitalised += 1
            } else if titleConnectors.contains(tokens.keys[i]) || tokens.isPossessive(i) {
                connectors += 1
            }
        }
        guard words > 0 else { return false }
        let last = inner.upperBound - 1
        let punctuated = last >= inner.lowerBound && !tokens.isWord(last) && {
            let c = tokens.doc.scalars[Int(tokens.doc.tokens[last].end) - 1]
            return c == "." || c == "," || c == "?" || c == "!" || c == "\u{2026}"
        }()
        if adjacent && (words >= 2 || punctuated) { return true }
        if span.single && words < 4 { return false }
        // A title: `The Grand Budapest Hotel`, `Andrea Mitchell Reports`, `Battle for the Soul of HP`.
        let innerComma = inner.dropLast().contains { tokens.isPunct($0, ",") }
        if words >= 2, words <= 14, capitalised >= 2, capitalised + connectors == words, !innerComma,
           tokens.isCapitalised(inner.lowerBound),
           !(adjacent && (tokens.doc.scalars[span.content.upperBound - 1] == "," || tokens.doc.scalars[span.content.upperBound - 1] == "!" || tokens.doc.scalars[span.content.upperBound - 1] == "?") && words <= 3) {
            return false
        }
        if words >= 5 { return true }
        if punctuated && words >= 3 { return true }
        return attributed && words >= 3
    }
}
