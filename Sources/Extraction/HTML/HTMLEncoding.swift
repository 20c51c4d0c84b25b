import Foundation

/// A page's bytes as UTF-8, decoded as a browser would: byte-order mark first, then the charset its
/// `<meta charset>` or `<meta http-equiv=Content-Type>` declares in the first 4 KB, then UTF-8 when
/// the bytes are valid UTF-8, else windows-1252 (which also stands for ISO-8859-1 and ASCII, as the
/// WHATWG encoding standard has it).
enum HTMLEncoding {
    /// The page as UTF-8, the encoding found, and what went wrong, if anything.
    static func utf8(_ bytes: [UInt8]) -> Result<(bytes: [UInt8], encoding: TextEncoding, warnings: [String]), ExtractionFailure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return TextDecoder.decode(bytes).map { (Array($0.text.utf8), $0.encoding, $0.warnings) }
        }
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if isBinary(b) { return .failure(ExtractionFailure(.binary, "the page holds NUL or control bytes, not text")) }
        let declared = declaredCharset(b)
        switch declared {
        case nil, "utf-8", "utf8", "unicode-1-1-utf-8":
            let check = TextDecoder.UTF8Check(b)
            if check.invalid == 0 { return .success((Array(b), .utf8, [])) }
            if declared != nil || check.multibyte >= 4 * check.invalid {
                return .success((Array(String(decoding: b, as: UTF8.self).utf8), .utf8,
                                 ["invalid UTF-8 sequences replaced (\(check.invalid))"]))
            }
            return .success((windows1252(b), .windows1252, ["encoding guessed: windows-1252"]))
        case "windows-1252", "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "cp1252", "l1", "iso_8859-1",
             "x-cp1252", "iso-8859-15", "latin-1":
            return .success((windows1252(b), .windows1252, []))
        case let name?:
            if let encoding = foundationEncoding(name), let s = String(data: Data(b), encoding: encoding) {
                return .success((Array(s.utf8), .utf8, ["page encoding \(name) converted to UTF-8"]))
            }
            if TextDecoder.UTF8Check(b).invalid == 0 { return .success((Array(b), .utf8, ["declared encoding \(name) not supported: read as UTF-8"])) }
            return .success((windows1252(b), .windows1252, ["declared encoding \(name) not supported: read as windows-1252"]))
        }
    }

    /// NUL bytes in more than one byte in a thousand, or more than one control byte in twenty.
    private static func isBinary(_ b: ArraySlice<UInt8>) -> Bool {
        var nul = 0, control = 0
        let n = min(b.count, 65_536)
        b.prefix(n).withUnsafeBufferPointer { p in
            let raw = UnsafeRawBufferPointer(p)
            var i = 0
            while i < n {
                // Eight bytes none of which is below 0x20 hold neither NUL nor a control byte.
                if i + 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let stop = min(i + 8, n)
                while i < stop {
                    let c = p[i]
                    if c == 0 { nul += 1 } else if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D { control += 1 }
                    i += 1
                }
            }
        }
        return nul * 1000 > n || control * 20 > n
    }

    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "windows-1250", "cp1250", "x-cp1250": .windowsCP1250
        case "windows-1251", "cp1251", "x-cp1251": .windowsCP1251
        case "windows-1253", "cp1253": .windowsCP1253
        case "windows-1254", "cp1254", "iso-8859-9": .windowsCP1254
        case "iso-8859-2", "latin2", "iso8859-2": .isoLatin2
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j": .shiftJIS
        case "euc-jp": .japaneseEUC
        case "iso-2022-jp": .iso2022JP
        case "gb2312", "gbk", "gb18030", "x-gbk":
            // CoreFoundation's GB 18030 (0x0632) as a Foundation encoding.
            String.Encoding(rawValue: 0x8000_0632)
        case "big5":
            String.Encoding(rawValue: 0x8000_0A03)
        case "euc-kr", "ks_c_5601-1987":
            String.Encoding(rawValue: 0x8000_0940)
        default: nil
        }
    }

    /// `b` read as windows-1252, as UTF-8.
    static func windows1252(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 {
                out.append(c)
            } else if c >= 0xA0 {
                out.append(0xC0 | (c >> 6))
                out.append(0x80 | (c & 0x3F))
            } else {
                HTMLEntityTable.appendUTF8(Unicode.Scalar(HTMLEntityTable.windows1252High[Int(c) - 0x80]) ?? "\u{FFFD}", to: &out)
            }
        }
        return out
    }

    /// The charset a `<meta>` in the first 4 KB declares, lowercased.
    static func declaredCharset(_ b: ArraySlice<UInt8>) -> String? {
        let head = Array(b.prefix(4096))
        var i = 0
        while let m = find(Array("<meta".utf8), in: head, from: i) {
            let end = head[m...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let c = find(Array("charset".utf8), in: head, from: m, before: end) {
                var j = c + 7
                while j < end, head[j] == 0x20 || head[j] == 0x09 || head[j] == 0x0A || head[j] == 0x0D { j += 1 }
                if j < end, head[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < end, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                    var name: [UInt8] = []
                    while j < end, name.count < 40, HTMLEntityTable.isAlphanumeric(head[j]) || head[j] == 0x2D || head[j] == 0x5F || head[j] == 0x2E || head[j] == 0x3A {
                        name.append(head[j] | (head[j] >= 0x41 && head[j] <= 0x5A ? 0x20 : 0))
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
            }
            i = end
        }
        return nil
    }

    /// The index of `pattern` (ASCII, matched without case) in `s` from `from`, before `before`.
    private static func find(_ pattern: [UInt8], in s: [UInt8], from: Int, before: Int? = nil) -> Int? {
        let limit = (before ?? s.count) - pattern.count
        var j = from
        while j <= limit {
            var k = 0
            while k < pattern.count, (s[j + k] | 0x20) == pattern[k] { k += 1 }
            if k == pattern.count { return j }
            j += 1
        }
        return nil
    }
}
