import Extraction

/// What became of one input; the sink turns it into output lines and disposes of the file.
enum JobOutcome: Sendable {
    /// A record to deliver to the outputs (they serialise it), with what the summary keeps of it.
    case record(id: ContentID, record: ArticleRecord, summary: SummaryEntry)
    /// Content that already has a record: nothing is written, the file is disposed of.
    case duplicate(id: ContentID)
    /// An input that produced no record: one line in errors.jsonl, the file quarantined.
    case failure(InputFailure)
    /// Nothing to do (the file is gone and was never read, or was already handled).
    case skipped
}
