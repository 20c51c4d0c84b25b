/// One string, one label in a document: the second pass over the merged mentions.
///
/// A name written the same way several times in an article almost always names the same thing,
/// so mentions of one spelling take the type that the article's mentions of it vote for (weighted
/// by confidence), unless they are sure of their own; and an occurrence of a labelled name that
/// neither the tagger nor the rules marked ("Oncins" in a results table) becomes a mention of it.
struct DocumentConsistency {
    let view: TokenView
    let gazetteer: Gazetteer

    /// Whether mentions take the type their spelling has elsewhere in the article (off: on CoNLL folds
    /// of eng.train it cost 0.2 F1, one spelling there often names a city and its club).
    var relabels = false
    /// Mentions at least this sure keep their type against the article's vote.
    static let sure: Float = 0.75
    /// Longest name (in tokens) carried to unmarked occurrences.
    static let longestCarried = 3
    /// Confidence of a mention carried to an unmarked occurrence.
    static let carriedConfidence: Float = 0.55

    /// `mentions` (non-overlapping, in text order) relabelled and completed.
    func apply(_ mentions: inout [Mention]) {
        guard !mentions.isEmpty else { return }
        var votes = HashKeyMap<SIMD4<Float>>()
        var keys = [UInt64](repeating: 0, count: mentions.count)
        var places = HashKeyMap<[Int32]>()
        for (k, m) in mentions.enumerated() {
            keys[k] = spanKey(m.tokens)
            votes[keys[k], default: .zero][Self.slot(m.type)] += m.confidence
            if !m.places.isEmpty, places[keys[k]] == nil { places[keys[k]] = m.places }
        }
        // A small town's name that the article also gives a person, or writes as a person's ("Obama
        // said", "the Obama administration"), is that person: the town of Obama in Japan is seldom news.
        let person = Self.slot(.person)
        for k in mentions.indices where mentions[k].type == .location && gazetteer.areSmallTowns(mentions[k].places) {
            if (votes[keys[k]]?[person] ?? 0) > 0 || isFollowedByPersonWord(mentions[k]) { mentions[k].type = .person }
        }
        // One person, one name: where a mention is unsure of itself, a spelling the article gives a
        // person more weight than the mention's own type, or the surname of a person it names in
        // full ("the Obama administration" after "Barack Obama"), is that person. Unlike a city and
        // its club, a person's name seldom names something else in the same article.
        var surnames = HashKeySet()
        for m in mentions where m.type == .person && m.tokens.count >= 2 {
            surnames.insert(view.keys[m.tokens.upperBound - 1])
        }
        for k in mentions.indices where mentions[k].type != .person && mentions[k].confidence < Self.sure {
            let m = mentions[k]
            let v = votes[keys[k]] ?? .zero
            if v[person] > v[Self.slot(m.type)] || (m.tokens.count == 1 && surnames.contains(view.keys[m.tokens.lowerBound])) {
                mentions[k].type = .person
            }
        }
        // A full name that ends in the name of a person of the article is that person, however sure
        // the tagger was of another type: "Donald J. Trump's" beside "Mr. Trump", "Barack Obama"
        // beside "President Obama". A name that goes on past the surname ("Trump Tower", "Clinton
        // Foundation") does not end in it; one that starts with a word the article or the language
        // writes in lower case ("Stop Trump") is not a full name.
        var personNames = HashKeySet()
        for m in mentions where m.type == .person && !isMostlyLowercase(view.keys[m.tokens.upperBound - 1])
            && view.doc.tokens[m.tokens.upperBound - 1].range.count >= 3 {  // "Al" of "El Al"
            personNames.insert(view.keys[m.tokens.upperBound - 1])
        }
        for k in mentions.indices where mentions[k].type != .person && isFullName(mentions[k], of: personNames) {
            mentions[k].type = .person
            mentions[k].places = []
        }
        for k in mentions.indices where mentions[k].confidence < Self.sure && !mentions[k].personCue && relabels {
            guard let v = votes[keys[k]] else { continue }
            let own = Self.slot(mentions[k].type)
            var best = own
            for t in 0..<4 where v[t] > v[best] { best = t }
            if best != own { mentions[k].type = Self.types[best] }
        }
        carry(&mentions, votes: votes, places: places)
    }

