import Foundation

/// The rolling window of recent records and errors, kept as counts per time slot rather than as
/// the records themselves, so that its memory does not grow with the number of articles.
///
/// The window is cut into 240 slots (six minutes each for 24 hours). A slot holds its article,
/// word, quote and error counts and, per category, how many of its articles named each entity key
/// (and their summed tone); running sums over the live slots make a report cost the size of its
/// lists. A slot leaves the window once all of it is older than the window, so the window's edge
/// is exact to one slot.
///
/// A slot keeps at most `maxNamesPerSlot` keys per category. Past that it drops keys the way the
/// Misra–Gries heavy-hitters summary does (every count in the slot goes down by one and keys at
/// zero go), so a burst of a hundred thousand articles costs a few thousand keys; a key that
/// leads the top lists is counted exactly unless the slot overflowed, and then within the number
/// of such drops. Names shown for a key, place facts and acronyms seen are kept only for keys
/// that are still counted.
struct SummaryWindow: Sendable {
    enum Category: String, CaseIterable, Sendable {
        case people, organizations, places, speakers, keywords
    }

    /// One line of a top list: a key with the name to show and what the window knows of it.
    struct Item: Sendable, Equatable {
        var key: String
        var name: String
        var articles: Int
        /// Mean tone of the articles that name it.
        var tone: Double
        var place: PlaceFacts?
    }

    /// Articles naming a key, and their summed tone.
    struct Tally: Sendable, Equatable {
        var articles = 0
        var tone = 0.0

        mutating func add(_ other: Tally) {
            articles += other.articles
            tone += other.tone
        }
    }

    private struct Slot: Sendable {
        var articles = 0
        var words = 0
        var quotes = 0
        var errors = 0
        var names: [Category: [String: Tally]] = [:]
    }

    static let slotsPerWindow = 240
    static let maxNamesPerSlot = 1000
    /// Headlines and errors shown as "latest".
    static let latestCapacity = 15
    /// Surface names remembered per key (the most used one is shown).
    static let labelsPerKey = 4

    let windowSeconds: Double
    let slotSeconds: Double
    private var slots: [Int: Slot] = [:]
    private var counts: [Category: [String: Tally]] = [:]
    /// Key → the names articles used for it, with how often.
    private var labels: [String: [String: Int]] = [:]
    /// Place key → gazetteer facts.
    private var placeFacts: [String: PlaceFacts] = [:]
    /// Acronym key → expansion key → articles that spelt it out.
    private var acronyms: [String: [String: Int]] = [:]
    private(set) var articleCount = 0
    private(set) var errorCount = 0
    private(set) var words = 0
    private(set) var quotes = 0
    /// The window's stories.
    private(set) var stories = StoryTally()
    /// The newest records in the window, oldest first, at most `latestCapacity`.
    private(set) var latest: [SummaryEntry] = []
    /// The newest errors in the window, oldest first, at most `latestCapacity`.
    private(set) var latestErrors: [SummaryError] = []
    /// Recent drop-to-record latencies (ms), newest last, at most `latencyCapacity`.
    private(set) var latencies: [Double] = []
    private let latencyCapacity = 10_000
    /// Articles per ten-second tick over the last ten minutes, for the current rate.
    private var recentTicks: [Int: Int] = [:]

    init(windowSeconds: Double) {
        self.windowSeconds = windowSeconds
        slotSeconds = windowSeconds / Double(Self.slotsPerWindow)
    }

    private func slotIndex(_ at: Double) -> Int {
        Int((at / slotSeconds).rounded(.down))
    }

