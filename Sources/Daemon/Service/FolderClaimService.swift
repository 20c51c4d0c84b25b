import Logging
import ServiceLifecycle

/// Keeps the daemon's claims and files honest while it runs: every two seconds, checks that the
/// lock files of the output folder and inboxes, and the attempts journal, are still the files it
/// holds. A removed lock file is claimed again; if another daemon claimed the folder meanwhile,
/// this one stops (the group shuts down gracefully and `run` throws `FolderInUse`). The first
/// service started and the last stopped: the claims are held until everything else has stopped.
struct FolderClaimService: Service {
    let claims: [(folder: String, lockName: String, what: String, claim: FolderClaim)]
    let journal: AttemptJournal
    let logger: Logger

    func run() async throws {
        var held = claims
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
            } catch {
                break
            }
            try check(&held)
        }
        withExtendedLifetime(held) {}
    }

    private func check(_ held: inout [(folder: String, lockName: String, what: String, claim: FolderClaim)]) throws(FolderInUse) {
        for i in held.indices where !held[i].claim.isIntact {
            do {
                let claim = try FolderClaim(folder: held[i].folder, lockName: held[i].lockName, what: held[i].what)
                held[i].claim = claim
                logger.warning("the lock file was removed; claimed the folder again", metadata: ["file.path": "\(claim.path)"])
            } catch let error as FolderInUse {
                logger.critical("another newsd took over a folder of this one; stopping", metadata: ["error": "\(error)"])
                throw error
            } catch {
                logger.error("cannot claim the folder again", metadata: ["file.path": "\(held[i].claim.path)", "error": "\(error)"])
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
