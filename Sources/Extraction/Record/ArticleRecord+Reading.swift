import Foundation

/// Why a line of `records.jsonl` is not an article record.
public struct RecordReadError: Error, Sendable, Equatable {
    /// What was wrong, for a log line.
    public var detail: String
}

extension ArticleRecord {
    /// Reads back a line that `jsonLine()` wrote (the reverse of `write(to:)`).
    ///
    /// Fields this version does not know are ignored, so records from a newer writer still read;
    /// a field that is missing or has the wrong type takes its empty value, except `id`, `source`
    /// and `ingested_at`, without which there is no record.
    public init(jsonLine: some Collection<UInt8>) throws(RecordReadError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonLine)) as? [String: Any] else {
            throw RecordReadError(detail: "not a JSON object")
        }
        try self.init(json: JSONObject(object))
    }

    init(json o: JSONObject) throws(RecordReadError) {
        guard o.string("schema") == Self.schema else { throw RecordReadError(detail: "schema is not \(Self.schema)") }
        guard let id = o.string("id"), let ingestedAt = o.string("ingested_at"), let s = o.object("source") else {
            throw RecordReadError(detail: "id, source or ingested_at missing")
        }
        let source = SourceInfo(path: s.string("path") ?? "", inbox: s.string("inbox") ?? "", name: s.string("name") ?? "",
                                bytes: s.int("bytes") ?? 0, modified: s.string("modified") ?? "",
                                format: s.string("format").flatMap(ArticleFormat.init(rawValue:)) ?? .text,
                                encoding: s.string("encoding").flatMap(TextEncoding.init(rawValue:)) ?? .utf8)
        var a = ExtractedArticle()
        a.encoding = source.encoding
        a.language = o.string("language") ?? "en"
        a.title = o.string("title")
        a.byline = o.strings("byline")
        a.published = o.string("published")
        a.modified = o.string("modified")
        a.url = o.string("url")
        a.site = o.string("site")
        a.dateline = o.object("dateline").map { Dateline(place: $0.string("place"), agency: $0.string("agency")) }
        let stats = o.object("stats")
        a.stats = ArticleStats(words: stats?.int("words") ?? 0, sentences: stats?.int("sentences") ?? 0,
                               paragraphs: stats?.int("paragraphs") ?? 0)
        a.sections = o.objects("sections").map { Section(heading: $0.string("heading") ?? "", start: $0.int("start") ?? 0, end: $0.int("end") ?? 0) }
        a.summary = o.strings("summary")
        a.keywords = o.objects("keywords").compactMap { k in k.string("term").map { Keyword(term: $0, score: k.double("score") ?? 0) } }
        a.entities = o.objects("entities").compactMap(Entity.init(json:))
        a.quotes = o.objects("quotes").compactMap(Quote.init(json:))
        a.dates = o.objects("dates").compactMap { d in
            guard let value = d.string("value"), let resolution = d.string("resolution").flatMap(DateMention.Resolution.init(rawValue:)) else { return nil }
            return DateMention(text: d.string("text") ?? "", start: d.int("start") ?? 0, end: d.int("end") ?? 0, value: value,
                               resolution: resolution, relative: d.bool("relative") ?? false)
        }
        a.amounts = o.objects("amounts").compactMap { m in
            guard let kind = m.string("kind").flatMap(Amount.Kind.init(rawValue:)) else { return nil }
            return Amount(text: m.string("text") ?? "", start: m.int("start") ?? 0, end: m.int("end") ?? 0, kind: kind,
                          value: m.double("value") ?? 0, unit: m.string("unit"))
        }
        let tone = o.object("tone")
        a.tone = Tone(score: tone?.double("score") ?? 0, positive: tone?.double("positive") ?? 0,
                      negative: tone?.double("negative") ?? 0, polarity: tone?.double("polarity") ?? 0)
        a.text = o.string("text")
        a.warnings = o.strings("warnings")
        a.fingerprint = o.string("fingerprint")
        self.init(id: id, source: source, ingestedAt: ingestedAt, processingMs: o.double("processing_ms") ?? 0, article: a)
        story = o.string("story")
    }
}

extension TextSpan {
    init?(json o: JSONObject) {
        guard let start = o.int("start"), let end = o.int("end") else { return nil }
        self.init(start: start, end: end, text: o.string("text") ?? "")
    }
}

extension Entity {
    init?(json o: JSONObject) {
        guard let id = o.string("id"), let name = o.string("name"),
              let type = o.string("type").flatMap(EntityType.init(rawValue:)) else { return nil }
        let geo = o.object("geo").flatMap { g in
            g.string("kind").flatMap(GeoInfo.Kind.init(rawValue:)).map {
                GeoInfo(country: g.string("country"), kind: $0, latitude: g.double("latitude"), longitude: g.double("longitude"),
                        geonamesID: g.int("geonames_id"))
            }
        }
        self.init(id: id, type: type, name: name, aliases: o.strings("aliases"), roles: o.strings("roles"),
                  mentions: o.objects("mentions").compactMap(TextSpan.init(json:)), salience: o.double("salience") ?? 0, geo: geo)
    }
}

extension Quote {
    init?(json o: JSONObject) {
        guard let kind = o.string("kind").flatMap(Quote.Kind.init(rawValue:)) else { return nil }
        self.init(kind: kind, text: o.string("text") ?? "", start: o.int("start") ?? 0, end: o.int("end") ?? 0,
                  speaker: o.string("speaker"), speakerEntity: o.string("speaker_entity"),
                  speakerMention: o.object("speaker_mention").flatMap(TextSpan.init(json:)), cue: o.string("cue"),
                  cueMention: o.object("cue_mention").flatMap(TextSpan.init(json:)))
    }
}

/// Typed access to one object that `JSONSerialization` parsed; a wrong type reads as absent.
struct JSONObject {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func string(_ key: String) -> String? { fields[key] as? String }
    func bool(_ key: String) -> Bool? { (fields[key] as? NSNumber).map(\.boolValue) }
    func double(_ key: String) -> Double? {
        (fields[key] as? NSNumber)?.doubleValue
    }
    func int(_ key: String) -> Int? {
        guard let d = double(key), d.isFinite, d == d.rounded(), abs(d) < 9e15 else { return nil }
        return Int(d)
    }
    func object(_ key: String) -> JSONObject? { (fields[key] as? [String: Any]).map(JSONObject.init) }
    func objects(_ key: String) -> [JSONObject] { (fields[key] as? [[String: Any]] ?? []).map(JSONObject.init) }
    func strings(_ key: String) -> [String] { (fields[key] as? [Any] ?? []).compactMap { $0 as? String } }
}
