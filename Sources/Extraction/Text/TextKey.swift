/// The one way text is keyed for look-ups: code points folded (`fold`), then hashed with 64-bit
/// FNV-1a (`step`), optionally finished with the SplitMix64 mixer (`mix`).
///
/// Every key scheme of the extractor is built on these: `WordKey` (lowercase word hashes), `NameKey`
/// (multi-word names), `FeatureHash` (the tagger's features), and the packed keys `LatinKey` and
/// `PackedWord`. Two texts that differ only in case or typography (curly quotes, dashes) key alike.
public enum TextKey {
    /// FNV-1a's offset basis: the hash of no text.
    public static let empty: UInt64 = 0xCBF2_9CE4_8422_2325
    /// FNV-1a's 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// One FNV-1a step: `h` extended by the code point value `v`.
    @inlinable @inline(__always)
    public static func step(_ h: UInt64, _ v: UInt32) -> UInt64 {
        (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Typographic variants folded onto ASCII, case kept: curly apostrophes and quotation marks,
    /// primes, en and em dashes, non-breaking hyphens and the minus sign.
    @inlinable @inline(__always)
    public static func normalized(_ v: UInt32) -> UInt32 {
        guard v >= 0x2010 else { return v }
        switch v {
        case 0x2018, 0x2019, 0x201B, 0x2032: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: return 0x22
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return 0x2D
        default: return v
        }
    }

    /// The lowercase form of one code point (first scalar of its lowercase mapping), typography kept.
    @inlinable @inline(__always)
    public static func lower(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        guard c.properties.isUppercase else { return v }
        return c.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    /// The code point `c` as every key sees it: typography normalised, then lowercased.
    @inlinable @inline(__always)
    public static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        let n = normalized(v)
        return n == v ? lower(c) : n
    }

    /// The FNV-1a hash of `scalars[range]` folded (not mixed).
    @inlinable @inline(__always)
    public static func hash(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var h = empty
        for i in range { h = step(h, fold(scalars[i])) }
        return h
    }

    /// The FNV-1a hash of `text` folded, equal to `hash(_:_:)` of the same code points.
    public static func hash(_ text: String) -> UInt64 {
        var h = empty
        for c in text.unicodeScalars { h = step(h, fold(c)) }
        return h
    }
}
