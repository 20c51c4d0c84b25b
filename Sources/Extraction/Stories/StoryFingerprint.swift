/// A 64-bit SimHash of an article's word 3-shingles (Charikar 2002, as Manku et al. use it for
/// near-duplicate web pages): copies of one text differ in a few bits, unrelated texts in about 32.
///
/// Words are lowercased; numbers count as words; punctuation is ignored, so credits, a new headline
/// or one paragraph more or less move only the shingles they touch.
public enum StoryFingerprint {
    /// Shingles hashed per article at most (the first ones): bounds the time for huge inputs.
    public static let maxShingles = 20_000

    /// The SimHash of `doc`'s words.
    public static func of(_ doc: Document) -> UInt64 {
        var words: [UInt64] = []
        words.reserveCapacity(min(doc.tokens.count, maxShingles + 2))
        for token in doc.tokens where token.kind == .word || token.kind == .number {
            words.append(NameKey.of(doc.scalars, token.range))
            if words.count >= maxShingles + 2 { break }
        }
        return simhash(words: words)
    }

    /// The SimHash of the 3-shingles of a sequence of word hashes (a shorter text: of its words).
    public static func simhash(words: [UInt64]) -> UInt64 {
        guard !words.isEmpty else { return 0 }
        var votes = [Int32](repeating: 0, count: 64)
        let width = min(3, words.count)
        for start in 0...(words.count - width) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for w in words[start..<(start + width)] { h = mix(h ^ w) }
            for bit in 0..<64 {
                votes[bit] &+= (h >> UInt64(bit)) & 1 == 1 ? 1 : -1
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// Bits in which two fingerprints differ.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }

    /// The fingerprint as the record writes it: 16 lowercase hex digits.
    public static func hex(_ fingerprint: UInt64) -> String {
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint a record's hex string stands for.
    public static func parse(_ hex: String) -> UInt64? {
        hex.utf8.count == 16 ? UInt64(hex, radix: 16) : nil
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
