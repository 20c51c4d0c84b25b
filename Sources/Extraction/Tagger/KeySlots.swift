/// Dense slot numbers for the 64-bit word keys of one document, by open addressing: the
/// per-document counts of the tagger's document features live in arrays indexed by slot, and
/// its word sets are the keys that have one; a fraction of the cost of a `Dictionary` or `Set`
/// keyed by the hashes (those keys are hashes already).
struct KeySlots {
    private var keys: [UInt64]
    private var slots: [Int32]
    private var mask: Int
    /// How many distinct keys have a slot.
    private(set) var count = 0

    /// Room for up to `capacity` distinct keys.
    init(capacity: Int) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = [UInt64](repeating: 0, count: n)
        slots = [Int32](repeating: -1, count: n)
        mask = n - 1
    }

    /// The slot of `key`, given the next free slot number if it has none yet.
    mutating func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key) & mask
        while slots[i] >= 0 {
            if keys[i] == key { return Int(slots[i]) }
            i = (i + 1) & mask
        }
        keys[i] = key
        slots[i] = Int32(count)
        count += 1
        return count - 1
    }

    /// Gives `key` a slot, as a member of the set of keys.
    mutating func insert(_ key: UInt64) {
        _ = slot(key)
    }

    /// Whether `key` has a slot.
    func contains(_ key: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: key) & mask
        while slots[i] >= 0 {
            if keys[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }
}
