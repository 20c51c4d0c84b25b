/// Finds the article among a page's paragraphs, in the spirit of readability: paragraphs of some
/// length score their container (and, less, its ancestors) by length and commas; a container's score
/// is weighed by its tag, its class and id, and its link density; the best one wins, with those of
/// its siblings that score close to it or read as prose. Inside the chosen blocks a paragraph
/// leaves when it is mostly links, a caption or credit, or the byline or date line (jusText's
/// "bad" paragraphs). When that leaves too little, the page's prose paragraphs, wherever they are,
/// are taken instead, and failing those any text at all, so that a page with words never reads as empty.
struct HTMLMainContent {
    /// The paragraphs of the article, in page order.
    private(set) var chosen: [HTMLParagraphs.Paragraph] = []

    init(page: HTMLPage, paragraphs: HTMLParagraphs) {
        let ranges = HTMLMainContent.candidateRanges(page: page, paragraphs: paragraphs)
        chosen = HTMLMainContent.select(paragraphs.items, within: ranges, page: page)
        chosen = HTMLMainContent.withNeighbours(chosen, paragraphs.items)
        chosen = HTMLMainContent.withStandfirst(chosen, paragraphs.items)
        if HTMLMainContent.length(chosen) < 200 {
            // Prose anywhere outside the page furniture.
            let prose = paragraphs.items.filter { !$0.excluded && HTMLMainContent.isProse($0) }
            if HTMLMainContent.length(prose) > HTMLMainContent.length(chosen) {
                chosen = HTMLMainContent.select(paragraphs.items, within: HTMLMainContent.span(of: prose), page: page)
            }
        }
        if chosen.isEmpty {
            chosen = paragraphs.items.filter { !$0.excluded && $0.kind != .title && $0.linkLength * 2 <= $0.length }
        }
        if chosen.isEmpty { chosen = paragraphs.items.filter { !$0.excluded } }
        if chosen.isEmpty { chosen = paragraphs.items }
    }

    static func length(_ ps: [HTMLParagraphs.Paragraph]) -> Int { ps.reduce(0) { $0 + $1.length } }

    /// A paragraph this long (code points) with few links reads as prose on its own.
    static let goodLength = 120
    /// Short link-free lines (headings, subtitles) a walk crosses between prose paragraphs.
    static let reach = 3

    /// jusText's context step: a standfirst in the article's header or a paragraph in a sibling block
    /// the scoring left out is article text when it reads as prose and nothing but short, link-free
    /// lines (a heading, a subtitle) stands between it and the chosen text. Walking out from the
    /// chosen text stops at page furniture, link lines, captions, bylines, the headline, or a trailer
    /// heading ("Related articles").
    static func withNeighbours(_ chosen: [HTMLParagraphs.Paragraph], _ items: [HTMLParagraphs.Paragraph]) -> [HTMLParagraphs.Paragraph] {
        guard let first = chosen.first, let last = chosen.last,
              let lo = items.firstIndex(where: { $0.event == first.event }),
              let hi = items.lastIndex(where: { $0.event == last.event }) else { return chosen }
        func isGood(_ p: HTMLParagraphs.Paragraph) -> Bool {
            p.length >= goodLength && p.linkLength * 5 < p.length && p.flags.isDisjoint(with: [.caption, .byline, .date])
                && p.kind != .title && p.kind != .cell
        }
        func isNeutral(_ p: HTMLParagraphs.Paragraph) -> Bool {
            p.length < goodLength && p.linkLength == 0 && p.flags.isDisjoint(with: [.caption]) && p.kind != .title
                && HTMLTrailers.kind(p.text) == nil
        }
        func walk(_ indices: StrideThrough<Int>) -> [HTMLParagraphs.Paragraph] {
            var taken: [HTMLParagraphs.Paragraph] = []
            var pending: [HTMLParagraphs.Paragraph] = []
            for k in indices {
                let p = items[k]
                if p.excluded { break }
                if isGood(p) {
                    taken += pending.filter { $0.flags.isDisjoint(with: [.byline, .date]) }
                    taken.append(p)
                    pending = []
                } else if isNeutral(p) && pending.count < reach {
                    pending.append(p)
                } else {
                    break
                }
            }
            return taken
        }
        let before = walk(stride(from: lo - 1, through: 0, by: -1)).reversed()
        let after = walk(stride(from: hi + 1, through: items.count - 1, by: 1))
        let inner = withGapsFilled(chosen, items, lo...hi, isGood: isGood, isNeutral: isNeutral)
        guard !before.isEmpty || !after.isEmpty else { return inner }
        return Array(before) + inner + after
    }

