/// A learnt model of attributions as PolNeAR annotates them (`attribution-model.bin`, trained by
/// `newsd-train attribution` from PolNeAR's training split, see scripts/train-attribution.sh).
///
/// Three averaged perceptrons over hashed features share one weight table:
/// - a cue tagger (`O`/`B`/`I` per token of a sentence, decoded by Viterbi so that an `I` follows
///   a `B` or an `I`) finds the cues: `said`, `according to`, `told reporters`, `'s claim`;
/// - a content boundary scorer picks, for one cue, the first and last token of its content in the
///   sentence: the highest-scoring start and end, contiguous, with a score for the side of the cue
///   the content is on (after `X said that …`, before `…, officials said.`, around `The plan, he
///   said, would fail.`) and its length;
/// - a source boundary scorer picks the source the same way, outside the content and the cue.
public struct AttributionModel: Sendable {
    /// Labels of the cue tagger.
    public enum CueTag: Int, CaseIterable, Sendable {
        case outside = 0, begin = 1, inside = 2
    }

    /// What a boundary scorer scores.
    public enum Role: UInt64, CaseIterable, Sendable {
        case contentStart = 1, contentEnd = 2, sourceStart = 3, sourceEnd = 4, contentSpan = 5, sourceSpan = 6
    }

    /// log2 of the number of hashed feature rows.
    public let bits: Int
    /// Cue tagger weights, `CueTag.allCases.count` per row.
    public var cueWeights: [Float]
    /// Cue tag transitions: `[previous (or 3 at the sentence start)][tag]`.
    public var cueTransitions: [Float]
    /// Boundary weights, one per row (the role is part of each feature's hash).
    public var boundaryWeights: [Float]
    /// The same weights as 16-bit integers, which decoding reads when present (see `PackedWeights`);
    /// a model read from a file has them, a model in training does not. Changing the weights of a
    /// packed model needs `pack()` again (or `unpacked()`): the weights have no observer, which would
    /// make every training update copy the whole table.
    public private(set) var packed: PackedWeights?
    /// The Brown word clusters the features read: the entity tagger's (`entity-tagger.bin`), not
    /// stored in this model's file; the model must run with the table it was trained with.
    public var clusters = WordClusterTable()

    /// Sentences longer than this many tokens are read in windows of this size.
    public static let maxWindow = 120
    /// A source is at most this many tokens.
    public static let maxSource = 20
    /// A source starts or ends at most this many tokens from its cue.
    public static let sourceReach = 24

    /// A model of zero weights with `2^bits` rows.
    public init(bits: Int) {
        self.bits = bits
        cueWeights = [Float](repeating: 0, count: (1 << bits) * 3)
        cueTransitions = [Float](repeating: 0, count: 4 * 3)
        boundaryWeights = [Float](repeating: 0, count: 1 << bits)
    }

    @inline(__always) var mask: UInt64 { UInt64((1 << bits) - 1) }

    /// The model whose every weight is the mean of that weight in `models` (of one table size and
    /// one cluster table): an ensemble of linear models that runs as one.
    public static func mean(of models: [AttributionModel]) -> AttributionModel {
        precondition(!models.isEmpty && models.allSatisfy { $0.bits == models[0].bits })
        var m = AttributionModel(bits: models[0].bits)
        m.clusters = models[0].clusters
        let share = 1 / Float(models.count)
        func mean(_ weights: KeyPath<AttributionModel, [Float]>) -> [Float] {
            var sum = [Float](repeating: 0, count: models[0][keyPath: weights].count)
            for model in models {
                model[keyPath: weights].withUnsafeBufferPointer { w in
                    for i in sum.indices { sum[i] += w[i] * share }
                }
            }
            return sum
        }
        m.cueWeights = mean(\.cueWeights)
        m.cueTransitions = mean(\.cueTransitions)
        m.boundaryWeights = mean(\.boundaryWeights)
        return m
    }

    /// Packs the weights for decoding (see `PackedWeights`).
    public mutating func pack() {
        packed = PackedWeights(cue: cueWeights, boundary: boundaryWeights)
    }

    /// This model decoding from its Float32 weights.
    public func unpacked() -> AttributionModel {
        var m = self
        m.packed = nil
        return m
    }

    // MARK: Features

