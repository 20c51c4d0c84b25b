import Foundation

/// What a page says about its article outside the body: `<meta>` values, `<title>`, the first
/// `<h1>`, byline elements and JSON-LD.
struct HTMLMetadata {
    /// `<meta>` content by lowercased `name`, `property` or `itemprop` (first value wins).
    private(set) var values: [String: String] = [:]
    var titleTag: String?
    var h1: String?
    var canonical: String?
    /// The `datetime` of the first `<time>` inside the article.
    var articleTime: String?
    var bylineText: [[Unicode.Scalar]] = []
    var jsonLD: [String] = []

    mutating func meta(_ tag: HTMLTag) {
        guard let content = tag.attribute("content")?.collapsedOrNil else { return }
        for key in ["name", "property", "itemprop"] {
            if let k = tag.attribute(key)?.lowercased(), values[k] == nil { values[k] = content }
        }
    }

    /// The first of `keys` with a value.
    func value(_ keys: String...) -> String? {
        for k in keys {
            if let v = values[k.lowercased()] { return v }
        }
        return nil
    }

    /// `Headline | Site` → `Headline`: the longest part of a title split at ` | `, ` - `, ` — `, ` – `.
    static func withoutSiteName(_ title: String) -> String? {
        guard let t = title.collapsedOrNil else { return nil }
        var parts = [t]
        for sep in [" | ", " - ", " \u{2014} ", " \u{2013} ", " :: "] where t.contains(sep) {
            parts = t.components(separatedBy: sep)
            break
        }
        return parts.max { $0.count < $1.count }
    }

    /// The article fields of the page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, …).
    struct LinkedData {
        var headline: String?
        var authors: [String] = []
        var published: String?
        var body: String?
    }

    func linkedData(_ warnings: inout [String]) -> LinkedData? {
        for text in jsonLD {
            guard let root = JSONScanner.parse(text).value else { continue }
            // Breadth-first over at most three levels: the object itself, arrays, `@graph`.
            var queue: [(JSONValue, Int)] = [(root, 0)]
            var k = 0
            while k < queue.count && k < 256 {
                let (v, level) = queue[k]
                k += 1
                switch v {
                case .array(let items) where level < 3:
                    queue += items.map { ($0, level + 1) }
                case .object:
                    if isArticle(v["@type"]) {
                        var ld = LinkedData()
                        ld.headline = v["headline"]?.string ?? v["name"]?.string
                        if let a = v["author"] { ld.authors = JSONArticleReader.names(in: a) }
                        ld.published = v["datePublished"]?.string ?? v["dateCreated"]?.string
                        ld.body = v["articleBody"]?.string
                        return ld
                    }
                    if let graph = v["@graph"], level < 3 { queue.append((graph, level + 1)) }
                default:
                    continue
                }
            }
        }
        return nil
    }

    private func isArticle(_ type: JSONValue?) -> Bool {
        switch type {
        case .string(let t)?: return t.hasSuffix("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
        case .array(let ts)?: return ts.contains { isArticle($0) }
        default: return false
        }
    }
}
