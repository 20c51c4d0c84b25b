/// Reads a page's UTF-8 bytes into an `HTMLPage` in one pass, as an HTML5 browser would for the
/// parts an article reader needs: tag soup with implied end tags (`<p>`, `<li>`, `<dd>`/`<dt>`,
/// table cells and rows, `<option>`, nested `<a>`), raw-text elements whose content runs to their
/// own end tag (`<script>`, `<style>`, `<title>`, `<textarea>`, `<noscript>`, …), comments (an
/// unclosed one runs to the end), CDATA (text inside SVG/MathML, a bogus comment elsewhere), every
/// named and numeric character reference, and `<br>`.
///
/// Bounded: the open-element stack holds at most `maxDepth` elements (deeper start tags only
/// break the text), the page at most `maxElements`, and an end tag searches the stack only as far
/// as a browser's scope rules let it, so time and memory stay linear in the bytes.
struct HTMLParser {
    static let maxDepth = 512
    static let maxElements = 400_000

    private let s: UnsafeBufferPointer<UInt8>
    private var i = 0
    private(set) var page = HTMLPage()
    private var stack: [Int32] = []
    private var stackTags: [HTMLTagName] = []
    private var attributes = HTMLAttributes()
    private var foreignDepth = 0
    private var pendingSpace = false
    /// Hints of the `class` and `id` values seen so far (pages repeat them), and the key being looked up.
    private var hintCache = [ByteKey: (hints: HTMLHints, key: Int32)](minimumCapacity: 512)
    private var hintKey = ByteKey()

