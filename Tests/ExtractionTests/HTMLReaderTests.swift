@testable import Extraction
import Testing

/// Golden tests of the HTML reader on small pages written for them, modelled on structures met in
/// real news pages (no page here is copied from anywhere).
@Suite struct HTMLReaderTests {
    static let reference = CivilDate(year: 2024, month: 5, day: 16)

    static func read(_ page: String, reference: CivilDate? = HTMLReaderTests.reference) -> ReadArticle {
        read(bytes: Array(page.utf8), reference: reference)
    }

    static func read(bytes: [UInt8], reference: CivilDate? = HTMLReaderTests.reference) -> ReadArticle {
        switch HTMLReader.read(bytes: bytes, reference: reference) {
        case .success(let r): return r.article
        case .failure(let f):
            Issue.record("no article: \(f.detail)")
            return ReadArticle(body: "")
        }
    }

    static let prose = "The committee met for six hours on Tuesday, and its members argued over the budget, the schedule and the contractors before they agreed on a plan."

    @Test func bodyOnlyInJSONLD() {
        let page = """
        <html><head><title>App</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example Times"},
          {"@type":["NewsArticle"],"headline":"Council approves &amp; funds a new bridge",
           "datePublished":"2019-11-19T13:03:00.000Z","dateModified":"2019-11-20T09:29:08+0000",
           "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Reuters"}],
           "publisher":{"@type":"Organization","name":"Example Times"},
           "articleBody":"\(HTMLReaderTests.prose)\\n\\nA second paragraph says what the bridge will cost and when the work is due to start, which is next spring."}]}
        </script></head><body><div id="app">Loading…</div></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.hasPrefix("The committee met"))
        #expect(r.body.contains("\n\nA second paragraph"))
        #expect(!r.body.contains("Loading"))
        #expect(r.title == "Council approves & funds a new bridge")
        #expect(r.published == "2019-11-19T13:03:00Z")
        #expect(r.modified == "2019-11-20T09:29:08+00:00")
        #expect(r.byline == ["Jane Doe"])
        #expect(r.agencies == ["Reuters"])
        #expect(r.site == "Example Times")
    }

    @Test func articleSplitAcrossSiblingDivs() {
        let page = """
        <html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <main><h1>Bridge vote</h1>
        <div class="story-part"><p>\(HTMLReaderTests.prose)</p><p>First part, second paragraph: the mayor, who had opposed the plan, said she would sign it anyway.</p></div>
        <div class="ad-slot">Advertisement</div>
        <div class="story-part"><p>Second part: engineers, planners and residents will meet again in June, and the first contracts follow in the autumn.</p>
        <h2>What comes next</h2><p>Work on the foundations begins once the river is low, which is usually in August or September.</p></div>
        </main></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("First part, second paragraph"))
        #expect(r.body.contains("Second part: engineers"))
        #expect(r.body.contains("\n\nWhat comes next\n\n"))
        #expect(!r.body.contains("Advertisement"))
        #expect(!r.body.contains("Home"))
        #expect(r.title == "Bridge vote")
    }

    @Test func commentsAndRelatedLinksBelowTheText() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>\(HTMLReaderTests.prose)</p>
        <p>A second paragraph, with a <a href="/mayor">link to the mayor</a>, stays in the article text.</p>
        <p><a href="/more">Read more</a></p></article>
        <section id="comments"><h3>12 comments</h3><div class="comment"><p>A reader writes a long comment, saying that the bridge is a waste of money and that nobody asked the people who live here.</p></div></section>
        <div class="related-stories"><ul><li><a href="/a">Another story about bridges</a></li><li><a href="/b">Council elections</a></li></ul></div>
        <footer>© 2024 Example Times</footer></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("link to the mayor, stays"))
        #expect(!r.body.contains("Read more"))
        #expect(!r.body.contains("A reader writes"))
        #expect(!r.body.contains("Another story"))
        #expect(!r.body.contains("2024"))
    }

    @Test func onlyDateInTheURL() {
        let page = """
        <html><head><link rel="canonical" href="https://example.org/news/2019/11/19/bridge-vote/"></head>
        <body><article><h1>Bridge vote</h1><p>\(HTMLReaderTests.prose)</p></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.published == "2019-11-19")
        #expect(r.url == "https://example.org/news/2019/11/19/bridge-vote/")
    }

    @Test func footerCopyrightYearAndARealDate() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p class="article-date">Published 3 March 2021</p>
        <p>\(HTMLReaderTests.prose)</p></article>
        <footer><p>Copyright 2024 Example Times. All rights reserved. Updated 1 January 2024.</p></footer></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.published == "2021-03-03")
        #expect(!r.body.contains("Published 3 March"))
    }

    @Test func noDateAfterTheFilesTime() {
        let page = """
        <html><head><meta property="article:published_time" content="2031-01-01T10:00:00Z"></head>
        <body><article><p>\(HTMLReaderTests.prose)</p></article></body></html>
        """
        #expect(HTMLReaderTests.read(page).published == nil)
        #expect(HTMLReaderTests.read(page, reference: CivilDate(year: 2031, month: 2, day: 1)).published == "2031-01-01T10:00:00Z")
    }

    @Test func multiAuthorByline() {
        let page = """
        <html><body><article><h1>Bridge vote</h1>
        <div class="byline">By Jane Doe and John Smith, Staff Writers | jane@example.org | @janedoe</div>
        <p>\(HTMLReaderTests.prose)</p></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.byline == ["Jane Doe", "John Smith"])
        #expect(!r.body.contains("Staff Writers"))
    }

    @Test func organisationsAndAgenciesAreNotPeople() {
        var c = HTMLBylineCleaner()
        c.add("Finian Cunningham. Sputnik International")
        c.add("Reuters")
        c.add("Von FOCUS-Online-Experte Robin Tschöpe")
        #expect(c.names == ["Finian Cunningham", "Robin Tschöpe"])
        #expect(c.agencies == ["Reuters"])
    }

    @Test func nonUTF8PageDeclaredInMeta() {
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>M".utf8)
        bytes += [0xFC] + Array("ller</title></head><body><p>M".utf8) + [0xFC]
        bytes += Array("ller sagte: ".utf8) + [0x84] + Array("Stra".utf8) + [0xDF, 0x65, 0x93] + Array(", und ging. ".utf8)
        bytes += Array(HTMLReaderTests.prose.utf8) + Array("</p></body></html>".utf8)
        switch HTMLReader.read(bytes: bytes, reference: nil) {
        case .success(let r):
            #expect(r.encoding == .windows1252)
            #expect(r.article.body.hasPrefix("Müller sagte: „Straße“, und ging."))
            #expect(r.article.title == "Müller")
        case .failure(let f): Issue.record("no article: \(f.detail)")
        }
    }

    @Test func tagSoupAsBrowsersReadIt() {
        let page = """
        <html><body><div class="article-body"><p>One paragraph left open
        <p>Another, with <b>bold <i>nested</b> text</i> and a script <script>if (a </b) { s = "</p><p>not text"; }</script>after it.
        <ul><li>First item<li>Second item</ul>
        <p>Line one<br>same paragraph<br><br>a new paragraph &amp; &notit; &#150; &#x1F600; &copy &unknown;</p>
        <noscript><p>Enable JavaScript</p></noscript><template><p>Template text</p></template>
        <svg><title>Icon</title><![CDATA[ vector data ]]></svg><!-- a comment <p>hidden</p> -->
        <textarea>Typed text</textarea><p>Last words.</p></div></body></html>
        """
        let r = HTMLReaderTests.read(page, reference: nil)
        let paragraphs = r.body.components(separatedBy: "\n\n")
        #expect(paragraphs.contains("One paragraph left open"))
        #expect(paragraphs.contains("Another, with bold nested text and a script after it."))
        #expect(paragraphs.contains("First item"))
        #expect(paragraphs.contains("Second item"))
        #expect(paragraphs.contains("Line one same paragraph"))
        #expect(paragraphs.contains("a new paragraph & ¬it; – 😀 © &unknown;"))
        #expect(paragraphs.last == "Last words.")
        for hidden in ["not text", "Enable JavaScript", "Template text", "Icon", "vector data", "hidden", "Typed text"] {
            #expect(!r.body.contains(hidden), "\(hidden)")
        }
    }

    /// A blog platform that keeps the post only in a script template and its `<noscript>` fallback,
    /// inside the element marked as the article body: the fallback is the article, read once.
    @Test func articleOnlyInANoscriptFallback() {
        let page = """
        <html><body><div class="sidebar"><h3>Archive</h3><ul><li><a href="/2020/05">May</a></li></ul></div>
        <div class="post"><h2 class="title">Bridge vote</h2><div class="post-body" itemprop="articleBody">
        <script type="text/template"><p>\(HTMLReaderTests.prose)</p><p>\(HTMLMainContentTests.second)</p></script>
        <noscript><p>\(HTMLReaderTests.prose)</p><p>\(HTMLMainContentTests.second)</p></noscript>
        </div></div><noscript><img src="/pixel.gif"><p>Please enable JavaScript to comment.</p></noscript></body></html>
        """
        let r = HTMLReaderTests.read(page, reference: nil)
        #expect(r.body.components(separatedBy: "The committee met").count == 2)
        #expect(r.body.contains("Residents who live"))
        #expect(!r.body.contains("enable JavaScript"))
    }

    @Test func everyNamedReferenceDecodes() {
        #expect(HTMLEntities.decodeAll("&NotNestedGreaterGreater; &bigotimes; &Aacute &amp;amp;") == "\u{2AA2}\u{0338} \u{2A02} Á &amp;")
        #expect(HTMLEntityTable.byName.count == 2231)
    }

    @Test func datesWrittenAsRFC3339() {
        #expect(HTMLDateText.parse("2019-11-19T13:03:00.000Z")?.rfc3339 == "2019-11-19T13:03:00Z")
        #expect(HTMLDateText.parse("2019-11-20T09:29:08+0000")?.rfc3339 == "2019-11-20T09:29:08+00:00")
        #expect(HTMLDateText.parse("2019-11-19 02:24:00")?.rfc3339 == "2019-11-19")
        // A time with its zone is an instant; one without (above) says only the day.
        #expect(HTMLDateText.parse("Tue, 19 Nov 2019 13:03:00 GMT")?.rfc3339 == "2019-11-19T13:03:00Z")
        #expect(HTMLDateText.parse("19.11.2019")?.rfc3339 == "2019-11-19")
        #expect(HTMLDateText.parse("10. Februar 2019")?.rfc3339 == "2019-02-10")
        #expect(HTMLDateText.inURL("https://example.org/2019/11/19/story") == CivilDate(year: 2019, month: 11, day: 19))
        #expect(HTMLDateText.inURL("https://example.org/2019/11/story") == nil)
    }

    /// The site's own name where the author should be is not a person; a person a site is named after is.
    @Test func siteNameIsNotAnAuthor() {
        #expect(HTMLArticleMetadata.isPartOfSiteName("El Colombiano", "ElColombiano.com"))
        #expect(HTMLArticleMetadata.isPartOfSiteName("Wikimedia", "Wikimedia Foundation"))
        #expect(!HTMLArticleMetadata.isPartOfSiteName("Jane Doe", "Jane Doe - Travel Notes"))
        #expect(!HTMLArticleMetadata.isPartOfSiteName("Jane Doe", "Jane Doe"))
        #expect(!HTMLArticleMetadata.isPartOfSiteName("Jane Doe", "Example Times"))
        let page = """
        <html><head><meta property="og:site_name" content="Riverside Foundation">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge vote","author":{"@type":"Person","name":"Riverside"}}</script></head>
        <body><article><h1>Bridge vote</h1><p>\(HTMLReaderTests.prose)</p></article></body></html>
        """
        #expect(HTMLReaderTests.read(page).byline.isEmpty)
    }

    /// A byline below a long menu, and one that opens "Ein Artikel von", are found.
    @Test func bylineBelowALongMenu() {
        let menu = (1...120).map { "<li><a href=\"/m\($0)\">Section \($0)</a></li>" }.joined()
        let page = """
        <html><body><nav><ul>\(menu)</ul></nav><article><h1>Bridge vote</h1>
        <div class="meta">Ein Artikel von <strong>Jane Doe</strong> | 27.01.2022 - 12:45</div>
        <p>\(HTMLReaderTests.prose)</p><p>\(HTMLMainContentTests.second)</p></article></body></html>
        """
        #expect(HTMLReaderTests.read(page).byline == ["Jane Doe"])
    }

    /// A date line's label colon is not a time ("Veröffentlicht am: 6. August 2009"); a line saying the
    /// page was printed does not stand for the publication date a "Published" line gives.
    @Test func dateLinesWithLabels() {
        #expect(HTMLDateText.loose("Veröffentlicht am: 6. August 2009")?.day == CivilDate(year: 2009, month: 8, day: 6))
        #expect(HTMLDateText.loose("Posted 6. August 2009, 14:05")?.day == CivilDate(year: 2009, month: 8, day: 6))
        let page = """
        <html><body><article><p class="print-date">Printed: 2021-05-11 22:22</p><h1>Bridge vote</h1>
        <p class="meta">Published: 2021-04-29 17:13</p><p>\(HTMLReaderTests.prose)</p><p>\(HTMLMainContentTests.second)</p></article></body></html>
        """
        #expect(HTMLReaderTests.read(page).published == "2021-04-29")
    }

    /// Soft hyphens (U+00AD, `&shy;`) are hyphenation hints a browser shows only at a line's end: not text.
    @Test func softHyphensAreNotText() {
        let page = "<html><body><article><h1>Bridge vote</h1><p>The Mit\u{00AD}tel\u{00AD}alter bridge and the Klima&shy;wandel. \(HTMLReaderTests.prose)</p></article></body></html>"
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("The Mittelalter bridge and the Klimawandel."))
        #expect(!r.body.unicodeScalars.contains("\u{00AD}"))
    }

    /// A German or French page that declares 23:00 UTC in winter (22:00 in summer) gave a date alone,
    /// stored as local midnight: the day is the next one. Any other time, or a page in another zone's
    /// language, keeps its UTC day.
    @Test func centralEuropeanMidnightIsTheNextDay() {
        func published(_ lang: String, _ value: String) -> String? {
            let page = """
            <html lang="\(lang)"><head><meta property="article:published_time" content="\(value)"></head>
            <body><article><h1>Brückenbau</h1><p>\(HTMLReaderTests.prose)</p></article></body></html>
            """
            return HTMLReaderTests.read(page).published
        }
        #expect(published("de", "2021-11-04T23:00Z") == "2021-11-05T00:00:00+01:00")
        #expect(published("fr-FR", "2021-06-14T22:00:00+00:00") == "2021-06-15T00:00:00+02:00")
        #expect(published("de-DE", "2021-11-04T22:00:00Z") == "2021-11-04T22:00:00Z")
        #expect(published("de", "2021-06-14T23:00:00Z") == "2021-06-14T23:00:00Z")
        #expect(published("en-US", "2021-11-04T23:00:00Z") == "2021-11-04T23:00:00Z")
        #expect(published("fr-CA", "2021-11-04T23:00:00Z") == "2021-11-04T23:00:00Z")
    }

    /// A blog post that names its author only in the line under the text ("Posted by … at 5:11 AM"),
    /// without the words that lead to the time ("Veröffentlicht am").
    @Test func bylineInThePostFooter() {
        let page = """
        <html><body><div class="post hentry"><h3>Bridge vote</h3><div class="post-body"><p>\(HTMLReaderTests.prose)</p>
        <p>Residents who live near the river said they had waited for a new crossing for twenty years.</p></div>
        <div class="post-footer"><span class="post-author">Posted by Jane Doe</span> at <span class="post-timestamp">5:11 AM</span></div></div>
        <div class="comments"><h4>2 comments:</h4><p><span class="comment-author">By Max Muster</span> Great news, finally.</p></div>
        </body></html>
        """
        #expect(HTMLReaderTests.read(page).byline == ["Jane Doe"])
        let german = page.replacingOccurrences(of: "Posted by Jane Doe</span> at <span class=\"post-timestamp\">5:11 AM",
                                               with: "Von Max Muster</span> Veröffentlicht am <span class=\"post-timestamp\">3. Mai 2021")
        #expect(HTMLReaderTests.read(german).byline == ["Max Muster"])
    }
}