    /// The token keys the features are made of, computed once per document.
    public struct Tokens: Sendable {
        /// Lowercase form of each token.
        public let lower: [UInt64]
        /// Word shape class of each token (see `shapeOf`).
        public let shape: [UInt8]
        /// Last three letters of each word, lowercased.
        public let suffix: [UInt64]
        /// Whether a boundary may fall on the token: not white space, quotation mark or
        /// punctuation the scorer trims (`.,;:!?` and dashes).
        public let boundary: [Bool]
        /// Lowercase form without an inflection (`-s`, `-es`, `-ed`, `-d`, `-ing`), so that
        /// `claims`, `claimed` and `claiming` share the weights of `claim`.
        public let stem: [UInt64]
        /// Brown cluster path prefixes of each token (`WordClusterTable` slots 4–7, 0 when the
        /// word has no cluster): cue words unseen in training share weights with seen ones.
        public let brown: [SIMD4<UInt16>]

        /// The keys of `doc`'s tokens, with Brown clusters from `clusters`.
        public init(_ doc: Document, clusters: WordClusterTable) {
            let n = doc.tokens.count
            var lower = [UInt64](repeating: 0, count: n)
            var shape = [UInt8](repeating: 0, count: n)
            var suffix = [UInt64](repeating: 0, count: n)
            var boundary = [Bool](repeating: false, count: n)
            var stem = [UInt64](repeating: 0, count: n)
            var brown = [SIMD4<UInt16>](repeating: .zero, count: n)
            var forms = [UInt64](repeating: 0, count: n)  // of words, 0 for other tokens
            for (i, t) in doc.tokens.enumerated() {
                let r = Int(t.start)..<Int(t.end)
                var h = TextKey.empty
                var form = TextKey.empty
                for k in r {
                    h = TextKey.step(h, TextKey.fold(doc.scalars[k]))
                    form = TextKey.step(form, TextKey.normalized(doc.scalars[k].value))
                }
                lower[i] = TextKey.mix(h)
                shape[i] = Self.shapeOf(doc, t)
                stem[i] = lower[i]
                if t.kind == .word {
                    var s = TextKey.empty
                    for k in max(r.lowerBound, r.upperBound - 3)..<r.upperBound { s = TextKey.step(s, TextKey.fold(doc.scalars[k])) }
                    suffix[i] = TextKey.mix(s ^ 0x5EED)
                    let cut = Self.inflection(doc.scalars, r)
                    if cut > 0 {
                        var b = TextKey.empty
                        for k in r.lowerBound..<(r.upperBound - cut) { b = TextKey.step(b, TextKey.fold(doc.scalars[k])) }
                        stem[i] = TextKey.mix(b)
                    }
                    forms[i] = TextKey.mix(form)
                }
                boundary[i] = t.kind != .punctuation || !Self.trimmed(doc.scalars[r.lowerBound])
            }
            // Looked up after hashing, in a loop of nothing else, so that the table's cache misses
            // overlap (see `TokenKeys.of`).
            for i in 0..<n where forms[i] != 0 {
                var c = clusters.lookup(forms[i])
                if c == .zero { c = clusters.lookup(lower[i]) }
                brown[i] = SIMD4(c[4], c[5], c[6], c[7])
            }
            self.lower = lower
            self.shape = shape
            self.suffix = suffix
            self.boundary = boundary
            self.stem = stem
            self.brown = brown
        }

