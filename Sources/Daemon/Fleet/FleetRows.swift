import Crypto
import Extraction
import Foundation

/// The rows one batch of lines becomes, as the parallel arrays `FleetSchema.insertArticles`
/// unnests. Entities and acronyms come from `SummaryEntry(record:)`, the very function the local
/// rolling summary counts with, so that a fleet summary in SQL counts the same keys and names.
struct ArticleRows: Sendable {
    var id: [String] = []
    var ingestedAt: [String] = []
    var published: [String] = []
    var inbox: [String] = []
    var title: [String] = []
    var headline: [String] = []
    var language: [String] = []
    var story: [String] = []
    var site: [String] = []
    var source: [String] = []
    var words: [Int] = []
    var quotes: [Int] = []
    var bytes: [Int] = []
    var tone: [Double] = []
    var processingMs: [Double] = []
    var record: [String] = []

    var entityArticle: [String] = []
    var entityCategory: [String] = []
    var entityKey: [String] = []
    var entityName: [String] = []
    var entityTone: [Double] = []
    var entityGeonamesID: [Int] = []
    var entityPlaceKind: [String] = []
    var entityCountry: [String] = []

    var acronymArticle: [String] = []
    var acronym: [String] = []
    var acronymExpansion: [String] = []

    var count: Int { id.count }

    /// Adds the record read from `line` (the line as it stands in records.jsonl).
    mutating func append(_ record: ArticleRecord, line: ArraySlice<UInt8>) {
        let entry = SummaryEntry(record: record)
        let a = record.article
        id.append(FleetText.storable(record.id))
        ingestedAt.append(record.ingestedAt)
        published.append(FleetText.storable(a.published ?? ""))
        inbox.append(FleetText.storable(record.source.inbox))
        title.append(FleetText.storable(a.title ?? ""))
        headline.append(FleetText.storable(entry.title ?? ""))
        language.append(FleetText.storable(a.language))
        story.append(FleetText.storable(record.story ?? ""))
        site.append(FleetText.storable(a.site ?? ""))
        source.append(FleetText.storable(entry.source))
        words.append(entry.words)
        quotes.append(entry.quotes)
        bytes.append(entry.bytes)
        tone.append(entry.tone)
        processingMs.append(entry.processingMs)
        self.record.append(FleetText.jsonb(line))
        for category in SummaryWindow.Category.allCases {
            for name in entry.countedNames(in: category) {
                entityArticle.append(FleetText.storable(record.id))
                entityCategory.append(category.rawValue)
                entityKey.append(FleetText.storable(name.key))
                entityName.append(FleetText.storable(name.name))
                entityTone.append(entry.tone)
                entityGeonamesID.append(name.place?.geonamesID ?? 0)
                entityPlaceKind.append(FleetText.storable(name.place?.kind ?? ""))
                entityCountry.append(FleetText.storable(name.place?.country ?? ""))
            }
        }
        var pairs = Set<String>()
        for pair in entry.acronyms where pairs.insert(pair.acronym + "\u{1F}" + pair.expansion).inserted {
            acronymArticle.append(FleetText.storable(record.id))
            acronym.append(FleetText.storable(pair.acronym))
            acronymExpansion.append(FleetText.storable(pair.expansion))
        }
    }
}

/// The rows of a batch of errors.jsonl lines.
struct ErrorRows: Sendable {
    var id: [String] = []
    var at: [String] = []
    var inbox: [String] = []
    var path: [String] = []
    var reason: [String] = []
    var detail: [String] = []
    var contentID: [String] = []
    var movedTo: [String] = []
    var line: [String] = []

    var count: Int { id.count }

    /// Adds `error`, read from `bytes`; its id is the SHA-256 of the line, so a line shipped twice is one row.
    mutating func append(_ error: ErrorLine, line bytes: ArraySlice<UInt8>) {
        id.append(SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined())
        at.append(Timestamp.rfc3339(error.at))
        inbox.append(FleetText.storable(error.inbox))
        path.append(FleetText.storable(error.path))
        reason.append(error.reason.rawValue)
        detail.append(FleetText.storable(error.detail))
        contentID.append(error.id?.hex ?? "")
        movedTo.append(FleetText.storable(error.movedTo ?? ""))
        line.append(FleetText.jsonb(bytes))
    }
}

/// What PostgreSQL refuses in text and `jsonb` and a record may hold: NUL.
enum FleetText {
    /// `text` with NUL characters (which `text` columns refuse) replaced by U+FFFD.
    static func storable(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// A JSON line as `jsonb` input: the escape `\u0000`, which `jsonb` refuses, becomes `\ufffd`.
    /// Backslashes are walked pairwise, so an escaped backslash followed by `u0000` is left alone.
    static func jsonb(_ line: ArraySlice<UInt8>) -> String {
        let backslash = UInt8(ascii: "\\")
        guard line.contains(backslash) else { return String(decoding: line, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(line.count)
        let nul = Array("u0000".utf8)
        let replacement = Array("ufffd".utf8)
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            out.append(byte)
            i += 1
            guard byte == backslash, i < line.endIndex else { continue }
            if line.endIndex - i >= 5, line[i..<(i + 5)].elementsEqual(nul) {
                out.append(contentsOf: replacement)
                i += 5
            } else {
                out.append(line[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
