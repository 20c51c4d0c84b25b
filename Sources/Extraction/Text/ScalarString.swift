extension String {
    /// The string of `scalars`, encoded to UTF-8 in one pass over a buffer of the exact size.
    ///
    /// `String.UnicodeScalarView.append(contentsOf:)` walks an array slice through an
    /// unspecialised iterator, a few hundred instructions per code point; spans, quotes and
    /// entity names are cut from the document this way thousands of times per article.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case ..<0x80:
                    buffer[i] = UInt8(truncatingIfNeeded: v)
                    i += 1
                case ..<0x800:
                    buffer[i] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 2
                case ..<0x10000:
                    buffer[i] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 3
                default:
                    buffer[i] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
                    buffer[i + 2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
                    buffer[i + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                    i += 4
                }
            }
            return i
        }
    }

    /// The string of `scalars`; see `init(scalars:)` on a slice.
    init(scalars: [Unicode.Scalar]) {
        self.init(scalars: scalars[...])
    }
}

extension StringProtocol {
    /// The string without the code points at either end for which `trimmed` holds.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString`: on web pages' metadata,
    /// trimmed word by word, it was a twentieth of the HTML reader's time.
    func trimming(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let string = String(self)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }),
              let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(scalars[first..<scalars.index(after: last)])
    }

    /// The string without punctuation (Unicode's P categories, as `CharacterSet.punctuationCharacters`) at either end.
    func trimmingPunctuation() -> String {
        trimming(where: \.isPunctuation)
    }

    /// The string without spaces and tabs at either end (`CharacterSet.whitespaces`).
    func trimmingSpaces() -> String {
        trimming(where: { $0.properties.generalCategory == .spaceSeparator || $0 == "\t" })
    }
}

extension Unicode.Scalar {
    /// In one of Unicode's punctuation categories (P*).
    var isPunctuation: Bool {
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
