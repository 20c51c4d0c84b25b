/// What an element's `class`, `id`, `itemprop`, `rel`, `role` and `style` say about its content.
struct HTMLHints: OptionSet, Sendable {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `[.a, .b]` as one OR of raw values: the default `SetAlgebra` initialiser goes through an
    /// unspecialised generic sequence, thousands of instructions per literal in the paragraph loop.
    @inline(__always) init(arrayLiteral elements: HTMLHints...) {
        var raw: UInt16 = 0
        for e in elements { raw |= e.rawValue }
        self.rawValue = raw
    }
    /// Menus, footers, comments, related links, share bars, cookie banners, newsletters, ads.
    static let boilerplate = HTMLHints(rawValue: 1)
    /// Article, story, post, entry, content, body text.
    static let content = HTMLHints(rawValue: 2)
    /// `itemprop=articleBody` or a class naming the article body outright.
    static let articleBody = HTMLHints(rawValue: 4)
    /// Hidden (`hidden`, `aria-hidden`, `display:none`).
    static let hidden = HTMLHints(rawValue: 8)
    /// Byline or author.
    static let byline = HTMLHints(rawValue: 16)
    /// Date or time line.
    static let date = HTMLHints(rawValue: 32)
    /// Caption or photo credit.
    static let caption = HTMLHints(rawValue: 64)
    /// A link (`<a href>`).
    static let link = HTMLHints(rawValue: 128)
    /// Comments (a strong boilerplate hint even inside the article).
    static let comments = HTMLHints(rawValue: 256)
    /// A word that lowers the element's score (share, tools, widget, gallery, …).
    static let negative = HTMLHints(rawValue: 512)
    /// A word that keeps the element when a boilerplate word would remove it (article, body, content, main, …).
    static let maybeContent = HTMLHints(rawValue: 1024)
    /// A lead, standfirst, abstract or subtitle: the article's opening when it sits by the headline.
    static let lead = HTMLHints(rawValue: 2048)

    /// Words that remove an element (readability's "unlikely candidates" and more), unless a
    /// `maybeContent` word is there too.
    private static let removingWords: [String] = [
        "navigation", "navbar", "nav-", "-nav", "subnav", "menu", "footer", "comment", "related", "social", "cookie",
        "consent", "gdpr", "newsletter", "subscri", "promo", "sidebar", "breadcrumb", "banner", "masthead", "advert",
        "sponsor", "outbrain", "taboola", "recommend", "trending", "mostread", "most-read", "popular", "popup", "modal",
        "paywall", "signup", "sign-up", "login", "pagination", "pager", "disqus", "rss", "skip", "author-bio", "authorbio",
        "overlay", "offcanvas", "twitter-tweet", "instagram", "community", "shoutbox", "skyscraper", "supplemental",
        "remark", "replies", "agegate", "header", "teaser", "tagcloud", "sharing", "share-", "shariff", "combx", "legends",
        "cover-wrap", "jp-relatedposts", "yarpp", "read-more", "readmore", "more-articles", "more-stories", "also-read",
        "authorbox", "author-box", "author_box", "author-info", "author-desc", "about-author", "about-the-author",
        "contributor-bio", "saboxplugin", "post-author", "disclosure",
    ]
    /// Words that lower an element's score without removing it.
    private static let weakWords: [String] = [
        "share", "tools", "widget", "print", "gallery", "slideshow", "carousel", "video", "player", "infobox", "rating",
        "shop", "donate", "dfp", "bio", "tags", "keywords", "topics", "foot", "meta", "extra", "contact", "media",
        "scroll", "embed", "hidden", "aside", "box", "card", "teaser", "list",
    ]
    /// readability's "ok maybe its a candidate" words: they keep an element a negative word would remove.
    /// "teaser-text" is how TYPO3's news pages mark an article's lead: a teaser word that is the article's own.
    private static let maybeWords: [String] = [
        "and", "article", "body", "column", "content", "main", "shadow", "teaser-text", "teaser_text", "teasertext",
    ]
    private static let positiveWords: [String] = [
        "article", "story", "post", "entry", "content", "body", "text", "main", "blog", "hentry", "news", "detail",
        "page", "column",
    ]
    private static let bodyWords: [String] = [
        "article-body", "articlebody", "article__body", "article_body", "story-body", "storybody", "post-content",
        "entry-content", "article-content", "articlecontent", "story-content", "post-body", "article-text", "story-text",
        "content-body", "body-text", "bodytext", "rich-text", "richtext", "article__content", "post__content",
        "entry-body", "article-main", "text-body", "news-text", "field-body", "postbody", "post_content", "storytext",
    ]
    private static let bylineWords: [String] = ["byline", "by-line", "author", "writer", "autor", "auteur", "reporter"]
    private static let dateWords: [String] = ["date", "time", "published", "updated", "datum", "dateline", "timestamp"]
    private static let leadWords: [String] = [
        "lead", "abstract", "intro", "standfirst", "summary", "excerpt", "subtitle", "chapo", "teaser", "bajada",
    ]
    private static let captionWords: [String] = ["caption", "credit", "copyright", "legend", "bildunterschrift", "photo-"]

