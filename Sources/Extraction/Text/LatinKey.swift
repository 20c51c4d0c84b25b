/// A short word folded to lower case and packed into an integer: a fast, allocation-free key for
/// looking words up in fixed lists (stop words, abbreviations, sentence starters).
///
/// Only words of at most eight Latin-1 letters (and `'`, `.`, `-`) have a key; code points are
/// folded as every key folds them (`TextKey.fold`: lowercase, curly apostrophe as `'`).
enum LatinKey {
    /// The key of `scalars[range]`, or nil when the word is too long or not Latin-1.
    @inline(__always)
    static func of(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> UInt64? {
        guard range.count <= 8, !range.isEmpty else { return nil }
        var key: UInt64 = 0
        for i in range {
            guard let b = folded(scalars[i]) else { return nil }
            key = key << 8 | UInt64(b)
        }
        return key
    }

    /// The key of a word's code points.
    static func of(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard word.count <= 8, !word.isEmpty else { return nil }
        var key: UInt64 = 0
        for c in word {
            guard let b = folded(c) else { return nil }
            key = key << 8 | UInt64(b)
        }
        return key
    }

    /// The key of a literal word (for building the lists).
    static func of(_ word: String) -> UInt64? {
        let s = Array(word.unicodeScalars)
        return of(s, 0..<s.count)
    }

    @inline(__always)
    private static func folded(_ c: Unicode.Scalar) -> UInt8? {
        let v = TextKey.fold(c)
        switch v {
        case 0x61...0x7A, 0x27, 0x2E, 0x2D: return UInt8(v)
        case 0xDF...0xFF where v != 0xF7: return UInt8(v)
        default: return nil
        }
    }
}
