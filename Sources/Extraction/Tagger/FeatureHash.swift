/// 64-bit keys of token text and feature templates, computed over scalars without building Strings.
///
/// Text is keyed as `TextKey` keys it (FNV-1a over code points, finished with SplitMix64's mixer);
/// a feature is a template number combined with one or more such keys. Zero means "no value".
public enum FeatureHash {
    /// The hash of no text.
    public static let seed: UInt64 = TextKey.empty

    /// One FNV-1a step.
    @inlinable @inline(__always)
    public static func step(_ h: UInt64, _ v: UInt32) -> UInt64 { TextKey.step(h, v) }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 { TextKey.mix(x) }

    /// An order-sensitive combination of two keys.
    @inlinable @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        TextKey.mix((a &* 0xD6E8_FEB8_6659_FD93) ^ b)
    }

    /// The key of a string's code points, case kept (the same as `TokenKeys.form` of a token with that text).
    public static func form(_ text: String) -> UInt64 {
        var h = seed
        for c in text.unicodeScalars { h = TextKey.step(h, TextKey.normalized(c.value)) }
        return TextKey.mix(h)
    }
}