        /// How many code points of an inflection end the word at `r`, keeping at least three:
        /// `ing`, `ed`, `es`, `s` (not `ss`) and a final `e`, so that `notes`, `noted`, `noting`
        /// and `note` all give `not`.
        static func inflection(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> Int {
            let n = r.count
            guard n >= 4 else { return 0 }
            func at(_ back: Int) -> UInt32 { TextKey.fold(scalars[r.upperBound - back]) }
            let d: UInt32 = 0x64, e: UInt32 = 0x65, g: UInt32 = 0x67, i: UInt32 = 0x69, nLetter: UInt32 = 0x6E, s: UInt32 = 0x73
            let cut: Int
            if at(1) == g, at(2) == nLetter, at(3) == i {
                cut = 3
            } else if (at(1) == d || at(1) == s), at(2) == e {
                cut = 2
            } else if at(1) == s, at(2) != s {
                cut = 1
            } else if at(1) == e {
                cut = 1
            } else {
                cut = 0
            }
            return n - cut >= 3 ? cut : 0
        }

        /// 1 lower-case word, 2 capitalised, 3 all capitals, 4 number, 5 comma, 6 quotation mark,
        /// 7 sentence end, 8 colon, 9 dash, 10 parenthesis, 11 other punctuation.
        static func shapeOf(_ doc: Document, _ t: Token) -> UInt8 {
            let c = doc.scalars[Int(t.start)]
            switch t.kind {
            case .word:
                guard CharacterClass.isUppercase(c) else { return 1 }
                if t.end - t.start > 1, CharacterClass.isUppercase(doc.scalars[Int(t.start) + 1]) { return 3 }
                return 2
            case .number: return 4
            case .punctuation, .symbol:
                switch c {
                case ",": return 5
                case "\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "\u{00AB}", "\u{00BB}": return 6
                case ".", "!", "?": return 7
                case ":", ";": return 8
                case "-", "\u{2013}", "\u{2014}": return 9
                case "(", ")", "[", "]": return 10
                default: return 11
                }
            }
        }

        static func trimmed(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", ".", ",", ";", ":",
                 "!", "?", "\u{2014}", "\u{2013}", "-":
                return true
            default:
                return false
            }
        }
    }

    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        TextKey.mix((template &* 0x9E37_79B9_7F4A_7C15) ^ a ^ (b &* 0xD6E8_FEB8_6659_FD93))
    }

    /// The rows of the cue tagger's features for token `i` of window `w`.
    public func cueRows(_ t: Tokens, _ i: Int, _ w: Range<Int>, into rows: inout Rows) {
        rows.count = 0
        let none: UInt64 = 0x0B0B
        let lo = t.lower
        let p1 = i - 1 >= w.lowerBound ? lo[i - 1] : none
        let p2 = i - 2 >= w.lowerBound ? lo[i - 2] : none
        let n1 = i + 1 < w.upperBound ? lo[i + 1] : none
        let n2 = i + 2 < w.upperBound ? lo[i + 2] : none
        let s = UInt64(t.shape[i])
        let sp = i - 1 >= w.lowerBound ? UInt64(t.shape[i - 1]) : 0
        let sn = i + 1 < w.upperBound ? UInt64(t.shape[i + 1]) : 0
        let first: UInt64 = i == w.lowerBound ? 1 : 0
        let m = mask
        rows.append(Int(Self.feature(1, 0) & m))        // bias
        rows.append(Int(Self.feature(2, lo[i]) & m))
        rows.append(Int(Self.feature(3, p1) & m))
        rows.append(Int(Self.feature(4, n1) & m))
        rows.append(Int(Self.feature(5, p2) & m))
        rows.append(Int(Self.feature(6, n2) & m))
        rows.append(Int(Self.feature(7, p1, lo[i]) & m))
        rows.append(Int(Self.feature(8, lo[i], n1) & m))
        rows.append(Int(Self.feature(9, t.suffix[i]) & m))
        rows.append(Int(Self.feature(10, s, first) & m))
        rows.append(Int(Self.feature(11, sp, s) & m))
        rows.append(Int(Self.feature(12, s, sn) & m))
        rows.append(Int(Self.feature(13, lo[i], sp) & m))
        rows.append(Int(Self.feature(14, lo[i], sn) & m))
        rows.append(Int(Self.feature(15, p2, p1) & m))
        rows.append(Int(Self.feature(16, n1, n2) & m))
        rows.append(Int(Self.feature(17, lo[i], s) & m))
        let b = t.brown[i]
        let bp = i - 1 >= w.lowerBound ? UInt64(t.brown[i - 1][2]) : 0xFFFF
        let context = Self.context(t, i, w)
        rows.append(Int(Self.feature(18, t.stem[i]) & m))
        rows.append(Int(Self.feature(19, UInt64(b[1])) & m))
        rows.append(Int(Self.feature(20, UInt64(b[3])) & m))
        rows.append(Int(Self.feature(21, UInt64(b[2]), sn) & m))
        rows.append(Int(Self.feature(22, UInt64(b[2]), bp) & m))
        rows.append(Int(Self.feature(23, t.stem[i], context) & m))
        rows.append(Int(Self.feature(24, UInt64(b[2]), context) & m))
        rows.append(Int(Self.feature(25, t.stem[i], n1) & m))
        rows.append(Int(Self.feature(26, UInt64(b[1]), context << 8 | s) & m))
    }

    static let thatKey = TextKey.mix(TextKey.hash("that"))

    /// What surrounds token `i` in window `w`, as bits: 1 `that` within the next three tokens,
    /// 2 a quotation mark or colon within the next two, 4 a comma within the previous four, 8 the
    /// window ends within the next four tokens (`…, officials said.`), 16 a comma right after.
    @inline(__always)
    static func context(_ t: Tokens, _ i: Int, _ w: Range<Int>) -> UInt64 {
        var bits: UInt64 = 0
        var k = i + 1
        while k < w.upperBound, k <= i + 3 {
            if t.lower[k] == thatKey { bits |= 1 }
            let sh = t.shape[k]
            if k <= i + 2, sh == 6 || sh == 8 { bits |= 2 }
            k += 1
        }
        k = i - 1
        while k >= w.lowerBound, k >= i - 4 {
            if t.shape[k] == 5 { bits |= 4 }
            k -= 1
        }
        if w.upperBound - i <= 4 { bits |= 8 }
        if i + 1 < w.upperBound, t.shape[i + 1] == 5 { bits |= 16 }
        return bits
    }

    /// Side of token `i` from the cue: 0 before, 1 inside, 2 after.
    @inline(__always) public static func side(_ i: Int, _ cue: Range<Int>) -> UInt64 {
        i < cue.lowerBound ? 0 : i < cue.upperBound ? 1 : 2
    }

    /// Distance buckets: 0, 1, 2, 3, 4–5, 6–8, 9–15, 16–30, more.
    @inline(__always) public static func bucket(_ d: Int) -> UInt64 {
        switch d {
        case ..<4: return UInt64(max(d, 0))
        case 4...5: return 4
        case 6...8: return 5
        case 9...15: return 6
        case 16...30: return 7
        default: return 8
        }
    }

    /// `bucket(d)` for every length a window holds, looked up in the span search's inner loop.
    static let lengthBuckets: [UInt8] = (0...maxWindow).map { UInt8(bucket($0)) }

    /// A length in each distance bucket.
    static let bucketLengths = [1, 1, 2, 3, 5, 7, 12, 20, 40]

    /// The rows of boundary features for token `i` as `role`, with the cue at `cue` (and for a
    /// source, the content at `content`) in window `w`.
    public func boundaryRows(_ t: Tokens, _ i: Int, role: Role, cue: Range<Int>, cueKey: UInt64,
                             _ w: Range<Int>, into rows: inout Rows) {
        rows.count = 0
        let none: UInt64 = 0x0B0B
        let lo = t.lower
        let r = role.rawValue &* 0x1000
        let p1 = i - 1 >= w.lowerBound ? lo[i - 1] : none
        let n1 = i + 1 < w.upperBound ? lo[i + 1] : none
        let p2 = i - 2 >= w.lowerBound ? lo[i - 2] : none
        let n2 = i + 2 < w.upperBound ? lo[i + 2] : none
        let sp = i - 1 >= w.lowerBound ? UInt64(t.shape[i - 1]) : 0
        let sn = i + 1 < w.upperBound ? UInt64(t.shape[i + 1]) : 0
        let s = UInt64(t.shape[i])
        let side = Self.side(i, cue)
        let distance = side == 0 ? cue.lowerBound - i : side == 2 ? i - cue.upperBound + 1 : 0
        let d = Self.bucket(distance)
        let sd = side << 8 | d
        let edge: UInt64 = (i == w.lowerBound ? 1 : 0) | (i == w.upperBound - 1 ? 2 : 0)
        let m = mask
        rows.append(Int(Self.feature(r | 1, sd) & m))
        rows.append(Int(Self.feature(r | 2, sd, cueKey) & m))
        rows.append(Int(Self.feature(r | 3, side, lo[i]) & m))
        rows.append(Int(Self.feature(r | 4, side, p1) & m))
        rows.append(Int(Self.feature(r | 5, side, n1) & m))
        rows.append(Int(Self.feature(r | 6, sd, sp << 8 | s << 4 | sn) & m))
        rows.append(Int(Self.feature(r | 7, side, p1 ^ (lo[i] &* 31)) & m))
        rows.append(Int(Self.feature(r | 8, side, lo[i] ^ (n1 &* 31)) & m))
        rows.append(Int(Self.feature(r | 9, sd, edge) & m))
        rows.append(Int(Self.feature(r | 10, side << 8 | s, cueKey) & m))
        rows.append(Int(Self.feature(r | 11, side, p2 ^ (p1 &* 31)) & m))
        rows.append(Int(Self.feature(r | 12, side, n1 ^ (n2 &* 31)) & m))
        rows.append(Int(Self.feature(r | 13, sd, sp << 4 | sn) & m))
        rows.append(Int(Self.feature(r | 14, side << 4 | sn, cueKey) & m))
        rows.append(Int(Self.feature(r | 15, side << 4 | sp, cueKey) & m))
        // The same with the cue's and the token's Brown clusters, for cues and words seldom seen.
        let cueCluster = UInt64(t.brown[cue.lowerBound][2])
        let b = t.brown[i]
        rows.append(Int(Self.feature(r | 16, sd, cueCluster) & m))
        rows.append(Int(Self.feature(r | 17, side << 8 | s, cueCluster) & m))
        rows.append(Int(Self.feature(r | 18, side, UInt64(b[1])) & m))
        rows.append(Int(Self.feature(r | 19, side << 16 | UInt64(b[1]), i - 1 >= w.lowerBound ? UInt64(t.brown[i - 1][1]) : 0xFFFF) & m))
        rows.append(Int(Self.feature(r | 20, side << 16 | UInt64(b[1]), i + 1 < w.upperBound ? UInt64(t.brown[i + 1][1]) : 0xFFFF) & m))
    }

    /// The row of a whole span's class: which sides of the cue it starts and ends on, and its
    /// length bucket, with and without the cue word.
    public func spanRows(role: Role, startSide: UInt64, endSide: UInt64, length: Int, cueKey: UInt64,
                         into rows: inout Rows) {
        rows.count = 0
        let r = role.rawValue &* 0x1000
        let c = startSide << 4 | endSide
        let m = mask
        rows.append(Int(Self.feature(r | 1, c) & m))
        rows.append(Int(Self.feature(r | 2, c, cueKey) & m))
        rows.append(Int(Self.feature(r | 3, c << 8 | Self.bucket(length)) & m))
    }

    /// Up to 32 feature rows, kept inline so that scoring allocates nothing.
    public struct Rows {
        var storage: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int,
                      Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        public internal(set) var count = 0

        public init() {}

        @inline(__always) mutating func append(_ row: Int) {
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: row, toByteOffset: count * 8, as: Int.self) }
            count += 1
        }

        /// The rows, in the order they were added.
        public var array: [Int] {
            withUnsafeBytes(of: storage) { b in (0..<count).map { b.load(fromByteOffset: $0 * 8, as: Int.self) } }
        }

        /// The sum of `weights` at the rows.
        @inline(__always) func sum(_ weights: UnsafeBufferPointer<Float>) -> Float {
            withUnsafeBytes(of: storage) { b in
                var s: Float = 0
                for k in 0..<count { s += weights[b.load(fromByteOffset: k * 8, as: Int.self)] }
                return s
            }
        }

        /// The sum of packed `weights` at the rows.
        @inline(__always) func sum(_ weights: UnsafeBufferPointer<Int16>) -> Int32 {
            withUnsafeBytes(of: storage) { b in
                var s: Int32 = 0
                for k in 0..<count { s &+= Int32(weights[b.load(fromByteOffset: k * 8, as: Int.self)]) }
                return s
            }
        }

        /// The sums of the packed cue tag weights at the rows (lane 3 is zero).
        @inline(__always) func sum3(_ weights: UnsafeBufferPointer<SIMD4<Int16>>) -> SIMD4<Int32> {
            withUnsafeBytes(of: storage) { b in
                var e = SIMD4<Int32>.zero
                for k in 0..<count {
                    e &+= SIMD4<Int32>(truncatingIfNeeded: weights[b.load(fromByteOffset: k * 8, as: Int.self)])
                }
                return e
            }
        }

        /// The sums of the three cue tag weights at the rows.
        @inline(__always) func sum3(_ weights: UnsafeBufferPointer<Float>) -> (Float, Float, Float) {
            withUnsafeBytes(of: storage) { b in
                var e: (Float, Float, Float) = (0, 0, 0)
                for k in 0..<count {
                    let r = b.load(fromByteOffset: k * 8, as: Int.self) * 3
                    e.0 += weights[r]
                    e.1 += weights[r + 1]
                    e.2 += weights[r + 2]
                }
                return e
            }
        }
    }

    /// The key of a cue: its first word, or `according` for `according to`.
    public static func cueKey(_ t: Tokens, _ cue: Range<Int>) -> UInt64 {
        cue.count > 1 ? t.lower[cue.lowerBound] ^ (t.lower[cue.lowerBound + 1] &* 7) : t.lower[cue.lowerBound]
    }

    // MARK: Decoding

    /// Cue tags of window `w` (Viterbi under the constraint that `I` follows `B` or `I`).
    public func tagCues(_ t: Tokens, _ w: Range<Int>) -> [CueTag] {
        let n = w.count
        guard n > 0 else { return [] }
        let tr = cueTransitions
        let forbidden: Float = -1e30
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n * 3) { emissions in
            cueEmissions(t, w, into: emissions)
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: n * 3) { score in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * 3) { back in
                    for k in 0..<n {
                        for tag in 0..<3 {
                            let emit = emissions[k * 3 + tag]
                            if k == 0 {
                                score[tag] = tag == 2 ? forbidden : tr[9 + tag] + emit
                                back[tag] = 0
                                continue
                            }
                            var best = forbidden
                            var arg: UInt8 = 0
                            for prev in 0..<3 where !(tag == 2 && prev == 0) {
                                let s = score[(k - 1) * 3 + prev] + tr[prev * 3 + tag]
                                if s > best {
                                    best = s
                                    arg = UInt8(prev)
                                }
                            }
                            score[k * 3 + tag] = best + emit
                            back[k * 3 + tag] = arg
                        }
                    }
                    var tags = [CueTag](repeating: .outside, count: n)
                    var tag = 0
                    for c in 1..<3 where score[(n - 1) * 3 + c] > score[(n - 1) * 3 + tag] { tag = c }
                    var k = n - 1
                    while k >= 0 {
                        tags[k] = CueTag(rawValue: tag)!
                        tag = Int(back[k * 3 + tag])
                        k -= 1
                    }
                    return tags
                }
            }
        }
    }

    /// The scores of the three cue tags of each token of window `w`, `emissions[k * 3 + tag]`.
    func cueEmissions(_ t: Tokens, _ w: Range<Int>, into emissions: UnsafeMutableBufferPointer<Float>) {
        var rows = Rows()
        withCueScorer { score in
            for (k, i) in w.enumerated() {
                cueRows(t, i, w, into: &rows)
                let e = score(rows)
                emissions[k * 3] = e[0]
                emissions[k * 3 + 1] = e[1]
                emissions[k * 3 + 2] = e[2]
            }
        }
    }

    /// Cue spans of window `w`: a `B` and the `I`s after it.
    public func cues(_ t: Tokens, _ w: Range<Int>) -> [Range<Int>] {
        Self.spans(tagCues(t, w), w)
    }

    /// The spans of tags over window `w`.
    public static func spans(_ tags: [CueTag], _ w: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        while k < tags.count {
            guard tags[k] == .begin else {
                k += 1
                continue
            }
            var e = k + 1
            while e < tags.count, tags[e] == .inside { e += 1 }
            out.append((w.lowerBound + k)..<(w.lowerBound + e))
            k = e
        }
        return out
    }

    /// The best span (first and last token, inclusive) for `role` (`.contentStart` or
    /// `.sourceStart`) in window `w`, outside `excluded`; nil when no token may start one.
    public func bestSpan(_ t: Tokens, start role: Role, cue: Range<Int>, _ window: Range<Int>,
                         excluded: Range<Int>? = nil) -> ClosedRange<Int>? {
        let source = role == .sourceStart
        // A source stands near its cue: only tokens within `sourceReach` of it are scored.
        let w = source ? max(window.lowerBound, cue.lowerBound - Self.sourceReach)..<min(window.upperBound, cue.upperBound + Self.sourceReach) : window
        let endRole: Role = source ? .sourceEnd : .contentEnd
        let spanRole: Role = source ? .sourceSpan : .contentSpan
        let key = Self.cueKey(t, cue)
        let n = w.count
        guard n > 0 else { return nil }
        var rows = Rows()
        let skip = excluded ?? 0..<0
        return withBoundaryScorer { score in
            // Span scores by (start side, end side, length bucket): 3 × 3 × 9 values.
            var spanScore = [Float](repeating: 0, count: 81)
            for a in 0..<3 {
                for b in a..<3 {
                    for lb in 0..<9 {
                        spanRows(role: spanRole, startSide: UInt64(a), endSide: UInt64(b), length: Self.bucketLengths[lb],
                                 cueKey: key, into: &rows)
                        spanScore[a * 27 + b * 9 + lb] = score(rows)
                    }
                }
            }
            return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * n) { scores in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { sides in
                    let none: Float = -1e30
                    for k in 0..<n {
                        let i = w.lowerBound + k
                        sides[k] = Int(Self.side(i, cue))
                        let blocked = source && (cue.contains(i) || skip.contains(i))
                        guard t.boundary[i], !blocked else {
                            scores[k] = none
                            scores[n + k] = none
                            if blocked { sides[k] = -1 }
                            continue
                        }
                        boundaryRows(t, i, role: role, cue: cue, cueKey: key, w, into: &rows)
                        scores[k] = score(rows)
                        boundaryRows(t, i, role: endRole, cue: cue, cueKey: key, w, into: &rows)
                        scores[n + k] = score(rows)
                    }
                    var best = -Float.infinity
                    var bestStart = -1
                    var bestEnd = -1
                    let lengthBucket = Self.lengthBuckets
                    for s in 0..<n where scores[s] > none {
                        let a = sides[s]
                        let limit = source ? min(n, s + Self.maxSource) : n
                        var e = s
                        while e < limit {
                            let b = sides[e]
                            if b < 0 { break }
                            if scores[n + e] > none, !(a == 1 && b == 1) {
                                let length = e - s + 1
                                let bucket = length < lengthBucket.count ? Int(lengthBucket[length]) : 8
                                let total = scores[s] + scores[n + e] + spanScore[a * 27 + b * 9 + bucket]
                                if total > best {
                                    best = total
                                    bestStart = s
                                    bestEnd = e
                                }
                            }
                            e += 1
                        }
                    }
                    guard bestStart >= 0 else { return nil }
                    return (w.lowerBound + bestStart)...(w.lowerBound + bestEnd)
                }
            }
        }
    }

    /// Calls `body` with a function that sums the boundary weights at a feature's rows: the packed
    /// weights when the model has them, else the trained ones.
    @inline(__always)
    func withBoundaryScorer<R>(_ body: (BoundaryScorer) -> R) -> R {
        if let packed {
            return packed.boundary.withUnsafeBufferPointer { body(BoundaryScorer(packed: $0, scale: packed.boundaryScale)) }
        }
        return boundaryWeights.withUnsafeBufferPointer { body(BoundaryScorer(floats: $0)) }
    }

    /// Calls `body` with a function that sums the three cue tag weights at a feature's rows: the
    /// packed weights when the model has them, else the trained ones.
    @inline(__always)
    func withCueScorer<R>(_ body: (CueScorer) -> R) -> R {
        if let packed {
            return packed.cue.withUnsafeBufferPointer { body(CueScorer(packed: $0, scale: packed.cueScale)) }
        }
        return cueWeights.withUnsafeBufferPointer { body(CueScorer(floats: $0)) }
    }

    /// Sums cue tag weights at feature rows (lane 3 unused), from one of the two forms of the weights.
    struct CueScorer {
        var floats = UnsafeBufferPointer<Float>(start: nil, count: 0)
        var packed = UnsafeBufferPointer<SIMD4<Int16>>(start: nil, count: 0)
        var scale: Float = 1

        init(floats: UnsafeBufferPointer<Float>) {
            self.floats = floats
        }

        init(packed: UnsafeBufferPointer<SIMD4<Int16>>, scale: Float) {
            self.packed = packed
            self.scale = scale
        }

        @inline(__always) func callAsFunction(_ rows: Rows) -> SIMD4<Float> {
            if !packed.isEmpty { return SIMD4<Float>(rows.sum3(packed)) * scale }
            let e = rows.sum3(floats)
            return SIMD4(e.0, e.1, e.2, 0)
        }
    }

    /// Sums boundary weights at feature rows, from one of the two forms of the weights.
    struct BoundaryScorer {
        var floats = UnsafeBufferPointer<Float>(start: nil, count: 0)
        var packed = UnsafeBufferPointer<Int16>(start: nil, count: 0)
        var scale: Float = 1

        init(floats: UnsafeBufferPointer<Float>) {
            self.floats = floats
        }

        init(packed: UnsafeBufferPointer<Int16>, scale: Float) {
            self.packed = packed
            self.scale = scale
        }

        @inline(__always) func callAsFunction(_ rows: Rows) -> Float {
            packed.isEmpty ? rows.sum(floats) : Float(rows.sum(packed)) * scale
        }
    }

    /// Where the source of a cue inside its content is looked for (`And if Clinton is the nominee,
    /// he said, he would consider …`, which PolNeAR marks as one content around `he said`): the
    /// window up to the content's first comma or dash after the cue, with the content up to its
    /// last comma or dash before the cue excluded; nil when the cue is not inside the content or
    /// no comma or dash opens the aside.
    public static func aside(_ t: Tokens, content: Range<Int>, cue: Range<Int>,
                             _ w: Range<Int>) -> (window: Range<Int>, excluded: Range<Int>)? {
        guard content.lowerBound < cue.lowerBound, cue.upperBound < content.upperBound else { return nil }
        func opensAside(_ k: Int) -> Bool { t.shape[k] == 5 || t.shape[k] == 9 }
        var open = cue.lowerBound - 1
        while open > content.lowerBound, !opensAside(open) { open -= 1 }
        guard open > content.lowerBound, open + 1 < cue.lowerBound else { return nil }
        var close = cue.upperBound
        while close < content.upperBound, !opensAside(close) { close += 1 }
        return (w.lowerBound..<min(w.upperBound, close + 1), content.lowerBound..<(open + 1))
    }

    /// The window of tokens read around token `i` of sentence tokens `s`.
    public static func window(_ s: Range<Int>, around i: Int) -> Range<Int> {
        guard s.count > maxWindow else { return s }
        let lo = max(s.lowerBound, min(i - maxWindow / 2, s.upperBound - maxWindow))
        return lo..<(lo + maxWindow)
    }
}

