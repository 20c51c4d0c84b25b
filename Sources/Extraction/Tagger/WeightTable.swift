/// The quantised weight rows of a tagger model, 64-byte aligned so that each 32-byte row (16 Int16
/// scores, one per entity tag; `O` is fixed at zero) lies within one cache line.
///
/// `@unchecked Sendable`: the memory is written only in `init` and never again, so sharing the
/// table between threads needs no lock.
public final class WeightTable: @unchecked Sendable {
    /// Scores per row: every tag but `O`.
    public static let width = 16
    public let rows: Int
    @usableFromInline let storage: UnsafeMutablePointer<Int16>

    /// A table of `rows` rows filled by `fill`, which gets the zeroed storage.
    public init(rows: Int, fill: (UnsafeMutableBufferPointer<Int16>) -> Void) {
        self.rows = rows
        let raw = UnsafeMutableRawPointer.allocate(byteCount: rows * WeightTable.width * 2, alignment: 64)
        storage = raw.bindMemory(to: Int16.self, capacity: rows * WeightTable.width)
        storage.initialize(repeating: 0, count: rows * WeightTable.width)
        fill(UnsafeMutableBufferPointer(start: storage, count: rows * WeightTable.width))
    }

    deinit {
        storage.deallocate()
    }

    /// The values, row-major.
    public var values: UnsafeBufferPointer<Int16> {
        UnsafeBufferPointer(start: storage, count: rows * WeightTable.width)
    }

    /// Row `r`.
    @inlinable @inline(__always)
    public func row(_ r: Int) -> SIMD16<Int16> {
        UnsafeRawPointer(storage + r * WeightTable.width).load(as: SIMD16<Int16>.self)
    }
}
