/// The article a page declares in JSON-LD: the first `NewsArticle`, `Article`, `ReportageNewsArticle`,
/// `BlogPosting`, … object, at the top level, in an array or in `@graph` (and, failing one, the dates
/// of a work that is not an article, a `Recipe` or `HowTo`, else a `WebPage`'s), with its headline,
/// body, dates, authors, publisher and URL.
struct HTMLLinkedData {
    var headline: String?
    var body: String?
    var published: String?
    var modified: String?
    var authors: [JSONValue] = []
    /// Authors the article names only by `@id`, resolved in its block: weaker than a byline on the page.
    var referencedAuthors: [JSONValue] = []
    var publisher: String?
    var url: String?
    var found = false

    init(_ blocks: [[UInt8]]) {
        var page: JSONValue?
        var work: JSONValue?
        var broken: [[UInt8]] = []
        blocks: for block in blocks {
            let parsed = JSONScanner.parse(String(decoding: block, as: UTF8.self))
            if parsed.problem != nil { broken.append(block) }
            guard let root = parsed.value else { continue }
            var article: JSONValue?
            HTMLLinkedData.forEachObject(in: root) { v in
                if HTMLLinkedData.isArticle(v["@type"]) {
                    article = v
                    return false
                }
                if page == nil && HTMLLinkedData.isType(v["@type"], ["WebPage", "ItemPage"]) { page = v }
                if work == nil && HTMLLinkedData.isType(v["@type"], HTMLLinkedData.otherWorkTypes) { work = v }
                if publisher == nil && HTMLLinkedData.isType(v["@type"], ["NewsMediaOrganization", "Organization", "WebSite"]) {
                    publisher = v["name"]?.string
                }
                return true
            }
            if let article {
                take(article)
                // Authors given by reference: the CMS user who posted (Yoast's `Person`), not always the byline.
                let isReference = { (a: JSONValue) in a["name"] == nil && a["@id"] != nil }
                referencedAuthors = authors.filter(isReference).compactMap { HTMLLinkedData.namedObject(id: $0["@id"]?.string, in: root) }
                authors.removeAll(where: isReference)
                break blocks
            }
        }
        // A recipe's own date before the page's: the page's is often the date it was last built.
        if !found {
            published = work?["datePublished"]?.string ?? page?["datePublished"]?.string
            modified = work?["dateModified"]?.string ?? page?["dateModified"]?.string
        }
        // A block that is not JSON (a template left a name unquoted: `"@author": Jane Doe,`) still
        // names its dates as JSON does, though the forgiving parse stops before them; a page-level
        // date gives way to them, as a broken block is most often the article's own.
        for block in broken.prefix(4) where !found || published == nil {
            if let v = HTMLLinkedData.quotedValue(of: "datePublished", in: block) ?? HTMLLinkedData.quotedValue(of: "dateCreated", in: block) {
                published = v
                modified = HTMLLinkedData.quotedValue(of: "dateModified", in: block)
                break
            }
        }
    }

    /// The string after `"key":` in text that may not be JSON: `"datePublished": "2021-05-11 09:49:18"`.
    static func quotedValue(of key: String, in block: [UInt8]) -> String? {
        let pattern = Array("\"\(key)\"".utf8)
        guard block.count >= pattern.count else { return nil }
        var i = 0
        while i + pattern.count <= block.count {
            guard block[i] == pattern[0], Array(block[i..<(i + pattern.count)]) == pattern else {
                i += 1
                continue
            }
            var k = i + pattern.count
            while k < block.count && (block[k] == 0x20 || block[k] == 0x09 || block[k] == 0x0A || block[k] == 0x0D) { k += 1 }
            guard k < block.count, block[k] == UInt8(ascii: ":") else { i += 1; continue }
            k += 1
            while k < block.count && (block[k] == 0x20 || block[k] == 0x09 || block[k] == 0x0A || block[k] == 0x0D) { k += 1 }
            guard k < block.count, block[k] == UInt8(ascii: "\"") else { i += 1; continue }
            let start = k + 1
            var end = start
            while end < block.count && end - start < 64 && block[end] != UInt8(ascii: "\"") { end += 1 }
            guard end < block.count, block[end] == UInt8(ascii: "\""), end > start else { return nil }
            return String(decoding: block[start..<end], as: UTF8.self)
        }
        return nil
    }

