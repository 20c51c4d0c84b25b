import Foundation

/// The rolling window of recent records and errors, kept as counts per time slot rather than as
/// the records themselves, so that its memory does not grow with the number of articles.
///
/// The window is cut into 240 slots (six minutes each for 24 hours). A slot holds its article,
/// word, quote and error counts and, per category, how many of its articles named each name;
/// running sums over the live slots make a report cost the size of its top lists. A slot leaves
/// the window once all of it is older than the window, so the window's edge is exact to one slot.
///
/// A slot keeps at most `maxNamesPerSlot` names per category. Past that it drops names the way the
/// Misra–Gries heavy-hitters summary does (every count in the slot goes down by one and names at
/// zero go), so a burst of a hundred thousand articles costs a few thousand names; a name that
/// leads the top lists is counted exactly unless the slot overflowed, and then within the number
/// of such drops.
struct SummaryWindow: Sendable {
    enum Category: String, CaseIterable, Sendable {
        case people, organizations, places, speakers, keywords
    }

    private struct Slot: Sendable {
        var articles = 0
        var words = 0
        var quotes = 0
        var errors = 0
        var names: [Category: [String: Int]] = [:]
    }

    static let slotsPerWindow = 240
    static let maxNamesPerSlot = 1000
    /// Headlines and errors shown as "latest".
    static let latestCapacity = 15

    let windowSeconds: Double
    let slotSeconds: Double
    private var slots: [Int: Slot] = [:]
    private var counts: [Category: [String: Int]] = [:]
    private(set) var articleCount = 0
    private(set) var errorCount = 0
    private(set) var words = 0
    private(set) var quotes = 0
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
            for name in Set(values(entry, category)) {
                slot.names[category, default: [:]][name, default: 0] += 1
                counts[category, default: [:]][name, default: 0] += 1
            }
            if slot.names[category, default: [:]].count > Self.maxNamesPerSlot { thin(&slot, category) }
        }
        slots[index] = slot
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
                for (name, n) in names { decrement(category, name, by: n) }
            }
            slots[index] = nil
        }
        latest.removeAll { $0.at < cutoff }
        latestErrors.removeAll { $0.at < cutoff }
    }

    /// The `n` most frequent names of a category, by number of articles, ties by name.
    func top(_ category: Category, _ n: Int) -> [(name: String, articles: Int)] {
        (counts[category] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(n).map { ($0.key, $0.value) }
    }

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

    /// One Misra–Gries step on a slot's names of `category`: every count down by one.
    private mutating func thin(_ slot: inout Slot, _ category: Category) {
        guard let names = slot.names[category] else { return }
        var kept: [String: Int] = [:]
        kept.reserveCapacity(names.count)
        for (name, n) in names {
            decrement(category, name, by: 1)
            if n > 1 { kept[name] = n - 1 }
        }
        slot.names[category] = kept
    }

    private mutating func decrement(_ category: Category, _ name: String, by n: Int) {
        let left = (counts[category]?[name] ?? n) - n
        counts[category]?[name] = left > 0 ? left : nil
    }

    /// Inserts `item` in time order into `list`, keeping the newest `latestCapacity`.
    private static func insert<T>(_ item: T, into list: inout [T], at time: KeyPath<T, Double>) {
        let position = list.lastIndex { $0[keyPath: time] <= item[keyPath: time] }.map { $0 + 1 } ?? 0
        guard list.count < latestCapacity || position > 0 else { return }
        list.insert(item, at: position)
        if list.count > latestCapacity { list.removeFirst(list.count - latestCapacity) }
    }

    private func values(_ entry: SummaryEntry, _ category: Category) -> [String] {
        switch category {
        case .people: return entry.people
        case .organizations: return entry.organizations
        case .places: return entry.places
        case .speakers: return entry.speakers
        case .keywords: return entry.keywords
        }
    }
}
