@testable import Extraction
import Testing

/// Golden tests of publication dates and bylines on small pages written for them, each modelled on a
/// structure met in held-out pages of the html-eval corpus (bench/html-gold/dates-authors-2.tsv);
/// no page here is copied from anywhere.
@Suite struct HTMLDatesAuthorsTests {
    static let prose = "The committee met for six hours on Tuesday, and its members argued over the budget, the schedule and the contractors before they agreed on a plan."

    static func read(_ page: String) -> ReadArticle { HTMLReaderTests.read(page) }

    /// The names a byline cleaner keeps of `lines`, added one after another.
    static func names(_ lines: String...) -> [String] {
        var c = HTMLBylineCleaner()
        for l in lines { c.add(l) }
        return c.names
    }

    /// Every punctuation mark of every attribute escaped, as some CMSs write them: browsers read the plain values.
    @Test func attributesWithCharacterReferences() {
        let page = """
        <html lang="de"><head><title>Abnehmen</title>
        <meta name="article&#x3A;published_time" content="2019-05-01T11&#x3A;30&#x3A;00&#x2B;02&#x3A;00">
        <script type="application&#x2F;ld&#x2B;json">{"@context":"http://schema.org","@type":"Article","headline":"Abnehmen",
          "datePublished":"2019-05-01T11:30:00+02:00","author":{"@type":"Person","name":"Dana Beispiel"}}</script>
        </head><body><article><h1>Abnehmen</h1><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(page)
        #expect(r.published == "2019-05-01T11:30:00+02:00")
        #expect(r.byline == ["Dana Beispiel"])
    }

    /// A page that declares no date and marks none: a short unmarked line by the head of the article
    /// holding a whole date is the date, as htmldate's extensive search reads it; a bare year is not.
    @Test func anUnmarkedDateLineByTheHeadlineWhenNothingElseTells() {
        let page = """
        <html><body><div class="post"><h1>Bridge vote</h1><div>Jane Doe · 14 March 2021 · 5 min read</div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2021-03-14")
        let yearOnly = page.replacingOccurrences(of: "14 March 2021", with: "since 2021")
        #expect(HTMLDatesAuthorsTests.read(yearOnly).published == nil)
    }

    /// Plone writes its JSON-LD in a `<script>` of no type: one schema.org object is still read; other
    /// untyped scripts are code.
    @Test func linkedDataInAScriptOfNoType() {
        let page = """
        <html><head><title>Vote</title><script>{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Vote",
          "dateModified": "2022-01-27T21:37:38+01:00", "datePublished": "2022-01-28T06:00:00+01:00"}</script>
        <script>var config = {"@context": "x", "datePublished": "2001-01-01"};</script>
        </head><body><article><h1>Vote</h1><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2022-01-28T06:00:00+01:00")
    }

    /// A meta line whose link is its author's name still gives its date; a date that is itself a link
    /// (a blog's archive link) does not count as the line's.
    @Test func aDateLineWithTheAuthorsLink() {
        func page(_ meta: String) -> String {
            """
            <html><body><div class="post"><h1>Jahrestagung</h1>
            <p class="post-meta">\(meta)</p>
            <div class="entry-content"><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></div></body></html>
            """
        }
        let authorLink = page(#"<span class="author vcard"><a href="/author/k/">KonstantinNotz</a></span> <span class="date updated">15. Januar 2015</span>"#)
        #expect(HTMLDatesAuthorsTests.read(authorLink).published == "2015-01-15")
        let dateLink = page(##"<a href="#" rel="bookmark">Donnerstag, Januar 15, 2015</a> / <span class="by-author">Konstantin</span>"##)
        #expect(HTMLDatesAuthorsTests.read(dateLink).published == nil)
    }

    /// A date line after the headline followed by the article's category links: the links are not the
    /// date's, which stays the line's.
    @Test func aDateLineWithCategoryLinks() {
        let page = """
        <html><body><div id="article"><h1>Gute Löhne</h1><span class="_publishingdate">07.11.2023</span>
        <span class="category"><a href="/c/ormalingen">Ormalingen</a>, <a href="/tc/baselbiet">Baselbiet</a></span>
        <div class="content"><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2023-11-07")
    }