    /// The page in `bytes` (UTF-8).
    static func parse(_ bytes: [UInt8]) -> HTMLPage {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = HTMLParser(s: buffer)
            parser.run()
            return parser.page
        }
    }

    private init(s: UnsafeBufferPointer<UInt8>) {
        self.s = s
        page.events.reserveCapacity(s.count / 24)
        page.text.reserveCapacity(s.count / 4)
    }

    private mutating func run() {
        let n = s.count
        while i < n {
            let c = s[i]
            if c == UInt8(ascii: "<") {
                if markup() { continue }
                text(from: i, to: i + 1, decode: false)
                i += 1
                continue
            }
            // A run of text up to the next `<`.
            let j = nextLessThan(from: i + 1)
            text(from: i, to: j, decode: true)
            i = j
        }
        while !stack.isEmpty { pop() }
    }

    // MARK: Text

    /// Appends `s[from..<to]` as a text event, white space runs collapsed, references decoded.
    private mutating func text(from: Int, to: Int, decode: Bool) {
        let start = page.text.count
        var k = from
        while k < to {
            let b = s[k]
            if isSpace(b) {
                pendingSpace = true
                k += 1
                continue
            }
            if pendingSpace {
                page.text.append(0x20)
                pendingSpace = false
            }
            if b == UInt8(ascii: "&") && decode, let next = HTMLEntityTable.decode(s, at: k, end: to, inAttribute: false, into: &page.text) {
                k = next
                // `&shy;` is a hyphenation hint, not text.
                if page.text.count >= 2 && page.text[page.text.count - 2] == 0xC2 && page.text[page.text.count - 1] == 0xAD {
                    page.text.removeLast(2)
                }
                continue
            }
            if b == 0 {
                k += 1
                continue
            }
            // U+00AD SOFT HYPHEN: a place a browser may break a word, shown only there ("Mit­tel­al­ter").
            if b == 0xC2 && k + 1 < to && s[k + 1] == 0xAD {
                k += 2
                continue
            }
            // A run of bytes kept as they are, copied at once: up to white space, NUL, `&` or a soft hyphen's first byte.
            var e = k + 1
            while e < to {
                let c = s[e]
                if c <= 0x20 ? (isSpace(c) || c == 0) : (c == UInt8(ascii: "&") || c == 0xC2) { break }
                e += 1
            }
            page.text.append(contentsOf: UnsafeBufferPointer(rebasing: s[k..<e]))
            k = e
        }
        if page.text.count > start { page.events.append(.text(Int32(start), Int32(page.text.count))) }
    }

    /// A break between blocks: white space that does not carry over.
    private mutating func blockBreak() {
        pendingSpace = false
    }

    // MARK: Markup

    /// Handles the markup at `<`; false when the `<` is text.
    private mutating func markup() -> Bool {
        let n = s.count
        guard i + 1 < n else { return false }
        let c = s[i + 1]
        if c == UInt8(ascii: "!") {
            if i + 3 < n && s[i + 2] == UInt8(ascii: "-") && s[i + 3] == UInt8(ascii: "-") {
                i = commentEnd(from: i + 4)
            } else if foreignDepth > 0 && matches("[cdata[", at: i + 2) {
                let start = i + 9
                let end = find("]]>", from: start) ?? n
                text(from: start, to: end, decode: false)
                i = min(n, end + 3)
            } else {
                i = (find(">", from: i + 2) ?? n - 1) + 1
            }
            return true
        }
        if c == UInt8(ascii: "?") {
            i = (find(">", from: i + 2) ?? n - 1) + 1
            return true
        }
        if c == UInt8(ascii: "/") {
            guard i + 2 < n else { return false }
            if s[i + 2] == UInt8(ascii: ">") {
                i += 3
                return true
            }
            guard isASCIILetter(s[i + 2]) else {
                i = (find(">", from: i + 2) ?? n - 1) + 1
                return true
            }
            let tag = readTag(from: i + 2)
            endTag(tag)
            return true
        }
        guard isASCIILetter(c) else { return false }
        let selfClosing = readTagAndAttributes(from: i + 1)
        startTag(lastTag, selfClosing: selfClosing)
        return true
    }

    /// After `<!--`: the index after the comment's end (`-->`, `--!>`, or `>` right away as in
    /// `<!-->`), or the end of the page.
    private func commentEnd(from start: Int) -> Int {
        let n = s.count
        if start < n && s[start] == UInt8(ascii: ">") { return start + 1 }
        if start + 1 < n && s[start] == UInt8(ascii: "-") && s[start + 1] == UInt8(ascii: ">") { return start + 2 }
        var j = start
        while j + 2 < n {
            if s[j] == UInt8(ascii: "-") && s[j + 1] == UInt8(ascii: "-") {
                if s[j + 2] == UInt8(ascii: ">") { return j + 3 }
                if s[j + 2] == UInt8(ascii: "!") && j + 3 < n && s[j + 3] == UInt8(ascii: ">") { return j + 4 }
            }
            j += 1
        }
        return n
    }

    private var lastTag: HTMLTagName = .other

    /// Reads an end tag's name from `start` and skips to after its `>`.
    private mutating func readTag(from start: Int) -> HTMLTagName {
        let n = s.count
        var j = start
        while j < n, !isTagBreak(s[j]) { j += 1 }
        let tag = tagName(start, j)
        i = (find(">", from: j) ?? n - 1) + 1
        return tag
    }

    private func tagName(_ start: Int, _ end: Int) -> HTMLTagName {
        guard end - start <= 10 else { return .other }
        var buffer: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            for k in start..<end {
                let b = s[k]
                raw[k - start] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            return HTMLTagName.named(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<(end - start)]))
        }
    }

    /// Reads a start tag's name and attributes from `start`; leaves `i` after its `>` and returns
    /// whether it ended in `/>`.
    private mutating func readTagAndAttributes(from start: Int) -> Bool {
        let n = s.count
        var j = start
        while j < n, !isTagBreak(s[j]) { j += 1 }
        lastTag = tagName(start, j)
        attributes.removeAll()
        while j < n {
            let b = s[j]
            if isSpace(b) {
                j += 1
                continue
            }
            if b == UInt8(ascii: ">") {
                i = j + 1
                return false
            }
            if b == UInt8(ascii: "/") {
                if j + 1 < n && s[j + 1] == UInt8(ascii: ">") {
                    i = j + 2
                    return true
                }
                j += 1
                continue
            }
            // An attribute name: its first character may be `=`.
            let nameStart = j
            j += 1
            while j < n, !isSpace(s[j]), s[j] != UInt8(ascii: "/"), s[j] != UInt8(ascii: ">"), s[j] != UInt8(ascii: "=") { j += 1 }
            let name = HTMLAttributes.Name.named(UnsafeBufferPointer(rebasing: s[nameStart..<j]))
            var k = j
            while k < n, isSpace(s[k]) { k += 1 }
            guard k < n, s[k] == UInt8(ascii: "=") else {
                if let name { attributes.add(name, j, j) }
                continue
            }
            k += 1
            while k < n, isSpace(s[k]) { k += 1 }
            var valueStart = k, valueEnd = k
            if k < n && (s[k] == UInt8(ascii: "\"") || s[k] == UInt8(ascii: "'")) {
                let q = s[k]
                valueStart = k + 1
                valueEnd = valueStart
                while valueEnd < n && s[valueEnd] != q { valueEnd += 1 }
                j = min(n, valueEnd + 1)
            } else {
                while valueEnd < n, !isSpace(s[valueEnd]), s[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                j = valueEnd
            }
            if let name { attributes.add(name, valueStart, valueEnd) }
        }
        i = n
        return false
    }

    // MARK: Tree building

    private mutating func startTag(_ tag: HTMLTagName, selfClosing: Bool) {
        switch tag {
        case .meta: declareMeta(); return
        case .link:
            if attributes.lowercased(.rel, in: s)?.split(separator: " ").contains("canonical") == true, page.declarations.canonical == nil {
                page.declarations.canonical = attributes.value(.href, in: s)
            }
            return
        case .html:
            if page.declarations.language == nil { page.declarations.language = attributes.value(.lang, in: s) }
            return
        case .body, .head, .base:
            return
        case .br:
            blockBreak()
            page.events.append(.lineBreak)
            return
        default: break
        }
        if tag.isRawText && foreignDepth == 0 && !(tag == .noscript && insideArticleBody) {
            rawText(tag)
            return
        }
        if tag.closesParagraph { closeParagraph() }
        // A heading left open does not swallow the blocks after it (a browser would nest them in it).
        if tag.closesParagraph, let k = stackTags.suffix(8).lastIndex(where: { $0.isHeading }) {
            while stackTags.count > k { pop() }
        }
        switch tag {
        case .li: closeWithin(.li) { $0 == .ul || $0 == .ol || $0 == .menu || $0 == .dir }
        case .dd, .dt:
            closeWithin(.dd) { $0 == .dl }
            closeWithin(.dt) { $0 == .dl }
        case .td, .th:
            closeWithin(.td) { $0 == .tr || $0 == .table }
            closeWithin(.th) { $0 == .tr || $0 == .table }
        case .tr:
            closeWithin(.tr) { $0 == .table || $0 == .tbody || $0 == .thead || $0 == .tfoot }
        case .tbody, .thead, .tfoot:
            closeWithin(.tr) { $0 == .table }
            closeWithin(.tbody) { $0 == .table }
            closeWithin(.thead) { $0 == .table }
        case .option: if stackTags.last == .option { pop() }
        case .a: closeWithin(.a, limit: 8) { _ in false }
        case .h1, .h2, .h3, .h4, .h5, .h6: if let top = stackTags.last, top.isHeading { pop() }
        default: break
        }
        if tag.isBlock { blockBreak() }
        if tag.isVoid || selfClosing && (tag == .other || foreignDepth > 0) {
            if tag == .hr { page.events.append(.lineBreak) }
            return
        }
        guard stack.count < HTMLParser.maxDepth, page.elements.count < HTMLParser.maxElements else {
            if tag.isBlock, case .lineBreak? = page.events.last {} else if tag.isBlock { page.events.append(.lineBreak) }
            return
        }
        push(tag)
    }

    private mutating func push(_ tag: HTMLTagName) {
        let index = Int32(page.elements.count)
        // Most elements carry none of the attributes the reader keeps.
        let (hints, classKey) = attributes.items.isEmpty ? ([], 0) : attributeHints(tag, index)
        if tag == .svg || tag == .math { foreignDepth += 1 }
        let parent = stack.last ?? -1
        page.elements.append(.init(tag: tag, parent: parent, depth: Int32(stack.count), hints: hints, classKey: classKey,
                                   open: Int32(page.events.count)))
        page.events.append(.open(index))
        stack.append(index)
        stackTags.append(tag)
    }

    /// What the start tag's attributes say about the element being pushed (`index`), and the key of
    /// its `class` value; records its declared date on the way.
    private mutating func attributeHints(_ tag: HTMLTagName, _ index: Int32) -> (HTMLHints, Int32) {
        let byClass = classHints(.class)
        var hints = byClass.hints
        hints.formUnion(classHints(.id).hints)
        if attributes.has(.hidden) || attributes.value(.ariaHidden, in: s, is: "true") { hints.insert(.hidden) }
        if let style = attributes.bytes(.style, in: s), HTMLAttributes.containsLowercased(style, "display:none")
            || HTMLAttributes.containsLowercased(style, "display: none") || HTMLAttributes.containsLowercased(style, "visibility:hidden") {
            hints.insert(.hidden)
        }
        if attributes.has(.role) && HTMLParser.boilerplateRoles.contains(where: { attributes.value(.role, in: s, is: $0) }) {
            hints.insert(.boilerplate)
        }
        if let itemprop = attributes.bytes(.itemprop, in: s) {
            func prop(is p: StaticString) -> Bool { attributes.value(.itemprop, in: s, is: p) }
            if prop(is: "articlebody") || prop(is: "text") { hints.insert(.articleBody) }
            // schema.org's `description` is the article's standfirst, whatever its class calls it.
            if prop(is: "description") { hints.insert(.maybeContent) }
            if HTMLAttributes.containsLowercased(itemprop, "author") || prop(is: "creator") { hints.insert(.byline) }
            if HTMLAttributes.matchesLowercased(itemprop, at: 0, "date") {
                hints.insert(.date)
                if let v = attributes.value(.content, in: s) ?? attributes.value(.datetime, in: s) {
                    page.declarations.times.append((index, v, prop(is: "datepublished") || prop(is: "datecreated")))
                }
            }
        }
        if attributes.value(.rel, in: s, contains: "author") { hints.insert(.byline) }
        if tag == .a && attributes.has(.href) { hints.insert(.link) }
        if tag == .time, let v = attributes.value(.datetime, in: s) {
            // HTML5's `pubdate` attribute marked the article's own publication time; so does a class
            // saying `published` (WordPress themes write `<time class="entry-date published">` beside
            // `<time class="updated">`, and `entry-date published updated` when the two are the same),
            // trusted as `itemprop=datePublished` is: when the page has one or two.
            let published = attributes.has(.pubdate) || attributes.value(.class, in: s, contains: "published")
            page.declarations.times.append((index, v, published))
        }
        return (hints, byClass.key)
    }

    private static let boilerplateRoles: [StaticString] = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar", "alert",
    ]

    /// The hints of a `class` or `id` value (its first 256 bytes, lowercased), cached per value, and
    /// the value's key (0: none, or past the cache's size).
    private mutating func classHints(_ name: HTMLAttributes.Name) -> (hints: HTMLHints, key: Int32) {
        guard let raw = attributes.bytes(name, in: s), raw.count >= 2 else { return ([], 0) }
        hintKey.bytes.removeAll(keepingCapacity: true)
        for b in raw.prefix(256) { hintKey.bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        if let known = hintCache[hintKey] { return known }
        let found = hintKey.bytes.withUnsafeBufferPointer { HTMLHints.from(classAndID: $0) }
        guard hintCache.count < 4_096 else { return (found, 0) }
        let entry = (hints: found, key: Int32(hintCache.count + 1))
        hintCache[hintKey] = entry
        return entry
    }

    private mutating func pop() {
        guard let index = stack.popLast() else { return }
        let tag = stackTags.removeLast()
        if tag == .svg || tag == .math { foreignDepth -= 1 }
        if tag.isBlock { blockBreak() }
        page.elements[Int(index)].close = Int32(page.events.count)
        page.events.append(.close(index))
    }

    /// Closes an open `<p>` unless a scope boundary comes first.
    private mutating func closeParagraph() {
        closeWithin(.p) { _ in false }
    }

    /// Pops up to and including the nearest open `tag`, unless a tag that is a `boundary`, a scope
    /// boundary or `limit` elements come first.
    private mutating func closeWithin(_ tag: HTMLTagName, limit: Int = 64, boundary: (HTMLTagName) -> Bool) {
        var k = stackTags.count - 1
        let lowest = max(0, stackTags.count - limit)
        while k >= lowest {
            let t = stackTags[k]
            if t == tag {
                while stackTags.count > k { pop() }
                return
            }
            if t.isScopeBoundary || boundary(t) { return }
            k -= 1
        }
    }

    private mutating func endTag(_ tag: HTMLTagName) {
        switch tag {
        case .br:
            page.events.append(.lineBreak)
            return
        case .body, .html, .head:
            return
        case .p:
            closeParagraph()
            blockBreak()
            return
        default: break
        }
        if tag.isVoid { return }
        // An unknown name matches any unknown element: close only when it is on top.
        if tag == .other {
            if stackTags.last == .other { pop() }
            return
        }
        var k = stackTags.count - 1
        while k >= 0 {
            let t = stackTags[k]
            if t == tag {
                while stackTags.count > k { pop() }
                return
            }
            if t.isScopeBoundary && !(tag == .table || tag == .template || tag == .object) { return }
            if t == .table && (tag == .table) { break }
            k -= 1
        }
    }

    /// Whether an open element is marked as the article body (`itemprop=articleBody`, `post-body`):
    /// there a `<noscript>` is read as markup, as a browser without scripts reads it, because some
    /// pages (Blogger's) keep their article only there and in a script template. Elsewhere its
    /// content stays raw text: tracking pixels and "enable JavaScript" notes.
    private var insideArticleBody: Bool {
        stack.suffix(16).contains { page.elements[Int($0)].hints.contains(.articleBody) }
    }

    /// The content of a raw-text element, up to its end tag (or the end of the page).
    private mutating func rawText(_ tag: HTMLTagName) {
        let n = s.count
        let start = i
        if tag == .plaintext {
            text(from: start, to: n, decode: false)
            i = n
            return
        }
        let name = HTMLTagName.names[Int(tag.rawValue)]
        var end = n
        var j = nextLessThan(from: start)
        while j + 1 < n {
            if s[j + 1] == UInt8(ascii: "/") && matches(name, at: j + 2)
                && (j + 2 + name.count >= n || isTagBreak(s[j + 2 + name.count])) {
                end = j
                break
            }
            j = nextLessThan(from: j + 1)
        }
        switch tag {
        case .title:
            if page.declarations.title == nil {
                page.declarations.title = String(decoding: HTMLEntityTable.decodeAll(Array(s[start..<end])), as: UTF8.self)
            }
        case .script:
            // The type with its punctuation escaped (`application&#x2F;ld&#x2B;json`) is the same type.
            // So is a script of no type that is one schema.org object (Plone writes its JSON-LD so).
            if attributes.value(.type, in: s, contains: "ld+json")
                || attributes.value(.type, in: s, contains: "&") && attributes.lowercased(.type, in: s)?.contains("ld+json") == true
                || !attributes.has(.type) && opensLinkedData(start, end),
               page.declarations.jsonLD.reduce(0, { $0 + $1.count }) + (end - start) <= HTMLDeclarations.maxJSONLD {
                page.declarations.jsonLD.append(Array(s[start..<end]))
            }
        default: break
        }
        if tag.isBlock { blockBreak() }
        i = end == n ? n : (find(">", from: end) ?? n - 1) + 1
    }

    /// Whether `s[start..<end]` opens with `{"@context"` (white space allowed around the brace).
    private func opensLinkedData(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, isSpace(s[i]) { i += 1 }
        guard i < end, s[i] == UInt8(ascii: "{") else { return false }
        i += 1
        while i < end, isSpace(s[i]) { i += 1 }
        return i + 10 <= end && matches("\"@context\"", at: i)
    }

    private mutating func declareMeta() {
        guard let content = attributes.value(.content, in: s) else { return }
        for key in [HTMLAttributes.Name.name, .property, .itemprop, .httpEquiv] {
            if let k = attributes.lowercased(key, in: s), !k.isEmpty, page.declarations.meta[k] == nil {
                page.declarations.meta[k] = content
            }
        }
    }

    // MARK: Bytes

    /// The index of the first `<` at or after `from`, or the end of the page; eight bytes at a time.
    private func nextLessThan(from: Int) -> Int {
        let n = s.count
        var j = from
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            while j + 8 <= n {
                // A zero byte in `word ^ 0x3C…3C` is a `<` (the classic has-zero-byte test).
                let x = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) ^ 0x3C3C_3C3C_3C3C_3C3C
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                j += 8
            }
        }
        while j < n && s[j] != UInt8(ascii: "<") { j += 1 }
        return j
    }

    private func find(_ pattern: StaticString, from: Int) -> Int? {
        let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        let n = s.count
        var j = from
        while j + p.count <= n {
            if s[j] == p[0] {
                var k = 1
                while k < p.count && s[j + k] == p[k] { k += 1 }
                if k == p.count { return j }
            }
            j += 1
        }
        return nil
    }

    private func matches(_ pattern: StaticString, at j: Int) -> Bool {
        let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        return matches(Array(p), at: j)
    }

    /// Whether lowercased `s[j...]` starts with lowercase `pattern`.
    private func matches(_ pattern: [UInt8], at j: Int) -> Bool {
        guard j + pattern.count <= s.count else { return false }
        for k in 0..<pattern.count {
            let b = s[j + k]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != pattern[k] { return false }
        }
        return true
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    @inline(__always) private func isTagBreak(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }

    @inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }
}

/// Bytes as a dictionary key, hashed in one call rather than byte by byte.
struct ByteKey: Hashable {
    var bytes: [UInt8] = []

    /// FNV-1a over the bytes, then one word into the hasher: `combine(bytes:)` runs SipHash over
    /// every byte, a few per cent of the reader's time on pages with many long class lists.
    func hash(into hasher: inout Hasher) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        hasher.combine(h)
        hasher.combine(bytes.count)
    }
}
