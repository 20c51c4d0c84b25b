/// The attributes of the start tag being read that the reader looks at, as byte ranges of the page
/// (values still raw; `value(_:in:)` decodes them). Others are skipped without being stored.
struct HTMLAttributes {
    enum Name: UInt8 {
        case `class`, id, href, rel, name, property, content, itemprop, type, charset, httpEquiv, datetime, lang
        case hidden, style, role, ariaHidden, itemtype, title, pubdate

        static func named(_ b: UnsafeBufferPointer<UInt8>) -> Name? {
            switch b.count {
            case 2: return eq(b, "id") ? .id : nil
            case 3: return eq(b, "rel") ? .rel : nil
            case 4:
                if eq(b, "href") { return .href }
                if eq(b, "name") { return .name }
                if eq(b, "type") { return .type }
                if eq(b, "lang") { return .lang }
                if eq(b, "role") { return .role }
                return nil
            case 5:
                if eq(b, "class") { return .class }
                if eq(b, "style") { return .style }
                if eq(b, "title") { return .title }
                return nil
            case 6: return eq(b, "hidden") ? .hidden : nil
            case 7:
                if eq(b, "content") { return .content }
                if eq(b, "charset") { return .charset }
                if eq(b, "pubdate") { return .pubdate }
                return nil
            case 8:
                if eq(b, "property") { return .property }
                if eq(b, "itemprop") { return .itemprop }
                if eq(b, "datetime") { return .datetime }
                if eq(b, "itemtype") { return .itemtype }
                return nil
            case 10:
                if eq(b, "http-equiv") { return .httpEquiv }
                return nil
            case 11:
                return eq(b, "aria-hidden") ? .ariaHidden : nil
            default: return nil
            }
        }

        /// Whether lowercased `b` is `s`.
        private static func eq(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
            let p = s.utf8Start
            for k in 0..<b.count where (b[k] | 0x20) != p[k] && b[k] != p[k] { return false }
            return true
        }
    }

    /// Found attributes: name, value range, whether the value holds a `&`.
    private(set) var items: [(name: Name, start: Int32, end: Int32)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    /// Keeps the first value of each name, as browsers do.
    mutating func add(_ name: Name, _ start: Int, _ end: Int) {
        guard items.count < 24, !items.contains(where: { $0.name == name }) else { return }
        items.append((name, Int32(start), Int32(end)))
    }

    func has(_ name: Name) -> Bool { items.contains { $0.name == name } }

    /// The value of `name`, references decoded, in `page`.
    func value(_ name: Name, in page: UnsafeBufferPointer<UInt8>) -> String? {
        guard let a = items.first(where: { $0.name == name }) else { return nil }
        let raw = UnsafeBufferPointer(rebasing: page[Int(a.start)..<Int(a.end)])
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&"), let next = HTMLEntityTable.decode(raw, at: i, end: raw.count, inAttribute: true, into: &out) {
                i = next
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `name`'s value, lowercased ASCII, for matching.
    func lowercasedBytes(_ name: Name, in page: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let a = items.first(where: { $0.name == name }) else { return nil }
        var out = [UInt8](UnsafeBufferPointer(rebasing: page[Int(a.start)..<Int(a.end)].prefix(256)))
        for k in out.indices where out[k] >= 0x41 && out[k] <= 0x5A { out[k] |= 0x20 }
        return out
    }

    /// The value of `name`, references decoded and lowercased ASCII, for matching. Some sites escape
    /// every punctuation mark of every attribute (`property="article&#x3A;published_time"`,
    /// `type="application&#x2F;ld&#x2B;json"`), which browsers read as the plain value.
    func lowercased(_ name: Name, in page: UnsafeBufferPointer<UInt8>) -> String? {
        guard let a = items.first(where: { $0.name == name }) else { return nil }
        let raw = UnsafeBufferPointer(rebasing: page[Int(a.start)..<Int(a.end)])
        var out = raw.contains(UInt8(ascii: "&")) ? Array(value(name, in: page)?.utf8 ?? "".utf8) : [UInt8](raw)
        for k in out.indices where out[k] >= 0x41 && out[k] <= 0x5A { out[k] |= 0x20 }
        return String(decoding: out, as: UTF8.self)
    }

    // Matching without a `String`: the value's bytes, ASCII letters lowercased, against lowercase
    // ASCII patterns (what `lowercased(_:in:)` followed by `==`, `contains` or `hasPrefix` gives for them).

    /// The raw bytes of `name`'s value in `page`.
    func bytes(_ name: Name, in page: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let a = items.first(where: { $0.name == name }) else { return nil }
        return UnsafeBufferPointer(rebasing: page[Int(a.start)..<Int(a.end)])
    }

    /// Whether `name`'s value, lowercased, is `pattern`.
    func value(_ name: Name, in page: UnsafeBufferPointer<UInt8>, is pattern: StaticString) -> Bool {
        guard let v = bytes(name, in: page) else { return false }
        return v.count == pattern.utf8CodeUnitCount && HTMLAttributes.matchesLowercased(v, at: 0, pattern)
    }

    /// Whether `name`'s value, lowercased, contains `pattern`.
    func value(_ name: Name, in page: UnsafeBufferPointer<UInt8>, contains pattern: StaticString) -> Bool {
        guard let v = bytes(name, in: page) else { return false }
        return HTMLAttributes.containsLowercased(v, pattern)
    }

    static func containsLowercased(_ v: UnsafeBufferPointer<UInt8>, _ pattern: StaticString) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard n > 0 else { return true }
        guard v.count >= n else { return false }
        for at in 0...(v.count - n) where matchesLowercased(v, at: at, pattern) { return true }
        return false
    }

    /// Whether lowercased `v[at...]` starts with `pattern`.
    @inline(__always) static func matchesLowercased(_ v: UnsafeBufferPointer<UInt8>, at: Int, _ pattern: StaticString) -> Bool {
        let p = pattern.utf8Start
        let n = pattern.utf8CodeUnitCount
        guard at + n <= v.count else { return false }
        for k in 0..<n {
            let b = v[at + k]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != p[k] { return false }
        }
        return true
    }
}
