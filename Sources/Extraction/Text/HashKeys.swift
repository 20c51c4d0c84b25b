/// Dense slot numbers for 64-bit text hashes (`TextKey`, `WordKey`, `NameKey`, the tagger's
/// `TokenKeys`), by open addressing with linear probing.
///
/// The keys are hashes already, so a look-up costs a multiply and a probe or two, where `Set` and
/// `Dictionary` run SipHash over every key first; the hot loops of the extractor look a word up
/// several times per token. Slots are numbered 0, 1, 2, … in the order keys first arrive, so arrays
/// indexed by slot hold per-key values and iterate in a fixed order.
struct KeySlots: Sendable {
    private var table: [Int32]
    private var shift: UInt64
    /// The keys with a slot, by slot.
    private(set) var keys: [UInt64] = []

    /// Room for `capacity` distinct keys before the table grows.
    init(capacity: Int = 8) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        table = [Int32](repeating: -1, count: 1 << bits)
        shift = 64 - bits
        keys.reserveCapacity(capacity)
    }

    /// How many distinct keys have a slot.
    var count: Int { keys.count }

    /// Fibonacci hashing: the product's high bits depend on every bit of the key, which FNV-1a's
    /// low bits do not.
    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot of `key`, or nil.
    @inline(__always)
    func slot(of key: UInt64) -> Int? {
        let mask = table.count - 1
        var i = home(key)
        while true {
            let s = table[i]
            if s < 0 { return nil }
            if keys[Int(s)] == key { return Int(s) }
            i = (i + 1) & mask
        }
    }

    /// The slot of `key`, given the next free slot number if it has none yet.
    mutating func slot(_ key: UInt64) -> Int {
        let mask = table.count - 1
        var i = home(key)
        while true {
            let s = table[i]
            if s < 0 { break }
            if keys[Int(s)] == key { return Int(s) }
            i = (i + 1) & mask
        }
        let new = keys.count
        keys.append(key)
        if keys.count * 2 > table.count {
            grow()
        } else {
            table[i] = Int32(new)
        }
        return new
    }

    /// Gives `key` a slot, as a member of the set of keys.
    mutating func insert(_ key: UInt64) {
        _ = slot(key)
    }

    /// Whether `key` has a slot.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        slot(of: key) != nil
    }

    /// Doubles the table and places every key again (the new one included).
    private mutating func grow() {
        shift -= 1
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (s, key) in keys.enumerated() {
            var i = home(key)
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(s)
        }
    }
}

/// A set of 64-bit text hashes (see `KeySlots`): the word lists the stages test tokens against.
public struct HashKeySet: Sendable, ExpressibleByArrayLiteral {
    private var slots: KeySlots

    public init() {
        slots = KeySlots()
    }

    public init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        slots = KeySlots(capacity: keys.underestimatedCount)
        for key in keys { slots.insert(key) }
    }

    public init(arrayLiteral keys: UInt64...) {
        self.init(keys)
    }

    public var count: Int { slots.count }
    public var isEmpty: Bool { slots.count == 0 }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        slots.contains(key)
    }

    /// Adds `key`; true when it was new.
    @discardableResult
    public mutating func insert(_ key: UInt64) -> Bool {
        let before = slots.count
        slots.insert(key)
        return slots.count > before
    }

    /// The members, in the order they were first inserted.
    public var members: [UInt64] { slots.keys }
}

/// A map from 64-bit text hashes to values (see `KeySlots`), iterated in the order keys were first
/// set. Entries are not removed.
public struct HashKeyMap<Value> {
    private var slots: KeySlots
    /// The values, in the order of `keys`.
    public private(set) var values: [Value] = []

    public init(minimumCapacity: Int = 8) {
        slots = KeySlots(capacity: minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    /// The keys, in the order they were first set.
    public var keys: [UInt64] { slots.keys }

    @inline(__always)
    public func contains(_ key: UInt64) -> Bool {
        slots.contains(key)
    }

    /// The value of `key`, or nil; setting a value replaces the old one (setting nil is not allowed:
    /// entries are not removed).
    public subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            slots.slot(of: key).map { values[$0] }
        }
        set {
            guard let newValue else { preconditionFailure("HashKeyMap entries are not removed") }
            let s = slots.slot(key)
            if s == values.count { values.append(newValue) } else { values[s] = newValue }
        }
    }

    /// The value of `key`, or `defaultValue` (set on first change) as `Dictionary` has it.
    public subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
        get {
            slots.slot(of: key).map { values[$0] } ?? defaultValue()
        }
        _modify {
            let s = slots.slot(key)
            if s == values.count { values.append(defaultValue()) }
            yield &values[s]
        }
    }

    /// The entries, in the order their keys were first set.
    public var entries: Zip2Sequence<[UInt64], [Value]> { zip(slots.keys, values) }
}

extension HashKeyMap: Sendable where Value: Sendable {}
