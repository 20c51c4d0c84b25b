/// A page's text cut into paragraphs, each with what its place in the page says about it: the
/// block that holds it, how much of it is link text, whether it sits in a heading, list, quote,
/// caption, byline or date line, and whether page furniture (menus, footers, comments, hidden
/// elements, …) holds it.
struct HTMLParagraphs {
    struct Paragraph {
        /// `page.text` bytes, white space collapsed, no space at either end.
        var text: [UInt8]
        /// Code points that are not white space; link text among them.
        var length: Int
        var linkLength: Int
        /// Whether a digit is among the link text (a date or a number that is a link).
        var linkHasDigits = false
        /// The innermost element holding the paragraph (-1: none) and the event it starts at.
        var owner: Int32
        var event: Int32
        var kind: Kind
        var flags: HTMLHints
        var excluded: Bool
        /// Byline and date marks of inline elements inside the paragraph (`<div><span class="date">6.12.2022</span></div>`),
        /// which `flags` (the holding block's marks) do not see. For reading dates and bylines only:
        /// the body is chosen by `flags` alone.
        var innerMarks: HTMLHints = []
    }

    enum Kind { case paragraph, heading, title, listItem, quote, cell, preformatted }

    private(set) var items: [Paragraph] = []
    /// Per element: code points of kept (not excluded) text in it, and of link text among them.
    private(set) var keptLength: [Int32]
    private(set) var keptLinkLength: [Int32]
    /// Per element: whether page furniture holds it.
    private(set) var excluded: [Bool]

    init(_ page: HTMLPage) {
        let count = page.elements.count
        keptLength = [Int32](repeating: 0, count: count)
        keptLinkLength = [Int32](repeating: 0, count: count)
        let furniture = HTMLParagraphs.furniture(page)
        excluded = furniture.excluded
        collect(page, textLength: furniture.textLength)
    }

    /// Which elements are page furniture: the element or an ancestor is hidden, a furniture tag or
    /// marked as such, unless it holds most of the page's text (a `<header>` or a `class="… nav"`
    /// wrapped around everything).
    private static func furniture(_ page: HTMLPage) -> (excluded: [Bool], textLength: [Int32]) {
        let count = page.elements.count
        var total = [Int32](repeating: 0, count: count)
        // Text outside links: what is left of a page once its menus and link lists are set aside.
        var unlinked = [Int32](repeating: 0, count: count)
        var holdsBody = [Bool](repeating: false, count: count)
        // Per element: whether it holds an `<article>` or `<main>`; and the most text outside links one of those holds.
        var holdsArticle = [Bool](repeating: false, count: count)
        var articleUnlinked: Int32 = 0
        var open: [Int32] = []
        var all: Int32 = 0, allUnlinked: Int32 = 0
        var links = 0
        for event in page.events {
            switch event {
            case .open(let e):
                open.append(e)
                if page.elements[Int(e)].hints.contains(.articleBody) { holdsBody[Int(e)] = true }
                if page.elements[Int(e)].tag == .article || page.elements[Int(e)].tag == .main { holdsArticle[Int(e)] = true }
                if page.elements[Int(e)].hints.contains(.link) { links += 1 }
            case .close(let e):
                open.removeLast()
                if page.elements[Int(e)].hints.contains(.link) { links -= 1 }
                if page.elements[Int(e)].tag == .article || page.elements[Int(e)].tag == .main { articleUnlinked = max(articleUnlinked, unlinked[Int(e)]) }
                let parent = page.elements[Int(e)].parent
                if parent >= 0 {
                    total[Int(parent)] += total[Int(e)]
                    unlinked[Int(parent)] += unlinked[Int(e)]
                    holdsBody[Int(parent)] = holdsBody[Int(parent)] || holdsBody[Int(e)]
                    holdsArticle[Int(parent)] = holdsArticle[Int(parent)] || holdsArticle[Int(e)]
                }
            case .text(let a, let b):
                let n = codePoints(page.text, Int(a), Int(b))
                all += n
                if links == 0 { allUnlinked += n }
                if let top = open.last {
                    total[Int(top)] += n
                    if links == 0 { unlinked[Int(top)] += n }
                }
            case .lineBreak: break
            }
        }
        var excluded = [Bool](repeating: false, count: count)
        for e in 0..<count {
            let el = page.elements[e]
            if el.parent >= 0 && excluded[Int(el.parent)] {
                excluded[e] = true
                continue
            }
            if el.hints.contains(.hidden) || el.tag == .template || el.tag == .svg || el.tag == .math {
                excluded[e] = true
                continue
            }
            // Class and id words remove an element unless it is the page's article, body or main part.
            let byWords = el.tag != .article && el.tag != .main && el.tag != .body && el.tag != .html
                && (el.hints.contains(.comments) || el.hints.contains(.boilerplate))
                && el.hints.isDisjoint(with: [.articleBody, .maybeContent])
            // A <header> inside the article holds its standfirst; the page's own header is furniture.
            let articleHeader = el.tag == .header && (el.hints.contains(.maybeContent) || insideArticle(e, page))
            // A form is furniture (search boxes, comment forms) unless the page is one form around everything.
            let marked = el.tag.isBoilerplate && !articleHeader || byWords || el.tag == .form
            // A class word is a weak sign next to where the page's running text is: an element holding
            // most of the text outside links ("…BannerPlaceholder", "hasHeaderImage") stays, readers' comments aside.
            // An `<aside>` beside the page's own `<article>` or `<main>` is furniture however long it is.
            let besideArticle = el.tag == .aside && !holdsArticle[e] && articleUnlinked >= 200
            let holdsProse = !el.hints.contains(.comments) && Double(unlinked[e]) >= HTMLParagraphs.proseShare * Double(allUnlinked)
            if marked && !holdsBody[e] && (total[e] * 2 < all && !holdsProse || el.tag == .head || besideArticle) { excluded[e] = true }
        }
        return (excluded, total)
    }