    /// An info box beside the article with its labels and values on lines of their own ("Datum" /
    /// "31.01.2022", "Autor" / a name) dates a page that declares nothing, even in a sidebar; so does a
    /// label and its date on one line. An unlabelled date there does not.
    @Test func aLabelledDateInAnInfoBox() {
        func page(_ box: String) -> String {
            """
            <html><body><div class="main"><h1>Hallenmeisterschaften</h1><p>\(HTMLDatesAuthorsTests.prose)</p>
            <p>\(HTMLMainContentTests.second)</p></div>
            <aside class="sidebar"><h3>News-Info</h3>\(box)</aside></body></html>
            """
        }
        #expect(HTMLDatesAuthorsTests.read(page("<dl><dt>Datum</dt><dd>31.01.2022</dd><dt>Autor</dt><dd>Peter Muster</dd></dl>")).published == "2022-01-31")
        #expect(HTMLDatesAuthorsTests.read(page("<div><span>Mise en ligne :</span> <span>23 mai 2019</span></div>")).published == "2019-05-23")
        #expect(HTMLDatesAuthorsTests.read(page("<div>31.01.2022</div><div>Peter Muster</div>")).published == nil)
    }

    /// Polish and Portuguese month names, in the genitive a date uses ("7 kwietnia 2021").
    @Test func polishAndPortugueseMonths() {
        #expect(HTMLDateText.loose("opublikowano:  7 kwietnia 2021")?.day.iso == "2021-04-07")
        #expect(HTMLDateText.loose("12 de março de 2020")?.day.iso == "2020-03-12")
        #expect(HTMLDateText.loose("3 grudnia 2019, 10:15")?.day.iso == "2019-12-03")
        #expect(!HTMLDateText.isCalendarWord("Maja"))
    }

    /// A UTC instant in the small hours whose date line shows the day before is an evening in the
    /// Americas: the page's day. A date line of the day after is not taken (it may be the header's today).
    @Test func aUTCInstantInTheSmallHoursAndTheLocalDateLine() {
        func page(_ utc: String, _ shown: String) -> String {
            """
            <html><head><meta property="article:published_time" content="\(utc)"></head><body><div class="post">
            <h1>Fashion show</h1><div class="meta"><span class="date">\(shown)</span></div>
            <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></body></html>
            """
        }
        #expect(HTMLDatesAuthorsTests.read(page("2022-05-04T03:37:37+00:00", "3 May, 2022, 11:37 pm")).published == "2022-05-03")
        #expect(HTMLDatesAuthorsTests.read(page("2022-05-04T13:37:37+00:00", "3 May, 2022")).published?.hasPrefix("2022-05-04") == true)
        #expect(HTMLDatesAuthorsTests.read(page("2022-05-04T20:37:37+00:00", "5 May, 2022")).published?.hasPrefix("2022-05-04") == true)
    }

    /// A URL whose last segment is a day (`/meldungen/29-10-2021`) dates the page when only one order of
    /// day and month makes a date.
    @Test func aDayFirstDateInTheURL() {
        func page(_ url: String) -> String {
            """
            <html><head><link rel="canonical" href="\(url)"></head><body><article><h1>Zehn Jahre</h1>
            <p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
            """
        }
        #expect(HTMLDatesAuthorsTests.read(page("https://example.org/meldungen/29-10-2021")).published == "2021-10-29")
        #expect(HTMLDatesAuthorsTests.read(page("https://example.org/meldungen/10-29-2021")).published == "2021-10-29")
        #expect(HTMLDatesAuthorsTests.read(page("https://example.org/meldungen/03-04-2021")).published == nil)
    }

    /// An author the JSON-LD names only by `@id` (as Yoast writes WordPress articles) is the `Person`
    /// of that `@id` in the graph, when the page shows no byline; a byline it shows comes first, and
    /// a user named after the site is the site's account.
    @Test func anAuthorGivenByReferenceInTheGraph() {
        func page(person: String, byline: String) -> String {
            """
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"Article","@id":"https://example.org/bridge/#article","headline":"Bridge vote",
               "author":{"@id":"https://example.org/#/schema/person/1f"},"datePublished":"2021-03-14T09:00:00+00:00"},
              {"@type":"WebSite","@id":"https://example.org/#website","name":"Example Times"},
              {"@type":"Person","@id":"https://example.org/#/schema/person/1f","name":"\(person)"}]}</script>
            <meta property="og:site_name" content="Bridge Watch"></head>
            <body><article><h1>Bridge vote</h1>\(byline)<p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
            """
        }
        #expect(HTMLDatesAuthorsTests.read(page(person: "Jane Doe", byline: "")).byline == ["Jane Doe"])
        #expect(HTMLDatesAuthorsTests.read(page(person: "Jane Doe", byline: "<div class=\"byline\">By John Roe</div>")).byline == ["John Roe"])
        #expect(HTMLDatesAuthorsTests.read(page(person: "Bridge Watch", byline: "")).byline == [])
    }

