import Foundation
import Logging

/// Walks inbox folders (without following symlinks) and offers what it finds to the intake.
///
/// Used at start-up (the backlog), for a new subdirectory (after its watch is set), after an
/// inotify queue overflow and by the periodic safety rescan.
struct InboxScanner: Sendable {
    let intake: Intake
    let filter: InboxFilter
    let logger: Logger

    /// Walks `root`; `watch` is called for each directory before its entries are listed, so that
    /// no file can slip in between the listing and the watch.
    func walk(_ root: String, inbox: DaemonConfig.Inbox, recursive: Bool = true, offerFiles: Bool = true, watch: (String) -> Void) {
        var stack = [root]
        while let directory = stack.popLast() {
            watch(directory)
            do {
                try SystemCalls.forEachEntry(in: directory) { entry in
                    let path = directory + "/" + entry.name
                    if InboxFilter.isHiddenOrTemporary(entry.name) { return true }
                    if !offerFiles && !entry.isDirectory { return true }
                    if !entry.nameIsValidUTF8 {
                        quarantineUnaddressable(directory: directory, rawName: entry.rawName, inbox: inbox)
                    } else if entry.isDirectory {
                        if recursive { stack.append(path) }
                    } else if entry.isSymlink || !entry.isRegular || filter.accepts(entry.name) {
                        // Symlinks, FIFOs and sockets are offered whatever their name, so that they are
                        // reported and moved out of the inbox instead of lingering unexplained.
                        intake.offer(path: path, inbox: inbox, origin: .scan)
                    }
                    return true
                }
            } catch {
                if !error.isNotFound {
                    logger.warning("cannot list folder", metadata: ["dir.path": "\(directory)", "error": "\(error)"])
                }
            }
        }
    }

    /// A file whose name is not UTF-8 cannot be named in a record: rename it in place to a
    /// UTF-8 name with the odd bytes percent-encoded; the rename brings it back as a normal file.
    func quarantineUnaddressable(directory: String, rawName: [UInt8], inbox: DaemonConfig.Inbox) {
        var safe = ""
        for byte in rawName {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: "/") {
                safe.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                safe += String(format: "%%%02X", byte)
            }
        }
        do {
            try SystemCalls.rename(rawDirectory: directory, rawName: rawName, to: directory + "/" + safe)
            logger.notice("renamed a file whose name is not UTF-8", metadata: ["file.path": "\(directory)/\(safe)", "inbox.name": "\(inbox.name)"])
        } catch {
            logger.warning("cannot rename a file whose name is not UTF-8", metadata: ["dir.path": "\(directory)", "error": "\(error)"])
        }
    }
}