    /// The line straight after the headline (`<h1>`), when the article starts a few lines below it, is
    /// the standfirst or subtitle even when a byline, date or share bar between keeps the context
    /// step from reaching it: a sentence of some length, without links or byline, date or caption marks.
    /// So is a paragraph marked as the lead among those few lines.
    static func withStandfirst(_ chosen: [HTMLParagraphs.Paragraph], _ items: [HTMLParagraphs.Paragraph]) -> [HTMLParagraphs.Paragraph] {
        guard let first = chosen.first, var start = items.firstIndex(where: { $0.event == first.event }) else { return chosen }
        // The headline may open the chosen text: the standfirst then goes after it.
        let headed = first.kind == .title
        let title: Int
        if headed {
            guard chosen.count > 1, let next = items.firstIndex(where: { $0.event == chosen[1].event }) else { return chosen }
            title = start
            start = next
        } else {
            guard let above = items[max(0, start - 12)..<start].lastIndex(where: { $0.kind == .title && !$0.excluded }) else { return chosen }
            title = above
        }
        guard title + 1 < start else { return chosen }
        func reads(_ p: HTMLParagraphs.Paragraph) -> Bool {
            (p.kind == .heading || p.kind == .paragraph) && p.length >= 50 && p.linkLength == 0
                && p.flags.isDisjoint(with: [.byline, .date, .caption]) && HTMLTrailers.kind(p.text) == nil
        }
        // The line straight after the headline, or a paragraph marked as the lead ("standfirst",
        // "abstract", "teaser") a few lines below it, even in a block a class word set aside.
        let standfirst = !items[title + 1].excluded && reads(items[title + 1]) ? items[title + 1]
            : items[(title + 1)..<min(start, title + 8)].first { $0.flags.contains(.lead) && reads($0) }
        guard let standfirst else { return chosen }
        return headed ? [first, standfirst] + chosen.dropFirst() : [standfirst] + chosen
    }

    /// Prose between two chosen paragraphs is article text even when the block holding it did not
    /// join (a sibling `<div>` that also holds a table of contents or a "Related stories" box, whose
    /// links weigh its density down): good paragraphs in the gaps join, with the short link-free
    /// lines (a subheading) just before them; link lists and furniture there stay out.
    private static func withGapsFilled(_ chosen: [HTMLParagraphs.Paragraph], _ items: [HTMLParagraphs.Paragraph], _ span: ClosedRange<Int>,
                                       isGood: (HTMLParagraphs.Paragraph) -> Bool,
                                       isNeutral: (HTMLParagraphs.Paragraph) -> Bool) -> [HTMLParagraphs.Paragraph] {
        var out: [HTMLParagraphs.Paragraph] = []
        var next = 0
        var pending: [HTMLParagraphs.Paragraph] = []
        var added = false
        for k in span {
            let p = items[k]
            if next < chosen.count && chosen[next].event == p.event {
                out.append(p)
                next += 1
                pending = []
            } else if p.excluded {
                pending = []
            } else if isGood(p) {
                out += pending.filter { $0.flags.isDisjoint(with: [.byline, .date]) }
                out.append(p)
                pending = []
                added = true
            } else if isNeutral(p) && pending.count < reach {
                pending.append(p)
            } else {
                pending = []
            }
        }
        return added && next == chosen.count ? out : chosen
    }

    /// A paragraph that reads as running text: long enough, few links.
    static func isProse(_ p: HTMLParagraphs.Paragraph) -> Bool {
        p.length >= 60 && p.linkLength * 3 < p.length && p.kind != .title && p.flags.isDisjoint(with: [.caption, .byline])
    }

