/// 64-bit hashing of token text and feature templates, computed over scalars without building Strings.
///
/// Text is hashed with FNV-1a over code points and finished with the SplitMix64 mixer; a feature is
/// a template number combined with one or more such keys. Zero means "no value".
public enum FeatureHash {
    /// FNV-1a's offset basis: the hash of no text.
    public static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// One FNV-1a step.
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

    /// An order-sensitive combination of two keys.
    @inlinable @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix((a &* 0xD6E8_FEB8_6659_FD93) ^ b)
    }

    /// The key of a string's code points (the same as `TokenKeys.form` of a token with that text).
    public static func form(_ text: String) -> UInt64 {
        var h = seed
        for c in text.unicodeScalars { h = step(h, normalized(c.value)) }
        return mix(h)
    }

    /// Typographic variants folded onto the ASCII the training text uses: curly apostrophes and
    /// quotation marks, en and em dashes, non-breaking hyphens.
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

    /// The lowercase form of one code point (first scalar of its lowercase mapping).
    @inlinable @inline(__always)
    public static func lower(_ c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        guard c.properties.isUppercase else { return v }
        return c.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }
}
