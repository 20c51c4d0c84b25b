import Extraction

/// Where records and error lines are delivered: the JSON Lines files first, a database later.
///
/// The sink delivers a batch to every output, then acknowledges it (ledger, then disposal of the
/// inputs; see `InputAcknowledger`), so an output only has to make what it is given durable. Each
/// call is all or nothing: it returns once everything is durable, or throws having kept nothing
/// (the sink then waits and calls again with the same lines). Calls come from the sink's queue only.
protocol RecordOutput: AnyObject, Sendable {
    /// A short name for logs and `STATUS=` ("records.jsonl", "postgresql").
    var name: String { get }
    /// Makes `records` durable, in order.
    func deliver(records: [ArticleRecord]) throws
    /// Makes `errors` durable, in order.
    func deliver(errors: [ErrorLine]) throws
    /// Reopens whatever the output writes to (SIGHUP: logrotate moved the files away).
    func reopen() throws
}