    /// The event range from the first to the last of `ps`.
    private static func span(of ps: [HTMLParagraphs.Paragraph]) -> [ClosedRange<Int32>] {
        guard let first = ps.first, let last = ps.last else { return [] }
        return [first.event...last.event]
    }

    /// The paragraphs inside `ranges` that are article text.
    private static func select(_ items: [HTMLParagraphs.Paragraph], within ranges: [ClosedRange<Int32>],
                               page: HTMLPage) -> [HTMLParagraphs.Paragraph] {
        var out: [HTMLParagraphs.Paragraph] = []
        for p in items where !p.excluded && ranges.contains(where: { $0.contains(p.event) }) {
            let linky = p.linkLength * 2 > p.length
            if linky && p.kind != .quote { continue }
            if p.kind == .listItem && p.linkLength * 10 > p.length * 4 && p.length < 200 { continue }
            if p.kind == .heading && p.linkLength > 0 && p.linkLength * 3 > p.length { continue }
            if p.flags.contains(.caption) && p.length < 300 { continue }
            if !p.flags.isDisjoint(with: [.byline, .date]) && p.length < 160 && p.kind != .title { continue }
            out.append(p)
        }
        return withoutTrailers(out, page: page)
    }

    /// What a page puts after its article under a short heading ("Related articles", "Kommentare",
    /// "À lire aussi"): such a heading in the second half of the text ends the article; earlier, or
    /// a lone "Read more" / "Weiterlesen", or in a box set into the article, it only leaves itself
    /// (the box's links have left already).
    static func withoutTrailers(_ ps: [HTMLParagraphs.Paragraph], page: HTMLPage) -> [HTMLParagraphs.Paragraph] {
        let total = length(ps)
        var out: [HTMLParagraphs.Paragraph] = []
        var before = 0
        for (n, p) in ps.enumerated() {
            if p.length <= 100, p.kind != .title, p.kind != .cell {
                switch HTMLTrailers.kind(p.text) {
                case .ending? where before * 2 >= total && !isInsetBox(heading: p, after: out.last, before: ps[(n + 1)...].first, page: page):
                    return out
                case .ending?, .line?: continue
                case nil: break
                }
            }
            before += p.length
            out.append(p)
        }
        return out
    }

    /// A heading in a box set into the article, with the article going on after the box
    /// (`<p>…</p><div><h3>Related</h3><ul>…</ul></div><p>…</p>`): the prose paragraphs either side
    /// share their container, and the heading sits deeper in it than they do.
    static func isInsetBox(heading: HTMLParagraphs.Paragraph, after previous: HTMLParagraphs.Paragraph?,
                           before next: HTMLParagraphs.Paragraph?, page: HTMLPage) -> Bool {
        guard let previous, let next, isProse(previous), isProse(next),
              previous.owner >= 0, next.owner >= 0, heading.owner >= 0 else { return false }
        let container = page.elements[Int(previous.owner)].parent
        guard container >= 0, page.elements[Int(next.owner)].parent == container else { return false }
        var e = page.elements[Int(heading.owner)].parent
        var steps = 0
        while e >= 0 && e != container && steps < 8 {
            e = page.elements[Int(e)].parent
            steps += 1
        }
        return e == container && steps > 0
    }

