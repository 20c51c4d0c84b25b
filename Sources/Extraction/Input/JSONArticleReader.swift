import Foundation

/// Reads an article from JSON: `title`/`headline`, `body`/`text`/`content`/`articleBody` (a string,
/// HTML, or an array of paragraphs), `author`/`authors`/`byline`, `published`/`date`/
/// `datePublished`/`publishedAt`, `url`. The article may also sit one level down (`article`, `data`)
/// or be the first element of a top-level array.
enum JSONArticleReader {
    static func read(_ text: String) -> ReadArticle {
        let (value, problem) = JSONScanner.parse(text)
        var warnings: [String] = []
        if let problem { warnings.append(problem) }
        guard let root = value, let article = articleObject(root) else {
            warnings.append("JSON holds no article object")
            return ReadArticle(body: "", warnings: warnings, blocks: [])
        }
        return read(article, warnings: warnings)
    }

    /// The object holding the article's fields.
    private static func articleObject(_ root: JSONValue) -> JSONValue? {
        var candidate = root
        if case .array(let items) = root {
            guard let first = items.first(where: { if case .object = $0 { true } else { false } }) else { return nil }
            candidate = first
        }
        guard case .object = candidate else { return nil }
        if bodyValue(candidate) == nil {
            for key in ["article", "data", "story", "item", "post", "result"] {
                if let inner = candidate[key], case .object = inner, bodyValue(inner) != nil { return inner }
            }
        }
        return candidate
    }

    private static func bodyValue(_ o: JSONValue) -> JSONValue? {
        for key in ["body", "text", "content", "articleBody", "article_body", "bodyText", "body_text", "fullText"] {
            if let v = o[key].map(rendered), !isEmpty(v) { return v }
        }
        return nil
    }

    /// WordPress and similar APIs wrap text in an object: `{"rendered": "<p>…</p>"}`.
    private static func rendered(_ v: JSONValue) -> JSONValue {
        guard case .object = v else { return v }
        for key in ["rendered", "html", "text", "value", "plain"] {
            if let inner = v[key], case .string = inner { return inner }
        }
        return v
    }

    private static func isEmpty(_ v: JSONValue) -> Bool {
        switch v {
        case .null: true
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        default: false
        }
    }

    /// Reads the fields of an article object into a `ReadArticle`, with its body laid out.
    static func read(_ o: JSONValue, warnings: [String]) -> ReadArticle {
        var builder = BodyBuilder()
        var htmlFallback: ReadArticle?
        switch bodyValue(o) {
        case .string(let body)?:
            if looksLikeHTML(body) {
                htmlFallback = HTMLReader.read(body)
            } else {
                addParagraphs(of: body, to: &builder)
            }
        case .array(let parts)?:
            for part in parts {
                if let s = part.string ?? part["text"]?.string ?? part["content"]?.string {
                    addParagraphs(of: s, to: &builder)
                }
            }
        default:
            break
        }
        let title = (firstString(o, ["title", "headline", "name"])).map(HTMLEntities.decodeAll)?.collapsedOrNil
        let published = publishedValue(o)
        let url = firstString(o, ["url", "link", "canonical_url", "canonicalUrl"])
        var byline: [String] = []
        for key in ["author", "authors", "byline", "creator"] {
            if let v = o[key] {
                byline = names(in: v)
                if !byline.isEmpty { break }
            }
        }
        let language = firstString(o, ["language", "lang", "inLanguage"])
        if let html = htmlFallback {
            var read = ReadArticle(body: html.body, title: title ?? html.title, byline: byline.isEmpty ? html.byline : byline,
                                   published: published ?? html.published, url: url, warnings: warnings + html.warnings,
                                   blocks: html.blocks)
            read.declaredLanguage = language ?? html.declaredLanguage
            return read
        }
        var read = ReadArticle(body: builder.text, title: title, byline: byline, published: published, url: url,
                               warnings: warnings, blocks: builder.blocks)
        read.declaredLanguage = language
        return read
    }

    private static func looksLikeHTML(_ s: String) -> Bool {
        s.contains("<p") || s.contains("</") || s.contains("<br")
    }

    /// Paragraphs of a plain string: each non-empty line its own paragraph.
    private static func addParagraphs(of text: String, to builder: inout BodyBuilder) {
        var line = ParagraphBuffer()
        for c in text.unicodeScalars {
            if c == "\n" || c == "\r" || c == "\u{2029}" {
                builder.add(line.take(), kind: .paragraph)
            } else {
                line.append(c)
            }
        }
        builder.add(line.take(), kind: .paragraph)
    }

    private static func firstString(_ o: JSONValue, _ keys: [String]) -> String? {
        for key in keys {
            if let s = o[key].map(rendered)?.string, !s.isEmpty { return s }
        }
        return nil
    }

    /// The publication date: a string as given, or a Unix time (seconds or milliseconds) as RFC 3339.
    private static func publishedValue(_ o: JSONValue) -> String? {
        for key in ["published", "date", "datePublished", "publishedAt", "published_at", "pubDate", "publication_date"] {
            switch o[key] {
            case .string(let s)?:
                if let t = s.collapsedOrNil { return t }
            case .number(let n)?:
                return unixTime(n)
            default:
                continue
            }
        }
        return nil
    }

    private static func unixTime(_ n: Double) -> String? {
        guard n.isFinite, n > 0, n < 1e14 else { return nil }
        let seconds = Int(n > 1e11 ? n / 1000 : n)
        let date = CivilDate(daysSinceEpoch: seconds / 86_400)
        let t = seconds % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(date.iso)T\(two(t / 3600)):\(two(t / 60 % 60)):\(two(t % 60))Z"
    }

    /// Author names in a string (`By Jane Doe and John Roe`), an array, or objects with `name`.
    static func names(in v: JSONValue) -> [String] {
        switch v {
        case .string(let s):
            var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.lowercased().hasPrefix("by ") { t.removeFirst(3) }
            return BlockRules.names(inByline: t, requireCapitals: false) ?? []
        case .array(let items):
            return items.flatMap { names(in: $0) }
        case .object:
            if let n = v["name"]?.string?.collapsedOrNil { return [n] }
            return []
        default:
            return []
        }
    }
}