    /// Each keyword's hint, and the keywords by their first two bytes.
    private static let keywords: [(bytes: [UInt8], hint: HTMLHints)] = {
        var k: [(bytes: [UInt8], hint: HTMLHints)] = []
        for w in removingWords { k.append((Array(w.utf8), .boilerplate)) }
        for w in weakWords { k.append((Array(w.utf8), .negative)) }
        for w in maybeWords { k.append((Array(w.utf8), .maybeContent)) }
        for w in positiveWords { k.append((Array(w.utf8), .content)) }
        for w in bodyWords { k.append((Array(w.utf8), .articleBody)) }
        for w in bylineWords { k.append((Array(w.utf8), .byline)) }
        for w in dateWords { k.append((Array(w.utf8), .date)) }
        for w in captionWords { k.append((Array(w.utf8), .caption)) }
        for w in leadWords { k.append((Array(w.utf8), .lead)) }
        k.append((Array("comment".utf8), .comments))
        return k
    }()
    /// The keywords flattened for the per-byte scan: their bytes end to end, where each starts
    /// (`start[k]..<start[k + 1]`), its hint, and by their first two bytes `p` the keyword numbers
    /// `indices[prefixStart[p]..<prefixStart[p + 1]]`; `anyStarts` has bit `p` set when a keyword
    /// starts with `p` (8 KB, so the 256 KB `prefixStart` is read only where a keyword may start).
    /// Flat arrays of plain values: a look-up per byte touches no reference counts.
    private struct Table {
        var bytes: [UInt8] = []
        var start: [Int32] = [0]
        var hint: [UInt16] = []
        var prefixStart: [Int32] = [0]
        var indices: [Int32] = []
        var anyStarts = [UInt64](repeating: 0, count: 1024)
        /// The keyword numbers of "comment" (boilerplate and comments).
        var comment: Set<Int32> = []
    }

    private static let table: Table = {
        var t = Table()
        var lists = [[Int32]](repeating: [], count: 65_536)
        for (n, k) in keywords.enumerated() {
            t.bytes += k.bytes
            t.start.append(Int32(t.bytes.count))
            t.hint.append(k.hint.rawValue)
            let p = Int(k.bytes[0]) << 8 | Int(k.bytes[1])
            lists[p].append(Int32(n))
            t.anyStarts[p >> 6] |= 1 << UInt64(p & 63)
            if k.bytes == Array("comment".utf8) { t.comment.insert(Int32(n)) }
        }
        t.prefixStart.reserveCapacity(65_537)
        for list in lists {
            t.indices += list
            t.prefixStart.append(Int32(t.indices.count))
        }
        return t
    }()

    /// Hints from a lowercased `class` or `id` value: one table look-up per byte.
    static func from(classAndID v: [UInt8]) -> HTMLHints {
        v.withUnsafeBufferPointer { from(classAndID: $0) }
    }

    /// Hints from a lowercased `class` or `id` value: one table look-up per byte.
    static func from(classAndID v: UnsafeBufferPointer<UInt8>) -> HTMLHints {
        var h: HTMLHints = []
        guard v.count >= 2 else { return h }
        let t = table
        t.bytes.withUnsafeBufferPointer { bytes in
            t.anyStarts.withUnsafeBufferPointer { anyStarts in
                var i = 0
                while i + 1 < v.count {
                    let p = Int(v[i]) << 8 | Int(v[i + 1])
                    guard anyStarts[p >> 6] & (1 << UInt64(p & 63)) != 0 else {
                        i += 1
                        continue
                    }
                    var c = Int(t.prefixStart[p])
                    let cEnd = Int(t.prefixStart[p + 1])
                    while c < cEnd {
                        let k = t.indices[c]
                        c += 1
                        let kStart = Int(t.start[Int(k)]), kEnd = Int(t.start[Int(k) + 1])
                        let count = kEnd - kStart
                        guard i + count <= v.count else { continue }
                        var j = 2
                        while j < count && v[i + j] == bytes[kStart + j] { j += 1 }
                        guard j == count else { continue }
                        if t.comment.contains(k) {
                            // "commentary" is an opinion piece, not readers' comments.
                            if v[(i + j)...].starts(with: "ary".utf8) || v[(i + j)...].starts(with: "s-count".utf8) { continue }
                        }
                        h.insert(HTMLHints(rawValue: t.hint[Int(k)]))
                    }
                    i += 1
                }
            }
        }
        // Advertising: the word `ad`/`ads` alone or as a prefix or suffix of a word.
        var start = 0
        for end in 0...v.count where end == v.count || v[end] == 0x20 || v[end] == 0x09 || v[end] == 0x0A {
            let word = v[start..<end]
            // Every form below starts with `a` or ends in `d`.
            if word.first == UInt8(ascii: "a") || word.last == UInt8(ascii: "d"), word.elementsEqual("ad".utf8) || word.elementsEqual("ads".utf8) || word.starts(with: "ad-".utf8)
                || word.starts(with: "ad_".utf8) || word.starts(with: "ads-".utf8) || word.reversed().starts(with: "da-".utf8) {
                h.insert(.boilerplate)
            }
            start = end + 1
        }
        return h
    }
}