    /// The event ranges of the best-scoring container and the siblings that join it.
    private static func candidateRanges(page: HTMLPage, paragraphs: HTMLParagraphs) -> [ClosedRange<Int32>] {
        let count = page.elements.count
        var score = [Double](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)

        func initialize(_ e: Int) {
            guard !scored[e] else { return }
            scored[e] = true
            score[e] = tagWeight(page.elements[e].tag) + classWeight(page.elements[e].hints)
        }

        for p in paragraphs.items where !p.excluded && p.length >= 25 && p.kind != .title && p.owner >= 0 {
            var s = 1.0 + Double(commas(p.text)) + Double(min(3, p.length / 100))
            if p.linkLength * 2 > p.length { s *= 0.2 }
            // Readability scores the paragraph's parent and ancestors; text straight in a container scores the container.
            var e = Int(p.owner)
            let tag = page.elements[e].tag
            if tag == .p || tag.isHeading || tag == .li || tag == .pre || tag == .blockquote || tag == .td || tag == .dd || tag == .other
                || tag == .span || tag == .a || tag == .b || tag == .strong || tag == .em || tag == .i || tag == .font
                // A <div> that is only this text stands for a paragraph, as readability turns it into one.
                || (tag == .div && Int(paragraphs.keptLength[e]) <= p.length) {
                e = Int(page.elements[e].parent)
            }
            var level = 0
            while e >= 0 && level < 5 {
                initialize(e)
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[e] += s / divider
                e = Int(page.elements[e].parent)
                level += 1
            }
        }
        var best = -1
        var bestScore = 0.0
        for e in 0..<count where scored[e] && !paragraphs.excluded[e] {
            let length = max(1, Double(paragraphs.keptLength[e]))
            let density = Double(paragraphs.keptLinkLength[e]) / length
            score[e] *= (1 - density)
            if score[e] > bestScore {
                bestScore = score[e]
                best = e
            }
        }
        guard best >= 0 else { return [] }
        best = widen(best, score: score, scored: scored, page: page, paragraphs: paragraphs)
        bestScore = max(bestScore, score[best])
        let top = page.elements[best]
        var ranges: [ClosedRange<Int32>] = [top.open...max(top.open, top.close)]
        let parent = Int(top.parent)
        guard parent >= 0 else { return ranges }
        let threshold = max(10, bestScore * 0.2)
        var e = parent + 1
        let end = page.elements[parent].close
        while e < count && page.elements[e].open < end {
            let el = page.elements[e]
            defer { e += 1 }
            guard Int(el.parent) == parent, e != best, !paragraphs.excluded[e] else { continue }
            var joins = scored[e] && score[e] >= threshold
            if !joins {
                let length = Int(paragraphs.keptLength[e])
                let density = Double(paragraphs.keptLinkLength[e]) / Double(max(1, length))
                if (el.tag == .p || el.tag == .div || el.tag == .blockquote || el.tag == .ul || el.tag == .ol || el.tag.isHeading)
                    && ((length > 80 && density < 0.25) || (length > 0 && length <= 80 && density == 0 && el.tag != .div)) {
                    joins = true
                }
            }
            if joins { ranges.append(el.open...max(el.open, el.close)) }
        }
        // Text straight in the parent (between the sibling elements) that reads as prose.
        for p in paragraphs.items where Int(p.owner) == parent && isProse(p) { ranges.append(p.event...p.event) }
        ranges += sameClassBlocks(best, page: page, paragraphs: paragraphs)
        return ranges
    }

    /// readability's siblings of the winner's class, where markup cut the article into blocks of one
    /// class (a section each, around share bars or tables) that end up cousins rather than siblings:
    /// elements with the class of the winner or of its two nearest ancestors, when that class is rare
    /// on the page (not a grid's "row"), that hold prose with few links.
    private static func sameClassBlocks(_ best: Int, page: HTMLPage, paragraphs: HTMLParagraphs) -> [ClosedRange<Int32>] {
        var keys: [(key: Int32, tag: HTMLTagName)] = []
        var a = best
        while a >= 0 && keys.count < 3 {
            let el = page.elements[a]
            if el.tag == .body || el.tag == .html { break }
            if el.classKey != 0 { keys.append((el.classKey, el.tag)) }
            a = Int(el.parent)
        }
        guard !keys.isEmpty else { return [] }
        var uses = [Int](repeating: 0, count: keys.count)
        for el in page.elements where el.classKey != 0 {
            for (k, key) in keys.enumerated() where key.key == el.classKey { uses[k] += 1 }
        }
        let top = page.elements[best]
        var out: [ClosedRange<Int32>] = []
        for (e, el) in page.elements.enumerated() where el.classKey != 0 && !paragraphs.excluded[e] {
            guard let k = keys.firstIndex(where: { $0.key == el.classKey && $0.tag == el.tag }), uses[k] >= 2, uses[k] <= maxSameClass else { continue }
            let close = max(el.open, el.close)
            if el.open <= top.open && close >= top.open || el.open >= top.open && el.open <= max(top.open, top.close) { continue }
            let length = Int(paragraphs.keptLength[e])
            if length >= 100 && paragraphs.keptLinkLength[e] * 5 < paragraphs.keptLength[e] { out.append(el.open...close) }
        }
        return out
    }

