import Extraction

/// What one batch of outcomes comes to: the records and error lines to deliver, the ids the
/// ledger gains, and what becomes of each input once all that is durable.
struct CommitPlan {
    /// What becomes of one input after the batch is durable.
    enum Action {
        case recorded(SummaryEntry, movedTo: String?)
        case duplicate(movedTo: String?)
        case failed(InputFailure, movedTo: String?)
        case nothing
    }

    private(set) var records: [ArticleRecord] = []
    private(set) var errors: [ErrorLine] = []
    private(set) var newIDs: [ContentID] = []
    /// One per submission, in the batch's order.
    private(set) var actions: [Action] = []

    /// Plans `batch` at `now`: content the ledger (or an earlier outcome of the batch) already
    /// has becomes a duplicate; destinations are chosen now so the error lines can name them.
    init(_ batch: [RecordSink.Submission], ledger: Ledger, disposer: InputDisposer, now: Double) {
        var seen = Set<ContentID>()
        actions.reserveCapacity(batch.count)
        for s in batch {
            switch s.outcome {
            case .record(let id, let record, var entry):
                guard !ledger.contains(id), seen.insert(id).inserted else {
                    actions.append(.duplicate(movedTo: disposer.processedDestination(for: s.job, at: now)))
                    continue
                }
                newIDs.append(id)
                records.append(record)
                entry.latencyMs = (SystemCalls.monotonic() - s.job.discovered) * 1000
                actions.append(.recorded(entry, movedTo: disposer.processedDestination(for: s.job, at: now)))
            case .duplicate:
                actions.append(.duplicate(movedTo: disposer.processedDestination(for: s.job, at: now)))
            case .failure(let failure):
                let destination = failure.hasFile ? disposer.failedDestination(for: s.job, reason: failure.reason) : nil
                errors.append(ErrorLine(at: now, path: s.job.path, inbox: s.job.inbox.name, id: failure.id,
                                        reason: failure.reason, detail: failure.detail, movedTo: destination))
                actions.append(.failed(failure, movedTo: destination))
            case .skipped:
                actions.append(.nothing)
            }
        }
    }
}
