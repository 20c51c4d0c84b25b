/// The elements an article reader tells apart; every other tag name is `.other` (an inline element).
enum HTMLTagName: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base, style, script, noscript, template
    case p, div, span, a, br, hr, img, h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, blockquote, pre, q, cite
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case article, section, main, header, footer, nav, aside, address, hgroup
    case figure, figcaption, picture, source, video, audio, canvas, svg, math, object, embed, iframe, map, area
    case form, input, button, select, option, optgroup, textarea, label, fieldset, legend
    case details, summary, dialog, menu, dir, center, time, b, i, em, strong, small, sup, sub, u, font, abbr, mark
    case xmp, noembed, noframes, plaintext, param, track, wbr, keygen, frame, frameset, applet, marquee

    /// Every named tag's lowercase name, by raw value (index 0, `.other`, is empty).
    static let names: [[UInt8]] = {
        var names: [[UInt8]] = [[]]
        var raw: UInt8 = 1
        while let tag = HTMLTagName(rawValue: raw) {
            names.append(Array(String(describing: tag).utf8))
            raw += 1
        }
        return names
    }()

    /// The name's bytes (at most 10) packed little-endian into two words with its length in the
    /// top byte (so a NUL in a name cannot make it equal a shorter one), the key of `byKey`.
    @inline(__always) private static func key(_ name: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var a: UInt64 = 0, b = UInt64(name.count) << 56
        for k in 0..<min(name.count, 8) { a |= UInt64(name[k]) << (8 * UInt64(k)) }
        if name.count > 8 { for k in 8..<name.count { b |= UInt64(name[k]) << (8 * UInt64(k - 8)) } }
        return (a, b)
    }

    @inline(__always) private static func slot(_ key: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((key.0 ^ (key.1 &* 0x9E37_79B9)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// An open-addressing table over 256 slots of packed names (a key is never 0, so 0 marks a free slot).
    private static let byKey: (keys: [(UInt64, UInt64)], tags: [HTMLTagName]) = {
        var keys = [(UInt64, UInt64)](repeating: (0, 0), count: 256)
        var tags = [HTMLTagName](repeating: .other, count: 256)
        for raw in 1..<names.count {
            let k = names[raw].withUnsafeBufferPointer { key($0) }
            var s = slot(k)
            while keys[s] != (0, 0) { s = (s + 1) & 255 }
            keys[s] = k
            tags[s] = HTMLTagName(rawValue: UInt8(raw))!
        }
        return (keys, tags)
    }()

    /// The tag named by the lowercased ASCII bytes `name`.
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTagName {
        guard !name.isEmpty, name.count <= 10 else { return .other }
        let k = key(name)
        let table = byKey
        var s = slot(k)
        while true {
            let found = table.keys[s]
            if found == k { return table.tags[s] }
            if found == (0, 0) { return .other }
            s = (s + 1) & 255
        }
    }

    private static func table(_ tags: [HTMLTagName]) -> [Bool] {
        var t = [Bool](repeating: false, count: 256)
        for tag in tags { t[Int(tag.rawValue)] = true }
        return t
    }

    private static let voids = table([.meta, .link, .base, .br, .hr, .img, .source, .col, .embed, .area, .input, .param,
                                      .track, .wbr, .keygen, .frame])
    private static let blocks = table([.html, .body, .p, .div, .br, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li,
                                       .dl, .dt, .dd, .blockquote, .pre, .table, .caption, .thead, .tbody, .tfoot, .tr,
                                       .td, .th, .article, .section, .main, .header, .footer, .nav, .aside, .address,
                                       .hgroup, .figure, .figcaption, .form, .fieldset, .legend, .details, .summary,
                                       .dialog, .menu, .dir, .center, .option, .select, .textarea, .button, .iframe,
                                       .video, .audio, .canvas, .svg, .math, .object, .frameset, .noscript, .template])
    private static let closesParagraphs = table([.p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
                                                 .blockquote, .pre, .table, .article, .section, .main, .header, .footer,
                                                 .nav, .aside, .address, .hgroup, .figure, .figcaption, .form, .fieldset,
                                                 .details, .summary, .dialog, .menu, .dir, .center, .hr, .xmp, .plaintext])
    private static let scopes = table([.html, .table, .td, .th, .caption, .template, .button, .object, .applet, .marquee])
    private static let boilerplate = table([.nav, .footer, .aside, .header, .button, .select, .option, .textarea, .input,
                                            .label, .fieldset, .legend, .figure, .figcaption, .svg, .math, .video,
                                            .audio, .canvas, .object, .embed, .map, .dialog, .menu, .template,
                                            .noscript, .iframe, .frameset, .frame, .style, .script, .title, .head])

    /// Has no content and no end tag.
    var isVoid: Bool { HTMLTagName.voids[Int(rawValue)] }
    /// Starts and ends a paragraph of text.
    var isBlock: Bool { HTMLTagName.blocks[Int(rawValue)] }
    /// Opening it closes an open `<p>`, as browsers do.
    var closesParagraph: Bool { HTMLTagName.closesParagraphs[Int(rawValue)] }
    /// An end tag looking for its element does not search past it.
    var isScopeBoundary: Bool { HTMLTagName.scopes[Int(rawValue)] }
    /// Never article text: navigation, page furniture, form controls, media, templates.
    var isBoilerplate: Bool { HTMLTagName.boilerplate[Int(rawValue)] }
    /// `h1`…`h6`.
    var isHeading: Bool { rawValue >= HTMLTagName.h1.rawValue && rawValue <= HTMLTagName.h6.rawValue }
    /// Its content is text up to its end tag, not markup.
    var isRawText: Bool {
        switch self {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .noscript, .title, .textarea, .plaintext: true
        default: false
        }
    }
}
