import Foundation
import Synchronization

/// Which file a path named: device and inode, as `stat` gives them.
struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ info: SystemCalls.FileInfo) {
        self.init(device: info.device, inode: info.inode)
    }

    var description: String { "\(device):\(inode)" }
}

/// How far a log is durable: the file being appended to and its size after the last fsync.
struct DurableEnd: Sendable, Equatable {
    var file: FileIdentity
    var size: Int
}

/// An append-only file of lines: records.jsonl, errors.jsonl, the ledger and the attempt journal.
///
/// A batch is written with one `write` and made durable with one `fsync`. If a write fails
/// half-way (a full disk), the file is cut back to where the batch began, so that no torn line is
/// ever left behind for readers.
final class AppendLog: @unchecked Sendable {
    // @unchecked: used only from the sink's serial queue (and at start-up, before it runs).
    let path: String
    private let mode: mode_t
    private var fd: Int32 = -1
    private var size = 0
    private var inode: UInt64 = 0
    private let published = Mutex(DurableEnd(file: FileIdentity(device: 0, inode: 0), size: 0))

    /// The file appended to now and how much of it is durable, for readers on other threads (the
    /// database shipper ships only durable lines, so a power cut cannot take back a shipped line).
    var durableEnd: DurableEnd { published.withLock { $0 } }

    /// The log at `path`, created with `mode` if it does not exist.
    init(path: String, mode: mode_t = 0o640) throws(SystemError) {
        self.path = path
        self.mode = mode
        try open()
    }

    deinit {
        if fd >= 0 { SystemCalls.close(fd) }
    }

    private func open() throws(SystemError) {
        let newFD = try SystemCalls.openForAppending(path, mode: mode)
        if fd >= 0 { SystemCalls.close(fd) }
        fd = newFD
        let info = try SystemCalls.fstat(fd, path: path)
        size = info.size
        inode = info.inode
        published.withLock { $0 = DurableEnd(file: FileIdentity(info), size: info.size) }
    }

    /// Reopens the path (after logrotate moved the file away).
    func reopen() throws(SystemError) {
        try open()
    }

    /// Whether the file at `path` is no longer the one open here (removed, or replaced).
    var wasRemoved: Bool {
        (try? SystemCalls.lstat(path))?.inode != inode
    }

    /// Appends `bytes` (whole lines) and, if `durable`, fsyncs. On failure the file is cut back.
    /// Returns true when the file had been removed and was created anew.
    @discardableResult
    func append(_ bytes: [UInt8], durable: Bool) throws(SystemError) -> Bool {
        guard !bytes.isEmpty else { return false }
        // If someone removed (or replaced) the output folder or the file, recreate it rather than
        // write on into an unlinked file that no one can read.
        var recreated = false
        if wasRemoved {
            try SystemCalls.makeDirectories((path as NSString).deletingLastPathComponent)
            try open()
            recreated = true
        }
        let before = size
        do throws(SystemError) {
            try SystemCalls.writeAll(fd, bytes, path: path)
            if durable { try SystemCalls.fsync(fd, path: path) }
            size = before + bytes.count
            if durable { published.withLock { $0.size = size } }
            return recreated
        } catch {
            try? SystemCalls.truncate(fd, to: before, path: path)
            throw error
        }
    }
}

/// Reading helpers for line files at start-up.
enum LineFile {
    /// Cuts a torn last line (one without its newline, left by a crash) off the file at `path`.
    /// Returns the number of bytes removed.
    @discardableResult
    static func cutTornTail(_ path: String) throws(SystemError) -> Int {
        guard let info = try? SystemCalls.lstat(path), info.size > 0 else { return 0 }
        let fd = try SystemCalls.openForAppending(path)
        defer { SystemCalls.close(fd) }
        var end = info.size
        let chunk = 65_536
        while end > 0 {
            let start = max(0, end - chunk)
            let bytes = try readRange(path, start..<end)
            if let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                let keep = start + lastNewline + 1
                if keep < info.size {
                    try SystemCalls.truncate(fd, to: keep, path: path)
                    try SystemCalls.fsync(fd, path: path)
                }
                return info.size - keep
            }
            end = start
        }
        try SystemCalls.truncate(fd, to: 0, path: path)
        return info.size
    }

    /// Bytes `range` of the file at `path`.
    static func readRange(_ path: String, _ range: Range<Int>) throws(SystemError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SystemError(call: "open", path: path, errno: ENOENT)
        }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(range.lowerBound))
            return Array(try handle.read(upToCount: range.count) ?? Data())
        } catch {
            throw SystemError(call: "read", path: path, errno: EIO)
        }
    }

    /// Calls `visit` with each complete line of the file, last line first, until it returns false.
    static func forEachLineBackwards(_ path: String, _ visit: (ArraySlice<UInt8>) -> Bool) throws(SystemError) {
        guard let info = try? SystemCalls.lstat(path), info.size > 0 else { return }
        var end = info.size
        var carry: [UInt8] = []
        let chunk = 1 << 20
        while end > 0 {
            let start = max(0, end - chunk)
            var bytes = try readRange(path, start..<end)
            bytes.append(contentsOf: carry)
            var lineEnd = bytes.count
            if bytes.last == UInt8(ascii: "\n") { lineEnd -= 1 }
            var i = lineEnd - 1
            while i >= 0 {
                if bytes[i] == UInt8(ascii: "\n") {
                    if i + 1 < lineEnd, !visit(bytes[(i + 1)..<lineEnd]) { return }
                    lineEnd = i
                }
                i -= 1
            }
            carry = Array(bytes[0..<lineEnd])
            end = start
        }
        if !carry.isEmpty { _ = visit(carry[...]) }
    }

    /// Calls `visit` with each line of the file, in order.
    static func forEachLine(_ path: String, _ visit: (ArraySlice<UInt8>) -> Void) throws(SystemError) {
        guard let info = try? SystemCalls.lstat(path), info.size > 0 else { return }
        var offset = 0
        var carry: [UInt8] = []
        let chunk = 1 << 20
        while offset < info.size {
            var bytes = carry
            bytes.append(contentsOf: try readRange(path, offset..<min(info.size, offset + chunk)))
            offset += chunk
            var lineStart = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
                if i > lineStart { visit(bytes[lineStart..<i]) }
                lineStart = i + 1
            }
            carry = Array(bytes[lineStart...])
        }
        if !carry.isEmpty { visit(carry[...]) }
    }
}
