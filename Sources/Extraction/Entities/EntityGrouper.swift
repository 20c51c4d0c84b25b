/// Groups mentions into one entity per real-world thing: "Putin" joins "Vladimir Putin", "U.S.",
/// "US" and "United States" are one place, "NATO" joins "North Atlantic Treaty Organization", a
/// clipped form joins the name it clips ("Fed" joins "Federal Reserve").
struct EntityGrouper {
    let view: TokenView
    let gazetteer: Gazetteer

    /// An entity being built: its mentions (indices into the mention list) and what they share.
    struct Group {
        var type: EntityType
        var mentions: [Int]
        /// Keys of the words of the longest name, for matching partial names.
        var nameKeys: [UInt64]
        var place: Int32?
        var first: Int
        /// First letters of the name's main words ("NATO" for North Atlantic Treaty Organization).
        var initials: [UInt32] = []
    }

    /// At most this many organisations are compared with each clipped form (keeps grouping linear).
    static let clippedCandidates = 64

    /// Groups of `mentions`, `places[i]` being the resolved gazetteer entry of mention i.
    func group(_ mentions: inout [Mention], places: [Int32?]) -> [Group] {
        var groups: [Group] = []
        var byKey = HashKeyMap<Int>()      // exact name (and type) → group
        var byPlace: [Int: Int] = [:]       // resolved place → group
        // Indices that keep grouping linear: people by the first and last words of their names,
        // organisations by their first word and by their initials.
        var peopleByWord = HashKeyMap<[Int]>()
        var orgsByFirstWord = HashKeyMap<[Int]>()
        var orgsByInitials: [[UInt32]: Int] = [:]
        var longOrgs: [Int] = []            // organisations of two words or more, for clipped forms
        func register(_ g: Int) {
            let group = groups[g]
            guard let first = group.nameKeys.first, let last = group.nameKeys.last else { return }
            if group.type == .person {
                peopleByWord[last, default: []].append(g)
                if group.nameKeys.count > 1 { peopleByWord[first, default: []].append(g) }
            } else if group.type == .organization {
                if group.nameKeys.count > 1 { orgsByFirstWord[first, default: []].append(g) }
                if group.initials.count >= 2, orgsByInitials[group.initials] == nil { orgsByInitials[group.initials] = g }
                if group.nameKeys.count > 1, longOrgs.count < Self.clippedCandidates { longOrgs.append(g) }
            }
        }
        // Longest names first, so that a short form finds the full one it belongs to.
        let order = mentions.indices.sorted {
            let a = mentions[$0].tokens.count, b = mentions[$1].tokens.count
            return a != b ? a > b : $0 < $1
        }
        for i in order {
            var m = mentions[i]
            let words = m.tokens.filter { view.isWord($0) }.map { view.keys[$0] }
            let key = spanKey(m.tokens) ^ UInt64(m.type == .person ? 1 : 0)
            // A part of a person's name joins that person (the nearest one mentioned before); so does a
            // town's name that is a person's surname here ("Clinton" after "Bill Clinton").
            let townName = m.type == .location && places[i].map { gazetteer.places[Int($0)].kind == .city } == true
            if words.count < 3, m.type == .person || m.confidence < 0.7 || townName {
                var best: Int?
                var candidates = words.last.flatMap { peopleByWord[$0] } ?? []
                if words.count == 1, let more = peopleByWord[words[0]] { candidates += more }
                for g in candidates where groups[g].nameKeys.count > words.count {
                    let group = groups[g]
                    // The person with more full mentions, then the one first named.
                    if isPart(words, of: group.nameKeys),
                       best == nil || group.mentions.count > groups[best!].mentions.count {
                        best = g
                    }
                }
                if let g = best {
                    m.type = .person
                    mentions[i].type = .person
                    groups[g].mentions.append(i)
                    byKey[spanKey(m.tokens) ^ 1] = g
                    continue
                }
            }
            // The first words of an organisation's name join it ("Magna" after "Magna International Inc"),
            // but a people's name stays theirs ("Saudi officials" beside "Saudi Press Agency").
            let smallTown = townName && places[i].map { gazetteer.places[Int($0)].population < 100_000 } == true
            let demonym = m.places.contains { gazetteer.places[Int($0)].kind == .demonym }
            if (m.confidence < 0.7 && m.type != .location && !demonym) || smallTown,
               let first = words.first,
               let g = orgsByFirstWord[first]?.first(where: { groups[$0].nameKeys.count > words.count
                   && groups[$0].nameKeys.prefix(words.count).elementsEqual(words) }) {
                mentions[i].type = .organization
                groups[g].mentions.append(i)
                byKey[key] = g
                continue
            }
            if let p = places[i], m.type == .location || m.type == .other {
                let place = gazetteer.places[Int(p)]
                // Country aliases ("U.S.", "United States") share a GeoNames id; hand entries their row.
                let pk = (place.geonamesID ?? (1 << 40) + Int(p)) * 2 + (m.type == .other ? 1 : 0)
                if let g = byPlace[pk] {
                    groups[g].mentions.append(i)
                } else {
                    byPlace[pk] = groups.count
                    groups.append(Group(type: m.type, mentions: [i], nameKeys: words, place: p, first: i))
                }
                continue
            }
            if let g = byKey[key], groups[g].type == m.type {
                groups[g].mentions.append(i)
                continue
            }
            // An acronym joins the organisation it abbreviates.
            if m.type == .organization, m.tokens.count == 1, view.shapes[m.tokens.lowerBound] == .upper,
               let g = orgsByInitials[letters(m.tokens.lowerBound)] {
                groups[g].mentions.append(i)
                byKey[key] = g
                continue
            }
            // A clipped form joins the organisation whose first word it begins ("Fed", "Federal Reserve").
            if m.type == .organization || (m.type == .other && m.confidence < 0.7 && !demonym), m.tokens.count == 1,
               view.shapes[m.tokens.lowerBound] == .capitalised, let word = words.first, orgsByFirstWord[word] == nil,
               let g = longOrgs.first(where: { clips(m.tokens.lowerBound, mentions[groups[$0].first].tokens.lowerBound) }) {
                mentions[i].type = .organization
                groups[g].mentions.append(i)
                byKey[key] = g
                continue
            }
            byKey[key] = groups.count
            groups.append(Group(type: m.type, mentions: [i], nameKeys: words, place: places[i], first: i,
                                initials: m.type == .organization ? initials(m.tokens) : []))
            register(groups.count - 1)
        }
        for g in groups.indices {
            groups[g].mentions.sort()
            groups[g].first = groups[g].mentions[0]
        }
        return groups
    }

