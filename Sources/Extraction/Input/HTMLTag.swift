/// One HTML start or end tag, read from the code points at a `<`.
struct HTMLTag {
    var name: String
    var isEnd: Bool
    var selfClosing: Bool
    /// The attributes an article reader looks at (names lowercased, values with references decoded).
    var attributes: [(name: String, value: String)]

    /// Attributes worth keeping; the rest are skipped without building strings.
    private static let kept: Set<String> = [
        "class", "id", "name", "property", "itemprop", "content", "type", "rel", "href", "datetime", "hidden",
        "aria-hidden", "style", "role", "itemtype", "data-component", "data-testid",
    ]

    func attribute(_ name: String) -> String? {
        for a in attributes where a.name == name { return a.value }
        return nil
    }

    /// Reads the tag whose `<` is at `i`; returns the tag and the index after its `>`, or nil when
    /// the `<` does not start a tag. A tag cut off by the end of the text ends there.
    static func read(_ s: [Unicode.Scalar], at start: Int) -> (tag: HTMLTag, next: Int)? {
        let n = s.count
        var i = start + 1
        var isEnd = false
        if i < n && s[i] == "/" {
            isEnd = true
            i += 1
        }
        guard i < n, s[i].value < 0x80, CharacterClass.isLetter(s[i]) else { return nil }
        var name = ""
        while i < n, !isTagSpace(s[i]), s[i] != ">", s[i] != "/" {
            if name.utf8.count < 32 { name.unicodeScalars.append(lowerASCII(s[i])) }
            i += 1
        }
        var tag = HTMLTag(name: name, isEnd: isEnd, selfClosing: false, attributes: [])
        // Attributes.
        while i < n {
            let c = s[i]
            if isTagSpace(c) {
                i += 1
                continue
            }
            if c == ">" { return (tag, i + 1) }
            if c == "/" {
                if i + 1 < n && s[i + 1] == ">" {
                    tag.selfClosing = true
                    return (tag, i + 2)
                }
                i += 1
                continue
            }
            var attrName = ""
            while i < n, !isTagSpace(s[i]), s[i] != ">", s[i] != "=", !(s[i] == "/" && i + 1 < n && s[i + 1] == ">") {
                if attrName.utf8.count < 32 { attrName.unicodeScalars.append(lowerASCII(s[i])) }
                i += 1
            }
            if attrName.isEmpty {
                // A stray `=`: skip it.
                i += 1
                continue
            }
            while i < n, isTagSpace(s[i]) { i += 1 }
            var value = ""
            if i < n && s[i] == "=" {
                i += 1
                while i < n, isTagSpace(s[i]) { i += 1 }
                let keep = kept.contains(attrName)
                var valueScalars = String.UnicodeScalarView()
                if i < n && (s[i] == "\"" || s[i] == "'") {
                    let q = s[i]
                    i += 1
                    while i < n, s[i] != q {
                        if keep { valueScalars.append(s[i]) }
                        i += 1
                    }
                    i += 1
                } else {
                    while i < n, !isTagSpace(s[i]), s[i] != ">" {
                        if keep { valueScalars.append(s[i]) }
                        i += 1
                    }
                }
                if keep { value = HTMLEntities.decodeAll(String(valueScalars)) }
            }
            if kept.contains(attrName) { tag.attributes.append((attrName, value)) }
        }
        return (tag, n)
    }

    @inline(__always) static func isTagSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}"
    }

    @inline(__always) static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x41 && c.value <= 0x5A) ? Unicode.Scalar(c.value | 0x20)! : c
    }
}
