/// What the rest of a document says about a capitalised word: whether the same word appears
/// capitalised inside a sentence elsewhere (a name), or in lowercase (a common word).
///
/// Helps where capitals say little: headlines set in capitals and the first word of a sentence.
public enum DocumentEvidence {
    /// Sets `TokenKeys.document` of every capitalised token of `sentences`: 1, plus 1 when the word
    /// is capitalised inside some sentence that is not a headline, plus 2 when it appears in lowercase.
    public static func annotate(_ keys: inout [TokenKeys], sentences: [Sentence]) {
        var capitalised = KeySet(capacity: keys.count)
        var lowercase = KeySet(capacity: keys.count)
        for s in sentences where s.tokens.count > 1 && !FeatureTemplates.isHeadline(keys[s.tokens]) {
            for i in s.tokens.dropFirst() {
                let k = keys[i]
                if k.isCapitalized {
                    capitalised.insert(k.lower)
                } else if k.letters > 0 && k.uppercase == 0 {
                    lowercase.insert(k.lower)
                }
            }
        }
        for i in keys.indices where keys[i].isCapitalized {
            let k = keys[i]
            keys[i].document = 1 + (capitalised.contains(k.lower) ? 1 : 0) + (lowercase.contains(k.lower) ? 2 : 0)
        }
    }

    /// A set of non-zero 64-bit keys with open addressing.
    struct KeySet {
        var slots: [UInt64]
        var mask: Int

        init(capacity: Int) {
            var n = 16
            while n < capacity * 2 { n <<= 1 }
            slots = [UInt64](repeating: 0, count: n)
            mask = n - 1
        }

        mutating func insert(_ key: UInt64) {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 && slots[i] != key { i = (i + 1) & mask }
            slots[i] = key
        }

        func contains(_ key: UInt64) -> Bool {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 {
                if slots[i] == key { return true }
                i = (i + 1) & mask
            }
            return false
        }
    }
}
