import Extraction

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

extension InputFailure.Reason {
    /// The errors.jsonl reason for an extractor's failure; every extractor reason has its own
    /// case here, so a new one cannot silently become another.
    init(_ reason: ExtractionFailure.Reason) {
        switch reason {
        case .binary: self = .binary
        case .empty: self = .empty
        }
    }
}
