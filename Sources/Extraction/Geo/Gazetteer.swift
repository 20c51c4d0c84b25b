/// Places by name, with country, kind, coordinates and GeoNames id.
public struct Gazetteer: Sendable {
    /// A gazetteer with no places.
    public init() {}

    public static let empty = Gazetteer()
}