    /// Adds mentions for unmarked capitalised occurrences of names the article labelled.
    private func carry(_ mentions: inout [Mention], votes: HashKeyMap<SIMD4<Float>>, places: HashKeyMap<[Int32]>) {
        var covered = [Bool](repeating: false, count: view.count)
        var lengths = Set<Int>()
        for m in mentions {
            for i in m.tokens { covered[i] = true }
            if m.tokens.count <= Self.longestCarried { lengths.insert(m.tokens.count) }
        }
        var added: [Mention] = []
        var i = 0
        while i < view.count {
            guard !covered[i], view.shapes[i] == .capitalised || view.shapes[i] == .upper else { i += 1; continue }
            var found: Mention?
            for n in stride(from: Self.longestCarried, through: 1, by: -1) where lengths.contains(n) {
                let r = i..<(i + n)
                guard r.upperBound <= view.count, !r.contains(where: { covered[$0] }),
                      view.sentenceOf[r.upperBound - 1] == view.sentenceOf[i],
                      r.allSatisfy({ view.isWord($0) }),
                      r.upperBound == view.count || !isNameLike(r.upperBound),
                      i == 0 || !isNameLike(i - 1),
                      case let key = spanKey(r), let v = votes[key] else { continue }
                var best = 0
                for t in 1..<4 where v[t] > v[best] { best = t }
                guard best < 3 else { continue }   // PER, ORG, LOC only
                let tokens = view.doc.tokens
                found = Mention(range: Int(tokens[i].start)..<Int(tokens[r.upperBound - 1].end), tokens: r,
                                type: Self.types[best], confidence: Self.carriedConfidence, origin: .tagger,
                                places: places[key] ?? [])
                break
            }
            if let m = found {
                added.append(m)
                i = m.tokens.upperBound
            } else {
                i += 1
            }
        }
        guard !added.isEmpty else { return }
        mentions += added
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words after a name that make it a person's: a speech verb or the office a person holds.
    private static let personWords = HashKeySet(["said", "says", "told", "administration", "campaign", "tweeted"]
        .map { NameKey.ofName($0).key })

    /// Words before a name that make it a place's ("people in Fort Pierce said", "the town of Chatelet told").
    private static let placePrepositions = HashKeySet(["in", "at", "from", "near", "to", "outside", "across", "of"]
        .map { NameKey.ofName($0).key })

    /// Whether the word after `m` (after its possessive `'s`, if any) is one of `personWords`, and
    /// the word before it is not a preposition of place.
    private func isFollowedByPersonWord(_ m: Mention) -> Bool {
        if m.tokens.lowerBound > 0, Self.placePrepositions.contains(view.keys[m.tokens.lowerBound - 1]) { return false }
        var i = m.tokens.upperBound
        if i < view.count, view.isPossessive(i) { i += 1 }
        return i < view.count && Self.personWords.contains(view.keys[i])
    }

    /// Whether `m` is two or three capitalised words (initials between them), the last in `personNames`,
    /// the first one that neither the article nor the language commonly writes in lower case, nor
    /// mostly the first word of a place or an organisation.
    private func isFullName(_ m: Mention, of personNames: HashKeySet) -> Bool {
        let r = m.tokens
        guard (2...3).contains(r.count), personNames.contains(view.keys[r.upperBound - 1]),
              view.shapes[r.lowerBound] == .capitalised, view.shapes[r.upperBound - 1] == .capitalised,
              r.allSatisfy({ view.shapes[$0] == .capitalised || view.shapes[$0] == .upper }) else { return false }
        let first = view.keys[r.lowerBound]
        guard !view.writtenLower.contains(first), !isMostlyLowercase(first) else { return false }
        // "Fort Pierce", "Apple Music": a first word that starts other names more than people's.
        guard let stats = gazetteer.stats(first) else { return true }
        return stats.location + stats.organization + stats.other <= stats.first + stats.person
    }

    /// Whether the language writes the word in lower case more often than as a name ("center",
    /// "county", "stop"): a person's name seldom ends or starts with one.
    private func isMostlyLowercase(_ key: UInt64) -> Bool {
        guard let stats = gazetteer.stats(key) else { return false }
        return stats.lower > stats.capitalised + stats.first + stats.person
    }

    /// A capitalised word: a name next to a carried span would make the span part of a longer name.
    private func isNameLike(_ i: Int) -> Bool {
        view.isWord(i) && (view.shapes[i] == .capitalised || view.shapes[i] == .upper)
    }

    private static let types: [EntityType] = [.person, .organization, .location, .other]

    private static func slot(_ type: EntityType) -> Int {
        switch type {
        case .person: return 0
        case .organization: return 1
        case .location: return 2
        case .other: return 3
        }
    }

    private func spanKey(_ r: Range<Int>) -> UInt64 {
        var h = NameKey.empty
        for i in r { h = NameKey.append(h, view.doc.scalars, view.doc.tokens[i].range, first: i == r.lowerBound) }
        return h
    }
}