// MARK: Binary form

extension AttributionModel {
    /// `NEWSDAM2`: the features of version 2 (stems, Brown clusters, context bits); a version-1
    /// file's weights would be read against the wrong features.
    static let magic: [UInt8] = Array("NEWSDAM2".utf8)

    /// Why a model file could not be read.
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The model as bytes: magic, bits (one byte), then the cue transitions, cue weights and
    /// boundary weights as little-endian 32-bit floats.
    public func serialized() -> [UInt8] {
        var out = Self.magic
        out.append(UInt8(bits))
        out.reserveCapacity(out.count + 4 * (cueTransitions.count + cueWeights.count + boundaryWeights.count))
        for array in [cueTransitions, cueWeights, boundaryWeights] {
            for v in array {
                let b = v.bitPattern.littleEndian
                withUnsafeBytes(of: b) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// A model read from `bytes` (as `serialized()` writes them).
    public init(serialized bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > Self.magic.count, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw FormatError(description: "not an attribution model (bad magic)")
        }
        let bits = Int(bytes[Self.magic.count])
        guard (8...24).contains(bits) else { throw FormatError(description: "bad table size 2^\(bits)") }
        self.init(bits: bits)
        let expected = Self.magic.count + 1 + 4 * (cueTransitions.count + cueWeights.count + boundaryWeights.count)
        guard bytes.count == expected else {
            throw FormatError(description: "attribution model is \(bytes.count) bytes, expected \(expected)")
        }
        var offset = Self.magic.count + 1
        func read(_ n: Int) -> [Float] {
            var a = [Float](repeating: 0, count: n)
            a.withUnsafeMutableBytes { dst in
                dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4 * n)]))
            }
            offset += 4 * n
            #if _endian(big)
            for k in a.indices { a[k] = Float(bitPattern: UInt32(littleEndian: a[k].bitPattern)) }
            #endif
            return a
        }
        cueTransitions = read(cueTransitions.count)
        cueWeights = read(cueWeights.count)
        boundaryWeights = read(boundaryWeights.count)
        pack()
    }
}

