/// Merges the trained tagger's candidates with the rules' mentions.
///
/// The tagger is the better judge of spans and types in general; the rules know places (with their
/// geography), nationalities, known organisations and title-cued people. So: on an identical span the
/// tagger's type wins unless the rules read it from the gazetteer or a sure cue; a tagger span wins
/// over other overlapping rule spans, except where a
/// confident rule mention covers it (a gazetteer place such as "East China Sea" around a tagged
/// "China", a title-cued person); confident rule mentions the tagger missed are added; places keep
/// their gazetteer entries whichever side proposed them.
struct MentionMerger {
    let view: TokenView
    let gazetteer: Gazetteer

    static let confident: Float = 0.6
    /// A tagger span at least this confident keeps its type against a gazetteer reading ("Kent"
    /// the cricket club). Chosen on fold 0 of eng.train (`scripts/conll_folds.py`, model with Brown
    /// clusters trained on the other folds; the tagger's type put back on the extractor's output):
    /// F1 0.9175 at 0.6, 0.9188 at 0.5, 0.9202 at 0.4, 0.9205 at 0.3, 0.9204 at 0.
    static let sureTagger: Float = 0.3
    /// The same against a gazetteer bloc or demonym ("the West" is a bloc, not a place).
    static let sureTaggerAgainstBlocs: Float = 0.6

    /// One non-overlapping list of mentions in text order.
    func merge(rules: [Mention], tagged: [MentionCandidate]) -> [Mention] {
        guard !tagged.isEmpty else { return rules }
        var out: [Mention] = []
        var used = [Bool](repeating: false, count: rules.count)
        var r = 0
        for c in tagged.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard var tokens = tokenRange(c.range) else { continue }
            // A span never starts or ends on punctuation ("West?"), but for the bracket that closes one
            // it opened ("Mladost ( BJ )", a club and its town).
            while !tokens.isEmpty && !isNameToken(tokens.lowerBound) { tokens = (tokens.lowerBound + 1)..<tokens.upperBound }
            while !tokens.isEmpty && !isNameToken(tokens.upperBound - 1) && !closesBracket(tokens) {
                tokens = tokens.lowerBound..<(tokens.upperBound - 1)
            }
            guard !tokens.isEmpty else { continue }
            let range = Int(view.doc.tokens[tokens.lowerBound].start)..<Int(view.doc.tokens[tokens.upperBound - 1].end)
            // A possessive inside a span ("Kyiv’s Western") means the span is wrong: the rules decide there.
            if tokens.contains(where: { view.isPossessive($0) }) { continue }
            var c = c
            c.range = range
            while r < rules.count && rules[r].range.upperBound <= c.range.lowerBound { r += 1 }
            var overlapping: [Int] = []
            var k = r
            while k < rules.count && rules[k].range.lowerBound < c.range.upperBound {
                if rules[k].range.overlaps(c.range) { overlapping.append(k) }
                k += 1
            }
            var mention = Mention(range: c.range, tokens: tokens, type: c.type, confidence: c.confidence, origin: .tagger)
            var ruleWins = false
            for k in overlapping {
                let rule = rules[k]
                if rule.range == c.range {
                    mention.places = rule.places
                    mention.personCue = rule.personCue
                    // Gazetteer readings (places, nationalities, blocs, Washington as the government),
                    // known organisations and title-cued people: the rules know better.
                    // A gazetteer reading overrides only a tagger that is unsure ("Milan" the club stays ORG).
                    // A small town's name is more often someone's name in the news ("Obama", a town
                    // of 29,000 in Japan): there the tagger's person or organisation stands.
                    let smallTown = c.type != .location && gazetteer.areSmallTowns(rule.places)
                    // Blocs and demonyms ("the West") keep the old threshold: the choice above was about places.
                    let place = rule.places.contains { gazetteer.places[Int($0)].kind.geoKind != nil }
                    let sure = place ? Self.sureTagger : Self.sureTaggerAgainstBlocs
                    // A location here is a place on the map; a bloc the tagger calls one (CoNLL
                    // tags "the West" LOC) is the bloc however sure the tagger is.
                    let blocTaggedAsPlace = rule.origin == .gazetteer && !place && c.type == .location
                    if (rule.origin == .gazetteer && c.confidence < sure && !smallTown) || blocTaggedAsPlace || rule.confidence >= 0.9 {
                        mention.type = rule.type
                    }
                    if rule.personCue { mention.type = .person }
                } else if rule.range.lowerBound <= c.range.lowerBound && rule.range.upperBound >= c.range.upperBound
                            && rule.confidence >= 0.85 {
                    ruleWins = true
                }
            }
            if ruleWins {
                for k in overlapping where rules[k].confidence >= 0.85 && !used[k] {
                    used[k] = true
                    out.append(rules[k])
                }
                continue
            }
            for k in overlapping { used[k] = true }
            if mention.type == .location && mention.places.isEmpty {
                var h = NameKey.empty
                for i in tokens { h = NameKey.append(h, view.doc.scalars, view.doc.tokens[i].range, first: i == tokens.lowerBound) }
                mention.places = (gazetteer.entries(h) ?? []).filter { gazetteer.places[Int($0)].kind.geoKind != nil }
            }
            if let last = out.last, last.range.overlaps(mention.range) { continue }
            out.append(mention)
        }
        for (k, rule) in rules.enumerated() where !used[k] && rule.confidence >= Self.confident {
            out.append(rule)
        }
        out.sort { $0.range.lowerBound < $1.range.lowerBound }
        var clean: [Mention] = []
        for m in out where clean.last.map({ !$0.range.overlaps(m.range) }) ?? true { clean.append(m) }
        return clean
    }

    private func isNameToken(_ i: Int) -> Bool {
        view.isWord(i) || view.shapes[i] == .number
    }

    /// Whether the last token of `tokens` is `)` and the span opened it, after its first word.
    private func closesBracket(_ tokens: Range<Int>) -> Bool {
        guard tokens.count >= 3, view.text(tokens.upperBound - 1) == ")" else { return false }
        return tokens.dropFirst().dropLast().contains { view.text($0) == "(" }
    }

    /// The tokens exactly covering code points `range`, if its ends fall on token boundaries.
    func tokenRange(_ range: Range<Int>) -> Range<Int>? {
        let tokens = view.doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].start) < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < tokens.count, Int(tokens[lo].start) == range.lowerBound else { return nil }
        var e = lo
        while e < tokens.count && Int(tokens[e].end) <= range.upperBound { e += 1 }
        guard e > lo, Int(tokens[e - 1].end) == range.upperBound else { return nil }
        return lo..<e
    }
}
