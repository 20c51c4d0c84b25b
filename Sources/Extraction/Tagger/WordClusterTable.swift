/// Word clusters learnt without labels, and dictionary codes, looked up by a token's form key.
///
/// An open-addressing hash table from `FeatureHash.form` keys to eight small codes (the slots of
/// `TokenKeys.clusters`): cluster ids at three levels learnt from the training text, a dictionary
/// code, and Brown cluster path prefixes at four lengths; ids start at 1, so zero means "none".
public struct WordClusterTable: Sendable {
    /// One slot of the table: a key and its codes side by side, 32 bytes on a 32-byte boundary, so
    /// that a look-up (most words are met once per document, and the table is megabytes) reads one
    /// cache line instead of one for the key and another for the codes.
    @usableFromInline struct Slot {
        @usableFromInline var key: UInt64
        @usableFromInline var clusters: SIMD8<UInt16>
    }

    /// The slots, allocated once and never written after `init`.
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline let slots: UnsafeMutablePointer<Slot>
        let count: Int

        init(count: Int) {
            self.count = count
            slots = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Slot>.stride, alignment: 64)
                .bindMemory(to: Slot.self, capacity: count)
            slots.initialize(repeating: Slot(key: 0, clusters: .zero), count: count)
        }

        deinit {
            slots.deallocate()
        }
    }

    @usableFromInline let storage: Storage
    @usableFromInline let mask: Int

    /// An empty table.
    public init() {
        storage = Storage(count: 1)
        mask = 0
    }

    /// A table holding `entries` (form key, cluster ids).
    public init(entries: [(key: UInt64, clusters: SIMD8<UInt16>)]) {
        var capacity = 1
        while capacity < entries.count * 2 + 1 { capacity <<= 1 }
        storage = Storage(count: capacity)
        mask = capacity - 1
        let slots = storage.slots
        for e in entries where e.key != 0 {
            var i = Int(truncatingIfNeeded: e.key) & mask
            while slots[i].key != 0 && slots[i].key != e.key { i = (i + 1) & mask }
            slots[i] = Slot(key: e.key, clusters: e.clusters)
        }
    }

    /// The number of words in the table.
    public var count: Int { (0..<storage.count).lazy.filter { storage.slots[$0].key != 0 }.count }

    /// Every entry, for writing the table out.
    public var entries: [(key: UInt64, clusters: SIMD8<UInt16>)] {
        (0..<storage.count).compactMap { i in
            let slot = storage.slots[i]
            return slot.key == 0 ? nil : (slot.key, slot.clusters)
        }
    }

    /// The clusters of the word with form key `key`, or zero.
    @inlinable
    public func lookup(_ key: UInt64) -> SIMD8<UInt16> {
        let slots = storage.slots
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[i]
            if slot.key == key { return slot.clusters }
            if slot.key == 0 { return .zero }
            i = (i + 1) & mask
        }
    }
}
