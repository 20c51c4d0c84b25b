#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// A failed system call: which call, on what, and `errno`.
public struct SystemError: Error, CustomStringConvertible, Sendable, Equatable {
    public var call: String
    public var path: String?
    public var errno: Int32

    public var description: String {
        let message = String(cString: strerror(errno))
        if let path { return "\(call) \(path): \(message)" }
        return "\(call): \(message)"
    }

    public var isNotFound: Bool { errno == ENOENT || errno == ENOTDIR }
    public var isPermission: Bool { errno == EACCES || errno == EPERM }
    public var isSymlink: Bool { errno == ELOOP }
    public var isNoSpace: Bool { errno == ENOSPC || errno == EDQUOT }
}

/// The one owner of raw file-system calls: every call retries `EINTR` and throws `SystemError`.
///
/// Nothing else in the daemon reads `errno`.
public enum SystemCalls {
    /// Calls `body` until it does not fail with EINTR; throws on −1.
    @discardableResult
    static func retrying<T: BinaryInteger>(_ call: String, _ path: String? = nil, _ body: () -> T) throws(SystemError) -> T {
        while true {
            let result = body()
            if result == -1 {
                let code = Glibc.errno
                if code == EINTR { continue }
                throw SystemError(call: call, path: path, errno: code)
            }
            return result
        }
    }

    /// What `lstat` says of a path (symlinks are not followed).
    public struct FileInfo: Sendable, Equatable {
        public enum Kind: Sendable { case regular, directory, symlink, fifo, socket, device, other }
        public var kind: Kind
        public var size: Int
        /// Modification time, seconds since the epoch.
        public var modified: Double
        public var device: UInt64
        public var inode: UInt64

        init(_ st: stat) {
            switch st.st_mode & S_IFMT {
            case S_IFREG: kind = .regular
            case S_IFDIR: kind = .directory
            case S_IFLNK: kind = .symlink
            case S_IFIFO: kind = .fifo
            case S_IFSOCK: kind = .socket
            case S_IFCHR, S_IFBLK: kind = .device
            default: kind = .other
            }
            size = Int(st.st_size)
            modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// `lstat(path)`.
    public static func lstat(_ path: String) throws(SystemError) -> FileInfo {
        var st = stat()
        try retrying("lstat", path) { Glibc.lstat(path, &st) }
        return FileInfo(st)
    }

    /// Opens `path` read-only without following a symlink in its last component and without
    /// blocking on a FIFO or device.
    public static func openForReading(_ path: String) throws(SystemError) -> Int32 {
        try retrying("open", path) { Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
    }

    /// `fstat(fd)`.
    public static func fstat(_ fd: Int32, path: String? = nil) throws(SystemError) -> FileInfo {
        var st = stat()
        try retrying("fstat", path) { Glibc.fstat(fd, &st) }
        return FileInfo(st)
    }

    /// Reads at most `limit` bytes from `fd`; returns what was read (short at end of file).
    public static func read(_ fd: Int32, limit: Int, path: String? = nil) throws(SystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            let n = try retrying("read", path) {
                buffer.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + total, limit - total) }
            }
            if n == 0 { break }
            total += n
        }
        buffer.removeSubrange(total...)
        return buffer
    }

