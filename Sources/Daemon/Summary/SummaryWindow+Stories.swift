extension SummaryWindow {
    /// One top story as the reports show it, with names resolved to their labels.
    struct StoryLine: Sendable {
        var id: String
        var headline: String?
        var articles: Int
        var sources: Int
        var first: Double
        var last: Double
        var people: [String]
        var places: [String]
    }

    /// The `n` biggest stories of the window with their three lead people and places.
    func topStories(_ n: Int) -> [StoryLine] {
        stories.top(n).map { s in
            func lead(_ counts: [String: Int]) -> [String] {
                counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { hasLabel($0.key) ? label($0.key) : s.names[$0.key] ?? $0.key }
            }
            return StoryLine(id: s.id, headline: s.headline, articles: s.articles, sources: s.sources.count,
                             first: s.first, last: s.last, people: lead(s.people), places: lead(s.places))
        }
    }
}
