import Extraction

/// Exact-span precision, recall and F1 per entity type, as `score_ner.py` in the shared tools counts them.
public struct SpanScore: Sendable {
    public var truePositives = [Int](repeating: 0, count: TagSet.typeCount)
    public var falsePositives = [Int](repeating: 0, count: TagSet.typeCount)
    public var falseNegatives = [Int](repeating: 0, count: TagSet.typeCount)

    /// A score with nothing counted yet.
    public init() {}

    /// Counts one document's predicted spans against its gold spans.
    public mutating func add(gold: [(type: Int, range: Range<Int>)], predicted: [(type: Int, range: Range<Int>)]) {
        struct Key: Hashable { var type: Int, start: Int, end: Int }
        let g = Set(gold.map { Key(type: $0.type, start: $0.range.lowerBound, end: $0.range.upperBound) })
        let p = Set(predicted.map { Key(type: $0.type, start: $0.range.lowerBound, end: $0.range.upperBound) })
        for k in p.intersection(g) { truePositives[k.type] += 1 }
        for k in p.subtracting(g) { falsePositives[k.type] += 1 }
        for k in g.subtracting(p) { falseNegatives[k.type] += 1 }
    }

    /// Precision, recall and F1 over the type indices `types`.
    public func prf(_ types: [Int]) -> (precision: Double, recall: Double, f1: Double) {
        let tp = Double(types.reduce(0) { $0 + truePositives[$1] })
        let fp = Double(types.reduce(0) { $0 + falsePositives[$1] })
        let fn = Double(types.reduce(0) { $0 + falseNegatives[$1] })
        let p = tp + fp > 0 ? tp / (tp + fp) : 0
        let r = tp + fn > 0 ? tp / (tp + fn) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// F1 over PER, LOC and ORG, the project's bar.
    public var f1: Double { prf([0, 1, 2]).f1 }

    /// One line per type and one for PER/LOC/ORG together.
    public var report: String {
        let names = ["PER", "ORG", "LOC", "MISC"]
        var lines = (0..<TagSet.typeCount).map { t in
            let s = prf([t])
            return "\(names[t].padding(4)) P=\(s.precision.fixed3) R=\(s.recall.fixed3) F1=\(s.f1.fixed3) (tp=\(truePositives[t]) fp=\(falsePositives[t]) fn=\(falseNegatives[t]))"
        }
        let all = prf([0, 1, 2])
        lines.append("PER/LOC/ORG P=\(all.precision.fixed3) R=\(all.recall.fixed3) F1=\(all.f1.fixed3)")
        return lines.joined(separator: "\n")
    }
}

extension Double {
    fileprivate var fixed3: String {
        let v = Int((self * 1000).rounded())
        let s = String(v % 1000)
        return "\(v / 1000)." + String(repeating: "0", count: 3 - s.count) + s
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) }
}
