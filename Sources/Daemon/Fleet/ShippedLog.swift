import Foundation

/// The shipper's reader of one log (records.jsonl or errors.jsonl): complete, durable lines after
/// the shipped position, in order, across rotations.
///
/// It reads through a descriptor of its own, so a file that logrotate renamed (or someone
/// removed) stays readable: the reader ships such a file to its end, and only once the sink
/// appends to another file does it move to that file, from offset 0. It never reads past the
/// sink's durable end, so a line shipped is a line that survives a power cut.
final class ShippedLog {
    /// One run of complete lines and the offset just after them.
    struct Batch {
        var lines: [ArraySlice<UInt8>]
        var end: Int
    }

    let path: String
    private let writer: @Sendable () -> DurableEnd
    private var fd: Int32 = -1
    private(set) var position: ShipPosition
    /// Complete lines after `position` up to `countedEnd` (the backlog), counted as they appear.
    private(set) var pendingLines = 0
    private var countedEnd = 0
    /// Read size; a longer line (a record with a long body) makes one larger read.
    private let chunk = 4 << 20

    /// A reader of `path` resuming at `saved` (nil: from the start). `writer` tells which file the
    /// sink appends to and how much of it is durable. `note` hears what the resumption decided.
    init(path: String, resumingAt saved: ShipPosition?, writer: @escaping @Sendable () -> DurableEnd,
         note: (String) -> Void) throws(SystemError) {
        self.path = path
        self.writer = writer
        let current = try SystemCalls.openForReading(path)
        let currentFile = FileIdentity(try SystemCalls.fstat(current, path: path))
        position = ShipPosition(file: currentFile, offset: 0)
        fd = current
        guard let saved else { return }
        if saved.file == currentFile {
            position = saved
        } else if let old = Self.find(saved.file, besides: path) {
            // Rotated away (records.jsonl.1): ship its tail first.
            SystemCalls.close(current)
            fd = old.fd
            position = saved
            note("shipping the rest of \((old.path as NSString).lastPathComponent) (rotated) before \((path as NSString).lastPathComponent)")
        } else {
            note("the file the cursor names (\(saved.file)) is gone; shipping \((path as NSString).lastPathComponent) from its start (rows already in the database are skipped)")
        }
        let size = try SystemCalls.fstat(fd, path: path).size
        if position.offset > size {
            note("the cursor is past the end of \((path as NSString).lastPathComponent); shipping it from its start")
            position.offset = 0
        }
        countedEnd = position.offset
    }

    deinit {
        if fd >= 0 { SystemCalls.close(fd) }
    }

    /// Where the lines after `position` end: the sink's durable end while it appends to this file,
    /// the file's size once it has moved on.
    private func limit() throws(SystemError) -> (end: Int, finished: Bool) {
        let w = writer()
        if w.file == position.file { return (w.size, false) }
        return (try SystemCalls.fstat(fd, path: path).size, true)
    }

    /// Counts the lines that appeared since the last count; returns the backlog.
    @discardableResult
    func countPending() throws(SystemError) -> Int {
        let (end, _) = try limit()
        while countedEnd < end {
            let bytes = try SystemCalls.read(fd, at: countedEnd, limit: min(chunk, end - countedEnd), path: path)
            guard !bytes.isEmpty else { break }
            // Count only through the last newline: the rest is counted with its line.
            guard let last = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
                if bytes.count < chunk { break }
                countedEnd += bytes.count
                continue
            }
            pendingLines += bytes[...last].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            countedEnd += last + 1
        }
        return pendingLines
    }

    /// Up to `maxLines` complete lines after `position` (an empty batch when there are none).
    /// Moves to the sink's new file when this one is finished and fully shipped.
    func next(maxLines: Int) throws(SystemError) -> Batch {
        var (end, finished) = try limit()
        if position.offset >= end {
            guard finished else { return Batch(lines: [], end: position.offset) }
            try moveToCurrentFile()
            (end, _) = try limit()
            if position.offset >= end { return Batch(lines: [], end: position.offset) }
        }
        var want = min(chunk, end - position.offset)
        while true {
            let bytes = try SystemCalls.read(fd, at: position.offset, limit: want, path: path)
            var lines: [ArraySlice<UInt8>] = []
            var start = 0
            var i = 0
            let all = bytes[...]
            while i < bytes.count, lines.count < maxLines {
                if bytes[i] == UInt8(ascii: "\n") {
                    if i > start { lines.append(all[start..<i]) } else { lines.append(all[i..<i]) }
                    start = i + 1
                }
                i += 1
            }
            if start > 0 { return Batch(lines: lines, end: position.offset + start) }
            // No newline in what was read: a long line, or a torn end that is not durable yet.
            guard bytes.count == want, position.offset + want < end else { return Batch(lines: [], end: position.offset) }
            want = min(want * 2, end - position.offset)
        }
    }

    /// Marks everything before `end` as shipped (after the database committed it), with `lines` lines.
    func shipped(through end: Int, lines: Int) {
        position.offset = end
        if countedEnd < end {
            countedEnd = end
            pendingLines = 0
        } else {
            pendingLines = max(0, pendingLines - lines)
        }
    }

    /// The sink appends to another file now and this one is shipped: continue there from 0.
    private func moveToCurrentFile() throws(SystemError) {
        let next = try SystemCalls.openForReading(path)
        let identity = FileIdentity(try SystemCalls.fstat(next, path: path))
        guard identity == writer().file else {
            // The path is not (yet) the file the sink writes: wait for it.
            SystemCalls.close(next)
            return
        }
        SystemCalls.close(fd)
        fd = next
        position = ShipPosition(file: identity, offset: 0)
        countedEnd = 0
        pendingLines = 0
    }

    /// The file with identity `file` among the siblings of `path` (where logrotate renames to).
    private static func find(_ file: FileIdentity, besides path: String) -> (fd: Int32, path: String)? {
        let folder = (path as NSString).deletingLastPathComponent
        var found: String?
        try? SystemCalls.forEachEntry(in: folder) { entry in
            guard entry.isRegular, entry.nameIsValidUTF8 else { return true }
            let candidate = folder + "/" + entry.name
            if let info = try? SystemCalls.lstat(candidate), FileIdentity(info) == file {
                found = candidate
                return false
            }
            return true
        }
        guard let found, let fd = try? SystemCalls.openForReading(found) else { return nil }
        guard (try? SystemCalls.fstat(fd, path: found)).map(FileIdentity.init) == file else {
            SystemCalls.close(fd)
            return nil
        }
        return (fd, found)
    }
}
