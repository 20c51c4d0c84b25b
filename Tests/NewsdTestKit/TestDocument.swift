import Extraction

/// Documents built straight from text, for testing one extraction stage without the whole pipeline.
public enum TestDocument {
    /// A document whose every non-empty line is a body paragraph.
    public static func paragraphs(_ text: String) -> Document {
        let scalars = Array(text.unicodeScalars)
        var blocks: [ArticleLayout.Block] = []
        var start = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" {
            if start < i { blocks.append(.init(range: start..<i, kind: .paragraph)) }
            start = i + 1
        }
        return Document(text: text, scalars: scalars, layout: ArticleLayout(blocks: blocks))
    }

    /// A document of `blocks`, each a line of the given kind, joined by newlines.
    public static func blocks(_ blocks: [(ArticleLayout.Block.Kind, String)]) -> Document {
        var text = ""
        var layout: [ArticleLayout.Block] = []
        var offset = 0
        for (kind, line) in blocks {
            let count = line.unicodeScalars.count
            layout.append(.init(range: offset..<(offset + count), kind: kind))
            text += line + "\n"
            offset += count + 1
        }
        return Document(text: text, scalars: Array(text.unicodeScalars), layout: ArticleLayout(blocks: layout))
    }
}
