/// A page as the HTML reader sees it after parsing: elements in document order, the text and
/// markup between them as a flat list of events, and the declarations found on the way.
///
/// An element's content is the contiguous run of events between its `open` and `close`, so every
/// later pass is a loop over an array, never a recursion over a tree.
struct HTMLPage {
    /// One element.
    struct Element {
        var tag: HTMLTagName
        var parent: Int32
        var depth: Int32
        var hints: HTMLHints
        /// Its `class` value as a number the page's elements share when they share the value (0: none).
        var classKey: Int32 = 0
        /// Index of its `open` event; `close` is set when the element ends (at the end of the page at the latest).
        var open: Int32
        var close: Int32 = -1
    }

    /// What happens, in document order.
    enum Event {
        case open(Int32)
        case close(Int32)
        /// Decoded text, `text[start..<end]` (white space runs already one space).
        case text(Int32, Int32)
        case lineBreak
    }

    var elements: [Element] = []
    var events: [Event] = []
    /// The decoded text of all text events, UTF-8.
    var text: [UInt8] = []
    var declarations = HTMLDeclarations()

    /// The text of event range `start..<end` that is text, joined as it stands.
    func string(_ start: Int32, _ end: Int32) -> String {
        String(decoding: text[Int(start)..<Int(end)], as: UTF8.self)
    }
}

/// What a page's markup says about it outside the text: `<meta>` values, `<title>`, `<html lang>`,
/// canonical link, JSON-LD blocks, `<time datetime>` values, elements marked as author or date.
struct HTMLDeclarations {
    /// `<meta>` content by lowercased `name`, `property`, `itemprop` or `http-equiv` (first value wins).
    var meta: [String: String] = [:]
    var title: String?
    var language: String?
    var canonical: String?
    var jsonLD: [[UInt8]] = []
    /// `datetime` (or `content`) values of `<time>` and `itemprop=datePublished` elements, with the element.
    var times: [(element: Int32, value: String, published: Bool)] = []
    /// Bytes of JSON-LD kept in all: past this, further blocks are dropped.
    static let maxJSONLD = 16 << 20
}
