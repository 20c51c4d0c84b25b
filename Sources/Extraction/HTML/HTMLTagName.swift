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

    private static let byName: [String: HTMLTagName] = {
        var table: [String: HTMLTagName] = [:]
        var raw: UInt8 = 1
        while let tag = HTMLTagName(rawValue: raw) {
            table[String(describing: tag)] = tag
            raw += 1
        }
        return table
    }()

    /// The tag named by the lowercased ASCII bytes `name` (at most 16 are looked at).
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> HTMLTagName {
        guard !name.isEmpty, name.count <= 10 else { return .other }
        return byName[String(decoding: name, as: UTF8.self)] ?? .other
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
