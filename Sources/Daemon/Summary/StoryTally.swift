/// The stories of the summary's window: per story, its articles, sources, first and last time,
/// a headline and its lead people and places.
///
/// At most `capacity` stories are kept: past twice that, the smallest and stalest go. A story
/// leaves when its newest article leaves the window; its counts cover its articles since it
/// entered the window (a story older than the window keeps counting its oldest articles until then).
struct StoryTally: Sendable {
    /// One story as the summary shows it.
    struct Story: Sendable {
        var id: String
        var headline: String?
        var headlineAt: Double
        var headlineIsFirst = false
        var articles = 0
        var sources: Set<String> = []
        var first: Double
        var last: Double
        var people: [String: Int] = [:]
        var places: [String: Int] = [:]
        /// The names of its people and places (the window may have thinned their keys away).
        var names: [String: String] = [:]
    }

    static let capacity = 2_000
    /// Sources, people and places remembered per story at most.
    static let detailCapacity = 32

    private(set) var stories: [String: Story] = [:]

    mutating func add(_ entry: SummaryEntry) {
        guard let id = entry.story else { return }
        var story = stories[id] ?? Story(id: id, headline: nil, headlineAt: entry.at, first: entry.at, last: entry.at)
        story.articles += 1
        if story.sources.count < Self.detailCapacity { story.sources.insert(entry.source) }
        story.first = min(story.first, entry.at)
        story.last = max(story.last, entry.at)
        // The headline of the story's first article represents it (the one the others joined).
        let isFirst = entry.id == id
        if entry.title != nil, isFirst || !story.headlineIsFirst && (story.headline == nil || entry.at < story.headlineAt) {
            story.headline = entry.title
            story.headlineAt = entry.at
            story.headlineIsFirst = isFirst
        }
        for p in entry.people.prefix(4) where story.people[p.key] != nil || story.people.count < Self.detailCapacity {
            story.people[p.key, default: 0] += 1
            if story.names[p.key] == nil { story.names[p.key] = p.name }
        }
        for p in entry.places.prefix(4) where story.places[p.key] != nil || story.places.count < Self.detailCapacity {
            story.places[p.key, default: 0] += 1
            if story.names[p.key] == nil { story.names[p.key] = p.name }
        }
        stories[id] = story
        if stories.count > 2 * Self.capacity { shrink() }
    }

    /// Drops the stories whose newest article is older than `cutoff`.
    mutating func expire(before cutoff: Double) {
        stories = stories.filter { $0.value.last >= cutoff }
    }

    /// The `n` biggest stories: most articles, then most sources, then newest.
    func top(_ n: Int) -> [Story] {
        stories.values.sorted {
            ($0.articles, $0.sources.count, $0.last, $1.id) > ($1.articles, $1.sources.count, $1.last, $0.id)
        }.prefix(n).map { $0 }
    }

    private mutating func shrink() {
        let kept = top(Self.capacity)
        stories = Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0) })
    }
}
