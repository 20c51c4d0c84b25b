import Extraction
import Foundation

/// One worker's job: read the file safely, hash it, skip known content, extract, serialise.
///
/// Reading never follows a symlink (`O_NOFOLLOW`), never blocks on a FIFO or device
/// (`O_NONBLOCK`, then `fstat` must say regular file) and never reads more than
/// `max_file_bytes` + 1 bytes.
struct ArticleProcessor: Sendable {
    let extractor: ArticleExtractor
    let ledger: Ledger
    let journal: AttemptJournal
    let maxFileBytes: Int
    let options: ExtractionOptions
    /// Gives each new record its `story`; nil leaves `story` null.
    var stories: StoryIndex? = nil

    func process(_ job: IntakeJob) -> JobOutcome {
        let path = job.path
        let bytes: [UInt8]
        let opened: SystemCalls.FileInfo
        switch InputReader.read(path, maxBytes: maxFileBytes) {
        case .success(let input): (bytes, opened) = (input.bytes, input.info)
        case .failure(let failure):
            // A file still being written is left alone; its next close event brings it back.
            return failure.retryLater ? .skipped : .failure(failure)
        }
        let id = ContentID(hashing: bytes)
        guard !bytes.isEmpty else {
            return .failure(.init(reason: .empty, detail: "the file is empty", id: id))
        }
        if ledger.contains(id) { return .duplicate(id: id) }
        let crashes = journal.crashCount(id)
        if crashes >= AttemptJournal.crashLimit {
            return .failure(.init(reason: .crashedExtractor, detail: "extracting this content crashed the daemon \(crashes) times", id: id))
        }

        let result = journal.guarding(id) {
            FaultInjection.crashIfRequested(bytes)
            return RecordMaker(extractor: extractor, options: options)
                .record(bytes: bytes, id: id, path: path, inbox: job.inbox.name, info: opened)
        }
        switch result {
        case .failure(let failure): return .failure(failure)
        case .success(var record):
            record.story = stories?.assign(record)
            return .record(id: id, record: record, summary: SummaryEntry(record: record))
        }
    }
}