    /// The share of a page's text outside links that keeps an element marked as furniture by its class words.
    static let proseShare = 0.5

    private static func insideArticle(_ e: Int, _ page: HTMLPage) -> Bool {
        var a = Int(page.elements[e].parent)
        var steps = 0
        while a >= 0 && steps < 64 {
            if page.elements[a].tag == .article || page.elements[a].tag == .main || page.elements[a].hints.contains(.articleBody) { return true }
            a = Int(page.elements[a].parent)
            steps += 1
        }
        return false
    }

    static func codePoints(_ text: [UInt8], _ a: Int, _ b: Int) -> Int32 {
        var n: Int32 = 0
        for k in a..<b where text[k] & 0xC0 != 0x80 && text[k] != 0x20 { n += 1 }
        return n
    }

    private struct Open {
        var element: Int32
        var flags: HTMLHints
    }

    /// The longest text (code points) an element marked as byline or date may hold for the mark to
    /// reach its paragraphs: a blog wraps a whole post in `class="date-outer"`, a theme puts
    /// `author-jane` on the `<article>`.
    static let maxMarkedLength: Int32 = 300
    /// The longest text (code points) an element marked as a lead may hold for the mark to reach its paragraphs.
    static let maxLeadLength: Int32 = 1000

    private mutating func collect(_ page: HTMLPage, textLength: [Int32]) {
        var open: [Open] = []
        var buffer: [UInt8] = []
        var length = 0, linkLength = 0
        var linkHasDigits = false
        var startEvent: Int32 = 0
        var bufferExcluded = false
        var breaks = 0
        var links = 0, headings = 0, items = 0, quotes = 0, cells = 0, pres = 0
        var h1 = 0
        var innerMarks: HTMLHints = []

        func flush(_ owner: Int32, _ flags: HTMLHints) {
            defer { innerMarks = [] }
            while buffer.last == 0x20 { buffer.removeLast() }
            guard !buffer.isEmpty else { return }
            let kind: Kind = h1 > 0 ? .title : headings > 0 ? .heading : pres > 0 ? .preformatted : quotes > 0 ? .quote
                : items > 0 ? .listItem : cells > 0 ? .cell : .paragraph
            self.items.append(Paragraph(text: buffer, length: length, linkLength: linkLength, linkHasDigits: linkHasDigits,
                                        owner: owner, event: startEvent, kind: kind, flags: flags, excluded: bufferExcluded,
                                        innerMarks: innerMarks))
            buffer.removeAll(keepingCapacity: true)
            length = 0
            linkLength = 0
            linkHasDigits = false
        }

        for (index, event) in page.events.enumerated() {
            let top = open.last
            switch event {
            case .open(let e):
                let el = page.elements[Int(e)]
                if el.tag.isBlock { flush(top?.element ?? -1, top?.flags ?? []) }
                var flags = (top?.flags ?? []).intersection([.byline, .date, .caption, .lead])
                flags.formUnion(el.hints.intersection(textLength[Int(e)] <= HTMLParagraphs.maxMarkedLength ? [.byline, .date, .caption] : [.caption]))
                if textLength[Int(e)] <= HTMLParagraphs.maxLeadLength { flags.formUnion(el.hints.intersection(.lead)) }
                if el.tag == .figcaption || el.tag == .caption { flags.insert(.caption) }
                if !el.tag.isBlock && textLength[Int(e)] > 0 && textLength[Int(e)] <= HTMLParagraphs.maxMarkedLength { innerMarks.formUnion(el.hints.intersection([.byline, .date])) }
                open.append(Open(element: e, flags: flags))
                if el.tag == .a && el.hints.contains(.link) { links += 1 }
                if el.tag.isHeading { headings += 1 }
                if el.tag == .h1 { h1 += 1 }
                if el.tag == .li || el.tag == .dd || el.tag == .dt { items += 1 }
                if el.tag == .blockquote { quotes += 1 }
                if el.tag == .td || el.tag == .th { cells += 1 }
                if el.tag == .pre { pres += 1 }
                breaks = 0
            case .close(let e):
                let el = page.elements[Int(e)]
                if el.tag.isBlock { flush(e, top?.flags ?? []) }
                open.removeLast()
                if el.tag == .a && el.hints.contains(.link) { links -= 1 }
                if el.tag.isHeading { headings -= 1 }
                if el.tag == .h1 { h1 -= 1 }
                if el.tag == .li || el.tag == .dd || el.tag == .dt { items -= 1 }
                if el.tag == .blockquote { quotes -= 1 }
                if el.tag == .td || el.tag == .th { cells -= 1 }
                if el.tag == .pre { pres -= 1 }
                let parent = el.parent
                if parent >= 0 {
                    keptLength[Int(parent)] += keptLength[Int(e)]
                    keptLinkLength[Int(parent)] += keptLinkLength[Int(e)]
                }
                breaks = 0
            case .lineBreak:
                breaks += 1
                // One <br> is a space inside the paragraph; two in a row end it.
                if breaks >= 2 {
                    flush(top?.element ?? -1, top?.flags ?? [])
                } else if !buffer.isEmpty && buffer.last != 0x20 {
                    buffer.append(0x20)
                }
            case .text(let a, let b):
                let ex = top.map { excluded[Int($0.element)] } ?? false
                if !buffer.isEmpty && ex != bufferExcluded { flush(top?.element ?? -1, top?.flags ?? []) }
                if buffer.isEmpty {
                    startEvent = Int32(index)
                    bufferExcluded = ex
                }
                var from = Int(a)
                if buffer.isEmpty || buffer.last == 0x20 { while from < Int(b) && page.text[from] == 0x20 { from += 1 } }
                guard from < Int(b) else { continue }
                breaks = 0
                buffer.append(contentsOf: page.text[from..<Int(b)])
                let n = Int(HTMLParagraphs.codePoints(page.text, from, Int(b)))
                length += n
                if links > 0 {
                    linkLength += n
                    if !linkHasDigits { linkHasDigits = page.text[from..<Int(b)].contains { $0 >= 0x30 && $0 <= 0x39 } }
                }
                if !ex, let top {
                    keptLength[Int(top.element)] += Int32(n)
                    if links > 0 { keptLinkLength[Int(top.element)] += Int32(n) }
                }
            }
        }
        flush(-1, [])
    }
}
