/// HTML character references: the common named ones and every numeric one.
enum HTMLEntities {
    /// Latin-1 names for U+00A0…U+00FF, in order.
    private static let latin1: [String] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
        "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
        "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
            "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
            "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "lsaquo": 0x2039, "rsaquo": 0x203A, "trade": 0x2122,
            "euro": 0x20AC, "bull": 0x2022, "prime": 0x2032, "Prime": 0x2033, "dagger": 0x2020, "Dagger": 0x2021,
            "permil": 0x2030, "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwj": 0x200D, "zwnj": 0x200C,
            "lrm": 0x200E, "rlm": 0x200F, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161,
            "Zcaron": 0x17D, "zcaron": 0x17E, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
            "minus": 0x2212, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665,
            "nbhy": 0x2011, "horbar": 0x2015, "dash": 0x2010, "colon": 0x3A, "comma": 0x2C, "period": 0x2E,
            "excl": 0x21, "quest": 0x3F, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "lpar": 0x28, "rpar": 0x29,
            "ast": 0x2A, "plus": 0x2B, "sol": 0x2F, "semi": 0x3B, "equals": 0x3D, "commat": 0x40, "lsqb": 0x5B,
            "rsqb": 0x5D, "bsol": 0x5C, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B, "rcub": 0x7D, "verbar": 0x7C,
            "NewLine": 0x0A, "Tab": 0x09,
        ]
        for (k, name) in latin1.enumerated() { table[name] = 0xA0 + UInt32(k) }
        return table
    }()

    /// Names that browsers also accept without the closing `;`.
    private static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// The character reference starting at the `&` at `i`: its code point (nil for one that
    /// decodes to nothing, like a soft hyphen) and the index after it; nil when `&` is literal.
    static func decode(_ s: [Unicode.Scalar], at i: Int, end: Int) -> (scalar: Unicode.Scalar?, next: Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if s[j] == "#" {
            j += 1
            var hex = false
            if j < end && (s[j] == "x" || s[j] == "X") {
                hex = true
                j += 1
            }
            var v: UInt32 = 0
            var digits = 0
            while j < end, digits < 8, let d = digit(s[j], hex: hex) {
                v = v * (hex ? 16 : 10) + d
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            while j < end, digit(s[j], hex: hex) != nil { j += 1 }
            if j < end && s[j] == ";" { j += 1 }
            return (numeric(digits >= 8 ? 0x110000 : v), j)
        }
        var name = ""
        while j < end, name.unicodeScalars.count < 32, s[j].value < 0x80, CharacterClass.isLetter(s[j]) || CharacterClass.isDigit(s[j]) {
            name.unicodeScalars.append(s[j])
            j += 1
        }
        guard !name.isEmpty, let v = named[name] else { return nil }
        if j < end && s[j] == ";" {
            j += 1
        } else if !legacy.contains(name) {
            return nil
        }
        if v == 0xAD { return (nil, j) }
        return (Unicode.Scalar(v), j)
    }

    /// Decodes every character reference in `text`.
    static func decodeAll(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "&", let (c, next) = decode(s, at: i, end: s.count) {
                if let c { out.append(c) }
                i = next
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        default: return nil
        }
    }

    /// A numeric reference's code point as browsers read it: 0x80–0x9F as windows-1252, invalid ones
    /// as U+FFFD.
    private static func numeric(_ v: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(v) { return Unicode.Scalar(TextDecoder.windows1252High[Int(v) - 0x80]) ?? "\u{FFFD}" }
        if v == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }
}
