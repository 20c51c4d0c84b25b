/// The article record of `shared/docs/RECORD.md`, version 1: one line of `records.jsonl`.
///
/// Every field is always written; a field without a value is `null` or `[]`.
public struct ArticleRecord: Sendable, Equatable {
    /// The schema tag written in every record.
    public static let schema = "newsd.article/1"

    public var id: String
    public var source: SourceInfo
    public var ingestedAt: String
    public var processingMs: Double
    public var article: ExtractedArticle
    /// The id of the first record of this record's story in the window (its own id when it starts
    /// one); set by the daemon at ingest, nil where there is no window (`newsd extract`).
    public var story: String?

    /// Assembles a record from what the extractor found and what the caller knows about the file.
    public init(id: String, source: SourceInfo, ingestedAt: String, processingMs: Double, article: ExtractedArticle) {
        self.id = id
        self.source = source
        self.ingestedAt = ingestedAt
        self.processingMs = processingMs
        self.article = article
    }
}

/// Where a record's input came from, as it was when it was read.
public struct SourceInfo: Sendable, Equatable {
    public var path: String
    public var inbox: String
    public var name: String
    public var bytes: Int
    /// RFC 3339, UTC.
    public var modified: String
    public var format: ArticleFormat
    public var encoding: TextEncoding

    /// Describes one input file.
    public init(path: String, inbox: String, name: String, bytes: Int, modified: String, format: ArticleFormat, encoding: TextEncoding) {
        self.path = path
        self.inbox = inbox
        self.name = name
        self.bytes = bytes
        self.modified = modified
        self.format = format
        self.encoding = encoding
    }
}

/// The input formats newsd reads, chosen by file extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json

    /// The format for a file name's extension, or nil when newsd does not read such files.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "json": self = .json
        default: return nil
        }
    }
}

/// The text encodings the decoder recognises.
public enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
}

/// Everything the extraction library finds in one article: the record minus file and timing facts.
public struct ExtractedArticle: Sendable, Equatable {
    public var encoding: TextEncoding = .utf8
    public var language: String = "en"
    public var title: String?
    public var byline: [String] = []
    public var published: String?
    /// RFC 3339 date or date-time of the article's last update, from its metadata (web pages).
    public var modified: String?
    /// The article's canonical URL, as the page gives it.
    public var url: String?
    /// The publisher's name, as the page gives it.
    public var site: String?
    public var dateline: Dateline?
    public var stats = ArticleStats()
    public var sections: [Section] = []
    public var summary: [String] = []
    public var keywords: [Keyword] = []
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    public var dates: [DateMention] = []
    public var amounts: [Amount] = []
    public var tone = Tone()
    /// The body text all offsets point into; nil when the caller asked for it to be left out.
    public var text: String?
    public var warnings: [String] = []
    /// SimHash of the body's word 3-shingles, 16 hex digits (`StoryFingerprint`).
    public var fingerprint: String?

    /// An empty article, filled in stage by stage.
    public init() {}
}

/// A half-open range of Unicode code points in the body text, with the text it covers.
public struct TextSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    /// A span of `text` at code points `start..<end`.
    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// `Washington (AFP) –`: where the story was filed, and by which agency.
public struct Dateline: Sendable, Equatable {
    public var place: String?
    public var agency: String?

    /// A dateline with an optional place and agency.
    public init(place: String?, agency: String?) {
        self.place = place
        self.agency = agency
    }
}

/// Counts over the article's body, page furniture excluded.
public struct ArticleStats: Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var paragraphs = 0

    /// Counts of words, sentences and paragraphs.
    public init(words: Int = 0, sentences: Int = 0, paragraphs: Int = 0) {
        self.words = words
        self.sentences = sentences
        self.paragraphs = paragraphs
    }
}

/// A sub-heading and the code-point range it covers.
public struct Section: Sendable, Equatable {
    public var heading: String
    public var start: Int
    public var end: Int

    /// A sub-heading at `start..<end`.
    public init(heading: String, start: Int, end: Int) {
        self.heading = heading
        self.start = start
        self.end = end
    }
}

