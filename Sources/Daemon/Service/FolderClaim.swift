import Foundation

/// One daemon's exclusive claim on a folder: an `flock` held on a lock file inside it for as long
/// as the daemon runs, with the daemon's pid written in the file so that a second daemon can name
/// the holder. The output folder is claimed through `.newsd-output.lock`, each inbox through
/// `.newsd-inbox.lock` (hidden names, which no scan takes). The kernel drops the lock when the
/// process ends, however it ends, so a stale file never blocks a restart.
final class FolderClaim: Sendable {
    /// The lock file of the output folder.
    static let outputLockName = ".newsd-output.lock"
    /// The ownership mark of an inbox.
    static let inboxLockName = ".newsd-inbox.lock"

    let path: String
    private let fd: Int32
    private let inode: UInt64

    /// Claims `folder` (`what` names it in messages: "output folder", "inbox"), or throws `Held`.
    init(folder: String, lockName: String, what: String, createFolder: Bool = true) throws {
        if createFolder { try SystemCalls.makeDirectories(folder) }
        path = folder + "/" + lockName
        fd = try SystemCalls.openForLocking(path)
        guard try SystemCalls.tryLockExclusive(fd, path: path) else {
            let holder = (try? SystemCalls.read(fd, limit: 32, path: path))
                .flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
            SystemCalls.close(fd)
            throw FolderInUse(folder: folder, what: what, holder: holder)
        }
        try SystemCalls.truncate(fd, to: 0, path: path)
        try SystemCalls.writeAll(fd, Array("\(SystemCalls.processID())\n".utf8), path: path)
        inode = try SystemCalls.fstat(fd, path: path).inode
    }

    deinit {
        SystemCalls.close(fd)
    }

    /// Whether the lock file is still the one this daemon holds (not removed or replaced).
    var isIntact: Bool {
        (try? SystemCalls.lstat(path))?.inode == inode
    }
}
