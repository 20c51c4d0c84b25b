import Extraction
import Foundation

/// What the rolling summary keeps of one record.
struct SummaryEntry: Sendable {
    var at: Double
    var id: String
    var title: String?
    var inbox: String
    var words: Int
    /// Size of the input file.
    var bytes: Int
    var quotes: Int
    var people: [String]
    var organizations: [String]
    var places: [String]
    var speakers: [String]
    var keywords: [String]
    var processingMs: Double
    /// Drop-to-record latency; nil for records read back from disk.
    var latencyMs: Double?

    init(record: ArticleRecord) {
        let a = record.article
        at = Timestamp.parse(record.ingestedAt) ?? 0
        id = record.id
        title = a.title ?? a.summary.first.map { String($0.prefix(120)) }
        inbox = record.source.inbox
        words = a.stats.words
        bytes = record.source.bytes
        quotes = a.quotes.count
        people = Self.names(a.entities, .person)
        organizations = Self.names(a.entities, .organization)
        places = a.entities.filter { $0.type == .location }.map { e in
            e.geo?.country.map { "\(e.name) (\($0))" } ?? e.name
        }
        speakers = Array(Set(a.quotes.compactMap { $0.speakerEntity != nil ? $0.speaker : nil }))
        keywords = a.keywords.prefix(8).map(\.term)
        processingMs = record.processingMs
    }

    /// Reads back an entry from a parsed records.jsonl line.
    init?(json: [String: Any]) {
        guard let ingested = json["ingested_at"] as? String, let at = Timestamp.parse(ingested),
              let id = json["id"] as? String else { return nil }
        self.at = at
        self.id = id
        title = json["title"] as? String
        inbox = (json["source"] as? [String: Any])?["inbox"] as? String ?? ""
        words = (json["stats"] as? [String: Any])?["words"] as? Int ?? 0
        bytes = (json["source"] as? [String: Any])?["bytes"] as? Int ?? 0
        let quoteList = json["quotes"] as? [[String: Any]] ?? []
        quotes = quoteList.count
        let entities = json["entities"] as? [[String: Any]] ?? []
        func names(_ type: String) -> [String] {
            entities.filter { $0["type"] as? String == type }.compactMap { $0["name"] as? String }
        }
        people = names("person")
        organizations = names("organization")
        places = entities.filter { $0["type"] as? String == "location" }.compactMap { e in
            guard let name = e["name"] as? String else { return nil }
            if let country = (e["geo"] as? [String: Any])?["country"] as? String { return "\(name) (\(country))" }
            return name
        }
        speakers = Array(Set(quoteList.compactMap { q in q["speaker_entity"] is String ? q["speaker"] as? String : nil }))
        keywords = (json["keywords"] as? [[String: Any]] ?? []).prefix(8).compactMap { $0["term"] as? String }
        processingMs = json["processing_ms"] as? Double ?? 0
        latencyMs = nil
    }

    private static func names(_ entities: [Entity], _ type: EntityType) -> [String] {
        entities.filter { $0.type == type }.map(\.name)
    }
}

/// What the summary keeps of one failure.
struct SummaryError: Sendable {
    var at: Double
    var path: String
    var reason: String
    var detail: String
}
