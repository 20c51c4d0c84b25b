/// Finds the people, organisations, places and other named things of an article, one entity per
/// real-world thing with all its mentions, roles, salience and places' geography.
///
/// Stages, each linear in the tokens: `RuleRecognizer` proposes mentions from capitalisation,
/// gazetteers and word lists; `MentionMerger` folds in the trained tagger's candidates when there is
/// a tagger; `DocumentConsistency` gives one spelling one type and marks its unmarked
/// occurrences; `PlaceResolver` picks each place name's reading; `EntityGrouper` joins mentions of one
/// thing; `RoleFinder` attaches titles and appositions to people; salience orders the result.
public struct EntityExtractor: Sendable {
    public let resources: ExtractorResources

    /// An extractor over the shared resources.
    public init(resources: ExtractorResources) {
        self.resources = resources
    }

    /// Entities sorted by salience, ids `e1`, `e2`, … in that order.
    public func extract(_ doc: Document) -> [Entity] {
        guard !doc.tokens.isEmpty else { return [] }
        let gazetteer = resources.gazetteer
        let view = TokenView(doc, gazetteer: gazetteer)
        let rules = RuleRecognizer(view: view, gazetteer: gazetteer).recognise()
        let tagged = resources.tagger?.tag(doc) ?? []
        var mentions = MentionMerger(view: view, gazetteer: gazetteer).merge(rules: rules, tagged: tagged)
        DocumentConsistency(view: view, gazetteer: gazetteer).apply(&mentions)
        let places = PlaceResolver(gazetteer: gazetteer).resolve(mentions)
        let groups = EntityGrouper(view: view, gazetteer: gazetteer).group(&mentions, places: places)
        var endingAt: [Int: Int] = [:]
        for (k, m) in mentions.enumerated() { endingAt[m.tokens.upperBound - 1] = k }
        var roleFinder = RoleFinder(view: view, gazetteer: gazetteer)
        for group in groups where group.type == .organization {
            for k in group.mentions where mentions[k].tokens.count == 1 {
                roleFinder.organisationWords.insert(view.keys[mentions[k].tokens.lowerBound])
            }
        }
        let salience = SalienceScorer(doc: doc, mentions: mentions, groups: groups)

        var scored: [(entity: Entity, first: Int)] = []
        for (g, group) in groups.enumerated() {
            let spans = group.mentions.map { doc.span(mentions[$0].range) }
            var name = spans[0].text
            var nameTokens = 0
            for k in group.mentions {
                let m = mentions[k]
                let words = m.tokens.count
                let text = doc.slice(m.range)
                if words > nameTokens || (words == nameTokens && text.unicodeScalars.count > name.unicodeScalars.count) {
                    name = text
                    nameTokens = words
                }
            }
            var geo: GeoInfo?
            if let p = group.place {
                let place = gazetteer.places[Int(p)]
                if group.type == .location {
                    geo = place.geo
                    if place.kind == .country { name = place.name }
                }
            }
            var aliases: [String] = []
            for s in spans where s.text != name && !aliases.contains(s.text) { aliases.append(s.text) }
            var roles: [String] = []
            if group.type == .person {
                for k in group.mentions {
                    for r in roleFinder.roles(of: mentions[k], mentionEndingAt: endingAt, mentions: mentions) where !roles.contains(r) {
                        roles.append(r)
                    }
                }
            }
            let entity = Entity(id: "", type: group.type, name: name, aliases: aliases, roles: roles, mentions: spans,
                                salience: salience.score(g), geo: geo)
            scored.append((entity, mentions[group.first].range.lowerBound))
        }
        scored.sort { $0.entity.salience != $1.entity.salience ? $0.entity.salience > $1.entity.salience : $0.first < $1.first }
        return scored.enumerated().map { n, item in
            var e = item.entity
            e.id = "e\(n + 1)"
            return e
        }
    }

    /// The merge of rule candidates with tagger candidates, as `extract` does it (for tests and tools).
    public func merge(_ doc: Document, rules: [MentionCandidate], tagged: [MentionCandidate]) -> [MentionCandidate] {
        let view = TokenView(doc, gazetteer: resources.gazetteer)
        let merger = MentionMerger(view: view, gazetteer: resources.gazetteer)
        let ruleMentions = rules.compactMap { c -> Mention? in
            guard let tokens = merger.tokenRange(c.range) else { return nil }
            return Mention(range: c.range, tokens: tokens, type: c.type, confidence: c.confidence, origin: c.origin)
        }
        return merger.merge(rules: ruleMentions, tagged: tagged).map(\.candidate)
    }

    /// The rule-based recogniser's mentions alone, before merging and grouping (for comparing
    /// recognisers and for the tagger's training tools).
    public func ruleCandidates(_ doc: Document) -> [MentionCandidate] {
        guard !doc.tokens.isEmpty else { return [] }
        return RuleRecognizer(view: TokenView(doc, gazetteer: resources.gazetteer), gazetteer: resources.gazetteer).recognise().map(\.candidate)
    }
}

/// Salience 0–1 of each entity: how often it is mentioned, how early, and whether it is in the headline.
struct SalienceScorer {
    let doc: Document
    let mentions: [Mention]
    let groups: [EntityGrouper.Group]
    private let maxMentions: Int
    private let headlineEnd: Int

    init(doc: Document, mentions: [Mention], groups: [EntityGrouper.Group]) {
        self.doc = doc
        self.mentions = mentions
        self.groups = groups
        maxMentions = groups.map(\.mentions.count).max() ?? 1
        // The headline: a title block, else the first sentence.
        if let t = doc.layout.blocks.first(where: { $0.kind == .title }) {
            headlineEnd = t.range.upperBound
        } else {
            headlineEnd = doc.sentences.first?.range.upperBound ?? 0
        }
    }

    func score(_ g: Int) -> Double {
        let group = groups[g]
        let count = Double(group.mentions.count) / Double(maxMentions)
        let first = mentions[group.first].range.lowerBound
        let position = 1 - Double(first) / Double(max(doc.scalars.count, 1))
        let headline = first < headlineEnd ? 1.0 : 0.0
        var s = 0.55 * count.squareRoot() + 0.3 * position + 0.15 * headline
        if group.type == .other { s *= 0.5 }
        return (min(max(s, 0), 1) * 1000).rounded() / 1000
    }
}
