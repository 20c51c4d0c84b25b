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
        "citation_author", "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
        "twitter:creator:name", "cxenseparse:author", "og:article:author",
    ]
    /// Fields that write a person as a library catalogue does: "Harm, Robert".
    private static let surnameFirstKeys: Set<String> = ["citation_author", "dc.creator", "dcterms.creator"]

    /// `content` is the event range of the article's first and last paragraph: bylines and dates
    /// are looked for up to its end, and in page furniture only before its start (never in comments below).
    init(page: HTMLPage, paragraphs: HTMLParagraphs, content: ClosedRange<Int32>, warnings: inout [String]) {
        let d = page.declarations
        let ld = HTMLLinkedData(d.jsonLD)
        // The index of the article's first paragraph, by which bylines and dates are looked for.
        let start = paragraphs.items.firstIndex { $0.event >= content.lowerBound } ?? paragraphs.items.count
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
        // The first author field that names people (a page's `author` may be a cited work's, where `citation_author` is there).
        for k in HTMLArticleMetadata.authorKeys where people.names.isEmpty {
            // A site's own name in the author field is not a person.
            if let v = d.meta[k]?.cleanedMetadata, !HTMLArticleMetadata.namesSite(v, site) {
                people.add(HTMLArticleMetadata.firstNameFirst(v, key: k))
            }
        }
        if people.names.isEmpty {
            // The page's byline: an element marked as author or byline, or a short line opening with
            // "By"/"Von"/"Par", outside page furniture (not a comment's author) and near the top.
            // Near the top of the article: from 80 paragraphs before its start (a long menu before it
            // does not use the look up).
            // A line holding an inline element marked as author counts at the head of the article only,
            // where teasers are not: below the headline, the element's own text ("The Guardian 02/10/2020
            // <span class="authorname">Jane Doe</span>"); else the line when it names the author with a
            // lead-in word ("Veröffentlicht am 10. Februar 2019 von <span class="author">Heiko</span>").
            let headline = paragraphs.items.firstIndex { $0.kind == .title && $0.event <= content.upperBound } ?? start - 3
            var looked = 0
            for (k, p) in paragraphs.items.enumerated().dropFirst(max(0, start - 80)) where p.kind != .title
                && p.event <= content.upperBound && HTMLArticleMetadata.isReadable(p, k, start: start, content: content, forDate: false) {
                looked += 1
                if looked > 160 || people.names.count >= 6 { break }
                let text = { String(decoding: p.text, as: UTF8.self) }
                let marked = p.innerMarks.contains(.byline) && k >= start - 30 && k <= start + 5
                // A picture's credit in page furniture (a caption's "Fotos: …") is not the byline.
                if p.excluded && HTMLBylineCleaner.opensWithPictureWord(text()) { continue }
                if p.length <= 120 && (p.flags.contains(.byline) || HTMLArticleMetadata.opensByline(text())) {
                    people.add(text())
                } else if marked && k > headline, let name = HTMLArticleMetadata.markedText(page, from: p.event,
                                                                                   until: k + 1 < paragraphs.items.count ? paragraphs.items[k + 1].event : nil) {
                    people.add(name)
                } else if marked && p.length <= 120 && HTMLArticleMetadata.hasBylineLead(text()) {
                    people.add(text())
                }
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
        // Last, a JSON-LD author given by reference (`"author": {"@id": …}` and a `Person` elsewhere in
        // the graph, as Yoast writes WordPress articles): the site's user who posted, who is the
        // author when the page shows no byline, but not over one it shows.
        // A user named after the site ("NOW Grenada", "IT Finanzmagazin /pp") is the site's account, as in a meta field.
        if people.names.isEmpty {
            for a in ld.referencedAuthors where !(a["name"]?.string.map { HTMLArticleMetadata.namesSite($0, site) } ?? false) {
                people.add(json: a)
            }
        }
        // The site's own name where a person's should be ("Wikimedia" on the Wikimedia Foundation's site,
        // "StarsInsider" on Stars Insider's) or after it ("Jane Doe PhillyVoice", left by "PhillyVoice Staff").
        authors = people.names.map { HTMLArticleMetadata.withoutTrailingSiteName($0, site) }.filter {
            !HTMLArticleMetadata.isPartOfSiteName($0, site) && !HTMLArticleMetadata.isSiteName($0, site)
        }
        agencies = people.agencies

        // Dates, most trusted first: declared, the URL's, date lines at the head of the article,
        // a `<time>` near it, a date line just below it.
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
        for v in [ld.modified] + HTMLArticleMetadata.modifiedKeys.map({ d.meta[$0] }) {
            if let v, let s = HTMLDateText.parse(v) { modifiedCandidates.append(s) }
        }
        let inURL = [url, d.meta["og:url"]].compactMap { $0.flatMap(HTMLDateText.inURL) }.map { HTMLDateText.Stamp(day: $0, time: nil) }
        let lines = HTMLArticleMetadata.dateLines(paragraphs, content: content, start: start)
        if let first = HTMLArticleMetadata.firstDeclared(declared, modified: modifiedCandidates, shown: lines.first, inURL: inURL.first) {
            publishedCandidates.append(first)
        }
        publishedCandidates += declared + inURL + lines
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
        // Nothing else: a short line holding a whole date (day, month and year) by the head of the
        // article, as htmldate's extensive search reads the page's text ("Benni, 10. September 2017").
        if publishedCandidates.isEmpty {
            for (k, p) in paragraphs.items.enumerated().dropFirst(max(0, start - 30)).prefix(40)
                where p.length <= 120 && p.kind != .title && !HTMLArticleMetadata.isMostlyLink(p) && (!p.excluded || k < start)
                && HTMLArticleMetadata.hasYear(p.text) {
                if let s = HTMLDateText.loose(String(decoding: p.text, as: UTF8.self)) {
                    publishedCandidates.append(s)
                    break
                }
            }
        }
        // Still nothing: an info box's label and value on lines of their own ("Date" / "19.01.2020",
        // "Datum" / "31.01.2022" beside "Autor" / a name), wherever the box is: such a labelled pair
        // is the article's own, even in a sidebar that the body leaves out.
        if publishedCandidates.isEmpty {
            let items = paragraphs.items
            for (k, p) in items.enumerated() where p.length <= 40 {
                // The label alone with its value on the next line, or both on one ("Datum 25.01.2022").
                let firstDigit = p.text.firstIndex { $0 >= 0x30 && $0 <= 0x39 } ?? p.text.endIndex
                let value: HTMLParagraphs.Paragraph
                if firstDigit == p.text.endIndex, k + 1 < items.count, HTMLArticleMetadata.isDateLabel(p.text) {
                    value = items[k + 1]
                } else if firstDigit > 0, HTMLArticleMetadata.isDateLabel(Array(p.text[..<firstDigit])) {
                    value = p
                } else {
                    continue
                }
                if value.length <= 40, value.linkLength == 0, HTMLArticleMetadata.hasYear(value.text),
                   let s = HTMLDateText.loose(String(decoding: value.text, as: UTF8.self)) {
                    publishedCandidates.append(s)
                    break
                }
            }
        }
    }

    /// Labels of a publication date standing on a line of their own, a colon allowed.
    private static let dateLabels: Set<String> = [
        "date", "published", "published on", "publication date", "datum", "veröffentlicht", "veröffentlicht am",
        "erschienen am", "publiziert", "mise en ligne", "publié le", "date de publication", "publicado", "fecha",
        "pubblicato", "data", "opublikowano",
    ]

    /// Whether `text` is only a publication date's label ("Datum", "Date:", "Mise en ligne").
    static func isDateLabel(_ text: [UInt8]) -> Bool {
        var t = text
        while let last = t.last, last == UInt8(ascii: ":") || last == 0x20 { t.removeLast() }
        return dateLabels.contains(String(decoding: t, as: UTF8.self).lowercased())
    }

    /// Whether `text` holds a year from 1990 to 2039 as a number of its own.
    static func hasYear(_ text: [UInt8]) -> Bool {
        guard text.count >= 4 else { return false }
        func digit(_ i: Int) -> Bool { i >= 0 && i < text.count && text[i] >= 0x30 && text[i] <= 0x39 }
        for i in 0...(text.count - 4) where !digit(i - 1) && !digit(i + 4) && digit(i + 2) && digit(i + 3) {
            if text[i] == UInt8(ascii: "1") && text[i + 1] == UInt8(ascii: "9") && text[i + 2] == UInt8(ascii: "9")
                || text[i] == UInt8(ascii: "2") && text[i + 1] == UInt8(ascii: "0") && text[i + 2] <= UInt8(ascii: "3") { return true }
        }
        return false
    }

    /// The declared date to trust first. The earliest, as an update often rewrites one of the fields;
    /// but when the fields disagree, not one that is a later update's day (a bare `date` field often
    /// holds it), and the one the page shows if it shows one of them. A UTC instant whose URL gives the
    /// day before or after is that day: the site's local day; so is a date line's day before a UTC
    /// time before 08:00 (a date line may be the page header's today: not a day after).
    static func firstDeclared(_ declared: [HTMLDateText.Stamp], modified: [HTMLDateText.Stamp], shown: HTMLDateText.Stamp?,
                              inURL: HTMLDateText.Stamp?) -> HTMLDateText.Stamp? {
        guard var first = declared.min() else { return nil }
        let days = Set(declared.map(\.day))
        if days.count > 1 {
            let updates = Set(modified.map(\.day).filter { $0 > first.day })
            let original = declared.filter { !updates.contains($0.day) }
            let kept = original.isEmpty ? declared : original
            first = kept.first { $0.day == shown?.day } ?? kept.min() ?? first
        }
        if let time = first.time, time.hasSuffix("Z") || time.hasSuffix("+00:00") {
            if let local = inURL, abs(local.day.daysSinceEpoch - first.day.daysSinceEpoch) == 1 {
                return HTMLDateText.Stamp(day: local.day, time: nil)
            }
            // An evening in the Americas is the small hours in UTC: a date line with the day before.
            if let local = shown, local.day.daysSinceEpoch == first.day.daysSinceEpoch - 1,
               let hour = Int(time.dropFirst().prefix(2)), hour < 8 {
                return HTMLDateText.Stamp(day: local.day, time: nil)
            }
        }
        return first
    }

    /// Date lines near the top of the page, most trusted first ("Published 19 November 2019", or a
    /// short line opening with a date at the head of the article), never a footer's year alone:
    /// a line saying "Published" comes before one marked as a date or saying "Updated" (which may be
    /// the time the page was printed or changed), and that before a line at the head of the article
    /// holding an inline element marked as a date or byline (`<span class="date">`, "von <span
    /// class="author">…</span> Veröffentlicht am 1. Mai 2019"), which the block's marks miss; then a
    /// line opening with a date by the headline, then the date of a byline line in the article
    /// ("Author: Jane am 29.12.2010" below a post).
    /// `start` is the index of the article's first paragraph.
    static func dateLines(_ paragraphs: HTMLParagraphs, content: ClosedRange<Int32>, start: Int) -> [HTMLDateText.Stamp] {
        var seen = 0
        var cued: HTMLDateText.Stamp?, flagged: HTMLDateText.Stamp?, inner: HTMLDateText.Stamp?, bare: HTMLDateText.Stamp?
        var bylined: HTMLDateText.Stamp?
        for (k, p) in paragraphs.items.enumerated() where p.event <= content.upperBound && isReadable(p, k, start: start, content: content, forDate: true) {
            seen += 1
            if seen > 400 && k > start + 5 || cued != nil { break }
            // By the headline, a line (even a long first paragraph) may open with the date: "(21. November 2022) Energieverbraucher …".
            let opening = k >= start - 30 && k <= start + 3 ? openingDate(p.text) : nil
            guard p.length <= 100 || opening != nil else { continue }
            let cue = dateCue(p.text)
            // A marked line that is mostly a link is a teaser's date, not the article's (a bare date line
            // that is a link most often leads to the month's archive).
            let notALink = !isMostlyLink(p)
            let atHead = k >= start - 30 && k <= start + 5
            let bylineLine = { p.flags.contains(.byline) || opensByline(String(decoding: p.text.prefix(24), as: UTF8.self)) }
            let markedLine = atHead && p.kind != .title && notALink && (p.innerMarks.contains(.date) || p.innerMarks.contains(.byline) || bylineLine())
            let line = { String(decoding: p.text, as: UTF8.self) }
            if cue == .published, let s = HTMLDateText.loose(line()) {
                cued = s
            } else if flagged == nil, cue == .updated || p.flags.contains(.date), let s = HTMLDateText.loose(line()) {
                flagged = s
            } else if inner == nil, markedLine, let s = HTMLDateText.loose(line()) {
                inner = s
            } else if bare == nil, let s = opening {
                bare = s
            } else if bylined == nil, p.event >= content.lowerBound, bylineLine(), let s = HTMLDateText.loose(line()) {
                bylined = s
            }
        }
        return [cued, flagged, inner, bare, bylined].compactMap { $0 }
    }

    /// Whether a line is mostly link text, as a teaser's or an archive link's date is, and not a meta
    /// line whose links are short and hold no digit: the author's name or the categories beside the
    /// date ("<a rel=author>KonstantinNotz</a> 15. Januar 2015"). A date that is itself a link is not the line's.
    static func isMostlyLink(_ p: HTMLParagraphs.Paragraph) -> Bool {
        p.linkLength * 2 >= p.length && (p.linkHasDigits || p.linkLength > 40)
    }

    /// Whether a paragraph may hold the article's date (`forDate`) or byline: not page furniture, unless it
    /// is above the article, or at its head and marked, inside and out, as a byline (an author box by the
    /// lead, whose name is marked again; not its labels, "Autorenseite von", "Mehr"), or for a date, as a
    /// date (a caption marked so holds the people in the picture, not the authors).
    static func isReadable(_ p: HTMLParagraphs.Paragraph, _ k: Int, start: Int, content: ClosedRange<Int32>, forDate: Bool) -> Bool {
        !p.excluded || p.event < content.lowerBound
            || k <= start + 5 && (p.flags.contains(.byline) && p.innerMarks.contains(.byline) || forDate && p.flags.contains(.date))
    }

    /// The date a line opens with ("25.10.2022 - Jane Doe", "26 | 01 | 2022", "(21. November 2022) …"), read in its first 24 bytes.
    static func openingDate(_ text: [UInt8]) -> HTMLDateText.Stamp? {
        guard let first = text.first(where: { $0 != UInt8(ascii: "(") }), first >= 0x30 && first <= 0x39,
              text.first == first || text.first == UInt8(ascii: "(") else { return nil }
        return HTMLDateText.loose(String(decoding: text.prefix(24), as: UTF8.self))
    }

    /// The text of the first element marked as byline or author that opens in events `from..<until`
    /// (to the page's end when `until` is nil) and is no longer than a name.
    static func markedText(_ page: HTMLPage, from: Int32, until: Int32?) -> String? {
        let end = Int(until ?? Int32(page.events.count))
        var k = Int(from)
        while k < end {
            defer { k += 1 }
            guard case .open(let e) = page.events[k], page.elements[Int(e)].hints.contains(.byline) else { continue }
            var text = ""
            let close = min(Int(page.elements[Int(e)].close), page.events.count - 1)
            for event in page.events[k...max(k, close)] {
                if case .text(let a, let b) = event { text += page.string(a, b) + " " }
            }
            // A name, not a box that holds one among its links and labels.
            if let t = text.collapsedOrNil, t.count <= 60 { return t }
        }
        return nil
    }

    /// "Harm, Robert" of a catalogue-style field as "Robert Harm"; any other value as it is.
    static func firstNameFirst(_ value: String, key: String) -> String {
        let parts = value.split(separator: ",").map { $0.trimmingSpaces() }
        guard surnameFirstKeys.contains(key), parts.count == 2, !parts[0].contains(" "),
              (1...3).contains(parts[1].split(separator: " ").count) else { return value }
        return parts[1] + " " + parts[0]
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
        let n = compact(name), s = compact(site)
        guard !n.isEmpty, n != s, s.contains(n) else { return false }
        for sep in [" - ", " | ", " – ", " — ", ": "] where site.hasPrefix(name + sep) { return false }
        return true
    }

    /// Whether `name` is the site's name, however spaced or cased ("StarsInsider" of "Stars Insider"),
    /// written as one word or with an article ("Die Tagespresse"): a site may be named after a person
    /// ("Wolfgang Schmale" of wolfgangschmale.eu).
    static func isSiteName(_ name: String, _ site: String?) -> Bool {
        guard let site else { return false }
        let n = compact(name)
        guard !n.isEmpty && n == compact(site) else { return false }
        let words = name.split(separator: " ")
        return words.count == 1 || words.first.map { articles.contains($0.lowercased()) } == true
    }

    private static let articles: Set<String> = ["the", "die", "der", "das", "le", "la", "les", "el", "los", "il", "de", "het"]

    /// A name of three words or more without a last word that is the site's name.
    static func withoutTrailingSiteName(_ name: String, _ site: String?) -> String {
        let words = name.split(separator: " ")
        guard words.count >= 3, let last = words.last, isSiteName(String(last), site) else { return name }
        return words.dropLast().joined(separator: " ")
    }

    /// Letters and digits only, in lower case: names compared however they are spaced or written.
    private static func compact(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) }.map(Character.init))
    }

    /// Whether a line opens as a byline does ("By Jane Doe", "Von Max Muster", "Ein Artikel von …").
    static func opensByline(_ text: String) -> Bool {
        // "By&nbsp;Jane Doe" as "By Jane Doe"; "---- by Jane Doe" as "by Jane Doe".
        // (0xE2 leads the UTF-8 of the en and em dashes.)
        guard let first = text.utf8.first, first == 0xE2 || "bvpeatBVPEAT-*~".utf8.contains(first) else { return false }
        let text = HTMLBylineCleaner.withoutLeadingMarks(text)
        let lower = text.lowercased()
        for lead in ["by ", "von ", "par ", "por ", "ein artikel von ", "posted by ", "author: ", "autor: ", "text: ", "von: ", "by: ", "erstellt von "] where lower.hasPrefix(lead) {
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
    /// "Posted", "Stand", "Erstellt am") or update ("Updated", "Aktualisiert").
    static func dateCue(_ text: [UInt8]) -> DateCue? {
        guard let first = text.first, "pvsdeuaogPVSDEUAOG".utf8.contains(first) else { return nil }
        let head = String(decoding: text.prefix(24), as: UTF8.self).lowercased()
        if ["updated", "aktualisiert"].contains(where: { head.hasPrefix($0) }) { return .updated }
        let published = ["published", "posted", "veröffentlicht", "publié", "stand:", "datum:", "date:", "erschienen",
                         "opublikowano", "publicado", "pubblicato", "gepubliceerd", "submitted", "gespeichert", "erstellt"]
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
