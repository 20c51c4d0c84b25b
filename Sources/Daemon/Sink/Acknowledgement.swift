import Logging

/// What follows delivery, as Vector's end-to-end acknowledgements follow its sinks: first the
/// ledger learns the new ids (durably), then each input leaves the inbox and the summary and
/// metrics count it. Outputs never see the ledger or the inbox; this never sees an output.
struct Acknowledgement: Sendable {
    let ledger: Ledger
    let disposer: InputDisposer
    let summary: SummaryReporter
    let metrics: DaemonMetrics
    let logger: Logger

    /// Step one, after every output has the batch: its new ids, durably in the ledger.
    func recordInLedger(_ plan: CommitPlan) throws(SystemError) {
        if try ledger.record(plan.newIDs) {
            logger.error("the ledger was removed under the daemon; created it anew", metadata: ["file.path": "\(ledger.path)"])
        }
    }

    /// Step two, after the ledger: disposes of one input as planned and counts it.
    func dispose(_ job: IntakeJob, _ action: CommitPlan.Action, at now: Double) {
        let fields: Logger.Metadata = ["file.path": "\(job.path)", "inbox.name": "\(job.inbox.name)"]
        do {
            switch action {
            case .recorded(let entry, let destination):
                try disposer.disposeProcessed(job, to: destination)
                summary.recorded(entry)
                metrics.recorded(entry)
                logger.debug("recorded", metadata: fields.merging(["record.id": "\(entry.id)"]) { a, _ in a })
            case .duplicate(let destination):
                try disposer.disposeProcessed(job, to: destination)
                summary.duplicate()
                metrics.duplicates.increment()
                logger.info("duplicate content, no new record", metadata: fields)
            case .failed(let failure, let destination):
                metrics.failed(failure.reason)
                if let destination { try disposer.move(job.path, to: destination) }
                summary.failed(SummaryError(at: now, path: job.path, reason: failure.reason.rawValue, detail: failure.detail))
                logger.warning("no record: \(failure.detail)", metadata: fields.merging([
                    "error.reason": "\(failure.reason.rawValue)", "moved_to": "\(destination ?? "-")",
                ]) { a, _ in a })
            case .nothing:
                break
            }
        } catch {
            if !error.isNotFound {
                logger.error("cannot move input out of the inbox", metadata: fields.merging(["error": "\(error)"]) { a, _ in a })
            }
        }
    }
}
