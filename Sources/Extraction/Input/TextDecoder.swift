/// Text decoded from a file's bytes, with the encoding found.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: TextEncoding
    public var warnings: [String]

    /// Decoded text.
    public init(text: String, encoding: TextEncoding, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Decodes a file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else windows-1252 with a warning.
///
/// Nothing but a leading byte-order mark is removed, so that a plain-text record's offsets point
/// into the file's own text. NUL bytes (outside UTF-16) and text that is mostly control or
/// undefined bytes are `binary` failures.
public enum TextDecoder {
    /// The decoded text without a leading byte-order mark, or a `binary` failure.
    public static func decode(_ bytes: [UInt8]) -> Result<DecodedText, ExtractionFailure> {
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return decodeUTF16(bytes[2...], bigEndian: false)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return decodeUTF16(bytes[2...], bigEndian: true)
        }
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if let endian = bomlessUTF16(b) {
            return decodeUTF16(b, bigEndian: endian)
        }
        if b.contains(0) {
            return .failure(ExtractionFailure(.binary, "the file holds NUL bytes"))
        }
        let check = UTF8Check(b)
        if check.invalid == 0 {
            if isMostlyControl(b, windows1252: false) {
                return .failure(ExtractionFailure(.binary, "the file is mostly control bytes, not text"))
            }
            return .success(DecodedText(text: String(decoding: b, as: UTF8.self), encoding: .utf8))
        }
        // Mostly valid UTF-8 with a few broken sequences (a truncated or damaged file): keep UTF-8.
        if check.multibyte >= 4 * check.invalid {
            if isMostlyControl(b, windows1252: false) {
                return .failure(ExtractionFailure(.binary, "the file is mostly control bytes, not text"))
            }
            return .success(DecodedText(text: String(decoding: b, as: UTF8.self), encoding: .utf8,
                                        warnings: ["invalid UTF-8 sequences replaced (\(check.invalid))"]))
        }
        if isMostlyControl(b, windows1252: true) {
            return .failure(ExtractionFailure(.binary, "the file is not text (control and undefined bytes)"))
        }
        return .success(DecodedText(text: decodeWindows1252(b), encoding: .windows1252,
                                    warnings: ["encoding guessed: windows-1252"]))
    }

    // MARK: UTF-16

    private static func decodeUTF16(_ b: ArraySlice<UInt8>, bigEndian: Bool) -> Result<DecodedText, ExtractionFailure> {
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var i = b.startIndex
        var controls = 0
        while i + 1 < b.endIndex {
            let u = bigEndian ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i])
            if u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D && u != 0x0C { controls += 1 }
            units.append(u)
            i += 2
        }
        if controls > 0 && controls * 20 > units.count {
            return .failure(ExtractionFailure(.binary, "the UTF-16 file is mostly control characters, not text"))
        }
        var warnings: [String] = []
        if b.count % 2 == 1 { warnings.append("odd trailing byte of UTF-16 text dropped") }
        let text = String(decoding: units, as: UTF16.self)
        return .success(DecodedText(text: text, encoding: bigEndian ? .utf16BE : .utf16LE, warnings: warnings))
    }

    /// UTF-16 without a byte-order mark: NUL in every other byte of an ASCII-heavy text.
    /// Returns whether it is big-endian, or nil when the bytes do not look like UTF-16.
    private static func bomlessUTF16(_ b: ArraySlice<UInt8>) -> Bool? {
        let n = min(b.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        var i = b.startIndex
        let end = b.startIndex + n
        while i < end {
            if b[i] == 0 { evenZero += 1 }
            if b[i + 1] == 0 { oddZero += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 9 && evenZero == 0 { return false }
        if evenZero * 10 >= pairs * 9 && oddZero == 0 { return true }
        return nil
    }

    // MARK: UTF-8 and windows-1252

    /// One pass over the bytes: how many bytes do not belong to a valid UTF-8 sequence, and how many
    /// valid multi-byte sequences there are.
    struct UTF8Check {
        var invalid = 0
        var multibyte = 0

        init(_ bytes: ArraySlice<UInt8>) {
            self = bytes.withUnsafeBufferPointer { UTF8Check($0) }
        }

        init(_ b: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let end = b.count
            let raw = UnsafeRawBufferPointer(b)
            while i < end {
                // ASCII eight bytes at a time.
                while i + 8 <= end && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < end else { break }
                let c = b[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                let need: Int
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: need = 0
                }
                if need == 0 || i + need >= end {
                    invalid += 1
                    i += 1
                    continue
                }
                var ok = b[i + 1] >= lo && b[i + 1] <= hi
                var k = 2
                while ok && k <= need {
                    ok = b[i + k] >= 0x80 && b[i + k] <= 0xBF
                    k += 1
                }
                if ok {
                    multibyte += 1
                    i += need + 1
                } else {
                    invalid += 1
                    i += 1
                }
            }
        }
    }

    /// Whether more than one byte in twenty is a control byte that text does not hold (or, read as
    /// windows-1252, a byte that encoding leaves undefined).
    private static func isMostlyControl(_ b: ArraySlice<UInt8>, windows1252: Bool) -> Bool {
        var bad = 0
        for c in b {
            switch c {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00...0x1F, 0x7F: bad += 1
            case 0x81, 0x8D, 0x8F, 0x90, 0x9D: if windows1252 { bad += 1 }
            default: break
            }
        }
        return bad > 0 && bad * 20 > b.count
    }

    /// Code points of windows-1252 bytes 0x80–0x9F (undefined bytes map to the C1 control, as the
    /// WHATWG decoder does).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// `b` read as windows-1252.
    static func decodeWindows1252(_ b: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for c in b {
            let v: UInt32 = (0x80...0x9F).contains(c) ? windows1252High[Int(c) - 0x80] : UInt32(c)
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
