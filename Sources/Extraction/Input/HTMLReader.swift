import Foundation

/// Reads a news page: metadata from `<meta>`, `<title>` and JSON-LD, and the article's paragraphs
/// (h2–h4 as sub-headings) with navigation, headers, footers, asides, scripts, forms, share widgets
/// and comments left out.
///
/// One pass over the code points with an explicit element stack: no recursion, and an end tag
/// looks at most `HTMLCollector.closeSearch` elements down the stack, so the work stays linear
/// however the tags nest or fail to match.
enum HTMLReader {
    static func read(_ text: String) -> ReadArticle {
        var collector = HTMLCollector(Array(text.unicodeScalars))
        collector.run()
        return collector.article()
    }
}

/// The state of one pass over a page.
struct HTMLCollector {
    /// A paragraph-level run of text and where it was found.
    struct Paragraph {
        var text: [Unicode.Scalar]
        var kind: ArticleLayout.Block.Kind
        var inArticle: Bool
        var inParagraph: Bool
    }

    private struct Open {
        var name: String
        var flags: Flags
    }

    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let article = Flags(rawValue: 1)
        static let skip = Flags(rawValue: 2)
        static let heading = Flags(rawValue: 4)
        static let paragraph = Flags(rawValue: 8)
        static let byline = Flags(rawValue: 16)
        static let h1 = Flags(rawValue: 32)
    }

    static let closeSearch = 64

    private static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command", "basefont", "frame", "image",
    ]
    private static let rawText: Set<String> = ["script", "style", "textarea", "title", "noscript", "template", "iframe", "xmp", "plaintext", "noembed", "noframes"]
    private static let block: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article", "main",
        "header", "footer", "nav", "aside", "table", "tr", "td", "th", "thead", "tbody", "figure", "figcaption", "form",
        "pre", "dl", "dt", "dd", "address", "details", "summary", "center", "body", "html", "hr", "fieldset",
        "caption", "menu", "dialog", "picture", "video", "audio", "svg", "button", "select", "label",
    ]
    /// Blocks that cannot sit inside a heading: opening one closes an open heading.
    private static let endsHeading: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "section", "article", "main",
        "table", "pre", "dl", "figure", "form", "header", "footer", "nav", "aside",
    ]
    private static let skipped: Set<String> = [
        "nav", "header", "footer", "aside", "form", "button", "select", "figure", "menu", "dialog", "svg", "video",
        "audio", "canvas", "object", "map", "label", "fieldset",
    ]
    /// Class or id words that mark share widgets, comments, related links, promotions and ads.
    private static let skipWords: [String] = [
        "share", "social", "comment", "related", "newsletter", "subscribe", "promo", "sidebar", "breadcrumb",
        "cookie", "popup", "modal", "paywall", "recommend", "trending", "most-read", "mostread", "outbrain", "taboola",
        "advert", "sponsor", "signup", "sign-up", "toolbar", "caption", "footer", "navbar", "menu", "tags",
        "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post",
    ]
    private static let articleWords: [String] = [
        "article-body", "articlebody", "article__body", "story-body", "storybody", "post-content", "entry-content",
        "article-content", "story-content", "post-body", "article-text", "story-text", "content-body",
    ]

    private let s: [Unicode.Scalar]
    private var i = 0
    private var stack: [Open] = []
    private var articleDepth = 0, skipDepth = 0, headingDepth = 0, paragraphDepth = 0, bylineDepth = 0, h1Depth = 0
    private var buffer = ParagraphBuffer()
    /// Whether a <br> came last, with nothing but white space since.
    private var afterBreak = false
    private var bylineBuffer = ParagraphBuffer()
    private var h1Buffer = ParagraphBuffer()
    private(set) var paragraphs: [Paragraph] = []
    private(set) var metadata = HTMLMetadata()

    init(_ s: [Unicode.Scalar]) {
        self.s = s
    }

    mutating func run() {
        let n = s.count
        while i < n {
            let c = s[i]
            if c == "<" {
                if markup() { continue }
            } else if c == "&", let (decoded, next) = HTMLEntities.decode(s, at: i, end: n) {
                if let decoded { text(decoded) }
                i = next
                continue
            }
            text(c)
            i += 1
        }
        flush()
    }

    private mutating func text(_ c: Unicode.Scalar) {
        if afterBreak && !CharacterClass.isSpace(c) { afterBreak = false }
        if h1Depth > 0 { h1Buffer.append(c) }
        if skipDepth > 0 || h1Depth > 0 { return }
        if bylineDepth > 0 {
            bylineBuffer.append(c)
        } else {
            buffer.append(c)
        }
    }

    /// Handles the markup at `<`; false when the `<` is plain text.
    private mutating func markup() -> Bool {
        let n = s.count
        if i + 1 < n && s[i + 1] == "!" {
            if i + 3 < n && s[i + 2] == "-" && s[i + 3] == "-" {
                i = find(["-", "-", ">"], from: i + 4) ?? n
            } else {
                i = find([">"], from: i + 2) ?? n
            }
            return true
        }
        if i + 1 < n && s[i + 1] == "?" {
            i = find([">"], from: i + 2) ?? n
            return true
        }
        guard let (tag, next) = HTMLTag.read(s, at: i) else { return false }
        i = next
        if tag.isEnd {
            close(tag.name)
        } else {
            open(tag)
        }
        return true
    }

    /// The index after the first occurrence of `pattern` at or after `from`.
    private func find(_ pattern: [Unicode.Scalar], from: Int) -> Int? {
        var j = from
        let n = s.count
        while j + pattern.count <= n {
            if s[j] == pattern[0] {
                var k = 1
                while k < pattern.count && s[j + k] == pattern[k] { k += 1 }
                if k == pattern.count { return j + k }
            }
            j += 1
        }
        return nil
    }

    /// The index of `</name` (any case) at or after `from`.
    private func findEndTag(_ name: String, from: Int) -> Int? {
        let pattern = Array(name.unicodeScalars)
        var j = from
        let n = s.count
        while j + pattern.count + 2 <= n {
            if s[j] == "<" && s[j + 1] == "/" {
                var k = 0
                while k < pattern.count && HTMLTag.lowerASCII(s[j + 2 + k]) == pattern[k] { k += 1 }
                if k == pattern.count { return j }
            }
            j += 1
        }
        return nil
    }

    private mutating func open(_ tag: HTMLTag) {
        let name = tag.name
        if name == "meta" {
            metadata.meta(tag)
            return
        }
        if name == "link" {
            if tag.attribute("rel")?.lowercased() == "canonical", let href = tag.attribute("href") { metadata.canonical = href }
            return
        }
        if name == "time", articleDepth > 0, metadata.articleTime == nil, let dt = tag.attribute("datetime") {
            metadata.articleTime = dt
        }
        if HTMLCollector.rawText.contains(name) && !tag.selfClosing {
            let end = findEndTag(name, from: i) ?? s.count
            if name == "title" && metadata.titleTag == nil {
                var t = ParagraphBuffer()
                t.append(contentsOf: s[i..<end])
                metadata.titleTag = HTMLEntities.decodeAll(String(String.UnicodeScalarView(t.scalars)))
            } else if name == "script", let type = tag.attribute("type"), type.lowercased().contains("ld+json") {
                metadata.jsonLD.append(String(String.UnicodeScalarView(s[i..<end])))
            }
            i = end == s.count ? end : (find([">"], from: end) ?? s.count)
            return
        }
        if HTMLCollector.block.contains(name) {
            flush()
            if name == "br" || name == "hr" { return }
            // A new block closes an open <p> (and a new <li> an open <li>), as browsers do.
            if let top = stack.last, top.name == "p" || (name == "li" && top.name == "li") {
                pop()
            }
            // A heading left open does not swallow the paragraphs after it.
            if (h1Depth > 0 || headingDepth > 0) && HTMLCollector.endsHeading.contains(name) {
                closeNearest { $0.flags.contains(.h1) || $0.flags.contains(.heading) || $0.name.hasPrefix("h") && $0.name.count == 2 }
            }
        } else if name == "br" {
            // One <br> is a line break inside the paragraph; two in a row end it.
            if afterBreak { flush() } else { buffer.space() }
            afterBreak = true
            return
        }
        if HTMLCollector.void.contains(name) || tag.selfClosing { return }

        var flags: Flags = []
        if name == "article" || name == "main" || isArticleBody(tag) {
            flags.insert(.article)
        } else if skipDepth == 0 && name != "body" && name != "html" && isSkipped(tag) {
            flags.insert(.skip)
        }
        if name == "p" || name == "blockquote" { flags.insert(.paragraph) }
        if name == "h2" || name == "h3" || name == "h4" { flags.insert(.heading) }
        if name == "h1" && metadata.h1 == nil { flags.insert(.h1) }
        if bylineDepth == 0 && isByline(tag) { flags.insert(.byline) }
        push(Open(name: name, flags: flags))
    }

    /// Pops up to and including the nearest open element matching `match` (within `closeSearch`).
    private mutating func closeNearest(_ match: (Open) -> Bool) {
        var k = stack.count - 1
        let lowest = max(0, stack.count - HTMLCollector.closeSearch)
        while k >= lowest && !match(stack[k]) { k -= 1 }
        guard k >= lowest else { return }
        while stack.count > k { pop() }
    }

    private mutating func close(_ name: String) {
        if HTMLCollector.void.contains(name) { return }
        var k = stack.count - 1
        let lowest = max(0, stack.count - HTMLCollector.closeSearch)
        while k >= lowest && stack[k].name != name { k -= 1 }
        guard k >= lowest else { return }
        while stack.count > k { pop() }
    }

    private mutating func push(_ e: Open) {
        if e.flags.contains(.article) { articleDepth += 1 }
        if e.flags.contains(.skip) { skipDepth += 1 }
        if e.flags.contains(.heading) { headingDepth += 1 }
        if e.flags.contains(.paragraph) { paragraphDepth += 1 }
        if e.flags.contains(.byline) { bylineDepth += 1 }
        if e.flags.contains(.h1) { h1Depth += 1 }
        stack.append(e)
    }

    private mutating func pop() {
        guard let e = stack.popLast() else { return }
        if HTMLCollector.block.contains(e.name) { flush() }
        if e.flags.contains(.article) { articleDepth -= 1 }
        if e.flags.contains(.skip) { skipDepth -= 1 }
        if e.flags.contains(.heading) { headingDepth -= 1 }
        if e.flags.contains(.paragraph) { paragraphDepth -= 1 }
        if e.flags.contains(.byline) {
            bylineDepth -= 1
            if bylineDepth == 0 { metadata.bylineText.append(bylineBuffer.take()) }
        }
        if e.flags.contains(.h1) {
            h1Depth -= 1
            if h1Depth == 0 && metadata.h1 == nil {
                let t = h1Buffer.take()
                if !t.isEmpty { metadata.h1 = String(String.UnicodeScalarView(t)) }
            }
        }
    }

    /// Ends the current paragraph.
    private mutating func flush() {
        let text = buffer.take()
        guard !text.isEmpty else { return }
        paragraphs.append(Paragraph(text: text, kind: headingDepth > 0 ? .heading : .paragraph,
                                    inArticle: articleDepth > 0, inParagraph: paragraphDepth > 0))
    }

    private func isSkipped(_ tag: HTMLTag) -> Bool {
        if HTMLCollector.skipped.contains(tag.name) { return true }
        if tag.attribute("hidden") != nil || tag.attribute("aria-hidden") == "true" { return true }
        if let style = tag.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = tag.attribute("role"), ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"].contains(role) {
            return true
        }
        for attr in ["class", "id", "data-component", "data-testid"] {
            guard let v = tag.attribute(attr)?.lowercased(), !v.isEmpty else { continue }
            for word in v.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if word == "ad" || word == "ads" || word.hasPrefix("ad-") || word.hasPrefix("ads-") || word.hasPrefix("ad_") { return true }
                if word.contains("commentary") || word.contains("article-body") || word.contains("story-body") { continue }
                for w in HTMLCollector.skipWords where word.contains(w) { return true }
            }
        }
        return false
    }

    private func isArticleBody(_ tag: HTMLTag) -> Bool {
        if tag.attribute("itemprop") == "articleBody" { return true }
        guard let v = tag.attribute("class")?.lowercased() else { return false }
        return HTMLCollector.articleWords.contains { v.contains($0) }
    }

    private func isByline(_ tag: HTMLTag) -> Bool {
        if tag.attribute("rel") == "author" || tag.attribute("itemprop") == "author" { return true }
        guard let v = tag.attribute("class")?.lowercased() else { return false }
        return v.split(separator: " ").contains { $0.contains("byline") || $0 == "author" || $0.hasSuffix("author-name") }
    }

    /// The article: the chosen paragraphs laid out, and the metadata.
    func article() -> ReadArticle {
        var warnings: [String] = []
        let ld = metadata.linkedData(&warnings)
        var chosen = paragraphs.filter { $0.inArticle }
        // The article element's text, unless it is a teaser without paragraphs and the page has them elsewhere.
        if !chosen.contains(where: { $0.inParagraph }) && chosen.reduce(0, { $0 + $1.text.count }) < 200 {
            if let first = paragraphs.firstIndex(where: { $0.inParagraph }) {
                chosen = paragraphs[first...].filter { $0.inParagraph || $0.kind == .heading }
            } else {
                chosen = paragraphs
            }
        }
        var builder = BodyBuilder()
        for p in chosen {
            builder.add(p.text, kind: p.kind)
        }
        if builder.scalars.isEmpty, let body = ld?.body {
            for line in body.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                builder.addCollapsing(line.unicodeScalars, kind: .paragraph)
            }
        }
        let title = ld?.headline?.collapsedOrNil ?? metadata.value("og:title", "twitter:title", "title", "headline")
            ?? metadata.h1?.collapsedOrNil ?? metadata.titleTag.flatMap(HTMLMetadata.withoutSiteName)
        var byline = ld?.authors ?? []
        if byline.isEmpty, let a = metadata.value("author", "byl", "article:author", "parsely-author", "sailthru.author", "dc.creator"),
           !a.hasPrefix("http") {
            byline = JSONArticleReader.names(in: .string(a))
        }
        if byline.isEmpty {
            for t in metadata.bylineText where !t.isEmpty {
                byline += JSONArticleReader.names(in: .string(String(String.UnicodeScalarView(t))))
            }
        }
        var unique: [String] = []
        for name in byline where !unique.contains(name) { unique.append(name) }
        let published = ld?.published ?? metadata.value(
            "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
            "publish-date", "parsely-pub-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date")
            ?? metadata.articleTime
        let url = metadata.value("og:url") ?? metadata.canonical
        return ReadArticle(body: builder.text, title: title, byline: unique, published: published, url: url,
                           warnings: warnings, blocks: builder.blocks)
    }
}