    /// A JSON-LD block a template broke (a name left unquoted) still names its dates.
    @Test func datesInBrokenJSONLD() {
        let page = """
        <html><head><title>Gas</title>
        <script type="application/ld+json">
        { "@context": "http://schema.org", "@type": "NewsArticle", "@author": Jan Kowalski, "headline": "Gas",
          "datePublished": "2021-05-11 09:49:18", "dateModified": "2021-05-11 09:51:31" }
        </script></head><body><article><h1>Gas</h1><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(page)
        #expect(r.published == "2021-05-11")
        #expect(r.modified == "2021-05-11")
    }

    /// A date written as Java prints one (`Mon Oct 11 14:57:21 CEST 2021`): the time inside it is skipped, not the end of the date.
    @Test func dateWithTheTimeBeforeTheYear() {
        #expect(HTMLDateText.loose("Mon Oct 11 14:57:21 CEST 2021")?.day.iso == "2021-10-11")
        #expect(HTMLDateText.loose("Author: Bo2man am 29.12.2010, 13:36 Uhr")?.day.iso == "2010-12-29")
        #expect(HTMLDateText.loose("lundi 9 décembre 2019 à 09h08")?.day.iso == "2019-12-09")
        #expect(HTMLDateText.loose("1st of June, 2020")?.day.iso == "2020-06-01")
        #expect(HTMLDateText.loose("2019年11月19日")?.day.iso == "2019-11-19")
        // Inline elements' texts run together: a label into its date, two dates into each other.
        #expect(HTMLDateText.loose("Erstellt am09.02.2022")?.day.iso == "2022-02-09")
        #expect(HTMLDateText.loose("28. Juni 201914. Januar 2020") == nil)
        #expect(HTMLDateText.parse("2022-1-26T14:32:06+02:00")?.day.iso == "2022-01-26")
        let page = """
        <html lang="de"><head><title>Frauen</title><meta property="og:article:published_time" content="Mon Oct 11 14:57:21 CEST 2021"></head>
        <body><article><h1>Frauen</h1><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2021-10-11")
    }

    /// `<time class="entry-date published">` is the post's date, over a teaser's date above the article.
    @Test func timeMarkedPublishedByItsClass() {
        let page = """
        <html><head><title>Post</title></head><body>
        <aside><ul><li><a href="/a">An older story</a> <span class="date">17.11.2021</span></li></ul></aside>
        <article><h1>Post</h1>
        <div class="posted-on"><time class="entry-date published" datetime="2021-11-19T10:13:50+01:00">19.11.2021</time>
        <time class="updated" datetime="2021-11-20T10:13:51+01:00">20.11.2021</time></div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2021-11-19T10:13:50+01:00")
    }

    /// A date in an inline element marked as one, in a block that is not (`<div><span class="meta__date">`), under the headline.
    @Test func dateInAnInlineElementUnderTheHeadline() {
        let page = """
        <html><head><title>Pumps</title></head><body>
        <h1>Heat pumps sell well</h1>
        <div class="rte"><span class="date inline-block">06.12.2022</span><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2022-12-06")
    }