/// A key phrase and its importance (higher is more important).
public struct Keyword: Sendable, Equatable {
    public var term: String
    public var score: Double

    /// A scored key phrase.
    public init(term: String, score: Double) {
        self.term = term
        self.score = score
    }
}

/// The kinds of entity in a record.
public enum EntityType: String, Sendable, CaseIterable {
    case person, organization, location, other
}

/// One real-world entity with every mention of it in the article.
public struct Entity: Sendable, Equatable {
    public var id: String
    public var type: EntityType
    public var name: String
    public var aliases: [String]
    public var roles: [String]
    public var mentions: [TextSpan]
    public var salience: Double
    public var geo: GeoInfo?

    /// An entity; `id` is `e1`, `e2`, … within a record.
    public init(id: String, type: EntityType, name: String, aliases: [String] = [], roles: [String] = [],
                mentions: [TextSpan], salience: Double = 0, geo: GeoInfo? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentions = mentions
        self.salience = salience
        self.geo = geo
    }
}

/// Where a location is: its country, kind and coordinates.
public struct GeoInfo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case country, region, city, continent, water
    }

    /// ISO 3166-1 alpha-2; nil for places that belong to no single country (seas, continents).
    public var country: String?
    public var kind: Kind
    public var latitude: Double?
    public var longitude: Double?
    public var geonamesID: Int?

    /// A geographic annotation for a location entity.
    public init(country: String?, kind: Kind, latitude: Double?, longitude: Double?, geonamesID: Int?) {
        self.country = country
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
        self.geonamesID = geonamesID
    }
}

/// A quotation and who said it.
public struct Quote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case direct, indirect
        /// A reported clause that holds quoted words: `He said the plan was “a disaster.”`
        case mixed
    }

    public var kind: Kind
    public var text: String
    public var start: Int
    public var end: Int
    public var speaker: String?
    public var speakerEntity: String?
    public var speakerMention: TextSpan?
    public var cue: String?
    /// Where `cue` stands in the article.
    public var cueMention: TextSpan?

    /// A quote of `text` at `start..<end`, attributed to `speaker` when known.
    public init(kind: Kind, text: String, start: Int, end: Int, speaker: String? = nil,
                speakerEntity: String? = nil, speakerMention: TextSpan? = nil, cue: String? = nil,
                cueMention: TextSpan? = nil) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.speakerMention = speakerMention
        self.cue = cue
        self.cueMention = cueMention
    }
}

/// A date expression, resolved to an ISO 8601 value.
public struct DateMention: Sendable, Equatable {
    public enum Resolution: String, Sendable {
        case year, month, day
    }

    public var text: String
    public var start: Int
    public var end: Int
    /// `2022-02`, `2019-10-03`, `2023`.
    public var value: String
    public var resolution: Resolution
    public var relative: Bool

    /// A date mention at `start..<end`.
    public init(text: String, start: Int, end: Int, value: String, resolution: Resolution, relative: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.resolution = resolution
        self.relative = relative
    }
}

/// A sum of money, a percentage or a counted quantity.
public struct Amount: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case money, percent, quantity
    }

    public var text: String
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// `$240 billion` is 240000000000.
    public var value: Double
    /// ISO 4217 for money, `%` for percentages, the counted noun for quantities.
    public var unit: String?

    /// An amount at `start..<end`.
    public init(text: String, start: Int, end: Int, kind: Kind, value: Double, unit: String?) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.unit = unit
    }
}

/// GDELT-style tone: scores per 100 words.
public struct Tone: Sendable, Equatable {
    /// Positive minus negative.
    public var score: Double = 0
    public var positive: Double = 0
    public var negative: Double = 0
    /// Positive plus negative: how emotionally charged the text is.
    public var polarity: Double = 0

    /// A tone with all scores per 100 words.
    public init(score: Double = 0, positive: Double = 0, negative: Double = 0, polarity: Double = 0) {
        self.score = score
        self.positive = positive
        self.negative = negative
        self.polarity = polarity
    }
}
