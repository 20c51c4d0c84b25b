/// The model file format, little-endian:
/// magic `NEWSDTG5`; UInt32 bucket bits, tag count, feature count; Float32 scale, confidence
/// scale; `(tags + 1) * tags` Float32 transitions; UInt32 cluster count and that many (UInt64 form
/// key, 8 × UInt16 codes: the slots of `TokenKeys.clusters`); UInt32 count of words with precomputed scores, their UInt64 form
/// keys, and their `WordScoreTable.parts * 16` Int32 scores each; `(2^bits + 1) * 16` Int16 weights
/// (tags 1–16; `O` is zero).
extension TaggerModel {
    static let magic: [UInt8] = Array("NEWSDTG5".utf8)

    /// Why model bytes could not be read.
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The model as the bytes of a model file.
    public func serialized() -> [UInt8] {
        var out = TaggerModel.magic
        func put<T>(_ value: T) { withUnsafeBytes(of: value) { out.append(contentsOf: $0) } }
        put(UInt32(bucketBits).littleEndian)
        put(UInt32(TagSet.count).littleEndian)
        put(UInt32(FeatureTemplates.count).littleEndian)
        put(scale.bitPattern.littleEndian)
        put(confidenceScale.bitPattern.littleEndian)
        for t in transitions { put(t.bitPattern.littleEndian) }
        let entries = clusters.entries.sorted { $0.key < $1.key }
        put(UInt32(entries.count).littleEndian)
        for e in entries {
            put(e.key.littleEndian)
            for l in 0..<8 { put(e.clusters[l].littleEndian) }
        }
        put(UInt32(wordScores.count).littleEndian)
        for key in wordScores.words { put(key.littleEndian) }
        // Little-endian host, as the file (see the weights below).
        out.append(contentsOf: UnsafeRawBufferPointer(wordScores.scores))
        out.reserveCapacity(out.count + weights.values.count * 2)
        out.append(contentsOf: UnsafeRawBufferPointer(weights.values))
        return out
    }

    /// The model in the bytes of a model file.
    public init(serialized bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        func take<T: FixedWidthInteger>(_: T.Type) throws -> T {
            guard offset + MemoryLayout<T>.size <= bytes.count else { throw FormatError(description: "model file is truncated") }
            let v = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
            offset += MemoryLayout<T>.size
            return T(littleEndian: v)
        }
        guard bytes.count >= 8, Array(bytes[0..<8]) == TaggerModel.magic else {
            throw FormatError(description: "not a newsd tagger model")
        }
        offset = 8
        let bits = Int(try take(UInt32.self))
        let tags = Int(try take(UInt32.self))
        let features = Int(try take(UInt32.self))
        guard tags == TagSet.count, features == FeatureTemplates.count, (8...26).contains(bits) else {
            throw FormatError(description: "model was trained for another tag set or feature set (tags \(tags), features \(features))")
        }
        let scale = Float(bitPattern: try take(UInt32.self))
        let confidenceScale = Float(bitPattern: try take(UInt32.self))
        var transitions: [Float] = []
        transitions.reserveCapacity((tags + 1) * tags)
        for _ in 0..<((tags + 1) * tags) { transitions.append(Float(bitPattern: try take(UInt32.self))) }
        let clusterCount = Int(try take(UInt32.self))
        var entries: [(key: UInt64, clusters: SIMD8<UInt16>)] = []
        entries.reserveCapacity(clusterCount)
        let entrySize = 8 + MemoryLayout<SIMD8<UInt16>>.size
        guard offset + clusterCount * entrySize <= bytes.count else { throw FormatError(description: "model file is truncated") }
        for _ in 0..<clusterCount {
            let key = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            var c = bytes.loadUnaligned(fromByteOffset: offset + 8, as: SIMD8<UInt16>.self)
            for l in 0..<8 { c[l] = UInt16(littleEndian: c[l]) }
            entries.append((key, c))
            offset += entrySize
        }
        let wordCount = Int(try take(UInt32.self))
        var words: [UInt64] = []
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount { words.append(try take(UInt64.self)) }
        let scoreCount = wordCount * WordScoreTable.parts
        guard offset + scoreCount * 64 <= bytes.count else { throw FormatError(description: "model file is truncated") }
        let scoreStart = offset
        let scores = [SIMD16<Int32>](unsafeUninitializedCapacity: scoreCount) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[scoreStart..<(scoreStart + scoreCount * 64)]))
            initialized = scoreCount
        }
        offset += scoreCount * 64
        let rows = (1 << bits) + 1
        guard bytes.count - offset == rows * WeightTable.width * 2 else {
            throw FormatError(description: "model file has \(bytes.count - offset) weight bytes, expected \(rows * WeightTable.width * 2)")
        }
        let start = offset
        // The host is little-endian (x86-64, arm64), like the file: the rows are copied as they are.
        let weights = WeightTable(rows: rows) { out in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start...]))
        }
        self.init(bucketBits: bits, weights: weights, scale: scale, transitions: transitions,
                  clusters: WordClusterTable(entries: entries), confidenceScale: confidenceScale,
                  wordScores: WordScoreTable(words: words, scores: scores))
    }
}
