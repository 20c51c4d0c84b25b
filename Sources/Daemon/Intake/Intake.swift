import Foundation
import Logging

/// One file to process.
struct IntakeJob: Sendable {
    var path: String
    var inbox: DaemonConfig.Inbox
    /// When the file was found complete (monotonic seconds), for drop-to-record latency.
    var discovered: Double
}

/// Between discovery and the workers: filters duplicates, lets scanned files settle, and holds a
/// bounded queue so that a large backlog is drained with flat memory.
///
/// A file taken on `IN_CLOSE_WRITE`/`IN_MOVED_TO` is complete and queued at once. A file found by a
/// scan may still be being written, so it is queued only once its size and modification time have
/// been stable for the settle time (a file last modified longer ago than that is stable already).
/// `offer` blocks while the queue is full: the producers (watcher thread, scans) wait, and the
/// kernel's event queue absorbs the rest or overflows into a rescan.
final class Intake: @unchecked Sendable {
    // @unchecked: every mutable property is guarded by `condition`.
    enum Origin: Sendable { case event, scan }

    private struct Settling {
        var inbox: DaemonConfig.Inbox
        var size: Int
        var modified: Double
        var stableSince: Double
    }

    private let capacity: Int
    private let settleSeconds: Double
    private let rememberKept: Bool
    private let condition = NSCondition()
    private var queue: [IntakeJob] = []
    private var head = 0
    /// Paths queued, in flight or settling: an offer of one of these is dropped.
    private var active: Set<String> = []
    private var settling: [String: Settling] = [:]
    /// With `after = keep`: size and mtime of files already handled, so rescans skip them.
    private var kept: [String: (Int, Double)] = [:]
    private var closed = false
    private var inFlight = 0
    private var producersBlocked = 0
    private let timer: any DispatchSourceTimer
    private let timerQueue = DispatchQueue(label: "newsd.intake.settle")

    init(capacity: Int, settleSeconds: Double, rememberKept: Bool) {
        self.capacity = capacity
        self.settleSeconds = settleSeconds
        self.rememberKept = rememberKept
        timer = DispatchSource.makeTimerSource(queue: timerQueue)
        let tick = max(0.05, min(0.25, settleSeconds / 4))
        timer.schedule(deadline: .now() + tick, repeating: tick)
        timer.setEventHandler { [weak self] in self?.checkSettling() }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    /// Offers a file; blocks while the queue is full. Returns at once if the intake is closed.
    func offer(path: String, inbox: DaemonConfig.Inbox, origin: Origin) {
        let now = SystemCalls.monotonic()
        var settle: Settling?
        // An empty file announced as closed is often a `touch` before the real write: let it settle.
        let info = try? SystemCalls.lstat(path)
        let origin = origin == .event && info?.kind == .regular && info?.size == 0 ? .scan : origin
        if origin == .scan, settleSeconds > 0, let info, info.kind == .regular {
            if let (size, modified) = lockedKept(path), size == info.size, modified == info.modified { return }
            let age = SystemCalls.now() - info.modified
            if age < settleSeconds {
                settle = Settling(inbox: inbox, size: info.size, modified: info.modified, stableSince: now)
            }
        } else if origin == .scan, rememberKept, let info,
                  let (size, modified) = lockedKept(path), size == info.size, modified == info.modified {
            return
        }
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        if active.contains(path) {
            // A close or move event completes a file that a scan saw being written: take it now.
            if origin == .event, let entry = settling.removeValue(forKey: path) {
                enqueueLocked(IntakeJob(path: path, inbox: entry.inbox, discovered: now))
            }
            return
        }
        active.insert(path)
        if let settle {
            settling[path] = settle
            return
        }
        enqueueLocked(IntakeJob(path: path, inbox: inbox, discovered: now))
    }

    private func lockedKept(_ path: String) -> (Int, Double)? {
        guard rememberKept else { return nil }
        condition.lock()
        defer { condition.unlock() }
        return kept[path]
    }

    private func enqueueLocked(_ job: IntakeJob) {
        producersBlocked += 1
        while !closed && queue.count - head >= capacity {
            condition.wait()
        }
        producersBlocked -= 1
        guard !closed else { return }
        queue.append(job)
        condition.broadcast()
    }

    /// The next job, waiting for one; nil once the intake is closed.
    func next() -> IntakeJob? {
        condition.lock()
        defer { condition.unlock() }
        while !closed && head >= queue.count {
            condition.wait()
        }
        guard !closed else { return nil }
        let job = queue[head]
        head += 1
        if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        inFlight += 1
        condition.broadcast()
        return job
    }

    /// Marks a job done: its path may be offered again. `keptSize`/`keptModified` are given when
    /// the file stays in the inbox (`after = keep`).
    func finished(_ job: IntakeJob, kept info: SystemCalls.FileInfo? = nil) {
        condition.lock()
        active.remove(job.path)
        inFlight -= 1
        if rememberKept, let info { kept[job.path] = (info.size, info.modified) }
        condition.broadcast()
        condition.unlock()
    }

    /// Stops handing out jobs and wakes every waiter; queued jobs stay in the inbox for next time.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        timer.cancel()
    }

    /// Jobs waiting for a worker.
    var depth: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count - head
    }

    /// Whether a producer (the watcher thread, a scan) waits for room in a full queue.
    var producersWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return producersBlocked > 0
    }

    /// Whether nothing is queued, settling or in flight.
    var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queue.count == head && settling.isEmpty && inFlight == 0
    }

    private func checkSettling() {
        condition.lock()
        let candidates = settling
        condition.unlock()
        guard !candidates.isEmpty else { return }
        let now = SystemCalls.monotonic()
        for (path, entry) in candidates {
            let info = try? SystemCalls.lstat(path)
            condition.lock()
            defer { condition.unlock() }
            guard settling[path] != nil else { continue }
            guard let info, info.kind == .regular else {
                // Gone or replaced: let a worker report what it finds.
                settling[path] = nil
                if queue.count - head < capacity {
                    queue.append(IntakeJob(path: path, inbox: entry.inbox, discovered: now))
                    condition.broadcast()
                } else {
                    active.remove(path)
                }
                continue
            }
            if info.size != entry.size || info.modified != entry.modified {
                settling[path] = Settling(inbox: entry.inbox, size: info.size, modified: info.modified, stableSince: now)
            } else if now - entry.stableSince >= settleSeconds, queue.count - head < capacity {
                settling[path] = nil
                queue.append(IntakeJob(path: path, inbox: entry.inbox, discovered: now))
                condition.broadcast()
            }
        }
    }
}
