/// Finds the layout of a body text: headline, byline, dateline, sub-headings, paragraphs, furniture.
public enum LayoutAnalyzer {
    /// The layout of `scalars`; `metadata` says what the format reader already knows (a title
    /// from metadata means the first line is not the headline).
    public static func analyze(scalars: [Unicode.Scalar], format: ArticleFormat, metadata: ReadArticle) -> ArticleLayout {
        // TODO(extraction-text): headings, bylines, datelines, furniture. Every non-empty line is a paragraph.
        var blocks: [ArticleLayout.Block] = []
        var start = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" {
            var s = start
            var e = i
            while s < e, CharacterClass.isSpace(scalars[s]) { s += 1 }
            while e > s, CharacterClass.isSpace(scalars[e - 1]) { e -= 1 }
            if s < e { blocks.append(.init(range: s..<e, kind: .paragraph)) }
            start = i + 1
        }
        return ArticleLayout(blocks: blocks)
    }
}