    private func spanKey(_ r: Range<Int>) -> UInt64 {
        var h = NameKey.empty
        for i in r { h = NameKey.append(h, view.doc.scalars, view.doc.tokens[i].range, first: i == r.lowerBound) }
        return h
    }

    /// Whether `words` is the last word(s) or the first word of `name`.
    private func isPart(_ words: [UInt64], of name: [UInt64]) -> Bool {
        guard !words.isEmpty else { return false }
        if name.suffix(words.count).elementsEqual(words) { return true }
        if words.count == 1, name.first == words[0] { return true }
        return false
    }

    /// Whether token `t` (three letters or more) is a strict beginning of token `word`.
    private func clips(_ t: Int, _ word: Int) -> Bool {
        let short = letters(t)
        guard short.count >= 3 else { return false }
        let first = view.doc.tokens[word]
        let scalars = view.doc.scalars
        guard first.range.count > short.count else { return false }
        for (k, i) in first.range.prefix(short.count).enumerated() where NameKey.fold(scalars[i]) != short[k] { return false }
        return true
    }

    private static let skipped = NameLexicon.keys("of and the for de & in on")

    private func initials(_ r: Range<Int>) -> [UInt32] {
        guard r.count >= 2 else { return [] }
        return r.compactMap { i -> UInt32? in
            guard view.isWord(i), !Self.skipped.contains(view.keys[i]) else { return nil }
            return NameKey.fold(view.doc.scalars[Int(view.doc.tokens[i].start)])
        }
    }

    /// The letters of token `t`, folded, to compare with organisations' initials ("NATO", "U.N.").
    private func letters(_ t: Int) -> [UInt32] {
        var letters: [UInt32] = []
        for i in view.doc.tokens[t].range where CharacterClass.isLetter(view.doc.scalars[i]) {
            letters.append(NameKey.fold(view.doc.scalars[i]))
        }
        return letters
    }
}
