/// Best BILOU tag sequence of a sentence under emission and first-order transition scores,
/// with the tag set's structural constraints (an `I` follows a `B` or `I` of its type, and so on).
public enum ViterbiDecoder {
    /// Decodes `n` tokens: `emissions[i * TagSet.count + t]`, `transitions[p * TagSet.count + t]`
    /// with row `TagSet.count` for the start. Writes the tags to `tags`; `scratch` holds at least
    /// `n * TagSet.count` bytes and `2 * TagSet.count` floats.
    @inlinable
    public static func decode(n: Int, emissions: UnsafePointer<Float>, transitions: UnsafePointer<Float>,
                              backpointers: UnsafeMutablePointer<UInt8>, scores: UnsafeMutablePointer<Float>,
                              tags: UnsafeMutablePointer<UInt8>) {
        guard n > 0 else { return }
        let T = TagSet.count
        let ninf = -Float.greatestFiniteMagnitude
        var prev = scores
        var cur = scores + T
        // Which tags are entity-internal (I or L), which close (O, L, U).
        for t in 0..<T {
            prev[t] = allowedFromStart(t) ? transitions[T * T + t] + emissions[t] : ninf
        }
        for i in 1..<max(n, 1) {
            let e = emissions + i * T
            for t in 0..<T {
                var best = ninf
                var arg: UInt8 = 0
                if t == 0 || isOpener(t) {
                    // From O, L-x or U-x.
                    if prev[0] + transitions[t] > best { best = prev[0] + transitions[t]; arg = 0 }
                    var p = 3
                    while p < T {
                        let s0 = prev[p] + transitions[p * T + t]
                        if s0 > best { best = s0; arg = UInt8(p) }
                        let s1 = prev[p + 1] + transitions[(p + 1) * T + t]
                        if s1 > best { best = s1; arg = UInt8(p + 1) }
                        p += 4
                    }
                } else {
                    // I-x or L-x: from B-x or I-x.
                    let b = 1 + ((t - 1) & ~3)
                    let s0 = prev[b] + transitions[b * T + t]
                    let s1 = prev[b + 1] + transitions[(b + 1) * T + t]
                    if s0 >= s1 { best = s0; arg = UInt8(b) } else { best = s1; arg = UInt8(b + 1) }
                }
                cur[t] = best == ninf ? ninf : best + e[t]
                backpointers[i * T + t] = arg
            }
            swap(&prev, &cur)
        }
        var best = ninf
        var arg = 0
        for t in 0..<T where TagSet.mayEnd(t) && prev[t] > best {
            best = prev[t]
            arg = t
        }
        tags[n - 1] = UInt8(arg)
        var i = n - 1
        while i > 0 {
            tags[i - 1] = backpointers[i * T + Int(tags[i])]
            i -= 1
        }
    }

    @inlinable @inline(__always)
    static func isOpener(_ t: Int) -> Bool { t != 0 && ((t - 1) & 3 == 0 || (t - 1) & 3 == 3) }

    @inlinable @inline(__always)
    static func allowedFromStart(_ t: Int) -> Bool { t == 0 || isOpener(t) }
}

/// Buffers for decoding sentences one after another without allocating: backpointers, the two
/// score rows and the tags, grown when a longer sentence comes.
public struct ViterbiWorkspace: Sendable {
    private var backpointers: [UInt8] = []
    private var scores = [Float](repeating: 0, count: 2 * TagSet.count)
    /// The tags of the last sentence decoded (its first `n` entries).
    public private(set) var tags: [UInt8] = []

    /// A workspace for sentences of up to `capacity` tokens (longer ones grow it).
    public init(capacity: Int = 0) {
        reserve(capacity)
    }

    private mutating func reserve(_ n: Int) {
        guard tags.count < n else { return }
        backpointers = [UInt8](repeating: 0, count: n * TagSet.count)
        tags = [UInt8](repeating: 0, count: n)
    }

    /// The best tags of `n` tokens under `emissions` (`n * TagSet.count` from `emissions[first * TagSet.count]`)
    /// and `transitions` (see `ViterbiDecoder.decode`).
    public mutating func decode(n: Int, emissions: [Float], from first: Int = 0, transitions: [Float]) -> ArraySlice<UInt8> {
        guard n > 0 else { return [] }
        precondition((first + n) * TagSet.count <= emissions.count)
        reserve(n)
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { t in
                backpointers.withUnsafeMutableBufferPointer { b in
                    scores.withUnsafeMutableBufferPointer { s in
                        tags.withUnsafeMutableBufferPointer { out in
                            ViterbiDecoder.decode(n: n, emissions: e.baseAddress! + first * TagSet.count, transitions: t.baseAddress!,
                                                  backpointers: b.baseAddress!, scores: s.baseAddress!, tags: out.baseAddress!)
                        }
                    }
                }
            }
        }
        return tags[0..<n]
    }
}
