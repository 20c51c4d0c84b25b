/// Reads a web page: its bytes decoded as a browser would (`HTMLEncoding`), parsed (`HTMLParser`),
/// cut into paragraphs (`HTMLParagraphs`), the article found among them (`HTMLMainContent`), and
/// what the page declares about it (`HTMLArticleMetadata`).
enum HTMLReader {
    /// The article in a page's bytes, with the encoding the page was read in.
    /// Dates after `reference` (the file's time) are not taken.
    static func read(bytes: [UInt8], reference: CivilDate?) -> Result<(article: ReadArticle, encoding: TextEncoding), ExtractionFailure> {
        switch HTMLEncoding.utf8(bytes) {
        case .failure(let f): return .failure(f)
        case .success(let decoded):
            var article = read(utf8: decoded.bytes, reference: reference)
            article.warnings = decoded.warnings + article.warnings
            return .success((article, decoded.encoding))
        }
    }

    /// The article in decoded page text (an HTML body inside JSON, a test's page).
    static func read(_ text: String) -> ReadArticle {
        read(utf8: Array(text.utf8), reference: nil)
    }

    /// The article in a page's UTF-8 bytes.
    static func read(utf8: [UInt8], reference: CivilDate?) -> ReadArticle {
        let page = HTMLParser.parse(utf8)
        let paragraphs = HTMLParagraphs(page)
        let content = HTMLMainContent(page: page, paragraphs: paragraphs)
        var warnings: [String] = []
        let span = (content.chosen.first?.event ?? Int32.max)...(content.chosen.last?.event ?? Int32.max)
        let metadata = HTMLArticleMetadata(page: page, paragraphs: paragraphs, content: span, warnings: &warnings)
        var builder = BodyBuilder()
        var titleDropped = false
        for p in content.chosen {
            let text = String(decoding: p.text, as: UTF8.self)
            // The headline is the record's title, not the body's first line.
            if p.kind == .title || !titleDropped && builder.scalars.isEmpty && p.kind == .heading && text == metadata.title {
                titleDropped = true
                continue
            }
            builder.addCollapsing(text.unicodeScalars, kind: p.kind == .heading ? .heading : .paragraph)
        }
        if let declared = metadata.declaredBody, HTMLReader.prefersDeclared(declared, over: builder.scalars.count) {
            builder = BodyBuilder()
            for line in declared.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                builder.addCollapsing(line.unicodeScalars, kind: .paragraph)
            }
        }
        // The original date over an update; never a date after the file's time.
        let published = metadata.publishedCandidates.first { reference == nil || $0.day <= reference! }
        let modified = metadata.modifiedCandidates.first {
            (reference == nil || $0.day <= reference!) && (published == nil || published!.day <= $0.day)
        }
        var article = ReadArticle(body: builder.text, title: metadata.title, byline: metadata.authors,
                                  published: published?.rfc3339, url: metadata.url, warnings: warnings, blocks: builder.blocks)
        article.modified = modified?.rfc3339
        article.site = metadata.site
        article.agencies = metadata.agencies
        article.declaredLanguage = metadata.language
        return article
    }

    /// Whether the page's declared `articleBody` replaces the body read from the page: when the page
    /// gave much less text (a script-rendered page, a teaser).
    static func prefersDeclared(_ declared: String, over pageScalars: Int) -> Bool {
        let n = declared.unicodeScalars.count
        return n >= 200 && pageScalars * 2 < n
    }
}
