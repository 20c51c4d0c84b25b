/// Why `newsd extract` made no record of a file.
public struct StandaloneFailure: Error, Sendable {
    public var reason: String
    public var detail: String
}
