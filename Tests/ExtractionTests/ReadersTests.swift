@testable import Extraction
import Testing

@Suite struct ReadersTests {
    // MARK: Markdown

    @Test func markdownHeadingsAndInlineMarkup() {
        let md = """
        ---
        author: Jane Doe
        date: 2024-05-16
        ---
        # Putin thanks Xi for peace efforts

        At a **summit** in [Beijing](https://example.com/beijing "Beijing"), Russian President *Vladimir Putin*
        spoke. ![A photo](photo.jpg) The `no-limits` partnership_grew.

        ## Both leaders talked about peace

        - First point of the list
        - Second point with __bold__ text
        1. A numbered item

        > A quoted paragraph.

        ```
        let code = "not article text"
        ```

        Price is 5 * 3 dollars \\*really\\*.
        [ref]: https://example.com
        """
        let (doc, read) = TextStages.document(md, format: .markdown)
        #expect(read.title == "Putin thanks Xi for peace efforts")
        #expect(read.byline == ["Jane Doe"])
        #expect(read.published == "2024-05-16")
        let blocks = TextStages.blocks(doc)
        #expect(blocks.map(\.0) == [
            "Putin thanks Xi for peace efforts",
            "At a summit in Beijing, Russian President Vladimir Putin spoke. The no-limits partnership_grew.",
            "Both leaders talked about peace",
            "First point of the list",
            "Second point with bold text",
            "A numbered item",
            "A quoted paragraph.",
            "Price is 5 * 3 dollars *really*.",
        ])
        #expect(blocks.map(\.1) == [.title, .paragraph, .heading, .paragraph, .paragraph, .paragraph, .paragraph, .paragraph])
        #expect(!read.body.contains("code"))
        #expect(read.body.contains("\n\n"))
    }

    @Test func markdownSetextHeading() {
        let (doc, read) = TextStages.document("Big news today\n==============\n\nText of the story.\n\nA section\n---------\n\nMore text.", format: .markdown)
        #expect(read.title == "Big news today")
        #expect(TextStages.blocks(doc).map(\.1) == [.title, .paragraph, .heading, .paragraph])
    }

    // MARK: HTML

    static let page = """
    <!DOCTYPE html>
    <html><head>
    <title>Putin thanks Xi | The Daily Planet</title>
    <meta name="author" content="Jane Doe">
    <meta property="og:title" content="Putin thanks Xi &amp; vows &#8220;peace&#8221;">
    <meta property="article:published_time" content="2024-05-16T10:00:00Z">
    <style>p { color: red; }</style>
    <script>var x = "<p>not text</p>";</script>
    </head>
    <body class="has-sidebar">
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <article>
      <h1>Putin thanks Xi</h1>
      <div class="byline">By <a rel="author">Jane Doe</a></div>
      <p>At a summit in <b>Beijing</b> on Thursday, Putin&nbsp;thanked Xi &mdash; again.</p>
      <div class="share-buttons"><p>Share on Facebook</p></div>
      <h2>Both leaders talked about peace</h2>
      <p>The two leaders&#x27; statement <!-- a comment --> was short.<br>It said little.</p>
      <aside><p>Related: other news</p></aside>
      <figure><img src="a.jpg"><figcaption>A photo caption.</figcaption></figure>
      <p>Caf&eacute; owners were &quot;pleased&quot;.
      <p>An unclosed paragraph.
    </article>
    <section id="comments"><p>Great article!</p></section>
    <footer><p>© 2024 The Daily Planet</p></footer>
    <noscript><p>Enable JavaScript</p></noscript>
    </body></html>
    """

    @Test func htmlMetadataAndArticleParagraphs() {
        let (doc, read) = TextStages.document(ReadersTests.page, format: .html)
        #expect(read.title == "Putin thanks Xi & vows “peace”")
        #expect(read.byline == ["Jane Doe"])
        #expect(read.published == "2024-05-16T10:00:00Z")
        #expect(TextStages.blocks(doc).map(\.0) == [
            "At a summit in Beijing on Thursday, Putin thanked Xi — again.",
            "Both leaders talked about peace",
            "The two leaders' statement was short. It said little.",
            "Café owners were \"pleased\".",
            "An unclosed paragraph.",
        ])
        #expect(TextStages.blocks(doc).map(\.1) == [.paragraph, .heading, .paragraph, .paragraph, .paragraph])
        #expect(read.body == TextStages.blocks(doc).map(\.0).joined(separator: "\n\n"))
    }

    @Test func htmlJSONLDAndParagraphsWithoutArticleElement() {
        let page = """
        <html><head><title>Site title</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
         {"@type":"NewsArticle","headline":"Summit ends","author":[{"@type":"Person","name":"John Roe"},{"name":"Ann Lee"}],
          "datePublished":"2024-05-17"}]}
        </script></head><body>
        <div class="menu"><ul><li>Home</li><li>News</li></ul></div>
        <div><p>First paragraph of the story.</p><p>Second paragraph.</p></div>
        <ul><li>Not a paragraph</li></ul>
        </body></html>
        """
        let (doc, read) = TextStages.document(page, format: .html)
        #expect(read.title == "Summit ends")
        #expect(read.byline == ["John Roe", "Ann Lee"])
        #expect(read.published == "2024-05-17")
        #expect(TextStages.blocks(doc).map(\.0) == ["First paragraph of the story.", "Second paragraph."])
    }

    @Test func htmlTitleTagWithoutSiteName() {
        let read = ArticleReader.read("<title>Big vote in Senate - The Times</title><p>Text here.</p>", format: .html)
        #expect(read.title == "Big vote in Senate")
    }

    @Test func htmlEntities() {
        #expect(HTMLEntities.decodeAll("a &amp; b &lt;c&gt; &#233;&#xE9; &copy &unknown; &#0; &#150; &hellip;") == "a & b <c> éé © &unknown; \u{FFFD} – …")
    }

    // MARK: JSON

    @Test func jsonFieldsAndAuthors() {
        let json = """
        {"headline": "Summit in Beijing", "articleBody": "First paragraph.\\n\\nSecond paragraph \\u201cquoted\\u201d.",
         "authors": [{"name": "Jane Doe"}, "John Roe"], "datePublished": "2024-05-16", "url": "https://x.test/a"}
        """
        let (doc, read) = TextStages.document(json, format: .json)
        #expect(read.title == "Summit in Beijing")
        #expect(read.byline == ["Jane Doe", "John Roe"])
        #expect(read.published == "2024-05-16")
        #expect(read.url == "https://x.test/a")
        #expect(read.body == "First paragraph.\n\nSecond paragraph “quoted”.")
        #expect(doc.layout.paragraphCount == 2)
    }

    @Test func jsonBylineStringAndHTMLBodyAndNesting() {
        let json = """
        {"data": {"title": "T", "byline": "By Jane Doe and John Roe", "published": 1715853600,
                  "content": "<p>One.</p><p>Two &amp; three.</p>"}}
        """
        let read = ArticleReader.read(json, format: .json)
        #expect(read.title == "T")
        #expect(read.byline == ["Jane Doe", "John Roe"])
        #expect(read.published == "2024-05-16T10:00:00Z")
        #expect(read.body == "One.\n\nTwo & three.")
    }

    @Test func truncatedJSONKeepsWhatWasComplete() {
        let read = ArticleReader.read(#"{"title": "Cut off", "body": "A whole paragraph.", "author": "Jane Do"#, format: .json)
        #expect(read.title == "Cut off")
        #expect(read.body == "A whole paragraph.")
        #expect(!read.warnings.isEmpty)
    }

    @Test func jsonCutInsideTheBodyKeepsTheTextBeforeTheCut() {
        let read = ArticleReader.read(#"{"title": "Talks resume", "body": "Diplomats met in Geneva on Monday. The meeting was"#,
                                      format: .json)
        #expect(read.title == "Talks resume")
        #expect(read.body == "Diplomats met in Geneva on Monday. The meeting was")
        #expect(read.warnings.contains { $0.contains("ends inside a string") })
    }

    @Test func jsonCutInsideAKeyDropsThePartialKey() {
        let read = ArticleReader.read(#"{"title": "Talks resume", "body": "Diplomats met.", "auth"#, format: .json)
        #expect(read.body == "Diplomats met.")
        #expect(read.byline.isEmpty)
    }

    @Test func deeplyNestedJSONIsSkippedNotRecursed() {
        let deep = "{\"title\": \"Deep\", \"x\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + ", \"body\": \"Text after the nesting.\"}"
        let read = ArticleReader.read(deep, format: .json)
        #expect(read.title == "Deep")
        #expect(read.body == "Text after the nesting.")
    }
}

@Suite struct MoreReadersTests {
    @Test func articleWithoutParagraphElementsKeepsItsDivText() {
        let sentence = "The council voted on Tuesday to approve the new budget after a long debate. "
        let page = "<article><div>" + String(repeating: sentence, count: 4) + "</div><div>Second block.</div></article>"
            + "<p>A paragraph outside the article.</p>"
        let read = ArticleReader.read(page, format: .html)
        #expect(read.body.hasPrefix("The council voted"))
        #expect(read.body.hasSuffix("Second block."))
        #expect(!read.body.contains("outside"))
    }

    @Test func commentaryClassIsNotMistakenForComments() {
        let read = ArticleReader.read("<div class=\"commentary-body\"><p>An opinion.</p></div><div class=\"comments\"><p>A reader.</p></div>", format: .html)
        #expect(read.body == "An opinion.")
    }

    @Test func doubleLineBreakEndsAParagraph() {
        let read = ArticleReader.read("<div class=\"article-body\">First line<br>same paragraph<br><br>Second paragraph</div>", format: .html)
        #expect(read.body == "First line same paragraph\n\nSecond paragraph")
    }

    @Test func jsonBodyHeadingsAreInferred() {
        let (doc, _) = TextStages.document(#"{"title": "T", "body": "First paragraph of the story.\nWhat happened next\nThe second paragraph."}"#, format: .json)
        #expect(TextStages.blocks(doc).map(\.1) == [.paragraph, .heading, .paragraph])
    }

    @Test func aBylineFirstLineIsNotTheTitle() {
        let (doc, _) = TextStages.document("By Jane Doe\n\nWASHINGTON — The Senate passed the bill on Tuesday.\n\nMore text here.")
        #expect(doc.layout.title == nil)
        #expect(doc.layout.byline == ["Jane Doe"])
        #expect(doc.layout.dateline?.place == "Washington")
    }
}

@Suite struct UnclosedHTMLTests {
    @Test func anUnclosedHeadingDoesNotSwallowTheBody() {
        let read = ArticleReader.read("<article><h1>Title<p>First paragraph.</p><h2>Sub<p>Second paragraph.</p></article>", format: .html)
        #expect(read.title == "Title")
        #expect(read.body == "First paragraph.\n\nSub\n\nSecond paragraph.")
        #expect(read.blocks?.map(\.kind) == [.paragraph, .heading, .paragraph])
    }
}

@Suite struct RenderedJSONTests {
    @Test func wordPressRenderedFields() {
        let json = #"{"title": {"rendered": "Budget &amp; tax"}, "content": {"rendered": "<p>One.</p>\n<p>Two.</p>"}, "date": "2024-05-16T09:00:00"}"#
        let read = ArticleReader.read(json, format: .json)
        #expect(read.title == "Budget & tax")
        #expect(read.body == "One.\n\nTwo.")
        #expect(read.published == "2024-05-16T09:00:00")
    }

    @Test func embeddedTweetsAreLeftOut() {
        let read = ArticleReader.read("<article><p>Before.</p><blockquote class=\"twitter-tweet\"><p>A tweet</p></blockquote><p>After.</p></article>", format: .html)
        #expect(read.body == "Before.\n\nAfter.")
    }
}
