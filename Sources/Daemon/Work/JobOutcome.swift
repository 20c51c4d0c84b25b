import Extraction

/// What became of one input; the sink turns it into output lines and disposes of the file.
enum JobOutcome: Sendable {
    /// A record to append (the line is already serialised, without its newline).
    case record(id: ContentID, line: [UInt8], summary: SummaryEntry)
    /// Content that already has a record: nothing is written, the file is disposed of.
    case duplicate(id: ContentID)
    /// An input that produced no record: one line in errors.jsonl, the file quarantined.
    case failure(InputFailure)
    /// Nothing to do (the file is gone and was never read, or was already handled).
    case skipped
}

/// Why an input produced no record.
struct InputFailure: Error, Sendable {
    /// The stable reason codes of `errors.jsonl`.
    enum Reason: String, Sendable, CaseIterable {
        case tooLarge = "too-large"
        case binary
        case unreadable
        case vanished
        case notRegularFile = "not-regular-file"
        case symlink
        case crashedExtractor = "crashed-extractor"
        case empty
    }

    var reason: Reason
    var detail: String
    var id: ContentID?
    /// Not a failure of the input: try again later (the file was still growing when read).
    var retryLater = false

    /// Whether there is a file left to move to the quarantine folder.
    var hasFile: Bool { reason != .vanished }
}
