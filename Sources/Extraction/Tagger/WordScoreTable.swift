/// Summed feature scores of frequent words, so that a known word costs a few lookups instead of
/// many weight rows: its own word features, and the features it gives each of its neighbours.
///
/// Derived from a model's weights (`TaggerModel.withWordScores`). Keys are `TokenKeys.form`; each
/// entry holds `parts` vectors of 16 Int32 scores (tags 1–16), 64-byte aligned: part 0 the word
/// features, parts 1–4 the neighbour features of `FeatureTemplates.Neighbour` as that neighbour.
/// `@unchecked Sendable`: the rows are written only in `init`, so threads may share the table.
public final class WordScoreTable: @unchecked Sendable {
    /// Vectors per word.
    public static let parts = 1 + FeatureTemplates.Neighbour.allCases.count
    /// A form key and its entry, side by side: one cache line per look-up.
    @usableFromInline struct Slot {
        @usableFromInline var key: UInt64
        @usableFromInline var entry: Int32
    }

    @usableFromInline let slots: [Slot]
    @usableFromInline let mask: Int
    public let count: Int
    /// The form keys in entry order.
    public let words: [UInt64]
    @usableFromInline let sums: UnsafeMutablePointer<Int32>

    /// A table of the words with form keys `words`, whose `parts` summed score vectors are
    /// `scores[n * parts ..< (n + 1) * parts]` for word `n`.
    public init(words: [UInt64], scores: [SIMD16<Int32>]) {
        let P = WordScoreTable.parts
        precondition(scores.count == words.count * P)
        var capacity = 1
        while capacity < words.count * 2 + 1 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, entry: -1), count: capacity)
        count = words.count
        self.words = words
        let size = max(words.count, 1) * P * 16
        let sums = UnsafeMutableRawPointer.allocate(byteCount: size * 4, alignment: 64).bindMemory(to: Int32.self, capacity: size)
        sums.initialize(repeating: 0, count: size)
        self.sums = sums
        mask = capacity - 1
        for (n, key) in words.enumerated() where key != 0 {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i].key != 0 && slots[i].key != key { i = (i + 1) & mask }
            slots[i] = Slot(key: key, entry: Int32(n))
        }
        let target = UnsafeMutableRawPointer(sums)
        scores.withUnsafeBytes { if let base = $0.baseAddress { target.copyMemory(from: base, byteCount: $0.count) } }
        self.slots = slots
    }

    /// Every entry's score vectors, in entry order.
    public var scores: UnsafeBufferPointer<SIMD16<Int32>> {
        UnsafeBufferPointer(start: UnsafeRawPointer(sums).assumingMemoryBound(to: SIMD16<Int32>.self),
                            count: count * WordScoreTable.parts)
    }

    deinit {
        sums.deallocate()
    }

    /// The entry of the word with form key `key`, or -1.
    @inlinable @inline(__always)
    public func index(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[i]
            if slot.key == key { return slot.entry }
            if slot.key == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    /// Part `part` of entry `index`.
    @inlinable @inline(__always)
    public func scores(_ index: Int32, part: Int) -> SIMD16<Int32> {
        UnsafeRawPointer(sums + (Int(index) * WordScoreTable.parts + part) * 16).load(as: SIMD16<Int32>.self)
    }
}
