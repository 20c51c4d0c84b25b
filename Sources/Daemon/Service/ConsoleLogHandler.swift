import Foundation
import Logging

/// Log lines for people and for journald: `<6>message key=value …` with the syslog priority
/// prefix when stderr goes to the journal (`$JOURNAL_STREAM`), else a timestamped line; or one
/// JSON object per line for log shippers.
public struct ConsoleLogHandler: LogHandler {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Read from (and written to) the process's shared level, so a reload reaches every logger.
    public var logLevel: Logger.Level {
        get { sharedLevel.value }
        set { sharedLevel.value = newValue }
    }
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: Format
    private let journal: Bool
    private let sharedLevel: SharedLogLevel
    private let write: @Sendable (String) -> Void

    /// A handler writing to stderr (or to `write`, one line at a time with its newline) at the level `level` holds.
    public init(label: String, format: Format, level: SharedLogLevel = SharedLogLevel(.info),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.format = format
        self.sharedLevel = level
        self.write = write
        journal = environment["JOURNAL_STREAM"] != nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        var line: String
        switch format {
        case .json:
            var fields: [String: String] = ["level": event.level.rawValue, "message": event.message.description,
                                            "at": Timestamp.rfc3339(SystemCalls.now())]
            for (k, v) in all { fields[k] = "\(v)" }
            let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        case .text:
            line = journal ? "<\(Self.priority(event.level))>" : "\(Timestamp.rfc3339(SystemCalls.now())) \(event.level.rawValue.uppercased()) "
            line += event.message.description.replacingOccurrences(of: "\n", with: "\\n")
            for (k, v) in all.sorted(by: { $0.key < $1.key }) {
                line += " \(k)=\(Self.quoted("\(v)"))"
            }
        }
        line += "\n"
        write(line)
    }

    /// syslog priorities: journald files a line by its `<N>` prefix.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    private static func quoted(_ value: String) -> String {
        if !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) { return value }
        var escaped = "\""
        for c in value.unicodeScalars {
            switch c {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return escaped + "\""
    }
}
