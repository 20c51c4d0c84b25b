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
            return .record(id: id, line: record.jsonLine(), summary: SummaryEntry(record: record))
        }
    }
}

/// Reads an input file the safe way: no symlink followed, no FIFO or device blocked on, at most
/// `maxBytes` + 1 bytes read.
enum InputReader {
    /// The bytes of the regular file at `path` and what `fstat` said of it.
    static func read(_ path: String, maxBytes: Int) -> Result<(bytes: [UInt8], info: SystemCalls.FileInfo), InputFailure> {
        let info: SystemCalls.FileInfo
        do {
            info = try SystemCalls.lstat(path)
        } catch {
            return .failure(error.isNotFound ? .init(reason: .vanished, detail: "the file was gone before it could be read")
                                             : .init(reason: .unreadable, detail: "\(error)"))
        }
        switch info.kind {
        case .regular: break
        case .symlink: return .failure(.init(reason: .symlink, detail: "symbolic links are never followed out of an inbox"))
        default: return .failure(.init(reason: .notRegularFile, detail: "not a regular file (\(info.kind))"))
        }
        do {
            let fd = try SystemCalls.openForReading(path)
            defer { SystemCalls.close(fd) }
            let opened = try SystemCalls.fstat(fd, path: path)
            guard opened.kind == .regular else {
                return .failure(.init(reason: .notRegularFile, detail: "not a regular file (\(opened.kind))"))
            }
            guard opened.size <= maxBytes else {
                return .failure(.init(reason: .tooLarge, detail: "\(opened.size) bytes is more than max_file_bytes (\(maxBytes))"))
            }
            // Read what fstat promised plus one byte (to notice a file still growing), never more
            // than the limit plus one: the buffer is sized by the file, not by the limit.
            let bytes = try SystemCalls.read(fd, limit: min(maxBytes, opened.size) + 1, path: path)
            guard bytes.count <= opened.size else {
                if bytes.count > maxBytes {
                    return .failure(.init(reason: .tooLarge, detail: "the file grew past max_file_bytes (\(maxBytes)) while being read"))
                }
                var stillWriting = InputFailure(reason: .vanished, detail: "the file grew while being read: it is still being written")
                stillWriting.retryLater = true
                return .failure(stillWriting)
            }
            return .success((bytes, opened))
        } catch {
            if error.isNotFound { return .failure(.init(reason: .vanished, detail: "the file was gone before it could be read")) }
            if error.isSymlink { return .failure(.init(reason: .symlink, detail: "symbolic links are never followed out of an inbox")) }
            if error.isPermission { return .failure(.init(reason: .unreadable, detail: "permission denied: \(error)")) }
            return .failure(.init(reason: .unreadable, detail: "\(error)"))
        }
    }
}

/// Turns an input's bytes into its record: extraction plus the facts about the file.
struct RecordMaker: Sendable {
    let extractor: ArticleExtractor
    let options: ExtractionOptions

    func record(bytes: [UInt8], id: ContentID, path: String, inbox: String, info: SystemCalls.FileInfo) -> Result<ArticleRecord, InputFailure> {
        let name = (path as NSString).lastPathComponent
        let format = ArticleFormat(fileName: name) ?? .text
        let started = SystemCalls.monotonic()
        let result = extractor.extract(ArticleInput(bytes: bytes, format: format, referenceDate: CivilDate(unixTime: info.modified), options: options))
        let elapsed = (SystemCalls.monotonic() - started) * 1000
        switch result {
        case .failure(let failure):
            let reason: InputFailure.Reason = failure.reason == .binary ? .binary : .empty
            return .failure(.init(reason: reason, detail: failure.detail, id: id))
        case .success(let article):
            let source = SourceInfo(path: path, inbox: inbox, name: name, bytes: bytes.count,
                                    modified: Timestamp.rfc3339(info.modified), format: format, encoding: article.encoding)
            return .success(ArticleRecord(id: id.hex, source: source, ingestedAt: Timestamp.rfc3339(SystemCalls.now()),
                                          processingMs: elapsed, article: article))
        }
    }
}

/// `newsd extract`: one file in, its record line out, nothing else touched.
public enum StandaloneExtraction {
    /// The record line for the file at `path`, or a message saying why there is none.
    public static func recordLine(path: String, extractor: ArticleExtractor, options: ExtractionOptions = .init(),
                                  maxBytes: Int = DaemonConfig().maxFileBytes) -> Result<[UInt8], StandaloneFailure> {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        switch InputReader.read(absolute, maxBytes: maxBytes) {
        case .failure(let f):
            return .failure(StandaloneFailure(reason: f.reason.rawValue, detail: f.detail))
        case .success(let input):
            let id = ContentID(hashing: input.bytes)
            if input.bytes.isEmpty { return .failure(StandaloneFailure(reason: "empty", detail: "the file is empty")) }
            let maker = RecordMaker(extractor: extractor, options: options)
            switch maker.record(bytes: input.bytes, id: id, path: absolute, inbox: "", info: input.info) {
            case .success(let record): return .success(record.jsonLine())
            case .failure(let f): return .failure(StandaloneFailure(reason: f.reason.rawValue, detail: f.detail))
            }
        }
    }
}

/// Why `newsd extract` made no record of a file.
public struct StandaloneFailure: Error, Sendable {
    public var reason: String
    public var detail: String
}

extension CivilDate {
    /// The UTC calendar date of a Unix time.
    init(unixTime: Double) {
        self.init(daysSinceEpoch: Int((unixTime / 86_400).rounded(.down)))
    }
}

/// RFC 3339 timestamps in UTC, as records and logs write them.
enum Timestamp {
    /// `2024-05-16T08:30:00.123Z`.
    static func rfc3339(_ unixTime: Double, fractional: Bool = true) -> String {
        let seconds = unixTime.rounded(.down)
        let date = CivilDate(unixTime: seconds)
        var s = Int(seconds) - date.daysSinceEpoch * 86_400
        let h = s / 3600
        s %= 3600
        let m = s / 60
        s %= 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var result = "\(date.iso)T\(two(h)):\(two(m)):\(two(s))"
        if fractional {
            let ms = min(999, Int(((unixTime - seconds) * 1000).rounded(.down)))
            result += "." + String(repeating: "0", count: ms < 10 ? 2 : ms < 100 ? 1 : 0) + "\(ms)"
        }
        return result + "Z"
    }

    /// Parses the RFC 3339 UTC timestamps this daemon writes; nil for anything else.
    static func parse(_ text: some StringProtocol) -> Double? {
        let s = Array(text.utf8)
        guard s.count >= 20, s[4] == UInt8(ascii: "-"), s[10] == UInt8(ascii: "T") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard s[i] >= 0x30 && s[i] <= 0x39 else { return nil }
                n = n * 10 + Int(s[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let se = number(17..<19) else { return nil }
        var fraction = 0.0
        if s[19] == UInt8(ascii: "."), let end = s[20...].firstIndex(where: { $0 < 0x30 || $0 > 0x39 }), let f = number(20..<end) {
            fraction = Double(f) / pow(10, Double(end - 20))
        }
        let days = CivilDate(year: y, month: mo, day: d).daysSinceEpoch
        return Double(days * 86_400 + h * 3600 + mi * 60 + se) + fraction
    }
}
