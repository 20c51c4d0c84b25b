import CCrashGuard
import Foundation
import Synchronization

/// Remembers which inputs crashed the extractor, so that a poison file is quarantined instead of
/// crashing the daemon forever.
///
/// While a worker extracts an input, its content id sits in a crash-guard slot; a fatal signal
/// appends `c <id>` to this journal before the process dies (see `crash_guard.h`). At start-up the
/// journal is read: an id with two or more crashes, not yet in the ledger, is quarantined with
/// reason `crashed-extractor` when it is next seen. The file is compacted at every start.
final class AttemptJournal: Sendable {
    static let crashLimit = 2
    private let crashes: [ContentID: Int]
    private let fd: Int32
    let path: String
    private let freeSlots: Mutex<[Int32]>

    /// Loads and compacts the journal at `path`, dropping ids the ledger already holds, and
    /// installs the crash handlers.
    init(path: String, ledger: Ledger, slots: Int) throws(SystemError) {
        var counts: [ContentID: Int] = [:]
        try LineFile.forEachLine(path) { line in
            guard line.count >= 66, line.first == UInt8(ascii: "c"),
                  let id = ContentID(hex: String(decoding: line.dropFirst(2).prefix(64), as: UTF8.self)) else { return }
            counts[id, default: 0] += 1
        }
        counts = counts.filter { !ledger.contains($0.key) }
        var compacted: [UInt8] = []
        for (id, n) in counts {
            for _ in 0..<n { compacted.append(contentsOf: "c \(id.hex)\n".utf8) }
        }
        let temporary = path + ".tmp"
        try? SystemCalls.unlink(temporary)
        let tmp = try AppendLog(path: temporary)
        try tmp.append(compacted, durable: true)
        try SystemCalls.rename(temporary, path)
        crashes = counts
        self.path = path
        fd = try SystemCalls.openForAppending(path)
        freeSlots = Mutex((0..<Int32(min(slots, Int(CRASH_GUARD_SLOTS)))).reversed())
        crash_guard_install(fd)
    }

    deinit {
        SystemCalls.close(fd)
    }

    /// Creates the journal anew if it was removed (or replaced) under the daemon; the crash handler
    /// keeps its descriptor number, which now refers to the new file. Returns true if it did.
    @discardableResult
    func reopenIfRemoved() throws(SystemError) -> Bool {
        let held = try SystemCalls.fstat(fd, path: path).inode
        guard (try? SystemCalls.lstat(path))?.inode != held else { return false }
        try SystemCalls.makeDirectories((path as NSString).deletingLastPathComponent)
        let fresh = try SystemCalls.openForAppending(path)
        defer { SystemCalls.close(fresh) }
        try SystemCalls.duplicate(fresh, onto: fd, path: path)
        return true
    }

    /// How often `id` crashed the extractor in earlier runs.
    func crashCount(_ id: ContentID) -> Int {
        crashes[id] ?? 0
    }

    /// Runs `body` with `id` marked as being extracted.
    func guarding<T>(_ id: ContentID, _ body: () -> T) -> T {
        let slot = freeSlots.withLock { $0.popLast() }
        guard let slot else { return body() }
        id.hex.withCString { crash_guard_mark(slot, $0) }
        defer {
            crash_guard_clear(slot)
            freeSlots.withLock { $0.append(slot) }
        }
        return body()
    }
}