    /// Reads at most `limit` bytes of `fd` from `offset` on (`pread`); short at the end of the file.
    public static func read(_ fd: Int32, at offset: Int, limit: Int, path: String? = nil) throws(SystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            let n = try retrying("pread", path) {
                buffer.withUnsafeMutableBytes { raw in Glibc.pread(fd, raw.baseAddress! + total, limit - total, off_t(offset + total)) }
            }
            if n == 0 { break }
            total += n
        }
        buffer.removeSubrange(total...)
        return buffer
    }

    /// Opens (creating with `mode`) a file for appending.
    public static func openForAppending(_ path: String, mode: mode_t = 0o640) throws(SystemError) -> Int32 {
        try retrying("open", path) { Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode) }
    }

    /// Writes all of `bytes` to `fd`.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String? = nil) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = try retrying("write", path) {
                bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            }
            offset += n
        }
    }

    /// `fsync(fd)`.
    public static func fsync(_ fd: Int32, path: String? = nil) throws(SystemError) {
        try retrying("fsync", path) { Glibc.fsync(fd) }
    }

    /// `ftruncate(fd, length)`.
    public static func truncate(_ fd: Int32, to length: Int, path: String? = nil) throws(SystemError) {
        try retrying("ftruncate", path) { Glibc.ftruncate(fd, off_t(length)) }
    }

    /// Opens (creating with `mode`) a file for reading and writing, as a lock file.
    public static func openForLocking(_ path: String, mode: mode_t = 0o644) throws(SystemError) -> Int32 {
        try retrying("open", path) { Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode) }
    }

    /// Takes an exclusive `flock` on `fd` without waiting; false when another open file holds it.
    public static func tryLockExclusive(_ fd: Int32, path: String? = nil) throws(SystemError) -> Bool {
        // `flock` names both the function and a struct: name the function by its type.
        let lock: (Int32, Int32) -> Int32 = Glibc.flock(_:_:)
        do throws(SystemError) {
            try retrying("flock", path) { lock(fd, LOCK_EX | LOCK_NB) }
            return true
        } catch where error.errno == EWOULDBLOCK {
            return false
        }
    }

    /// The calling process's id.
    public static func processID() -> Int32 {
        getpid()
    }

    /// `dup2(from, onto)`: `onto` now refers to what `from` refers to (atomically, for other threads).
    public static func duplicate(_ from: Int32, onto: Int32, path: String? = nil) throws(SystemError) {
        try retrying("dup2", path) { Glibc.dup2(from, onto) }
    }

    /// Closes `fd`, ignoring errors (there is nothing to do about them).
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// `rename(from, to)`: atomic within one file system.
    public static func rename(_ from: String, _ to: String) throws(SystemError) {
        try retrying("rename", from) { Glibc.rename(from, to) }
    }

    /// `unlink(path)`.
    public static func unlink(_ path: String) throws(SystemError) {
        try retrying("unlink", path) { Glibc.unlink(path) }
    }

    /// Makes `path` and its missing parents, mode 0750.
    public static func makeDirectories(_ path: String) throws(SystemError) {
        if (try? lstat(path))?.kind == .directory { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        do {
            try retrying("mkdir", path) { Glibc.mkdir(path, 0o750) }
        } catch {
            if error.errno != EEXIST { throw error }
        }
    }

    /// Fsyncs a directory so that a rename or create inside it is durable.
    public static func syncDirectory(_ path: String) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = Glibc.fsync(fd)
        _ = Glibc.close(fd)
    }

    /// One entry of a directory listing, with the kind `readdir` reports (symlinks not followed).
    public struct DirectoryEntry: Sendable {
        public var name: String
        public var rawName: [UInt8]
        public var nameIsValidUTF8: Bool
        public var isDirectory: Bool
        public var isSymlink: Bool
        public var isRegular: Bool
    }

    /// Renames a file whose name is given as raw bytes (it may not be UTF-8).
    public static func rename(rawDirectory: String, rawName: [UInt8], to: String) throws(SystemError) {
        let from = (Array(rawDirectory.utf8) + [UInt8(ascii: "/")] + rawName + [0]).map { CChar(bitPattern: $0) }
        try retrying("rename", to) { Glibc.rename(from, to) }
    }

    /// The entries of directory `path`, without `.` and `..`; `visit` returns false to stop early.
    public static func forEachEntry(in path: String, _ visit: (DirectoryEntry) -> Bool) throws(SystemError) {
        guard let dir = opendir(path) else {
            throw SystemError(call: "opendir", path: path, errno: Glibc.errno)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let rawName = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            let validName = String(validating: rawName, as: UTF8.self)
            let name = validName ?? String(decoding: rawName, as: UTF8.self)
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN), validName != nil {
                // Some file systems do not report the type: ask lstat.
                switch (try? lstat(path + "/" + name))?.kind {
                case .directory: type = UInt8(DT_DIR)
                case .symlink: type = UInt8(DT_LNK)
                default: type = UInt8(DT_REG)
                }
            }
            let keepGoing = visit(DirectoryEntry(name: name, rawName: rawName, nameIsValidUTF8: validName != nil,
                                                 isDirectory: type == UInt8(DT_DIR), isSymlink: type == UInt8(DT_LNK),
                                                 isRegular: type == UInt8(DT_REG)))
            if !keepGoing { return }
        }
    }

    /// Seconds since the epoch, from the real-time clock.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds from a monotonic clock, for durations.
    public static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
