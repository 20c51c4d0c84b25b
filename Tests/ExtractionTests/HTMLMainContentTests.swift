@testable import Extraction
import Testing

/// Golden tests of how the HTML reader finds the article among page furniture, on small pages
/// written for them (modelled on structures met in real pages; none is copied from anywhere).
@Suite struct HTMLMainContentTests {
    static let prose = HTMLReaderTests.prose
    static let second = "Residents who live near the river said they had waited for a new crossing for twenty years, and that the old ferry was too slow, too expensive and often cancelled."
    static let third = "The work is planned in three stages, each paid for by a separate grant, so that a delay in one of them does not stop the others from going ahead as planned."

    /// A class word ("banner", "header") inside a longer class name is a weak sign: the element that
    /// holds most of the page's running text stays, even when a word in its class would remove it.
    @Test func classWordOnTheArticlesWrapperDoesNotRemoveIt() {
        let page = """
        <html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <div class="PageWideBannerPlaceHolder"><div class="col hasHeaderImage"><h1>Bridge vote</h1>
        <p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></div></div>
        <div class="sidebar"><h3>Interesting articles</h3><ul><li><a href="/a">A story about ferries and their timetables</a></li></ul></div>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("The committee met"))
        #expect(r.body.contains("Residents who live"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Interesting articles"))
    }

    /// A search box or comment form is not article text.
    @Test func formsAreFurniture() {
        let page = """
        <html><body><div class="post"><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p>
        <form action="/comment"><table><tr><td>Name*</td><td><input name="n"></td></tr><tr><td>Your message*</td></tr></table></form></div>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Residents who live"))
        #expect(!r.body.contains("Name*"))
        #expect(!r.body.contains("Your message"))
    }

    /// A page whose only element is one form around everything (as some page frameworks write them) keeps its article.
    @Test func aFormAroundTheWholePageIsNotFurniture() {
        let page = """
        <html><body><form id="aspnetForm" action="/page"><div class="content"><h1>Bridge vote</h1>
        <p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></form></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("The committee met"))
        #expect(r.body.contains("Residents who live"))
    }

    /// A short "Related articles" / "Mehr zum Thema" / "À lire aussi" heading in the second half of the
    /// text ends the article, with whatever teasers follow it in the same block.
    @Test func trailerHeadingEndsTheArticle() {
        for heading in ["Related articles", "Mehr zum Thema:", "À lire aussi", "3 Kommentare", "相关阅读"] {
            let page = """
            <html><body><article><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p>
            <h3>\(heading)</h3><p>Ferries across the river will run less often from next year, the operator said in a statement on Monday.</p>
            </article></body></html>
            """
            let r = HTMLReaderTests.read(page)
            #expect(r.body.contains("Residents who live"), "\(heading)")
            #expect(!r.body.contains(heading), "\(heading)")
            #expect(!r.body.contains("Ferries across"), "\(heading)")
        }
    }

    /// A "Related" box set into the article, with the article going on after it, does not end the
    /// article: its heading and links leave, the paragraphs after the box stay.
    @Test func relatedBoxInsideTheArticleLeavesOnlyItself() {
        let page = """
        <html><body><article class="rich-text"><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p>
        <div class="py-2"><div class="mx-6"><h3>Related</h3><ul><li><a href="/a">Ferry timetables change in spring</a></li>
        <li><a href="/b">The old bridge closes for repairs</a></li></ul></div></div>
        <p>\(HTMLMainContentTests.third)</p></article>
        <section><h3>Related</h3><p>Ferries across the river will run less often from next year, the operator said in a statement on Monday.</p></section>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Related"))
        #expect(!r.body.contains("Ferry timetables"))
        #expect(!r.body.contains("Ferries across"))
    }