    mutating func add(_ entry: SummaryEntry) {
        let index = slotIndex(entry.at)
        var slot = slots[index] ?? Slot()
        slot.articles += 1
        slot.words += entry.words
        slot.quotes += entry.quotes
        articleCount += 1
        words += entry.words
        quotes += entry.quotes
        for category in Category.allCases {
            for name in entry.countedNames(in: category) {
                let tally = Tally(articles: 1, tone: entry.tone)
                slot.names[category, default: [:]][name.key, default: Tally()].add(tally)
                counts[category, default: [:]][name.key, default: Tally()].add(tally)
                remember(name)
            }
            if slot.names[category, default: [:]].count > Self.maxNamesPerSlot { thin(&slot, category) }
        }
        for pair in entry.acronyms where acronyms[pair.acronym]?[pair.expansion] != nil || acronyms[pair.acronym, default: [:]].count < Self.labelsPerKey {
            acronyms[pair.acronym, default: [:]][pair.expansion, default: 0] += 1
        }
        if labels.count > 8 * Self.maxNamesPerSlot * Category.allCases.count { forgetUncounted() }
        slots[index] = slot
        stories.add(entry)
        Self.insert(entry, into: &latest, at: \.at)
        let tick = Int((entry.at / 10).rounded(.down))
        recentTicks[tick, default: 0] += 1
        if recentTicks.count > 120 { recentTicks = recentTicks.filter { $0.key > tick - 60 } }
        if let latency = entry.latencyMs {
            latencies.append(latency)
            if latencies.count > latencyCapacity * 2 { latencies.removeFirst(latencies.count - latencyCapacity) }
        }
    }

    mutating func add(_ error: SummaryError) {
        slots[slotIndex(error.at), default: Slot()].errors += 1
        errorCount += 1
        Self.insert(error, into: &latestErrors, at: \.at)
    }

    /// Drops the slots that lie wholly before the window at `now`.
    mutating func expire(now: Double) {
        let cutoff = now - windowSeconds
        for (index, slot) in slots where Double(index + 1) * slotSeconds <= cutoff {
            articleCount -= slot.articles
            words -= slot.words
            quotes -= slot.quotes
            errorCount -= slot.errors
            for (category, names) in slot.names {
                for (name, tally) in names { decrement(category, name, by: tally) }
            }
            slots[index] = nil
        }
        latest.removeAll { $0.at < cutoff }
        latestErrors.removeAll { $0.at < cutoff }
        stories.expire(before: cutoff)
        forgetUncounted()
    }

    /// The `n` most frequent entities of a category by number of articles (ties by name), with
    /// keys merged as `SummaryAliases` says.
    func top(_ category: Category, _ n: Int) -> [Item] {
        let merged = merge(counts[category] ?? [:], category)
        return ranked(merged.map { item($0.key, $0.value) }, n)
    }

    /// Keys whose share of the articles since `since` is at least `ratio` times their share of the
    /// rest of the window, named by at least `minimumArticles` of the recent articles; strongest first.
    func rising(_ category: Category, since: Double, ratio: Double, minimumArticles: Int, _ n: Int) -> [(item: Item, recentShare: Double, earlierShare: Double)] {
        let first = slotIndex(since)
        var recent: [String: Tally] = [:]
        var recentArticles = 0
        for (index, slot) in slots where index >= first {
            recentArticles += slot.articles
            for (key, tally) in slot.names[category] ?? [:] { recent[key, default: Tally()].add(tally) }
        }
        let earlierArticles = articleCount - recentArticles
        guard recentArticles > 0, earlierArticles > 0 else { return [] }
        let all = merge(counts[category] ?? [:], category)
        let recentMerged = merge(recent, category)
        var found: [(item: Item, recentShare: Double, earlierShare: Double)] = []
        for (key, tally) in recentMerged where tally.articles >= minimumArticles {
            let earlier = (all[key]?.articles ?? tally.articles) - tally.articles
            let recentShare = Double(tally.articles) / Double(recentArticles)
            // One article of smoothing: a key never seen before rises against a share of 1/n, not 0.
            let earlierShare = Double(max(earlier, 0) + 1) / Double(earlierArticles + 1)
            if recentShare >= ratio * earlierShare { found.append((item(key, tally), recentShare, Double(max(earlier, 0)) / Double(earlierArticles))) }
        }
        return found.sorted {
            ($0.recentShare / max($0.earlierShare, 1e-9), $0.item.articles, $1.item.key) > ($1.recentShare / max($1.earlierShare, 1e-9), $1.item.articles, $0.item.key)
        }.prefix(n).map { $0 }
    }

    /// The name shown for `key`: the one its articles used most, ties by the longer.
    func label(_ key: String) -> String {
        guard let names = labels[key], let best = names.max(by: { ($0.value, $0.key.count, $1.key) < ($1.value, $1.key.count, $0.key) }) else { return key }
        return best.key
    }

