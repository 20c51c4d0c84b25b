/// Groups mentions into one entity per real-world thing: "Putin" joins "Vladimir Putin", "U.S.",
/// "US" and "United States" are one place, "NATO" joins "North Atlantic Treaty Organization".
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

    /// Groups of `mentions`, `places[i]` being the resolved gazetteer entry of mention i.
    func group(_ mentions: inout [Mention], places: [Int32?]) -> [Group] {
        var groups: [Group] = []
        var byKey: [UInt64: Int] = [:]      // exact name (and type) → group
        var byPlace: [String: Int] = [:]    // resolved place → group
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
                for (g, group) in groups.enumerated() where group.type == .person && group.nameKeys.count > words.count {
                    if isPart(words, of: group.nameKeys), best == nil || group.first < i && group.first > groups[best!].first {
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
            if let p = places[i], m.type == .location || m.type == .other {
                let place = gazetteer.places[Int(p)]
                let pk = "\(m.type.rawValue):\(place.geonamesID.map(String.init) ?? place.name):\(place.country ?? "")"
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
            // The first words of an organisation's name join it ("Magna" after "Magna International Inc").
            if m.confidence < 0.7, m.type != .location || townName,
               let g = groups.firstIndex(where: { $0.type == .organization && $0.nameKeys.count > words.count
                   && $0.nameKeys.prefix(words.count).elementsEqual(words) }) {
                mentions[i].type = .organization
                groups[g].mentions.append(i)
                byKey[key] = g
                continue
            }
            // An acronym joins the organisation it abbreviates.
            if m.type == .organization, m.tokens.count == 1, view.shapes[m.tokens.lowerBound] == .upper,
               let g = groups.firstIndex(where: { $0.type == .organization && isAcronym(m.tokens.lowerBound, of: $0) }) {
                groups[g].mentions.append(i)
                byKey[key] = g
                continue
            }
            byKey[key] = groups.count
            groups.append(Group(type: m.type, mentions: [i], nameKeys: words, place: places[i], first: i,
                                initials: m.type == .organization ? initials(m.tokens) : []))
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

    private static let skipped = NameLexicon.keys("of and the for de & in on")

    private func initials(_ r: Range<Int>) -> [UInt32] {
        guard r.count >= 2 else { return [] }
        return r.compactMap { i -> UInt32? in
            guard view.isWord(i), !Self.skipped.contains(view.keys[i]) else { return nil }
            return NameKey.fold(view.doc.scalars[Int(view.doc.tokens[i].start)])
        }
    }

    /// Whether the capitals of token `t` are the initials of the group's name.
    private func isAcronym(_ t: Int, of group: Group) -> Bool {
        guard group.initials.count >= 2 else { return false }
        let token = view.doc.tokens[t]
        var letters: [UInt32] = []
        for i in token.range where CharacterClass.isLetter(view.doc.scalars[i]) {
            letters.append(NameKey.fold(view.doc.scalars[i]))
        }
        return letters == group.initials
    }
}
