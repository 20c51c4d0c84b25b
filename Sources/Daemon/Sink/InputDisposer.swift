import Extraction
import Foundation

/// Moves inputs out of the inbox once their outcome is durable: processed files to
/// `processed/<inbox>/<YYYY-MM-DD>/`, failed ones to `failed/<inbox>/<reason>/`, keeping their
/// path below the inbox and never overwriting an existing file.
struct InputDisposer: Sendable {
    let after: DaemonConfig.After
    let processedRoot: String
    let failedRoot: String

    /// Where a processed input goes, or nil when it stays or is deleted.
    func processedDestination(for job: IntakeJob, at time: Double) -> String? {
        guard after == .move else { return nil }
        let day = CivilDate(unixTime: time).iso
        return unique("\(processedRoot)/\(job.inbox.name)/\(day)/\(relativePath(job))")
    }

    /// Where a failed input goes.
    func failedDestination(for job: IntakeJob, reason: InputFailure.Reason) -> String {
        unique("\(failedRoot)/\(job.inbox.name)/\(reason.rawValue)/\(relativePath(job))")
    }

    /// Disposes of a processed input as configured; returns what remains in the inbox, if anything.
    func disposeProcessed(_ job: IntakeJob, to destination: String?) throws(SystemError) {
        switch after {
        case .keep: return
        case .delete: try SystemCalls.unlink(job.path)
        case .move: if let destination { try move(job.path, to: destination) }
        }
    }

    /// Moves `from` to `to`, creating folders; across file systems, copies then removes.
    func move(_ from: String, to: String) throws(SystemError) {
        try SystemCalls.makeDirectories((to as NSString).deletingLastPathComponent)
        do {
            try SystemCalls.rename(from, to)
        } catch where error.errno == EXDEV {
            do {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            } catch {
                throw SystemError(call: "copy", path: from, errno: EIO)
            }
            try SystemCalls.unlink(from)
        }
    }

    private func relativePath(_ job: IntakeJob) -> String {
        let root = job.inbox.path.hasSuffix("/") ? job.inbox.path : job.inbox.path + "/"
        return job.path.hasPrefix(root) ? String(job.path.dropFirst(root.count)) : (job.path as NSString).lastPathComponent
    }

    /// `path`, or `name-2.ext`, `name-3.ext`, … when it exists already.
    private func unique(_ path: String) -> String {
        guard (try? SystemCalls.lstat(path)) != nil else { return path }
        let ns = path as NSString
        let ext = ns.pathExtension
        let stem = ext.isEmpty ? path : ns.deletingPathExtension
        var n = 2
        while true {
            let candidate = ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
            if (try? SystemCalls.lstat(candidate)) == nil { return candidate }
            n += 1
        }
    }
}
