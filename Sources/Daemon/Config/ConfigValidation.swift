import Foundation

extension DaemonConfig {
    /// Refuses a config the daemon cannot run safely with: no inbox, relative paths, duplicate
    /// names, or an output, processed or failed folder inside an inbox (a feedback loop).
    public func validate(file: String?) throws(ConfigError) {
        guard !inboxes.isEmpty else {
            throw ConfigError(file: file, key: "inbox", "no inbox configured: add an [[inbox]] with a path, or pass --inbox DIR")
        }
        var names = Set<String>()
        for inbox in inboxes {
            guard inbox.path.hasPrefix("/") else {
                throw ConfigError(file: file, key: "inbox.path", "\(inbox.path): must be an absolute path")
            }
            guard !inbox.name.isEmpty, !inbox.name.contains("/"), inbox.name != ".", inbox.name != ".." else {
                throw ConfigError(file: file, key: "inbox.name", "\"\(inbox.name)\" is not a usable name")
            }
            guard names.insert(inbox.name).inserted else {
                throw ConfigError(file: file, key: "inbox.name", "two inboxes are called \"\(inbox.name)\"")
            }
        }
        if summarySource == .database && database == nil {
            throw ConfigError(file: file, key: "summary.source", "\"database\" needs a [database] url (or --database URL)")
        }
        guard output.hasPrefix("/") else {
            throw ConfigError(file: file, key: "output", "\(output): must be an absolute path")
        }
        if !metricsTextfile.isEmpty && !metricsTextfile.hasPrefix("/") {
            throw ConfigError(file: file, key: "metrics.textfile", "\(metricsTextfile): must be an absolute path")
        }
        _ = try metricsEndpoint(file: file)
        if let database { try database.validate(file: file) }
        let outputs = [("output", outputURL.path), ("processed_dir", processedURL.path), ("failed_dir", failedURL.path)]
        for inbox in inboxes {
            // The output folders must not lie inside an inbox, and an inbox must not lie inside the
            // processed or failed folders; an inbox inside the output folder (the default layout) is fine.
            for (key, path) in outputs where Self.isInside(path, inbox.path) || (key != "output" && Self.isInside(inbox.path, path)) {
                throw ConfigError(file: file, key: key, "\(path) overlaps inbox \"\(inbox.name)\" (\(inbox.path)): processed files would feed back into the inbox")
            }
        }
    }

    /// The loopback address and port of `metrics.listen`; nil when nothing is served.
    public func metricsEndpoint(file: String?) throws(ConfigError) -> LoopbackEndpoint? {
        guard !metricsListen.isEmpty else { return nil }
        guard let endpoint = LoopbackEndpoint(metricsListen) else {
            throw ConfigError(file: file, key: "metrics.listen",
                              "\(metricsListen): must be a loopback address and port, such as 127.0.0.1:9464 or [::1]:9464")
        }
        return endpoint
    }

    /// Whether `path` is `folder` or lies below it (after resolving symlinks of existing parts).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let p = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let f = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return p == f || p.hasPrefix(f.hasSuffix("/") ? f : f + "/")
    }
}
