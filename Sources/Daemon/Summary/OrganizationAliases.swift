import Extraction

/// Other names of organisations that the summary counts under one name, whether or not an
/// article spells the two out together (an article that does, "the Republican Party (GOP)", is
/// enough on its own: see `SummaryAliases`).
///
/// Written by hand for newsd from the organisations' own names (facts, not a copied list); same
/// licence as the rest of newsd. Applied to each record before counting, so an article that names
/// both "GOP" and "Republican Party" counts once.
enum OrganizationAliases {
    /// Normalised name (`EntityKey.normalisedName`) → the name the summary counts it under.
    static let canonical: [String: String] = [
        "gop": "Republican Party",
        "grand old party": "Republican Party",
        "dnc": "Democratic National Committee",
        "rnc": "Republican National Committee",
        "fbi": "Federal Bureau of Investigation",
        "cia": "Central Intelligence Agency",
        "nsa": "National Security Agency",
        "un": "United Nations",
        "eu": "European Union",
        "nato": "North Atlantic Treaty Organization",
        "imf": "International Monetary Fund",
        "epa": "Environmental Protection Agency",
        "irs": "Internal Revenue Service",
        "doj": "Justice Department",
        "department of justice": "Justice Department",
        "nra": "National Rifle Association",
        "isis": "Islamic State",
        "isil": "Islamic State",
    ]

    /// How the summary counts an organisation called `name`: its own key and name, or the
    /// canonical ones.
    static func summaryName(_ name: String, key: String) -> SummaryName {
        guard let canonical = canonical[EntityKey.normalisedName(name, type: .organization)] else {
            return SummaryName(key: key, name: name)
        }
        return SummaryName(key: EntityKey.of(type: .organization, name: canonical), name: canonical)
    }
}
