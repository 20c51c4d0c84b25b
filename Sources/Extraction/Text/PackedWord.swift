/// A word packed into an integer for allocation-free lexicon look-ups: up to 12 letters a–z after
/// folding (`TextKey.fold`), five bits each. Anything else (digits, accents, inner punctuation)
/// packs to 0.
struct PackedWord {
    /// The key of `scalars[range]`; a trailing full stop is ignored so that "Mr." keys as "mr".
    @inline(__always)
    static func key(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var end = range.upperBound
        if end - range.lowerBound > 1, scalars[end - 1] == "." { end -= 1 }
        guard end - range.lowerBound <= 12 else { return 0 }
        var k: UInt64 = 0
        var i = range.lowerBound
        while i < end {
            let v = TextKey.fold(scalars[i])
            guard v >= 0x61, v <= 0x7A else { return 0 }
            k = k << 5 | UInt64(v - 0x60)
            i += 1
        }
        return k
    }

    /// The key of an ASCII word, for building lexicons.
    static func pack(_ word: String) -> UInt64 {
        let scalars = Array(word.unicodeScalars)
        return key(scalars, 0..<scalars.count)
    }

    /// A lexicon of words separated by spaces.
    static func set(_ words: String) -> HashKeySet {
        HashKeySet(words.split(separator: " ").map { pack(String($0)) })
    }
}
