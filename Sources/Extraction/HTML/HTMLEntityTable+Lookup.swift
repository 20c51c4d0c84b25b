/// Every HTML5 named character reference, and numeric references as browsers read them.
enum HTMLEntityTable {
    /// Name (with its `;` when the standard writes one) → the UTF-8 bytes it stands for.
    static let byName: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        table.reserveCapacity(2_300)
        for line in source.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            var bytes: [UInt8] = []
            for hex in parts[1].split(separator: "+") {
                if let v = UInt32(hex, radix: 16), let c = Unicode.Scalar(v) { bytes += Array(String(c).utf8) }
            }
            table[String(parts[0])] = bytes
        }
        return table
    }()

    /// windows-1252's characters for 0x80…0x9F (numeric references in that range mean these).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// A numeric reference's code point as browsers read it: 0x80–0x9F as windows-1252, NUL,
    /// surrogates and values past U+10FFFF as U+FFFD.
    static func numeric(_ v: UInt32) -> Unicode.Scalar {
        if v >= 0x80 && v <= 0x9F { return Unicode.Scalar(windows1252High[Int(v) - 0x80]) ?? "\u{FFFD}" }
        if v == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    /// Decodes the character reference whose `&` is at `i` in `s` (before `end`), appending its
    /// UTF-8 to `out`; returns the index after it, or nil when the `&` is literal. In an attribute
    /// value a legacy name without `;` followed by a letter, digit or `=` stays literal.
    static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, inAttribute: Bool, into out: inout [UInt8]) -> Int? {
        var j = i + 1
        guard j < end else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < end && (s[j] | 0x20) == UInt8(ascii: "x") {
                hex = true
                j += 1
            }
            var v: UInt32 = 0
            var digits = 0
            while j < end, let d = digit(s[j], hex: hex) {
                if v <= 0x10FFFF { v = v * (hex ? 16 : 10) + d }
                digits += 1
                j += 1
            }
            guard digits > 0 else { return nil }
            if j < end && s[j] == UInt8(ascii: ";") { j += 1 }
            appendUTF8(numeric(v), to: &out)
            return j
        }
        // Names are at most 32 bytes; the longest one in the table that the text starts with wins.
        var k = j
        while k < end, k - j < 32, isAlphanumeric(s[k]) { k += 1 }
        guard k > j else { return nil }
        if k < end && s[k] == UInt8(ascii: ";") {
            let name = String(decoding: UnsafeBufferPointer(rebasing: s[j...k]), as: UTF8.self)
            if let bytes = byName[name] {
                out += bytes
                return k + 1
            }
        }
        var e = k
        while e > j {
            let name = String(decoding: UnsafeBufferPointer(rebasing: s[j..<e]), as: UTF8.self)
            if let bytes = byName[name] {
                if inAttribute && e < end && (isAlphanumeric(s[e]) || s[e] == UInt8(ascii: "=")) { return nil }
                out += bytes
                return e
            }
            e -= 1
        }
        return nil
    }

    /// Decodes every character reference in `bytes` (text, not an attribute).
    static func decodeAll(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                if s[i] == UInt8(ascii: "&"), let next = decode(s, at: i, end: s.count, inAttribute: false, into: &out) {
                    i = next
                } else {
                    out.append(s[i])
                    i += 1
                }
            }
        }
        return out
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    private static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46 where hex: return UInt32(b - 0x41 + 10)
        case 0x61...0x66 where hex: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    static func appendUTF8(_ c: Unicode.Scalar, to out: inout [UInt8]) {
        let v = c.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