    /// A two-digit year, in the one shape that is not a version number: `31.10.23` beside the byline.
    @Test func twoDigitYear() {
        #expect(HTMLDateText.loose("Von: Jan Beispiel | 31.10.23")?.day.iso == "2023-10-31")
        #expect(HTMLDateText.loose("Version 1.2.10") == nil)
        #expect(HTMLDateText.loose("Patch 4.47.4") == nil)
        let page = """
        <html><head><title>Bote</title></head><body><div id="content"><h1>Frei erfunden</h1>
        <div class="article-meta-wrapper">Von: Jan Beispiel <span>|</span> <span>31.10.23</span></div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(page)
        #expect(r.published == "2023-10-31")
        #expect(r.byline == ["Jan Beispiel"])
    }

    /// A teaser's date at the head of the article is a link to that teaser: not the article's date.
    @Test func teaserDateIsNotTheArticles() {
        let page = """
        <html><head><title>Boxen</title></head><body>
        <div class="post-meta"><a href="/news/other-story" class="post-date updated">Sonntag, 30. Januar 2022</a></div>
        <h1>Boxen</h1><div class="text"><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == nil)
    }

    /// A byline line that also holds the date ("Author: Bo2man am 29.12.2010, 13:36 Uhr"), a pseudonym with a digit.
    @Test func dateInTheBylineLine() {
        let page = """
        <html><head><title>Events</title></head><body>
        <div class="news"><h2>Die Events der letzten Zeit</h2>
        <div class="left author">Author: Bo2man am 29.12.2010, 13:36 Uhr</div>
        <div class="content"><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></div></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(page)
        #expect(r.published == "2010-12-29")
        #expect(r.byline == ["Bo2man"])
    }

    /// What a byline holds beside the name: the date split at its commas, a section after "in", a
    /// label alone, a picture credit, a news desk.
    @Test func bylineLeftovers() {
        #expect(Self.names("By Evan Sample , August 14, 2020 2:30 pm") == ["Evan Sample"])
        #expect(Self.names("Blackswan Thursday, May 30, 2019") == ["Blackswan"])
        #expect(Self.names("By Staff Writer | Updated: November 9, 2023 at 12:21 a.m.") == [])
        #expect(Self.names("von Fatima in Gefühle, Popkultur") == ["Fatima"])
        #expect(Self.names("Von:", "Wolfgang Beispiel") == ["Wolfgang Beispiel"])
        #expect(Self.names("© Gepa") == [])
        #expect(Self.names("Newsdesk") == [])
        #expect(Self.names("Super User") == [])
        #expect(Self.names("By Theresa May") == ["Theresa May"])
        #expect(Self.names("Lena Sun") == ["Lena Sun"])
        #expect(Self.names("Posted 11. April 2018 by Walter von Beispiel") == ["Walter von Beispiel"])
        #expect(Self.names("Veröffentlicht am 10. Februar 2019 9. Februar 2019 von Heiko") == ["Heiko"])
        #expect(Self.names("Accueil | Par Loïc Beispiel | 30 septembre 2018") == ["Loïc Beispiel"])
        #expect(Self.names("Verein: Historische Wehranlage in Horka e.V.") == [])
        #expect(Self.names("Jane Doe•15 Beiträge") == ["Jane Doe"])
        #expect(Self.names("Text: Jane Doe | Fotos von John Roe").first == "Jane Doe")
    }

    // Structures met in bench/html-gold/dates-authors-3.tsv.

    /// A short line opening with a date just under the headline, inside the article's block
    /// ("25.10.2022 - Jane Doe"); a headline opening with one; a first paragraph opening with one in brackets.
    @Test func dateOpeningALineByTheHeadline() {
        let prose = HTMLDatesAuthorsTests.prose
        let underHeadline = """
        <html><head><title>Planung</title></head><body><div class="view-content"><h1>Die Freiheit der Planung</h1>
        <div class="field">Essay</div><div class="field"><span>25.10.2022 - Jana Beispiel</span></div>
        <p>\(prose)</p><p>\(prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(underHeadline).published == "2022-10-25")
        let inHeadline = """
        <html><head><title>Antholz</title></head><body><div class="news"><h2>23.01.2022 - Wierer darf jubeln</h2>
        <p>\(prose)</p><p>\(prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(inHeadline).published == "2022-01-23")
        let inFirstParagraph = """
        <html><head><title>Preise</title></head><body><div class="text"><h1>Energiepreise</h1>
        <p>(21. November 2022) \(prose)</p><p>\(prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(inFirstParagraph).published == "2022-11-21")
        // A date deep in the text is not the article's.
        let deepInText = """
        <html><head><title>Preise</title></head><body><div class="text"><h1>Energiepreise</h1>
        <p>\(prose)</p><p>\(prose)</p><p>\(prose)</p><p>\(prose)</p><p>(21. November 2022) \(prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(deepInText).published == nil)
    }

    /// Month, day and year in elements with nothing between them read "Apr 042013".
    @Test func dayAndYearRunTogether() {
        #expect(HTMLDateText.loose("Apr 042013")?.day.iso == "2013-04-04")
        #expect(HTMLDateText.loose("Dezember 152013")?.day.iso == "2013-12-15")
        #expect(HTMLDateText.loose("28. Juni 201914. Januar 2020") == nil)
        let page = """
        <html><head><title>Mozart</title></head><body><div class="title-container"><h1>Mozart</h1>
        <div class="date"><span class="month">Apr</span> <span class="day">04</span><span class="year">2013</span></div></div>
        <div class="entry"><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2013-04-04")
    }

    /// A recipe's JSON-LD date: a work that is not an article, dated before its page is.
    @Test func recipeDate() {
        let page = """
        <html><head><title>Sequilho</title><script type="application/ld+json">[{"@context":"https://schema.org","@type":"WebPage",
          "datePublished":"2023-01-02"},{"@context":"https://schema.org","@type":"Recipe","name":"Sequilho","datePublished":"2020-07-14"}]</script>
        </head><body><h1>Sequilho</h1><p>\(HTMLDatesAuthorsTests.prose)</p></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2020-07-14")
    }

    /// An author box by the lead (a class that elsewhere marks a bio below the article) holds the byline and date.
    @Test func authorBoxByTheLead() {
        let page = """
        <html><head><title>Reisen</title></head><body><article><h1>Reisen kosteten 57.000 Euro</h1>
        <p class="lead">\(HTMLDatesAuthorsTests.prose)</p>
        <div class="author-box"><span class="author">Jana Beispiel</span> 1. November 2023 10:29</div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article>
        <div class="author-box"><span class="author">Max Muster</span> 3. November 2023</div></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(page)
        #expect(r.published == "2023-11-01")
        #expect(r.byline == ["Jana Beispiel"])
    }

    /// Declared fields that disagree: not the one that is the update's day, and the one the page shows;
    /// a UTC instant the page shows on the day before (its local day).
    @Test func declaredDatesThatDisagree() {
        func stamp(_ s: String) -> HTMLDateText.Stamp { HTMLDateText.parse(s)! }
        let natgeo = HTMLArticleMetadata.firstDeclared([stamp("2020-01-03T09:48:24Z"), stamp("2020-01-06T09:22:36Z")],
                                                       modified: [stamp("2020-01-06T09:22:36Z")], shown: stamp("2020-01-06"), inURL: nil)
        #expect(natgeo?.day.iso == "2020-01-03")
        let shown = HTMLArticleMetadata.firstDeclared([stamp("2022-01-04T07:29:00Z"), stamp("2022-01-06T08:29:34")],
                                                      modified: [stamp("2022-01-25")], shown: stamp("2022-01-06"), inURL: nil)
        #expect(shown?.day.iso == "2022-01-06")
        let earliest = HTMLArticleMetadata.firstDeclared([stamp("2022-01-06"), stamp("2022-01-04")], modified: [], shown: nil, inURL: nil)
        #expect(earliest?.day.iso == "2022-01-04")
        let local = HTMLArticleMetadata.firstDeclared([stamp("2023-11-09T05:30:59Z")], modified: [], shown: nil, inURL: stamp("2023-11-08"))
        #expect(local?.rfc3339 == "2023-11-08")
        // An instant with its offset is the day it says.
        let offset = HTMLArticleMetadata.firstDeclared([stamp("2022-05-05T21:00:00-05:00")], modified: [], shown: stamp("2022-05-06"), inURL: nil)
        #expect(offset?.rfc3339 == "2022-05-05T21:00:00-05:00")
    }

    /// A date line under a headline that comes after more than 400 lines of menus.
    @Test func dateLineAfterALongMenu() {
        let menu = (1...450).map { "<li><a href=\"/p\($0)\">Preisträger \($0)</a></li>" }.joined()
        let page = """
        <html><head><title>Habeck</title></head><body><ul class="links">\(menu)</ul>
        <div class="article"><h1>Habeck in München</h1><div><span class="date">20.01.2022</span></div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).published == "2022-01-20")
    }

    /// "By&nbsp;Jane Doe", and Drupal's "Submitted by" line in German ("Gespeichert von … am …").
    @Test func bylineWithANoBreakSpaceAndASubmittedLine() {
        let page = """
        <html><head><title>CVS</title></head><body><div class="story"><h1>CVS Health</h1>
        <div class="wrote_by">By&nbsp;<a href="/reporters/jose">José de la Muestra</a></div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).byline == ["José de la Muestra"])
        let submitted = """
        <html><head><title>FairCoin</title></head><body><div id="content"><h1>FairCoin</h1>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p>
        <div class="submitted">Gespeichert von rasos am 24. Juli 2017 - 18:55</div></div></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(submitted).published == "2017-07-24")
    }

    /// Degrees, titles, picture credits and the sections a byline goes on to are not names; a
    /// catalogue's "Surname, First name" is turned round; `citation_author` over a cited work's `author`.
    @Test func bylineTitlesCreditsAndCatalogueNames() {
        #expect(Self.names("Grant Beispiel, PhD") == ["Grant Beispiel"])
        #expect(Self.names("Rechtsanwalt Dennis Beispiel") == ["Dennis Beispiel"])
        #expect(Self.names("Photograph by Ed Sample, Redonda Restoration Programme") == [])
        #expect(Self.names("by Barbara Beispiel / Kategorien: Event, Fashion") == ["Barbara Beispiel"])
        #expect(Self.names("von Dennis Beispiel | E-Mail") == ["Dennis Beispiel"])
        #expect(HTMLArticleMetadata.firstNameFirst("Harm, Robert", key: "dc.creator") == "Robert Harm")
        #expect(HTMLArticleMetadata.firstNameFirst("Harm, Robert", key: "author") == "Harm, Robert")
        #expect(HTMLArticleMetadata.firstNameFirst("Anna Beispiel, Bert Muster", key: "dc.creator") == "Anna Beispiel, Bert Muster")
        let page = """
        <html><head><title>DRESS</title><meta name="citation_author" content="Marwan H. Beispiel"></head><body><article><h1>DRESS</h1>
        <p>\(HTMLDatesAuthorsTests.prose)</p><ol><li itemscope><meta itemprop="author" content="NH. Shear, SP. Spielberg">Shear NH et al. 1988.</li></ol>
        </article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).byline == ["Marwan H. Beispiel"])
    }

    /// A picture's caption by the lead, in furniture marked as byline and date: the people in the
    /// picture and the credit's agency are not the authors.
    @Test func captionByTheLeadIsNotTheByline() {
        let page = """
        <html><head><title>Juicio</title></head><body><article><h1>El juicio</h1>
        <p class="lead">\(HTMLDatesAuthorsTests.prose)</p>
        <ul class="related-gallery"><li class="author date">Juan Pérez (izquierda) y José Gómez (derecha) podrían verse cara a cara.
        <p class="byline-image"><span class="byline">Fotos: EL DIARIO/ AFP</span></p></li></ul>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(page).byline == [])
    }

    /// "Erstellt am" ("created on") opens a publication date line, and "erstellt von" a byline, as
    /// "Veröffentlicht am" and "von" do.
    @Test func createdOnAndCreatedBy() {
        let created = """
        <html lang="de"><head><title>Sieg</title></head><body><article><h1>Sieg im Springen</h1>
        <p>Erstellt am: 30.01.2022 18:36</p><p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(created).published == "2022-01-30")
        let byline = """
        <html lang="de"><head><title>Papst</title></head><body><article><h1>Der Papst und die Eltern</h1>
        <div class="about"><span>erstellt von <a href="/author/dominique">Dominique</a></span> — <span>veröffentlicht 28.01.2022 06:00</span></div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        let r = HTMLDatesAuthorsTests.read(byline)
        #expect(r.published == "2022-01-28")
        #expect(r.byline == ["Dominique"])
    }

    /// A date as RSS writes it (RFC 1123) is a UTC instant, its time kept.
    @Test func dateAsRSSWritesIt() {
        #expect(HTMLDateText.parse("Wed, 04 May 2022 02:41:00 GMT")?.rfc3339 == "2022-05-04T02:41:00Z")
        #expect(HTMLDateText.parse("Wed, 04 May 2022")?.rfc3339 == "2022-05-04")
    }

    /// The site's name in one word is not an author, nor part of one ("Jane Doe PhillyVoice" of "PhillyVoice Staff");
    /// a desk's "Red." is not a person, and a separator before a name is not part of it.
    @Test func siteNameAndDeskAreNotAuthors() {
        let declared = """
        <html><head><title>Fear</title><meta property="og:site_name" content="Stars Beispiel">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Fear",
          "author":{"@type":"Person","name":"StarsBeispiel"}}</script></head>
        <body><article><h1>Fear</h1><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(declared).byline == [])
        let staff = """
        <html><head><title>Game notes</title><meta property="og:site_name" content="CityVoice"></head>
        <body><article><h1>Game notes</h1><div class="author">By Adam Beispiel CityVoice Staff</div>
        <p>\(HTMLDatesAuthorsTests.prose)</p><p>\(HTMLDatesAuthorsTests.prose)</p></article></body></html>
        """
        #expect(HTMLDatesAuthorsTests.read(staff).byline == ["Adam Beispiel"])
        var names = HTMLBylineCleaner()
        names.add("/ Cory Beispiel")
        names.add("Red. / 31.10.2023")
        #expect(names.names == ["Cory Beispiel"])
    }
}
