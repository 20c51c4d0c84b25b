/// A small deterministic random number generator (SplitMix64): the same seed gives the same
/// sequence on every machine, for shuffling training data and for tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits: the state advanced by the golden-ratio step, then mixed.
    public mutating func next() -> UInt64 {
        let current = state
        state &+= 0x9E37_79B9_7F4A_7C15
        return TextKey.mix(current)
    }
}
