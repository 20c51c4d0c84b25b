import Extraction
import Testing

@Suite struct HashKeysTests {
    /// Keys that differ only in their high bits, and keys that differ only in their low bits: both
    /// must land apart and survive the table growing many times.
    static let keys: [UInt64] = (1...5_000).map { UInt64($0) << 40 } + (1...5_000).map { UInt64($0) }

    @Test func aSetHoldsWhatWasInsertedAndNothingElse() {
        var set = HashKeySet()
        let inserted = Self.keys.map { set.insert($0) }
        #expect(inserted.allSatisfy { $0 })
        let again = set.insert(Self.keys[17])
        #expect(!again)
        #expect(set.count == Self.keys.count)
        #expect(Self.keys.allSatisfy(set.contains))
        #expect(!set.contains(0))
        #expect(!set.contains(5_001))
        #expect(!set.contains(5_001 << 40))
        #expect(set.members == Self.keys)
    }

    @Test func aSetFromWordsMatchesTheirHashes() {
        let words = HashKeySet(["said", "told", "said"].map(WordKey.hash))
        #expect(words.count == 2)
        #expect(words.contains(WordKey.hash("SAID")))
        #expect(!words.contains(WordKey.hash("says")))
    }

    @Test func aMapKeepsTheLastValueAndTheFirstOrder() {
        var map = HashKeyMap<Int>()
        for (i, k) in Self.keys.enumerated() { map[k] = i }
        map[Self.keys[3]] = -1
        #expect(map.count == Self.keys.count)
        #expect(map[Self.keys[3]] == -1)
        #expect(map[Self.keys[4_999]] == 4_999)
        #expect(map[42 << 50] == nil)
        #expect(map.keys == Self.keys)
        #expect(Array(map.entries.prefix(2)).map(\.1) == [0, 1])
    }

    @Test func aMapsDefaultIsSetOnFirstChange() {
        var counts = HashKeyMap<[Int]>()
        for (i, k) in ([9, 8, 9, 9] as [UInt64]).enumerated() { counts[k, default: []].append(i) }
        #expect(counts[9] == [0, 2, 3])
        #expect(counts[8] == [1])
        #expect(counts[7, default: [0]] == [0])
        #expect(!counts.contains(7))
    }
}
