import Extraction
import Foundation
import Logging
import Synchronization

/// The first output: records.jsonl and errors.jsonl in the output folder, one JSON object per
/// line, each batch written with one `write` and made durable with one `fsync`.
///
/// A file removed under the daemon (or replaced by another file) is noticed and created anew at
/// the next batch, instead of writing on into an unlinked file.
final class JSONLinesOutput: RecordOutput, @unchecked Sendable {
    // @unchecked: the logs are used only from the sink's serial queue (RecordOutput's contract).
    let name = "records.jsonl"
    private let directory: String
    private let records: AppendLog
    private let errors: AppendLog
    private let logger: Logger

    init(directory: String, logger: Logger) throws(SystemError) {
        self.directory = directory
        records = try AppendLog(path: directory + "/records.jsonl")
        errors = try AppendLog(path: directory + "/errors.jsonl")
        self.logger = logger
    }

    func deliver(records batch: [ArticleRecord]) throws {
        guard !batch.isEmpty else { return }
        let lines = Self.serialise(batch)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(batch.count) { $0 + $1.count })
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        try append(bytes, to: records)
    }

    /// The JSON lines of `batch`, made on every core: serialising costs about a tenth of
    /// extracting (Benchmarks/RecordSerialisation), too much to do on the single writer alone.
    static func serialise(_ batch: [ArticleRecord]) -> [[UInt8]] {
        let chunks = min(batch.count, ProcessInfo.processInfo.activeProcessorCount)
        guard chunks > 1 else { return batch.map { $0.jsonLine() } }
        let lines = Mutex([[UInt8]](repeating: [], count: batch.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var mine: [(Int, [UInt8])] = []
            for i in stride(from: chunk, to: batch.count, by: chunks) { mine.append((i, batch[i].jsonLine())) }
            lines.withLock { lines in for (i, line) in mine { lines[i] = line } }
        }
        return lines.withLock { $0 }
    }

    func deliver(errors batch: [ErrorLine]) throws {
        guard !batch.isEmpty else { return }
        var bytes: [UInt8] = []
        for line in batch {
            bytes.append(contentsOf: line.bytes())
            bytes.append(UInt8(ascii: "\n"))
        }
        try append(bytes, to: errors)
    }

    /// How far records.jsonl is durable, and in which file; readable from any thread.
    var recordsEnd: DurableEnd { records.durableEnd }
    /// How far errors.jsonl is durable, and in which file; readable from any thread.
    var errorsEnd: DurableEnd { errors.durableEnd }

    func reopen() throws {
        try records.reopen()
        try errors.reopen()
        logger.info("reopened output files", metadata: ["dir.path": "\(directory)"])
    }

    private func append(_ bytes: [UInt8], to log: AppendLog) throws(SystemError) {
        if try log.append(bytes, durable: true) {
            logger.error("\((log.path as NSString).lastPathComponent) or the output folder was removed; created it anew",
                         metadata: ["dir.path": "\(directory)"])
        }
    }
}
