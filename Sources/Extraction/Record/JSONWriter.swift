/// Writes compact JSON into a byte buffer, fields in the order they are written.
///
/// Records need every field present (nil is written as `null`) and a stable field order, which
/// `JSONEncoder` gives neither of; this writer is also several times faster.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// An empty writer.
    public init() {
        bytes.reserveCapacity(4096)
    }

    /// The written JSON as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Writes `{`, the fields `body` writes, then `}`.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[`, the values `body` writes, then `]`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func value(_ s: String?) {
        separate()
        if let s { appendQuoted(s) } else { appendNull() }
        needsComma = true
    }

    public mutating func value(_ n: Int?) {
        separate()
        if let n { appendInteger(n.magnitude, negative: n < 0) } else { appendNull() }
        needsComma = true
    }

    public mutating func value(_ d: Double?) {
        separate()
        if let d, d.isFinite {
            if d == d.rounded(), abs(d) < 1e15 {
                appendInteger(Int64(d).magnitude, negative: d < 0)
            } else {
                bytes.append(contentsOf: String(d).utf8)
            }
        } else {
            appendNull()
        }
        needsComma = true
    }

    public mutating func value(_ b: Bool) {
        separate()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
        needsComma = true
    }

    /// Writes a JSON null.
    public mutating func null() {
        separate()
        appendNull()
        needsComma = true
    }

    public mutating func field(_ name: String, _ s: String?) { key(name); value(s) }
    public mutating func field(_ name: String, _ n: Int?) { key(name); value(n) }
    public mutating func field(_ name: String, _ d: Double?) { key(name); value(d) }
    public mutating func field(_ name: String, _ b: Bool) { key(name); value(b) }

    /// Writes `name: [s1, s2, …]`.
    public mutating func field(_ name: String, strings: [String]) {
        key(name)
        array { w in for s in strings { w.value(s) } }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Writes the decimal digits of `magnitude`, after a minus sign when `negative`.
    private mutating func appendInteger<T: UnsignedInteger>(_ magnitude: T, negative: Bool) {
        if negative { bytes.append(UInt8(ascii: "-")) }
        var m = UInt64(magnitude)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
            } while m > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k..<20]))
        }
    }

    private mutating func appendNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string; control characters, U+2028 and U+2029 are escaped so that a
    /// record is always exactly one line, whatever the input held.
    private mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escape are copied whole; UTF-8 is copied as it is, but for the
            // line and paragraph separators (E2 80 A8/A9), which JavaScript reads as line ends.
            var run = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                let escaped: UInt32
                let width: Int
                if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F {
                    escaped = UInt32(b)
                    width = 1
                } else if b == 0xE2, i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] & 0xFE == 0xA8 {
                    escaped = 0x2000 | UInt32(utf8[i + 2] - 0x80)
                    width = 3
                } else {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                appendEscape(escaped)
                i += width
                run = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<n]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape of code point `v`: the short one where JSON has it, else `\uXXXX`.
    private mutating func appendEscape(_ v: UInt32) {
        switch v {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"),
                                      Self.hex[Int(v >> 12) & 0xF], Self.hex[Int(v >> 8) & 0xF],
                                      Self.hex[Int(v >> 4) & 0xF], Self.hex[Int(v) & 0xF]])
        }
    }
}
