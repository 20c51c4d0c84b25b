/// The extraction library's one entry point: the bytes of an article in, the article's record out.
///
/// Pure and deterministic: no files, clocks or globals. The resources (gazetteer, lexicons, tagger
/// model) are loaded once by the caller and shared by every extraction; the reference date is an input.
public struct ArticleExtractor: Sendable {
    public let resources: ExtractorResources

    /// An extractor over `resources`.
    public init(resources: ExtractorResources) {
        self.resources = resources
    }

    /// Extracts one article, or says why its bytes cannot be one.
    public func extract(_ input: ArticleInput) -> Result<ExtractedArticle, ExtractionFailure> {
        var article = ExtractedArticle()
        let read: ReadArticle
        if input.format == .html {
            // A web page is read from its bytes: its own <meta> may name the encoding.
            switch HTMLReader.read(bytes: input.bytes, reference: input.referenceDate) {
            case .success(let page):
                read = page.article
                article.encoding = page.encoding
            case .failure(let f): return .failure(f)
            }
        } else {
            let decoded: DecodedText
            switch TextDecoder.decode(input.bytes) {
            case .success(let d): decoded = d
            case .failure(let f): return .failure(f)
            }
            article.encoding = decoded.encoding
            article.warnings = decoded.warnings
            read = ArticleReader.read(decoded.text, format: input.format)
        }
        article.warnings += read.warnings
        var scalars = Array(read.body.unicodeScalars)
        var body = read.body
        if scalars.count > input.options.maxBodyScalars {
            scalars.removeSubrange(input.options.maxBodyScalars...)
            body = String(scalars: scalars)
            article.warnings.append("text truncated to \(input.options.maxBodyScalars) code points")
        }
        if !scalars.contains(where: { !CharacterClass.isSpace($0) }) {
            return .failure(ExtractionFailure(.empty, "the file holds no text"))
        }

        let layout = LayoutAnalyzer.analyze(scalars: scalars, format: input.format, metadata: read)
        let doc = Document(text: body, scalars: scalars, layout: layout)
        article.title = read.title ?? layout.title
        article.byline = read.byline.isEmpty ? layout.byline : read.byline
        article.dateline = layout.dateline
        if let agency = read.agencies.first {
            article.dateline = Dateline(place: layout.dateline?.place, agency: layout.dateline?.agency ?? agency)
        }
        article.modified = read.modified
        article.url = read.url
        article.site = read.site
        article.stats = ArticleStats(
            words: doc.tokens.lazy.filter { $0.kind == .word || $0.kind == .number }.count,
            sentences: doc.sentences.count,
            paragraphs: layout.paragraphCount
        )
        if article.stats.words == 0 {
            return .failure(ExtractionFailure(.empty, "the file holds no words"))
        }
        article.sections = layout.blocks.filter { $0.kind == .heading }.map {
            Section(heading: doc.slice($0.range), start: $0.range.lowerBound, end: $0.range.upperBound)
        }
        article.text = input.options.includeText ? body : nil
        article.fingerprint = StoryFingerprint.hex(StoryFingerprint.of(doc))

        article.language = LanguageIdentifier.identify(doc, declared: read.declaredLanguage)
        let published = read.published ?? DateExtractor.publishedDate(in: doc)
        article.published = published
        let reference = published.flatMap(CivilDate.init(iso:)) ?? input.referenceDate
        article.dates = DateExtractor.extract(doc, reference: reference)
        article.amounts = AmountExtractor.extract(doc)

        guard article.language == "en" else {
            article.warnings.append("language '\(article.language)' is not supported by the English-only extractors: entities, quotes, keywords, summary and tone skipped")
            return .success(article)
        }
        let entities = EntityExtractor(resources: resources).extract(doc)
        article.entities = entities
        article.quotes = QuoteAttributor.attribute(doc, entities: entities, cues: resources.attributionCues,
                                                   model: resources.attributionModel)
        article.keywords = KeywordExtractor.extract(doc, entities: entities)
        article.summary = Summarizer.summarize(doc)
        article.tone = ToneScorer(lexicon: resources.toneLexicon).score(doc)
        return .success(article)
    }
}

/// The data the extractor needs, loaded once per process and shared read-only by all workers.
public struct ExtractorResources: Sendable {
    public var gazetteer: Gazetteer
    public var toneLexicon: ToneLexicon
    /// The trained entity tagger; nil runs the rule-based recogniser alone.
    public var tagger: EntityTagger?
    /// Learnt attribution cues (reporting verbs and noun cues); none by default.
    public var attributionCues: AttributionCues = .none
    /// The learnt attribution model (cues, contents, sources); nil leaves reported speech to the rules.
    public var attributionModel: AttributionModel?

    /// Resources for an extractor.
    public init(gazetteer: Gazetteer, toneLexicon: ToneLexicon, tagger: EntityTagger? = nil) {
        self.gazetteer = gazetteer
        self.toneLexicon = toneLexicon
        self.tagger = tagger
    }
}

extension CivilDate {
    /// The date at the start of an ISO 8601 string (`2024-05-16`, `2024-05-16T10:00:00Z`).
    public init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
