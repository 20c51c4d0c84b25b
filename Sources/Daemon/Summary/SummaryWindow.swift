import Foundation

/// The rolling window of recent records and errors, with running counts so that a report costs
/// the size of its top lists, not the size of the window.
struct SummaryWindow: Sendable {
    enum Category: String, CaseIterable, Sendable {
        case people, organizations, places, speakers, keywords
    }

    let windowSeconds: Double
    private(set) var entries: [SummaryEntry] = []
    private var head = 0
    private(set) var errors: [SummaryError] = []
    private var errorHead = 0
    private var counts: [Category: [String: Int]] = [:]
    private(set) var words = 0
    private(set) var quotes = 0
    /// Recent drop-to-record latencies (ms), newest last, at most `latencyCapacity`.
    private(set) var latencies: [Double] = []
    private let latencyCapacity = 10_000

    init(windowSeconds: Double) {
        self.windowSeconds = windowSeconds
    }

    var articleCount: Int { entries.count - head }
    var errorCount: Int { errors.count - errorHead }
    var liveEntries: ArraySlice<SummaryEntry> { entries[head...] }
    var liveErrors: ArraySlice<SummaryError> { errors[errorHead...] }

    mutating func add(_ entry: SummaryEntry) {
        entries.append(entry)
        words += entry.words
        quotes += entry.quotes
        for category in Category.allCases {
            for name in Set(values(entry, category)) { counts[category, default: [:]][name, default: 0] += 1 }
        }
        if let latency = entry.latencyMs {
            latencies.append(latency)
            if latencies.count > latencyCapacity * 2 { latencies.removeFirst(latencies.count - latencyCapacity) }
        }
    }

    mutating func add(_ error: SummaryError) {
        errors.append(error)
    }

    /// Drops what is older than the window at `now`.
    mutating func expire(now: Double) {
        let cutoff = now - windowSeconds
        while head < entries.count, entries[head].at < cutoff {
            let entry = entries[head]
            words -= entry.words
            quotes -= entry.quotes
            for category in Category.allCases {
                for name in Set(values(entry, category)) {
                    let n = (counts[category]?[name] ?? 1) - 1
                    counts[category]?[name] = n > 0 ? n : nil
                }
            }
            head += 1
        }
        if head > 4096 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
        while errorHead < errors.count, errors[errorHead].at < cutoff { errorHead += 1 }
        if errorHead > 4096 && errorHead * 2 > errors.count {
            errors.removeFirst(errorHead)
            errorHead = 0
        }
    }

    /// The `n` most frequent names of a category, by number of articles, ties by name.
    func top(_ category: Category, _ n: Int) -> [(name: String, articles: Int)] {
        (counts[category] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(n).map { ($0.key, $0.value) }
    }

    /// Latency percentile (0–100) over recent records, or nil without measurements.
    func latencyPercentile(_ p: Double) -> Double? {
        let recent = latencies.suffix(latencyCapacity)
        guard !recent.isEmpty else { return nil }
        let sorted = recent.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(sorted.count - 1, max(0, rank))]
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
