/// Why the daemon does not start (or stops): another newsd holds its output folder or an inbox.
public struct FolderInUse: Error, CustomStringConvertible, Sendable {
    /// The exit status for this case: 75 (`EX_TEMPFAIL`), since it works once the other daemon stops.
    public static let exitCode: Int32 = 75

    public var folder: String
    /// "output folder" or "inbox".
    public var what: String
    /// The pid the holder wrote into the lock file, when it could be read.
    public var holder: Int32?

    public var description: String {
        "the \(what) \(folder) is in use by another newsd" + (holder.map { " (pid \($0))" } ?? "")
            + "; stop that one first, or give this one other folders"
    }
}
