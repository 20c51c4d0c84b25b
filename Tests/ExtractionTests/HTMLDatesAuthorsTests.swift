@testable import Extraction
import Testing

/// Golden tests of publication dates and bylines on small pages written for them, each modelled on a
/// structure met in held-out pages of the html-eval corpus (bench/html-gold/dates-authors-2.tsv);
/// no page here is copied from anywhere.
@Suite struct HTMLDatesAuthorsTests {
    static let prose = "The committee met for six hours on Tuesday, and its members argued over the budget, the schedule and the contractors before they agreed on a plan."

    static func read(_ page: String) -> ReadArticle { HTMLReaderTests.read(page) }

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
        func names(_ lines: String...) -> [String] {
            var c = HTMLBylineCleaner()
            for l in lines { c.add(l) }
            return c.names
        }
        #expect(names("By Evan Sample , August 14, 2020 2:30 pm") == ["Evan Sample"])
        #expect(names("Blackswan Thursday, May 30, 2019") == ["Blackswan"])
        #expect(names("By Staff Writer | Updated: November 9, 2023 at 12:21 a.m.") == [])
        #expect(names("von Fatima in Gefühle, Popkultur") == ["Fatima"])
        #expect(names("Von:", "Wolfgang Beispiel") == ["Wolfgang Beispiel"])
        #expect(names("© Gepa") == [])
        #expect(names("Newsdesk") == [])
        #expect(names("Super User") == [])
        #expect(names("By Theresa May") == ["Theresa May"])
        #expect(names("Lena Sun") == ["Lena Sun"])
        #expect(names("Posted 11. April 2018 by Walter von Beispiel") == ["Walter von Beispiel"])
        #expect(names("Veröffentlicht am 10. Februar 2019 9. Februar 2019 von Heiko") == ["Heiko"])
        #expect(names("Accueil | Par Loïc Beispiel | 30 septembre 2018") == ["Loïc Beispiel"])
        #expect(names("Verein: Historische Wehranlage in Horka e.V.") == [])
        #expect(names("Jane Doe•15 Beiträge") == ["Jane Doe"])
        #expect(names("Text: Jane Doe | Fotos von John Roe").first == "Jane Doe")
    }
}
