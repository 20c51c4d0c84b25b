import Logging
import Synchronization
import ServiceLifecycle

/// Keeps the daemon's claims and files honest while it runs: every two seconds, checks that the
/// lock files of the output folder and inboxes, and the attempts journal, are still the files it
/// holds. A removed lock file is claimed again; if another daemon claimed the folder meanwhile,
/// this one stops (the group shuts down gracefully and `run` throws `FolderInUse`). The first
/// service started and the last stopped: the claims are held until everything else has stopped.
struct FolderClaimService: Service {
    typealias Entry = (folder: String, lockName: String, what: String, claim: FolderClaim?)

    /// The claims, held here only: a claim let go of must really close its lock file.
    final class Claims: Sendable {
        let entries: Mutex<[Entry]>
        init(_ entries: [Entry]) { self.entries = Mutex(entries) }
    }

    let claims: Claims
    let journal: AttemptJournal
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
            } catch {
                break
            }
            var held = claims.entries.withLock { entries in
                defer { entries.removeAll() }
                return entries
            }
            defer { let checked = held; claims.entries.withLock { $0 = checked } }
            try check(&held)
        }
    }

    private func check(_ held: inout [Entry]) throws(FolderInUse) {
        for i in held.indices where held[i].claim?.isIntact != true {
            // Let go of the old lock file first: an open file inside a removed inbox would keep
            // the kernel from reporting the inbox's removal to the watcher.
            held[i].claim = nil
            // An inbox is not created here: the watcher waits for it to reappear.
            let isInbox = held[i].lockName == FolderClaim.inboxLockName
            if isInbox, (try? SystemCalls.lstat(held[i].folder))?.kind != .directory { continue }
            do {
                let claim = try FolderClaim(folder: held[i].folder, lockName: held[i].lockName, what: held[i].what,
                                            createFolder: !isInbox)
                held[i].claim = claim
                logger.warning("the lock file was removed; claimed the folder again", metadata: ["file.path": "\(claim.path)"])
            } catch let error as FolderInUse {
                logger.critical("another newsd took over a folder of this one; stopping", metadata: ["error": "\(error)"])
                throw error
            } catch {
                logger.error("cannot claim the folder again", metadata: ["dir.path": "\(held[i].folder)", "error": "\(error)"])
            }
        }
        do {
            if try journal.reopenIfRemoved() {
                logger.error("the attempts journal was removed; created it anew", metadata: ["file.path": "\(journal.path)"])
            }
        } catch {
            logger.error("cannot reopen the attempts journal", metadata: ["file.path": "\(journal.path)", "error": "\(error)"])
        }
    }
}