    /// A lone "Read more" / "Weiterlesen" line between paragraphs leaves; the text around it stays.
    @Test func loneLinkLabelsLeaveTheBody() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>Weiterlesen</p>
        <p>\(HTMLMainContentTests.second)</p><p>Advertisement</p><p>\(HTMLMainContentTests.third)</p></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Weiterlesen"))
        #expect(!r.body.contains("Advertisement"))
    }

    /// A trailer word inside a sentence is text, not a trailer ("Comments" as a line, not as a word).
    @Test func trailerWordsInsideSentencesStay() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p>
        <p>Comments from the public will be read out at the next meeting.</p><p>\(HTMLMainContentTests.second)</p></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Comments from the public will be read out"))
    }

    /// The standfirst in the article's header, outside the block that scores best, is article text
    /// (jusText's context: prose next to the chosen text with nothing but short lines between).
    @Test func standfirstBesideTheChosenBlockJoins() {
        let standfirst = "After twenty years of argument the council has voted for a new crossing over the river, and the first contracts are to be signed before the end of the year."
        let page = """
        <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><header><h1>Bridge vote</h1><p class="lead">\(standfirst)</p></header>
        <div class="meta"><span class="date">3 March 2021</span></div>
        <div class="article-body"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></div></article>
        <div class="teasers"><h3><a href="/x">A story about ferries</a></h3><p><a href="/y">Another story about the council and its budget for next year</a></p></div>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.hasPrefix("After twenty years"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("A story about ferries"))
        #expect(!r.body.contains("Another story"))
    }

    @Test func trailerLinesAreMatchedWhole() {
        #expect(HTMLTrailers.kind(Array("12 Comments".utf8)) == .ending)
        #expect(HTMLTrailers.kind(Array("Lesen Sie auch:".utf8)) == .ending)
        #expect(HTMLTrailers.kind(Array("Read more »".utf8)) == .line)
        #expect(HTMLTrailers.kind(Array("Comments were mixed".utf8)) == nil)
        #expect(HTMLTrailers.kind(Array("- Anzeige -".utf8)) == .line)
        #expect(HTMLTrailers.kind(Array("– Advertisement –".utf8)) == .line)
        #expect(HTMLTrailers.kind(Array("Empfehlungen aus der Redaktion".utf8)) == .ending)
        #expect(HTMLTrailers.kind(Array("NOTAS RELACIONADAS".utf8)) == .ending)
        // A range of numbers in a table or list is not a label between dashes.
        #expect(HTMLTrailers.kind(Array("Teams 12-15".utf8)) == nil)
        #expect(HTMLTrailers.kind(Array("Posted by Jane Doe".utf8)) == .line)
    }

    /// HTML5's `pubdate` on a `<time>` marks the article's own date, even below the text.
    @Test func timeMarkedPubdateIsThePublicationDate() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p>
        <p>See also the meeting of <time datetime="2022-01-05">5 January</time>.</p></article>
        <div class="page-info">Created <time datetime="2020-10-18T21:30:35Z" pubdate="pubdate">Sunday</time></div></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.published == "2020-10-18T21:30:35Z")
    }

    /// A label before a colon in a byline ("Text und Interview:") is not part of the name.
    @Test func bylineLabelBeforeAColonLeaves() {
        var c = HTMLBylineCleaner()
        c.add("Text und Interview: Jane Doe")
        c.add("Fotos: John Smith")
        #expect(c.names == ["Jane Doe", "John Smith"])
    }

    /// Photo credits, lone dates and "Updated:" lines inside the article block leave the body; a
    /// table's numbers stay.
    @Test func creditsAndLoneDatesLeaveTheBody() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>23.10.2018</p><p>Aktualisiert: 24.10.2018, 10:27</p>
        <p>\(HTMLMainContentTests.prose)</p><p>Foto: Jane Doe/Example Agency</p><p>\(HTMLMainContentTests.second)</p>
        <p>(Credit: John Smith / Example Photos)</p><p>\(HTMLMainContentTests.third)</p>
        <table><tr><td>Cost</td><td>2019</td></tr><tr><td>Length</td><td>420</td></tr></table></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Residents who live"))
        #expect(!r.body.contains("23.10.2018"))
        #expect(!r.body.contains("Aktualisiert"))
        #expect(!r.body.contains("Jane Doe"))
        #expect(!r.body.contains("John Smith"))
        #expect(r.body.contains("420"))
    }

    /// A block that also holds a table of contents or a "Related stories" box does not join the
    /// article, but the prose in it between two chosen paragraphs does; the link list stays out.
    @Test func proseBetweenChosenParagraphsJoins() {
        let inGap = "Engineers who surveyed the old piers last spring found cracks in two of them, which is why the crossing has been closed to lorries since June of last year."
        let links = (1...8).map { "<li><a href=\"/s\($0)\">Story number \($0) about the river and its many bridges</a></li>" }.joined()
        let page = """
        <html><body><article><h1>Bridge vote</h1>
        <div class="text"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div>
        <div class="text"><ul>\(links)</ul><h3>The piers</h3><p>\(inGap)</p></div>
        <div class="text"><p>\(HTMLMainContentTests.third)</p><p>\(HTMLMainContentTests.prose)</p></div>
        </article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Engineers who surveyed"))
        #expect(r.body.contains("The piers"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Story number"))
    }

    /// The lead that a news system marks `teaser-text` or `itemprop=description` is the article's own
    /// standfirst, not a teaser for another page.
    @Test func leadMarkedAsTeaserTextStays() {
        let lead = "After twenty years of argument the council has voted for a new crossing over the river, and the first contracts are to be signed before the end of the year."
        for marking in [#"class="teaser-text""#, #"class="intro teaser" itemprop="description""#] {
            let page = """
            <html><body><div class="news-single"><div class="article"><h1>Bridge vote</h1>
            <div \(marking)><p>\(lead)</p></div>
            <div class="news-text-wrap"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></div>
            </div></div><div class="teaser"><p><a href="/x">Another story about ferries</a></p></div></body></html>
            """
            let r = HTMLReaderTests.read(page)
            #expect(r.body.hasPrefix("After twenty years"), "\(marking)")
            #expect(r.body.contains("three stages"), "\(marking)")
            #expect(!r.body.contains("Another story"), "\(marking)")
        }
    }

    /// An `<aside>` holding more text than the page's `<article>` (a party's programme in the sidebar)
    /// is still beside the article, not the article.
    @Test func longAsideBesideTheArticleIsFurniture() {
        let programme = (1...6).map { "<p>Point \($0): we want faster trains, cheaper buses and safer cycle paths in every town of the region, paid for by the state and not by the towns.</p>" }.joined()
        let page = """
        <html><body><section><article><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p></article>
        <aside><h3>Our programme</h3>\(programme)</aside></section></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Residents who live"))
        #expect(!r.body.contains("faster trains"))
    }

    /// Labels of boxes set into an article (contact, table of contents) and advertising disclosures
    /// leave the body; a rating prompt ends it.
    @Test func boxLabelsAndDisclosuresLeave() {
        let page = """
        <html><body><article><h1>Bridge vote</h1><p>Anzeige, enthält Affiliate Links</p><p>Inhaltsverzeichnis</p>
        <p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p>
        <p>Kontakt:</p><p>War der Artikel nützlich?</p><p>Ja, sehr. Nein, gar nicht. Weiß ich nicht so genau, ehrlich gesagt.</p></article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.hasPrefix("The committee met"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Anzeige"))
        #expect(!r.body.contains("Kontakt"))
        #expect(!r.body.contains("Ja, sehr"))
    }

    /// A date or author class on an element that wraps a whole post (a blog's `date-outer`, a theme's
    /// `author-jane` on the `<article>`) does not make each of its short paragraphs a date or byline line.
    @Test func dateOrAuthorClassAroundAWholePostMarksNoLines() {
        let page = """
        <html><body><div class="date-outer"><h2 class="date-header"><span>Tuesday, 3 March 2021</span></h2>
        <article class="post author-jane"><h1>Bridge vote</h1><p>\(HTMLMainContentTests.prose)</p><p>Or, as the mayor put it:</p>
        <p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></article></div></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Or, as the mayor put it:"))
        #expect(!r.body.contains("Tuesday, 3 March 2021"))
        #expect(r.published == "2021-03-03")
    }

    /// The subtitle straight after the headline is the standfirst even with a byline and date line
    /// (outside the article's block) between it and the text.
    @Test func subtitleAfterTheHeadlineJoins() {
        let page = """
        <html><body><article><header><h1>Bridge vote</h1><h2>After twenty years of argument the council has voted for a new crossing.</h2></header>
        <div class="byline"><a href="/authors/jane">Jane Doe</a></div><div class="date">3 March 2021</div>
        <div class="article-body"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></div>
        </article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.hasPrefix("After twenty years"))
        #expect(!r.body.contains("Jane Doe"))
        #expect(r.body.contains("three stages"))
    }

    /// A lead marked as such ("teaser", "abstract") in a block a class word sets aside, with the date
    /// line between it and the article, is the article's opening; a teaser of another story is not.
    @Test func markedLeadByTheHeadlineJoins() {
        let lead = "After twenty years of argument the council has voted for a new crossing over the river, and the first contracts are to be signed soon."
        let page = """
        <html><body><article><h1>Bridge vote</h1><div class="sidebar-item"><p class="teaser">\(lead)</p></div>
        <div class="date">3 March 2021</div>
        <div class="article-body"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p></div></article>
        <div class="sidebar"><p class="teaser">Ferries across the river will run less often from next year, the operator said in a statement on Monday.</p></div>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.hasPrefix("After twenty years"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Ferries across"))
    }

    /// The author's box under a post (photo, a few lines about the writer) and a disclosure are not the article.
    @Test func authorBoxAndDisclosureLeave() {
        let page = """
        <html><body><article class="post"><h1>Bridge vote</h1>
        <div class="editorial-disclosure"><p>This post holds links to products from our partners, who may pay us a fee when you buy something through them; it does not change what we write.</p></div>
        <div class="entry"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p><p>\(HTMLMainContentTests.third)</p>
        <div class="author-box"><p>Jane Doe writes about cities, rivers and the people who live by them, and has done so for many years, first for a weekly paper in the north and now for this site, its readers, its newsletter and its weekly podcast about towns.</p></div></div>
        </article></body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Jane Doe writes"))
        #expect(!r.body.contains("links to products"))
    }

    /// An article that markup cut into blocks of one class, each in a different wrapper (around a share
    /// bar), is read whole: a block with the winner's class holding prose joins it.
    @Test func blocksOfTheArticlesClassJoin() {
        let page = """
        <html><body><header><h1>Bridge vote</h1></header>
        <main><div class="topic"><div class="text"><p>\(HTMLMainContentTests.prose)</p><p>\(HTMLMainContentTests.second)</p></div></div>
        <div class="share-bar"><a href="/f">Facebook</a> <a href="/t">Twitter</a></div></main>
        <div class="wrap"><div class="topic"><div class="text"><h2>Three stages</h2><p>\(HTMLMainContentTests.third)</p></div></div></div>
        <footer><p>Copyright 2021 The River Times, all rights reserved, and more words here.</p></footer>
        </body></html>
        """
        let r = HTMLReaderTests.read(page)
        #expect(r.body.contains("Residents who live"))
        #expect(r.body.contains("three stages"))
        #expect(!r.body.contains("Facebook"))
        #expect(!r.body.contains("Copyright"))
    }

    /// The "teaser text" class with an underscore or run together ("news_teaser_text", "teasertext")
    /// marks the article's own text as "teaser-text" does: it stays.
    @Test func teaserTextSpelledOtherwiseStays() {
        for marking in ["blog_teaser_text", "teasertext"] {
            let page = """
            <html><body><div class="row"><h1>Bridge vote</h1><div class="\(marking)"><p>\(HTMLMainContentTests.prose)</p>
            <p>\(HTMLMainContentTests.second)</p></div></div>
            <div class="teaser"><p><a href="/x">Another story about ferries</a></p></div>
            <div class="site-info"><p>The River Times has reported on the towns along the river since 1921 from the council chamber and the courts and the schools and the clubs and it is owned by a trust that its readers founded in the year the paper nearly closed. Its reporters live in the towns they write about and its editor answers every letter that readers send to the office by the old bridge over the river where the paper was first printed.</p></div></body></html>
            """
            let r = HTMLReaderTests.read(page)
            #expect(r.body.contains("Residents who live"), "\(marking)")
            #expect(!r.body.contains("Another story"), "\(marking)")
            #expect(!r.body.contains("owned by a trust"), "\(marking)")
        }
    }
}
