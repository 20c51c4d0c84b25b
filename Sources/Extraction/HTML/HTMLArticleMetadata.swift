import Foundation

/// What a page declares about its article, each value entity-decoded and white-space-normalised:
/// title, authors, publication and update dates (candidates in order of trust, for
/// `HTMLDateChoice`), canonical URL, site name and the JSON-LD `articleBody`.
struct HTMLArticleMetadata {
    var title: String?
    var authors: [String] = []
    /// Agencies named where authors are (`Reuters`, `AFP`, `dpa`): not people.
    var agencies: [String] = []
    /// Publication-date candidates, most trusted first: declared, then the URL, then `<time>` and date lines.
    var publishedCandidates: [HTMLDateText.Stamp] = []
    var modifiedCandidates: [HTMLDateText.Stamp] = []
    var url: String?
    var site: String?
    var language: String?
    var declaredBody: String?

    private static let publishedKeys = [
        "article:published_time", "og:article:published_time", "og:published_time", "article.published", "published_time",
        "datepublished", "datecreated", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
        "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued", "dcterms.date", "citation_publication_date",
        "citation_date", "citation_online_date", "parsely-pub-date", "sailthru.date", "article.created", "originalpublicationdate",
        "cxenseparse:recs:publishtime", "date.available", "last-modified-date-published", "created", "publication_date", "prism.publicationdate",
    ]
    private static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "last-modified", "dcterms.modified",
        "dc.date.modified", "article.updated", "lastmod", "revised",
    ]
    private static let authorKeys = [
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "twitter:creator:name",
        "citation_author", "cxenseparse:author", "og:article:author",
    ]

    /// `content` is the event range of the article's first and last paragraph: bylines and dates
    /// are looked for up to its end, and in page furniture only before its start (never in comments below).
    init(page: HTMLPage, paragraphs: HTMLParagraphs, content: ClosedRange<Int32>, warnings: inout [String]) {
        let d = page.declarations
        let ld = HTMLLinkedData(d.jsonLD)
        func meta(_ keys: [String]) -> String? {
            for k in keys { if let v = d.meta[k]?.cleanedMetadata { return v } }
            return nil
        }
        let h1 = paragraphs.items.first(where: { $0.kind == .title }).map { String(decoding: $0.text, as: UTF8.self) }
        title = ld.headline?.cleanedMetadata ?? meta(["og:title", "twitter:title", "title", "headline", "dc.title", "citation_title"])
            ?? h1?.cleanedMetadata ?? d.title.flatMap { HTMLArticleMetadata.withoutSiteName($0) }
        language = d.language?.cleanedMetadata
        url = d.canonical?.cleanedMetadata ?? meta(["og:url"]) ?? ld.url?.cleanedMetadata
        site = ld.publisher?.cleanedMetadata ?? meta(["og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher"])
        declaredBody = ld.body.map(HTMLEntities.decodeAll)

        // Authors: JSON-LD people, else the meta tags, else the page's byline elements.
        var people = HTMLBylineCleaner()
        for a in ld.authors { people.add(json: a) }
        if people.names.isEmpty {
            for k in HTMLArticleMetadata.authorKeys {
                // A site's own name in the author field is not a person.
                if let v = d.meta[k]?.cleanedMetadata, !HTMLArticleMetadata.namesSite(v, site) { people.add(v) }
            }
        }
        if people.names.isEmpty {
            // The page's byline: an element marked as author or byline, or a short line opening with
            // "By"/"Von"/"Par", outside page furniture (not a comment's author) and near the top.
            // Near the top of the article: from 80 paragraphs before its start (a long menu before it
            // does not use the look up).
            let start = paragraphs.items.firstIndex { $0.event >= content.lowerBound } ?? paragraphs.items.count
            var looked = 0
            // A line holding an inline element marked as author ("Veröffentlicht am 10. Februar 2019 von
            // <span class="author">Heiko</span>") counts at the head of the article only, where teasers are not.
            for (k, p) in paragraphs.items.enumerated().dropFirst(max(0, start - 80)) where p.kind != .title && p.length <= 120
                && p.event <= content.upperBound && (!p.excluded || p.event < content.lowerBound) {
                looked += 1
                if looked > 160 || people.names.count >= 6 { break }
                let text = String(decoding: p.text, as: UTF8.self)
                if p.flags.contains(.byline) || HTMLArticleMetadata.opensByline(text)
                    || p.innerMarks.contains(.byline) && k >= start - 30 && k <= start + 5 && HTMLArticleMetadata.hasBylineLead(text) { people.add(text) }
            }
        }
        if people.names.isEmpty, let end = paragraphs.items.lastIndex(where: { $0.event <= content.upperBound }) {
            // A blog post's footer line just below the text ("Posted by Jane Doe at 5:11 AM"), even in furniture.
            for p in paragraphs.items[(end + 1)...].prefix(3) where p.length <= 80 {
                let text = String(decoding: p.text, as: UTF8.self)
                if HTMLArticleMetadata.opensByline(text) {
                    people.add(text)
                    break
                }
            }
        }
        // The site's own name where a person's should be ("Wikimedia" on the Wikimedia Foundation's site).
        authors = people.names.filter { !HTMLArticleMetadata.isPartOfSiteName($0, site) }
        agencies = people.agencies

        // Dates, most trusted first.
        // Declared dates: the earliest of them, as an update often rewrites one of the fields.
        var declared: [HTMLDateText.Stamp] = []
        let central = HTMLDateText.isCentralEuropean(language)
        func declare(_ s: HTMLDateText.Stamp) { declared.append(central ? s.centralEuropeanMidnight ?? s : s) }
        for v in [ld.published] + HTMLArticleMetadata.publishedKeys.map({ d.meta[$0] }) {
            if let v, let s = HTMLDateText.parse(v) { declare(s) }
        }
        // `itemprop=datePublished` in the page: trusted when the page has one or two (more are a list of reviews or teasers).
        // (A header's meta line above the article may be taken for furniture: its marked time still counts.)
        let marked = d.times.filter {
            $0.published && (!paragraphs.excluded[Int($0.element)] || page.elements[Int($0.element)].open < content.lowerBound)
        }
        if marked.count <= 2 { for t in marked { if let s = HTMLDateText.parse(t.value) { declare(s) } } }
        if let earliest = declared.min() { publishedCandidates.append(earliest) }
        publishedCandidates += declared
        for v in [ld.modified] + HTMLArticleMetadata.modifiedKeys.map({ d.meta[$0] }) {
            if let v, let s = HTMLDateText.parse(v) { modifiedCandidates.append(s) }
        }
        for u in [url, d.meta["og:url"]] {
            if let u, let day = HTMLDateText.inURL(u) { publishedCandidates.append(.init(day: day, time: nil)) }
        }
        // Date lines near the top of the page ("Published 19 November 2019", or a short line opening
        // with a date just above the article), never a footer's year alone.
        let start = paragraphs.items.firstIndex { $0.event >= content.lowerBound } ?? paragraphs.items.count
        // A line saying "Published" comes before one marked as a date or saying "Updated" (which may be
        // the time the page was printed or changed), and that before a bare date line above the article.
        var seen = 0
        // Between a marked line and a bare one: a line at the head of the article that holds an inline
        // element marked as a date or byline (`<span class="date">`, "von <span class="author">…</span>
        // Veröffentlicht am 1. Mai 2019", "Author: Jane am 29.12.2010"), which the block's marks miss.
        var cued: HTMLDateText.Stamp?, flagged: HTMLDateText.Stamp?, inner: HTMLDateText.Stamp?, bare: HTMLDateText.Stamp?
        for (k, p) in paragraphs.items.enumerated() where p.event <= content.upperBound && (!p.excluded || p.event < content.lowerBound) {
            seen += 1
            if seen > 400 || cued != nil { break }
            guard p.length <= 100 else { continue }
            let cue = HTMLArticleMetadata.dateCue(p.text)
            // A marked line that is mostly a link is a teaser's date, not the article's (a bare date line
            // that is a link most often leads to the month's archive).
            let notALink = p.linkLength * 2 < p.length
            let atHead = k >= start - 30 && k <= start + 5
            let opensWithDate = k < start && k >= start - 30 && p.length <= 40 && p.text.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
            let markedLine = atHead && p.kind != .title && notALink && (p.innerMarks.contains(.date) || p.innerMarks.contains(.byline)
                || p.flags.contains(.byline) || HTMLArticleMetadata.opensByline(String(decoding: p.text.prefix(24), as: UTF8.self)))
            guard cue == .published || flagged == nil && (cue == .updated || p.flags.contains(.date)) || inner == nil && markedLine
                || bare == nil && opensWithDate else { continue }
            if let s = HTMLDateText.loose(String(decoding: p.text, as: UTF8.self)) {
                if cue == .published { cued = s } else if cue == .updated || p.flags.contains(.date) { flagged = s } else if markedLine { inner = s } else { bare = s }
            }
        }
        publishedCandidates += [cued, flagged, inner, bare].compactMap { $0 }
        // <time datetime> near the article, outside page furniture below it.
        // (Times marked as published count here too when there are too many of them to be trusted above.)
        for t in d.times where !t.published || marked.count > 2 {
            let open = page.elements[Int(t.element)].open
            guard open <= content.upperBound, !paragraphs.excluded[Int(t.element)] || open < content.lowerBound else { continue }
            if let s = HTMLDateText.parse(t.value) {
                publishedCandidates.append(s)
                break
            }
        }
        // Last: a date line in the few lines just below the article ("Veröffentlicht am: …" under a blog post).
        if let end = paragraphs.items.lastIndex(where: { $0.event <= content.upperBound }) {
            for p in paragraphs.items[(end + 1)...].prefix(3) where !p.excluded && p.length <= 100
                && (p.flags.contains(.date) || HTMLArticleMetadata.startsWithDateCue(p.text)) {
                if let s = HTMLDateText.loose(String(decoding: p.text, as: UTF8.self)) {
                    publishedCandidates.append(s)
                    break
                }
            }
        }
    }

    /// Whether `value` is (or holds) the site's name, or names a web site.
    private static func namesSite(_ value: String, _ site: String?) -> Bool {
        let v = value.lowercased()
        if v.contains("www.") || v.contains(".com") || v.contains(".de") || v.contains("(") { return true }
        guard let site = site?.lowercased(), !site.isEmpty else { return false }
        return v.contains(site) || site.contains(v)
    }

    /// Whether `name` is part of the site's name ("El Colombiano" of "ElColombiano.com") without being
    /// the whole of it or the person a site opens with ("Jane Doe" of "Jane Doe - Travel Notes").
    static func isPartOfSiteName(_ name: String, _ site: String?) -> Bool {
        guard let site else { return false }
        func compact(_ s: String) -> String { String(s.lowercased().unicodeScalars.filter { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) }.map(Character.init)) }
        let n = compact(name), s = compact(site)
        guard !n.isEmpty, n != s, s.contains(n) else { return false }
        for sep in [" - ", " | ", " – ", " — ", ": "] where site.hasPrefix(name + sep) { return false }
        return true
    }

    /// Whether a line opens as a byline does ("By Jane Doe", "Von Max Muster", "Ein Artikel von …").
    static func opensByline(_ text: String) -> Bool {
        guard let first = text.utf8.first, "bvpeatBVPEAT".utf8.contains(first) else { return false }
        let lower = text.lowercased()
        for lead in ["by ", "von ", "par ", "por ", "ein artikel von ", "posted by ", "author: ", "autor: ", "text: ", "von: ", "by: "] where lower.hasPrefix(lead) {
            let rest = text.dropFirst(lead.count)
            return rest.first.map { $0.isUppercase } ?? false
        }
        return false
    }

    /// Whether a line names its author with a lead-in word somewhere in it ("… 2019 von Heiko",
    /// "jeudi 13 juin 2019, par …"): a line marked only by an inline author element may be a teaser's.
    static func hasBylineLead(_ text: String) -> Bool {
        let lower = " " + text.lowercased()
        return [" by ", " von ", " par ", " por ", " di ", " door "].contains { lower.contains($0) }
    }

    enum DateCue { case published, updated }

    /// The cue a short paragraph opens with: publication ("Published", "Veröffentlicht", "Publié",
    /// "Posted", "Stand") or update ("Updated", "Aktualisiert").
    private static func dateCue(_ text: [UInt8]) -> DateCue? {
        guard let first = text.first, "pvsdeuaogPVSDEUAOG".utf8.contains(first) else { return nil }
        let head = String(decoding: text.prefix(24), as: UTF8.self).lowercased()
        if ["updated", "aktualisiert"].contains(where: { head.hasPrefix($0) }) { return .updated }
        let published = ["published", "posted", "veröffentlicht", "publié", "stand:", "datum:", "date:", "erschienen",
                         "opublikowano", "publicado", "pubblicato", "gepubliceerd"]
        return published.contains { head.hasPrefix($0) } ? .published : nil
    }

    private static func startsWithDateCue(_ text: [UInt8]) -> Bool { dateCue(text) != nil }

    /// `Headline | Site` → `Headline`: the longest part of a title split at ` | `, ` - `, ` — `, ` – `.
    static func withoutSiteName(_ title: String) -> String? {
        guard let t = title.cleanedMetadata else { return nil }
        for sep in [" | ", " - ", " \u{2014} ", " \u{2013} ", " :: ", " » "] where t.contains(sep) {
            return t.components(separatedBy: sep).max { $0.count < $1.count }
        }
        return t
    }
}

extension String {
    /// Character references decoded, white space collapsed, ends trimmed; nil when nothing is left.
    var cleanedMetadata: String? {
        HTMLEntities.decodeAll(self).collapsedOrNil
    }
}