/// An attribution model's weights as 16-bit integers with one scale per table, for decoding.
///
/// Decoding is bound by loading weight rows from tables of megabytes (2^18 rows); at half the
/// bytes, the boundary table fits a core's L2 cache and each cue row is one aligned 8-byte load.
/// The largest weight maps to ±32,767, so a weight moves by at most 1/65,534 of the largest: a
/// score by at most its feature count times that, far below the margins decoding compares.
public struct PackedWeights: Sendable {
    /// A row's three cue tag weights (lane 3 zero).
    public let cue: [SIMD4<Int16>]
    public let cueScale: Float
    public let boundary: [Int16]
    public let boundaryScale: Float

    /// `cue` has three weights per row.
    init(cue: [Float], boundary: [Float]) {
        func scale(_ w: [Float]) -> Float { max(w.lazy.map { abs($0) }.max() ?? 0, .leastNormalMagnitude) / 32767 }
        func quantize(_ v: Float, _ s: Float) -> Int16 { Int16(clamping: Int((v / s).rounded())) }
        let cs = scale(cue)
        cueScale = cs
        self.cue = (0..<(cue.count / 3)).map { r in
            SIMD4(quantize(cue[r * 3], cs), quantize(cue[r * 3 + 1], cs), quantize(cue[r * 3 + 2], cs), 0)
        }
        let bs = scale(boundary)
        boundaryScale = bs
        self.boundary = boundary.map { quantize($0, bs) }
    }
}