    private mutating func take(_ v: JSONValue) {
        found = true
        headline = v["headline"]?.string ?? v["name"]?.string
        body = v["articleBody"]?.string
        published = v["datePublished"]?.string ?? v["dateCreated"]?.string
        modified = v["dateModified"]?.string
        if let a = v["author"] { authors = HTMLLinkedData.list(a) }
        if authors.isEmpty, let a = v["creator"] { authors = HTMLLinkedData.list(a) }
        if let p = v["publisher"] {
            let name: String? = switch p {
            case .string(let s): s
            case .array(let items): items.first?["name"]?.string
            default: p["name"]?.string
            }
            if let name { publisher = name }
        }
        url = v["url"]?.string ?? v["mainEntityOfPage"]?["@id"]?.string
    }

    /// The objects of a JSON-LD block, breadth first: at the top level, in arrays and under `@graph`,
    /// `mainEntity` and `mainEntityOfPage`, four levels deep and 512 values at most (a hostile block
    /// costs bounded time). `visit` returns false to stop.
    static func forEachObject(in root: JSONValue, _ visit: (JSONValue) -> Bool) {
        var queue: [(JSONValue, Int)] = [(root, 0)]
        var k = 0
        while k < queue.count && k < 512 {
            let (v, level) = queue[k]
            k += 1
            switch v {
            case .array(let items) where level < 4:
                queue += items.prefix(256).map { ($0, level + 1) }
            case .object:
                guard visit(v) else { return }
                for key in ["@graph", "mainEntity", "mainEntityOfPage"] where level < 4 {
                    if let child = v[key] { queue.append((child, level + 1)) }
                }
            default:
                continue
            }
        }
    }

    /// The object with `@id` `id` and a name in the block (`{"@id": "https://…/#/schema/person/…"}` is how
    /// Yoast names every WordPress article's author).
    static func namedObject(id: String?, in root: JSONValue) -> JSONValue? {
        guard let id else { return nil }
        var found: JSONValue?
        forEachObject(in: root) { v in
            if v["@id"]?.string == id, v["name"] != nil { found = v }
            return found == nil
        }
        return found
    }

    private static func list(_ v: JSONValue) -> [JSONValue] {
        if case .array(let items) = v { return Array(items.prefix(32)) }
        return [v]
    }

    private static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle",
        "TechArticle", "SocialMediaPosting", "Blog", "SatiricalArticle", "AdvertiserContentArticle",
    ]

    /// Works that are not articles but are a page's main content, dated as an article is.
    private static let otherWorkTypes = ["Recipe", "HowTo", "CreativeWork"]

    private static func isArticle(_ type: JSONValue?) -> Bool {
        switch type {
        case .string(let t)?:
            // Most types are bare names: the replacements only when "schema.org/" is there at all.
            guard t.utf8.count >= 18, t.utf8.firstRange(of: "schema.org/".utf8) != nil else { return articleTypes.contains(t) }
            return articleTypes.contains(t.replacingOccurrences(of: "http://schema.org/", with: "").replacingOccurrences(of: "https://schema.org/", with: ""))
        case .array(let ts)?: return ts.contains { isArticle($0) }
        default: return false
        }
    }

    private static func isType(_ type: JSONValue?, _ names: [String]) -> Bool {
        switch type {
        case .string(let t)?: return names.contains(t)
        case .array(let ts)?: return ts.contains { isType($0, names) }
        default: return false
        }
    }
}
