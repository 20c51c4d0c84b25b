/// Finds the layout of a body text: headline, byline, dateline, sub-headings, paragraphs, furniture.
public enum LayoutAnalyzer {
    /// How many blocks from the top a byline may appear at.
    static let bylineWindow = 4

    /// The layout of `scalars`; `metadata` says what the format reader already knows (a title
    /// from metadata means the first line is not the headline; a reader's blocks are its markup's).
    public static func analyze(scalars: [Unicode.Scalar], format: ArticleFormat, metadata: ReadArticle) -> ArticleLayout {
        let fromMarkup = metadata.blocks != nil
        var blocks = metadata.blocks.map { clipped($0, to: scalars.count) } ?? PlainTextBlocks.blocks(scalars)
        var layout = ArticleLayout(blocks: [])
        guard !blocks.isEmpty else { return layout }
        let shapes = blocks.map { LineShape(scalars, $0.range) }

        // The headline: a plain text's first line when it reads as one.
        if !fromMarkup && metadata.title == nil && blocks.count > 1 {
            let blankAfter = blankLineBetween(scalars, blocks[0].range.upperBound, blocks[1].range.lowerBound)
            if BlockRules.isTitle(scalars, shapes[0], blankAfter: blankAfter),
               BlockRules.bylineNames(scalars, shapes[0]) == nil, !BlockRules.isFurniture(scalars, shapes[0]) {
                blocks[0].kind = .title
            }
        }
        if let t = blocks.firstIndex(where: { $0.kind == .title }) {
            layout.title = BlockRules.titleText(scalars, blocks[t].range)
        }

        for k in blocks.indices where blocks[k].kind == .paragraph {
            if BlockRules.isFurniture(scalars, shapes[k]) {
                blocks[k].kind = .furniture
            } else if k < bylineWindow + 1, layout.byline.isEmpty, let names = BlockRules.bylineNames(scalars, shapes[k]) {
                blocks[k].kind = .byline
                layout.byline = names
            }
        }

        // Sub-headings: short lines without a final full stop between paragraphs.
        // (HTML and Markdown mark their headings; plain text and JSON bodies do not.)
        if !fromMarkup || format == .json {
            for k in blocks.indices where blocks[k].kind == .paragraph && k > 0 && k + 1 < blocks.count {
                guard BlockRules.isHeading(shapes[k]) else { continue }
                // A heading comes before a paragraph, not before another heading-like line or the end.
                let next = k + 1
                guard blocks[next].kind == .paragraph, !BlockRules.isHeading(shapes[next]) else { continue }
                blocks[k].kind = .heading
            }
        }

        // The dateline opens the first paragraph.
        if let p = blocks.firstIndex(where: { $0.kind == .paragraph }), p <= bylineWindow + 1,
           let (dateline, range) = DatelineParser.parse(scalars, paragraph: blocks[p].range) {
            layout.dateline = dateline
            layout.datelineRange = range
        }
        layout.blocks = blocks
        return layout
    }

    /// Blocks cut to a body of `count` code points (the extractor may truncate the body).
    private static func clipped(_ blocks: [ArticleLayout.Block], to count: Int) -> [ArticleLayout.Block] {
        blocks.compactMap { b in
            let r = min(b.range.lowerBound, count)..<min(b.range.upperBound, count)
            return r.isEmpty ? nil : ArticleLayout.Block(range: r, kind: b.kind)
        }
    }

    /// Whether the gap `a..<b` between two blocks holds an empty line.
    private static func blankLineBetween(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        var breaks = 0
        var i = a
        while i < b {
            if s[i] == "\n" || s[i] == "\u{2029}" || (s[i] == "\r" && (i + 1 >= b || s[i + 1] != "\n")) { breaks += 1 }
            i += 1
        }
        return breaks >= 2
    }
}