    /// Whether the window still knows a name for `key`.
    func hasLabel(_ key: String) -> Bool { labels[key] != nil }

    /// Articles recorded at or after `time` within the last ten minutes (to ten seconds).
    func articles(since time: Double) -> Int {
        let first = Int((time / 10).rounded(.down))
        return recentTicks.reduce(0) { $0 + ($1.key >= first ? $1.value : 0) }
    }

    /// Articles per hour over the last `hours` hours before `now`, oldest first (to one slot).
    func articlesPerHour(now: Double, hours: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: hours)
        for (index, slot) in slots {
            let age = Int((now - Double(index) * slotSeconds) / 3600)
            if age >= 0 && age < hours { counts[hours - 1 - age] += slot.articles }
        }
        return counts
    }

    /// Latency percentile (0–100) over recent records, or nil without measurements.
    func latencyPercentile(_ p: Double) -> Double? {
        let recent = latencies.suffix(latencyCapacity)
        guard !recent.isEmpty else { return nil }
        let sorted = recent.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    private func item(_ key: String, _ tally: Tally) -> Item {
        Item(key: key, name: label(key), articles: tally.articles, tone: tally.articles > 0 ? tally.tone / Double(tally.articles) : 0,
             place: placeFacts[key])
    }

    private func ranked(_ items: [Item], _ n: Int) -> [Item] {
        Array(items.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : ($0.name, $0.key) < ($1.name, $1.key) }.prefix(n))
    }

    /// Tallies with every alias key added into the key it stands for.
    private func merge(_ tallies: [String: Tally], _ category: Category) -> [String: Tally] {
        let aliases = SummaryAliases.resolve(category: category, keys: counts[category] ?? [:], acronyms: acronyms)
        guard !aliases.isEmpty else { return tallies }
        var merged: [String: Tally] = [:]
        merged.reserveCapacity(tallies.count)
        for (key, tally) in tallies { merged[aliases[key] ?? key, default: Tally()].add(tally) }
        return merged
    }

    private mutating func remember(_ name: SummaryName) {
        if labels[name.key]?[name.name] != nil || labels[name.key, default: [:]].count < Self.labelsPerKey {
            labels[name.key, default: [:]][name.name, default: 0] += 1
        }
        if let place = name.place, placeFacts[name.key] == nil { placeFacts[name.key] = place }
    }

    /// Forgets names, place facts and acronyms of keys that no category counts any more.
    private mutating func forgetUncounted() {
        let counts = self.counts
        func counted(_ key: String) -> Bool { Category.allCases.contains { counts[$0]?[key] != nil } }
        labels = labels.filter { counted($0.key) }
        placeFacts = placeFacts.filter { counted($0.key) }
        acronyms = acronyms.filter { counted($0.key) }
    }

    /// One Misra–Gries step on a slot's keys of `category`: every count down by one.
    private mutating func thin(_ slot: inout Slot, _ category: Category) {
        guard let names = slot.names[category] else { return }
        var kept: [String: Tally] = [:]
        kept.reserveCapacity(names.count)
        for (name, tally) in names {
            let step = Tally(articles: 1, tone: tally.tone / Double(max(tally.articles, 1)))
            decrement(category, name, by: step)
            if tally.articles > 1 { kept[name] = Tally(articles: tally.articles - 1, tone: tally.tone - step.tone) }
        }
        slot.names[category] = kept
    }

    private mutating func decrement(_ category: Category, _ name: String, by tally: Tally) {
        guard var left = counts[category]?[name] else { return }
        left.articles -= tally.articles
        left.tone -= tally.tone
        counts[category]?[name] = left.articles > 0 ? left : nil
    }

    /// Inserts `item` in time order into `list`, keeping the newest `latestCapacity`.
    private static func insert<T>(_ item: T, into list: inout [T], at time: KeyPath<T, Double>) {
        let position = list.lastIndex { $0[keyPath: time] <= item[keyPath: time] }.map { $0 + 1 } ?? 0
        guard list.count < latestCapacity || position > 0 else { return }
        list.insert(item, at: position)
        if list.count > latestCapacity { list.removeFirst(list.count - latestCapacity) }
    }
}
