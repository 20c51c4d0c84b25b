import Extraction
import Foundation

/// What the rolling summary keeps of one record.
struct SummaryEntry: Sendable {
    var at: Double
    var id: String
    var title: String?
    var inbox: String
    /// Where the article came from, as headlines show it and stories count sources: the site the
    /// page names (`site`), else the inbox.
    var source: String
    /// The article's own publication date or time, when it states one.
    var published: String?
    var words: Int
    /// Size of the input file.
    var bytes: Int
    var quotes: Int
    var people: [SummaryName]
    var organizations: [SummaryName]
    var places: [SummaryName]
    var speakers: [SummaryName]
    var keywords: [SummaryName]
    /// Acronyms the article spelt out.
    var acronyms: [AcronymPair]
    /// The article's tone score (positive minus negative per 100 words).
    var tone: Double
    /// The id of the first record of its story.
    var story: String?
    var processingMs: Double
    /// Drop-to-record latency; nil for records read back from disk.
    var latencyMs: Double?

    init(record: ArticleRecord) {
        let a = record.article
        at = Timestamp.parse(record.ingestedAt) ?? 0
        id = record.id
        title = a.title ?? a.summary.first.map { String($0.prefix(120)) }
        inbox = record.source.inbox
        source = a.site ?? record.source.inbox
        published = a.published
        words = a.stats.words
        bytes = record.source.bytes
        quotes = a.quotes.count
        func names(_ type: EntityType) -> [SummaryName] {
            a.entities.filter { $0.type == type }.map { SummaryName(key: $0.key, name: $0.name, place: PlaceFacts($0.geo)) }
        }
        people = names(.person)
        organizations = a.entities.filter { $0.type == .organization }.map { OrganizationAliases.summaryName($0.name, key: $0.key) }
        places = names(.location)
        let byID = Dictionary(a.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var speakerKeys = Set<String>()
        speakers = a.quotes.compactMap { q in
            guard let e = q.speakerEntity.flatMap({ byID[$0] }), speakerKeys.insert(e.key).inserted else { return nil }
            return SummaryName(key: e.key, name: e.name)
        }
        keywords = a.keywords.prefix(8).map { SummaryName(key: "term:" + EntityKey.words($0.term).joined(separator: " "), name: $0.term) }
        acronyms = a.entities.flatMap(AcronymPair.stated(by:))
        tone = a.tone.score
        story = record.story
        processingMs = record.processingMs
    }
}

extension SummaryEntry {
    /// The names the summary counts for this article in `category`: each key once, with the first
    /// name the article gave it. The rolling window and the fleet's `article_entities` rows both
    /// come from here.
    func countedNames(in category: SummaryWindow.Category) -> [SummaryName] {
        let all: [SummaryName]
        switch category {
        case .people: all = people
        case .organizations: all = organizations
        case .places: all = places
        case .speakers: all = speakers
        case .keywords: all = keywords
        }
        var seen = Set<String>()
        return all.filter { seen.insert($0.key).inserted }
    }
}

/// What the summary keeps of one failure.
struct SummaryError: Sendable {
    var at: Double
    var path: String
    var reason: String
    var detail: String
}
