import CInotifyTools
import Foundation
import Synchronization
import Logging

/// The one owner of libinotifytools: watches every inbox folder recursively on one thread and
/// turns kernel events into intake offers.
///
/// libinotifytools keeps all its state in process-wide statics and returns events in a static
/// buffer, so every call into it happens on `thread`, and each event is copied before it is used.
/// Only one watcher may exist per process.
final class InotifyWatcher: @unchecked Sendable {
    // @unchecked: `watched`, `inboxRoots` and all libinotifytools calls are touched only on the
    // watcher thread; what other threads touch (`shared`: requests, the stop flag, the published
    // watch count) is a Mutex.
    private let inboxes: [DaemonConfig.Inbox]
    private let filter: InboxFilter
    private let logger: Logger
    private let scanner: InboxScanner
    private struct Shared {
        var pending: [Request] = []
        var stopRequested = false
        var publishedWatchCount = 0
    }

    private let shared = Mutex(Shared())
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    /// Watched directory paths (with no trailing slash) → their inbox.
    private var watched: [String: DaemonConfig.Inbox] = [:]
    private var missingInboxes: Set<String> = []
    /// Called once every inbox folder is watched and the start-up scan begins (READY=1).
    private let onWatching: @Sendable () -> Void
    /// Called at every turn of the event loop (for the watchdog).
    private let onHeartbeat: @Sendable () -> Void

    private enum Request: Sendable { case rescan(reason: String) }

