/// A configuration the daemon refuses to start with; the message names the file, key and line.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public var file: String?
    public var key: String?
    public var line: Int?
    public var problem: String

    /// A problem with `key` (at `line`) of `file`.
    public init(file: String?, key: String? = nil, line: Int? = nil, _ problem: String) {
        self.file = file
        self.key = key
        self.line = line
        self.problem = problem
    }

    public var description: String {
        var where_ = file ?? "command line"
        if let line { where_ += ":\(line)" }
        if let key { return "\(where_): \(key): \(problem)" }
        return "\(where_): \(problem)"
    }

    /// `EX_CONFIG` from sysexits.h: the exit status for a configuration error.
    public static let exitCode: Int32 = 78
}
