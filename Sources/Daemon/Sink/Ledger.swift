import Extraction
import Foundation
import Synchronization

/// The content ids that already have a record: what makes "exactly one record per content" hold
/// across restarts, crashes and logrotate.
///
/// Order of writes (by the sink): the record line is durable before its ledger line, and the ledger
/// line before the input leaves the inbox. So at start-up the ledger can lag the records by at
/// most the last batch; `reconcile` adds those ids from the tail of records.jsonl.
final class Ledger: @unchecked Sendable {
    // @unchecked: `log` (an AppendLog) is written only from the sink's queue; `ids` is a Mutex.
    private let ids: Mutex<Set<ContentID>>
    private let log: AppendLog
    /// Where the ledger is kept.
    var path: String { log.path }

    /// Loads the ledger at `path` (creating it), cutting a torn last line.
    init(path: String) throws(SystemError) {
        try LineFile.cutTornTail(path)
        var loaded = Set<ContentID>()
        try LineFile.forEachLine(path) { line in
            if line.count >= 64, let id = ContentID(hex: String(decoding: line.prefix(64), as: UTF8.self)) {
                loaded.insert(id)
            }
        }
        ids = Mutex(loaded)
        log = try AppendLog(path: path)
    }

    var count: Int { ids.withLock { $0.count } }

    func contains(_ id: ContentID) -> Bool {
        ids.withLock { $0.contains(id) }
    }

    /// Appends `newIDs` durably, then makes them visible to `contains`. Returns true when the
    /// file had been removed under the daemon and was created anew.
    @discardableResult
    func record(_ newIDs: [ContentID]) throws(SystemError) -> Bool {
        guard !newIDs.isEmpty else { return false }
        // A ledger removed under the daemon is created anew with every id it knew, not only the new ones.
        let known = log.wasRemoved ? ids.withLock { Array($0) } : []
        var bytes: [UInt8] = []
        bytes.reserveCapacity((known.count + newIDs.count) * 65)
        for id in known + newIDs {
            bytes.append(contentsOf: id.hex.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        let recreated = try log.append(bytes, durable: true)
        ids.withLock { $0.formUnion(newIDs) }
        return recreated
    }

    /// Brings the ledger up to date with records.jsonl after a crash: cuts a torn last record, then
    /// adds the ids of trailing records the ledger does not know. Returns how many were added.
    @discardableResult
    func reconcile(recordsPath: String) throws(SystemError) -> Int {
        try LineFile.cutTornTail(recordsPath)
        var missing: [ContentID] = []
        try LineFile.forEachLineBackwards(recordsPath) { line in
            guard let id = Self.recordID(line) else { return true }
            if contains(id) { return false }
            missing.append(id)
            return true
        }
        try record(missing.reversed())
        return missing.count
    }

    /// How the record writer (`ArticleRecord.write(to:)`) begins every line: schema, then id.
    private static let idPrefix = Array(#"{"schema":""#.utf8) + Array(ArticleRecord.schema.utf8) + Array(#"","id":""#.utf8)

    /// The id of a records.jsonl line, read from its fixed prefix without parsing the JSON.
    static func recordID(_ line: ArraySlice<UInt8>) -> ContentID? {
        guard line.count >= idPrefix.count + 64, line.starts(with: idPrefix) else { return nil }
        let start = line.startIndex + idPrefix.count
        return ContentID(hex: String(decoding: line[start..<(start + 64)], as: UTF8.self))
    }
}