    /// The most elements a class may have for its elements to join the winner as parts of the article.
    static let maxSameClass = 8

    /// readability's second look at the winner: an ancestor holding several near-winners, or a
    /// parent that scores better, or a parent whose only child the winner is, takes its place.
    private static func widen(_ start: Int, score: [Double], scored: [Bool], page: HTMLPage, paragraphs: HTMLParagraphs) -> Int {
        var best = start
        let top = score[best]
        func isBody(_ e: Int) -> Bool { e < 0 || page.elements[e].tag == .body || page.elements[e].tag == .html }
        // Near-winners: at least three of them under one ancestor make it the article.
        var alternatives: [Int] = []
        for e in 0..<score.count where scored[e] && e != best && !paragraphs.excluded[e] && score[e] >= top * 0.75 {
            alternatives.append(e)
            if alternatives.count >= 5 { break }
        }
        if alternatives.count >= 3 {
            var ancestor = Int(page.elements[best].parent)
            while !isBody(ancestor) {
                let held = alternatives.filter { isInside($0, ancestor, page) }.count
                if held >= 3 {
                    best = ancestor
                    break
                }
                ancestor = Int(page.elements[ancestor].parent)
            }
        }
        // Climb while a parent scores better than the child it came from.
        var parent = Int(page.elements[best].parent)
        var lastScore = score[best]
        let threshold = lastScore / 3
        var steps = 0
        while !isBody(parent) && steps < 64 {
            steps += 1
            if !scored[parent] {
                parent = Int(page.elements[parent].parent)
                continue
            }
            if score[parent] < threshold { break }
            if score[parent] > lastScore {
                best = parent
                break
            }
            lastScore = score[parent]
            parent = Int(page.elements[parent].parent)
        }
        // A winner that is its parent's only element child stands for the parent.
        parent = Int(page.elements[best].parent)
        steps = 0
        while !isBody(parent) && steps < 64 && childCount(parent, page) == 1 && !paragraphs.excluded[parent] {
            best = parent
            parent = Int(page.elements[best].parent)
            steps += 1
        }
        return best
    }

    private static func isInside(_ e: Int, _ ancestor: Int, _ page: HTMLPage) -> Bool {
        let a = page.elements[ancestor], el = page.elements[e]
        return el.open > a.open && (a.close < 0 || el.open < a.close)
    }

    /// Element children of `e` (counting stops at 2).
    private static func childCount(_ e: Int, _ page: HTMLPage) -> Int {
        var n = 0
        var k = e + 1
        let end = page.elements[e].close
        while k < page.elements.count && page.elements[k].open < end && n < 2 {
            if Int(page.elements[k].parent) == e { n += 1 }
            k += 1
        }
        return n
    }

    private static func tagWeight(_ tag: HTMLTagName) -> Double {
        switch tag {
        case .div, .article, .main, .section: 5
        case .pre, .td, .blockquote: 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: -5
        default: 0
        }
    }

    private static func classWeight(_ hints: HTMLHints) -> Double {
        var w = 0.0
        if hints.contains(.articleBody) { w += 40 } else if hints.contains(.content) { w += 25 }
        if !hints.isDisjoint(with: [.boilerplate, .comments, .negative]) { w -= 25 }
        return w
    }

    /// Commas, ideographic commas and full-width commas in a paragraph.
    private static func commas(_ text: [UInt8]) -> Int {
        var n = 0
        var k = 0
        while k < text.count {
            if text[k] == UInt8(ascii: ",") { n += 1 }
            // U+3001 、 and U+FF0C ，
            if text[k] == 0xE3 && k + 2 < text.count && text[k + 1] == 0x80 && text[k + 2] == 0x81 { n += 1 }
            if text[k] == 0xEF && k + 2 < text.count && text[k + 1] == 0xBC && text[k + 2] == 0x8C { n += 1 }
            k += 1
        }
        return n
    }
}
