/// Which keys of the window stand for another key, decided over the whole window at report time.
///
/// - A one-word person key joins the only multi-word person key of the window that ends with
///   that word ("Obama" → "Barack Obama"); with two or more such names ("Hillary Clinton", "Bill
///   Clinton") it stays apart. A full name counts as there when it has at least a tenth of the
///   articles of the most named one, so one mention of "Michelle Obama" does not keep "Obama"
///   from "Barack Obama".
/// - An organisation acronym joins the expansion articles spelt out with it most often ("the
///   Republican Party (GOP)") when that expansion is in the window. (Names that always mean one
///   organisation, such as "GOP", are folded earlier, per record: `OrganizationAliases`.)
enum SummaryAliases {
    /// Alias key → the key it joins, for the keys counted in `category`.
    static func resolve(category: SummaryWindow.Category, keys: [String: SummaryWindow.Tally],
                        acronyms: [String: [String: Int]]) -> [String: String] {
        switch category {
        case .people, .speakers: return shortNames(keys)
        case .organizations: return acronymExpansions(keys, acronyms)
        case .places, .keywords: return [:]
        }
    }

    /// A full name with fewer than 1/`presenceDivisor` of the leading full name's articles does not
    /// make a short name ambiguous.
    static let presenceDivisor = 10

    private static func shortNames(_ keys: [String: SummaryWindow.Tally]) -> [String: String] {
        let prefix = "person:"
        var fullNamesByLastWord: [Substring: [String]] = [:]
        for key in keys.keys where key.hasPrefix(prefix) {
            let name = key.dropFirst(prefix.count)
            guard let space = name.lastIndex(of: " ") else { continue }
            fullNamesByLastWord[name[name.index(after: space)...], default: []].append(key)
        }
        var aliases: [String: String] = [:]
        for key in keys.keys where key.hasPrefix(prefix) {
            let name = key.dropFirst(prefix.count)
            guard !name.contains(" "), let candidates = fullNamesByLastWord[name],
                  let leader = candidates.max(by: { (keys[$0]?.articles ?? 0, $1) < (keys[$1]?.articles ?? 0, $0) }) else { continue }
            let leading = keys[leader]?.articles ?? 0
            let present = candidates.filter { (keys[$0]?.articles ?? 0) * presenceDivisor >= leading }
            if present.count == 1 { aliases[key] = leader }
        }
        return aliases
    }

    private static func acronymExpansions(_ keys: [String: SummaryWindow.Tally], _ acronyms: [String: [String: Int]]) -> [String: String] {
        let prefix = "organization:"
        var aliases: [String: String] = [:]
        for key in keys.keys where key.hasPrefix(prefix) {
            let stated = (acronyms[key] ?? [:]).filter { keys[$0.key] != nil && $0.key != key }
            if let best = stated.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { aliases[key] = best.key }
        }
        return aliases
    }
}