    static let watchMask: Int32 = {
        let content: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_MOVED_FROM)
        let folder: UInt32 = UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        let flags: UInt32 = UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK) | UInt32(IN_ONLYDIR)
        return Int32(bitPattern: content | folder | flags)
    }()

    init(inboxes: [DaemonConfig.Inbox], filter: InboxFilter, scanner: InboxScanner, logger: Logger,
         onWatching: @escaping @Sendable () -> Void = {}, onHeartbeat: @escaping @Sendable () -> Void = {}) {
        self.onWatching = onWatching
        self.onHeartbeat = onHeartbeat
        self.inboxes = inboxes
        self.filter = filter
        self.scanner = scanner
        self.logger = logger
    }

    /// Starts the watcher thread: sets up the watches, scans every inbox, then follows events.
    func start() throws(SystemError) {
        guard inotifytools_initialize() != 0 else {
            throw SystemError(call: "inotifytools_initialize", path: nil, errno: inotifytools_error())
        }
        let thread = Thread { [self] in
            self.loop()
            self.finished.signal()
        }
        thread.name = "newsd-inotify"
        self.thread = thread
        thread.start()
    }

    /// Asks for a full rescan of every inbox (overflow, periodic safety rescan, SIGHUP).
    func requestRescan(reason: String) {
        shared.withLock { $0.pending.append(.rescan(reason: reason)) }
    }

    /// Stops the thread (within about a second) and releases libinotifytools.
    func stop() {
        shared.withLock { $0.stopRequested = true }
        if thread != nil { finished.wait() }
        thread = nil
    }

    private var shouldStop: Bool { shared.withLock { $0.stopRequested } }

    /// Folders watched, as of the last turn of the event loop.
    var watchCount: Int { shared.withLock { $0.publishedWatchCount } }

    private func loop() {
        // First set every watch, then offer the backlog: a file written meanwhile raises an event.
        rescanAll(reason: "start-up", offerFiles: false)
        onWatching()
        rescanAll(reason: "start-up")
        var lastMissingCheck = 0.0
        while !shouldStop {
            onHeartbeat()
            // A removed inbox is watched again as soon as it reappears, not at the next safety rescan.
            let now = SystemCalls.monotonic()
            if !missingInboxes.isEmpty, now - lastMissingCheck >= 1 {
                lastMissingCheck = now
                if missingInboxes.contains(where: { (try? SystemCalls.lstat($0))?.kind == .directory }) {
                    rescanAll(reason: "inbox reappeared")
                }
            }
            let count = watched.count
            let requests = shared.withLock { shared -> [Request] in
                shared.publishedWatchCount = count
                defer { shared.pending.removeAll() }
                return shared.pending
            }
            if !requests.isEmpty, case .rescan(let reason) = requests[0] {
                rescanAll(reason: reason)
            }
            guard let raw = inotifytools_next_event(1) else {
                let error = inotifytools_error()
                if error != 0 && error != EINTR {
                    logger.warning("inotify read failed", metadata: ["errno": "\(error)"])
                    Thread.sleep(forTimeInterval: 0.1)
                }
                continue
            }
            handle(WatchEvent(copying: raw))
        }
        inotifytools_cleanup()
    }

    private func handle(_ event: WatchEvent) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            logger.warning("inotify queue overflowed: rescanning every inbox")
            rescanAll(reason: "overflow")
            return
        }
        guard let dirPath = directory(of: event.wd) else { return }
        let path = event.name.isEmpty ? dirPath : dirPath + "/" + event.name
        let isDirectory = event.mask & UInt32(IN_ISDIR) != 0

        if event.mask & UInt32(IN_IGNORED) != 0 || event.mask & UInt32(IN_DELETE_SELF) != 0 || event.mask & UInt32(IN_MOVE_SELF) != 0 {
            forget(dirPath, wd: event.wd, why: event.mask & UInt32(IN_MOVE_SELF) != 0 ? "moved" : "removed")
            return
        }
        guard let inbox = watched[dirPath] else { return }
        if isDirectory {
            if event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, !event.name.hasPrefix(".") {
                // Watch first, then scan: files written before the watch existed are found by the scan.
                scanner.walk(path, inbox: inbox, watch: { self.watch($0, inbox: inbox) })
            } else if event.mask & UInt32(IN_MOVED_FROM) != 0 {
                forgetTree(path)
            }
            return
        }
        if event.mask & UInt32(IN_CREATE) != 0 {
            // FIFOs, sockets and symlinks appear with IN_CREATE only: report them now, not at the
            // next rescan. A regular file is taken when it is closed.
            if !InboxFilter.isHiddenOrTemporary(event.name), let info = try? SystemCalls.lstat(path), info.kind != .regular {
                scanner.intake.offer(path: path, inbox: inbox, origin: .event)
            }
            return
        }
        if event.mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0 {
            guard event.nameIsValidUTF8 else {
                scanner.quarantineUnaddressable(directory: dirPath, rawName: event.rawName, inbox: inbox)
                return
            }
            if filter.accepts(event.name) {
                scanner.intake.offer(path: path, inbox: inbox, origin: .event)
            }
        }
    }

    /// Walks every inbox: re-adds missing watches and offers every file found.
    private func rescanAll(reason: String, offerFiles: Bool = true) {
        if offerFiles { logger.info("scanning inboxes", metadata: ["scan.reason": "\(reason)"]) }
        for inbox in inboxes {
            guard (try? SystemCalls.lstat(inbox.path))?.kind == .directory else {
                if missingInboxes.insert(inbox.path).inserted {
                    logger.error("inbox folder is missing; waiting for it to reappear",
                                 metadata: ["inbox.name": "\(inbox.name)", "inbox.path": "\(inbox.path)"])
                }
                continue
            }
            if missingInboxes.remove(inbox.path) != nil {
                logger.notice("inbox folder is back", metadata: ["inbox.name": "\(inbox.name)", "inbox.path": "\(inbox.path)"])
            }
            scanner.walk(inbox.path, inbox: inbox, recursive: inbox.recursive, offerFiles: offerFiles,
                         watch: { self.watch($0, inbox: inbox) })
        }
    }

    private func watch(_ directory: String, inbox: DaemonConfig.Inbox) {
        if watched[directory] != nil { return }
        if inotifytools_watch_file(directory + "/", Self.watchMask) == 0 {
            let error = inotifytools_error()
            logger.error("cannot watch folder", metadata: ["dir.path": "\(directory)", "errno": "\(error)",
                                                          "hint": "\(error == ENOSPC ? "raise fs.inotify.max_user_watches" : "")"])
            return
        }
        watched[directory] = inbox
    }

    private func forget(_ directory: String, wd: Int32, why: String) {
        guard watched.removeValue(forKey: directory) != nil else { return }
        inotifytools_remove_watch_by_wd(wd)
        if inboxes.contains(where: { $0.path == directory }) {
            missingInboxes.insert(directory)
            logger.error("inbox folder was \(why); it is watched again as soon as it reappears",
                         metadata: ["inbox.path": "\(directory)"])
        }
    }

    private func forgetTree(_ directory: String) {
        let prefix = directory + "/"
        for path in watched.keys where path == directory || path.hasPrefix(prefix) {
            watched.removeValue(forKey: path)
            inotifytools_remove_watch_by_filename(path + "/")
        }
    }

    private func directory(of wd: Int32) -> String? {
        guard let name = inotifytools_filename_from_wd(wd) else { return nil }
        var path = String(cString: name)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// A copy of one inotify event, safe to keep after libinotifytools reuses its buffer.
struct WatchEvent {
    var wd: Int32
    var mask: UInt32
    var rawName: [UInt8]
    var name: String
    var nameIsValidUTF8: Bool

    init(copying event: UnsafeMutablePointer<inotify_event>) {
        wd = event.pointee.wd
        mask = event.pointee.mask
        let length = Int(event.pointee.len)
        var bytes: [UInt8] = []
        if length > 0 {
            let base = UnsafeRawPointer(event).advanced(by: MemoryLayout<inotify_event>.size).assumingMemoryBound(to: UInt8.self)
            bytes = Array(UnsafeBufferPointer(start: base, count: length).prefix { $0 != 0 })
        }
        rawName = bytes
        let decoded = String(validating: bytes, as: UTF8.self)
        name = decoded ?? String(decoding: bytes, as: UTF8.self)
        nameIsValidUTF8 = decoded != nil
    }
}
