import Foundation

/// Chooses which gazetteer entry an ambiguous place name means (Georgia the country or the US state,
/// Paris in France or in Texas), from the entry's kind and population and the article's other places.
struct PlaceResolver {
    let gazetteer: Gazetteer

    /// For each mention, the chosen entry among its `places`, or nil when it has none.
    func resolve(_ mentions: [Mention]) -> [Int32?] {
        // Countries the article surely talks about: mentions whose every reading is in one country.
        var context: [String: Int] = [:]
        for m in mentions where !m.places.isEmpty {
            var country: String?
            var unique = true
            for e in m.places {
                let c = gazetteer.places[Int(e)].country
                if country == nil { country = c } else if c != country { unique = false; break }
            }
            if unique, let c = country { context[c, default: 0] += 1 }
        }
        var cache: [[Int32]: Int32] = [:]
        return mentions.map { m -> Int32? in
            guard !m.places.isEmpty else { return nil }
            if m.places.count == 1 { return m.places[0] }
            if let hit = cache[m.places] { return hit }
            var best = m.places[0]
            var bestScore = -Double.infinity
            for e in m.places {
                let p = gazetteer.places[Int(e)]
                let s = score(p, context: p.country.map { context[$0] ?? 0 } ?? 0)
                if s > bestScore { bestScore = s; best = e }
            }
            // A state named like a big city of its own country is the city: New York, Washington.
            let chosen = gazetteer.places[Int(best)]
            if chosen.kind == .region, let city = m.places.first(where: {
                let p = gazetteer.places[Int($0)]
                return p.kind == .city && p.country == chosen.country && p.population >= 500_000
            }) {
                best = city
            }
            cache[m.places] = best
            return best
        }
    }

    /// Prior of a reading, raised when its country is otherwise mentioned.
    func score(_ p: Gazetteer.Place, context: Int) -> Double {
        let known = context > 0
        switch p.kind {
        case .country, .continent, .water:
            return 9 + (known ? 4 : 0)
        case .region:
            return (p.country == "US" ? 5.5 : 8) + 2 * Double(min(context, 3))
        case .city:
            return log10(Double(max(p.population, 1))) + (known ? 1.5 : 0)
        case .bloc, .demonym:
            return 0
        }
    }
}
