import Foundation

/// How far a log has been shipped: which file (device and inode, so that a file renamed by
/// logrotate is still recognised) and the byte offset after the last shipped line.
struct ShipPosition: Sendable, Equatable {
    var file: FileIdentity
    var offset: Int
}

/// The shipper's durable cursor, `<output>/.newsd-ship-cursor`: the position of records.jsonl and
/// of errors.jsonl. It is rewritten atomically (temporary file, fsync, rename, folder fsync) after
/// each batch the database has committed, never before: a crash between the commit and the
/// rewrite ships the batch again, and `ON CONFLICT DO NOTHING` makes that harmless.
///
/// Format, one line each:
///
///     newsd.ship-cursor/1
///     records.jsonl <device> <inode> <offset>
///     errors.jsonl <device> <inode> <offset>
struct ShipCursor: Sendable, Equatable {
    static let fileName = ".newsd-ship-cursor"
    static let header = "newsd.ship-cursor/1"

    var records: ShipPosition?
    var errors: ShipPosition?

    /// The cursor in `path`; empty when there is none. A file that is not a cursor is reported in
    /// `problem` and treated as none: shipping then starts over, without duplicates.
    static func load(_ path: String) -> (cursor: ShipCursor, problem: String?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (ShipCursor(), nil) }
        guard data.count < 4096, let text = String(data: data, encoding: .utf8) else {
            return (ShipCursor(), "not a cursor file")
        }
        let lines = text.split(separator: "\n")
        guard lines.first == Substring(header) else { return (ShipCursor(), "not a \(header) file") }
        var cursor = ShipCursor()
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let device = UInt64(fields[1]), let inode = UInt64(fields[2]), let offset = Int(fields[3]),
                  offset >= 0 else { return (ShipCursor(), "unreadable line \"\(line)\"") }
            let position = ShipPosition(file: FileIdentity(device: device, inode: inode), offset: offset)
            switch fields[0] {
            case "records.jsonl": cursor.records = position
            case "errors.jsonl": cursor.errors = position
            default: return (ShipCursor(), "unknown log \"\(fields[0])\"")
            }
        }
        return (cursor, nil)
    }

    func text() -> String {
        var text = Self.header + "\n"
        for (name, position) in [("records.jsonl", records), ("errors.jsonl", errors)] {
            guard let position else { continue }
            text += "\(name) \(position.file.device) \(position.file.inode) \(position.offset)\n"
        }
        return text
    }

    /// Writes the cursor to `path` durably.
    func save(_ path: String) throws(SystemError) {
        try AtomicFile.write(Array(text().utf8), to: path, mode: 0o640)
        SystemCalls.syncDirectory((path as NSString).deletingLastPathComponent)
    }
}
