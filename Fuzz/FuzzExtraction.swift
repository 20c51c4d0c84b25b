// libFuzzer entry point over the extraction library's one entry point. Built by scripts/fuzz.sh,
// which compiles this file together with the Extraction and ExtractionData sources as one module.
import Foundation

nonisolated(unsafe) private var extractor: ArticleExtractor?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if extractor == nil {
        extractor = ArticleExtractor(resources: (try? BundledResources.load())
            ?? ExtractorResources(gazetteer: .empty, toneLexicon: .empty, tagger: nil))
    }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks the format, so that every reader is fuzzed.
    let formats: [ArticleFormat] = [.text, .markdown, .html, .json]
    let format = formats[Int(bytes.first ?? 0) % formats.count]
    let input = ArticleInput(bytes: Array(bytes.dropFirst()), format: format,
                             referenceDate: CivilDate(year: 2024, month: 5, day: 16))
    if case .success(let article) = extractor!.extract(input) {
        // Every span must lie inside the body text.
        let length = article.text.map { $0.unicodeScalars.count } ?? Int.max
        for e in article.entities { for m in e.mentions { precondition(m.start >= 0 && m.start <= m.end && m.end <= length) } }
        for q in article.quotes { precondition(q.start >= 0 && q.start <= q.end && q.end <= length) }
        // Dates from a page's metadata are RFC 3339 (a day at least) and never after the reference date.
        for d in [article.published, article.modified] {
            if let d { precondition(CivilDate(iso: d) != nil) }
        }
        if format == .html, let m = article.modified, let day = CivilDate(iso: m) { precondition(day <= CivilDate(year: 2024, month: 5, day: 16)) }
        _ = ArticleRecord(id: "", source: SourceInfo(path: "", inbox: "", name: "", bytes: size, modified: "", format: format,
                                                     encoding: article.encoding), ingestedAt: "", processingMs: 0, article: article).jsonLine()
    }
    return 0
}
