import Extraction

/// One named thing as the summary counts it: its identity key, the name an article used, and for
/// places what the gazetteer says.
struct SummaryName: Sendable, Equatable {
    var key: String
    var name: String
    var place: PlaceFacts?
}

/// What the summary shows of a place besides its name.
struct PlaceFacts: Sendable, Equatable {
    var geonamesID: Int?
    var kind: String
    var country: String?

    init?(_ geo: GeoInfo?) {
        guard let geo else { return nil }
        geonamesID = geo.geonamesID
        kind = geo.kind.rawValue
        country = geo.country
    }
}

/// An acronym an article spelt out: "the Republican Party (GOP)" gives GOP → Republican Party.
struct AcronymPair: Sendable, Equatable {
    var acronym: String
    var expansion: String

    /// The pairs an organisation entity states: each all-capital alias of 2–6 letters of a
    /// multi-word name (the extractor grouped them, as in "the Republican Party (GOP)"), unless
    /// the alias is a word of the name ("CNN" of "CNN Headline News" names more than the show).
    static func stated(by entity: Entity) -> [AcronymPair] {
        guard entity.type == .organization else { return [] }
        let expansion = entity.key
        let words = EntityKey.normalisedName(entity.name, type: .organization).split(separator: " ")
        guard words.count > 1 else { return [] }
        return entity.aliases.compactMap { alias in
            let letters = alias.filter { $0 != "." }
            guard (2...6).contains(letters.count), letters.allSatisfy({ $0.isUppercase && $0.isLetter }),
                  !words.contains(Substring(letters.lowercased())) else { return nil }
            return AcronymPair(acronym: EntityKey.of(type: .organization, name: alias), expansion: expansion)
        }
    }
}
