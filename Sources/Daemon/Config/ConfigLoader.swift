import Foundation
import TOMLKit

/// Reads `newsd.toml` into a `DaemonConfig`, refusing unknown keys, wrong types and missing inboxes.
public enum ConfigLoader {
    /// The config in `path`, on top of the defaults.
    public static func load(path: String) throws(ConfigError) -> DaemonConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, "the file is not UTF-8")
        }
        return try parse(text, file: path)
    }

    /// The config in `text` (from `file`, for messages), on top of the defaults.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> DaemonConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, error.description)
        } catch {
            throw ConfigError(file: file, "\(error)")
        }
        var reader = TableReader(table: table, file: file, text: text, prefix: "")
        var config = DaemonConfig()
        try reader.string("output") { config.output = $0 }
        try reader.string("processed_dir") { config.processedDir = $0 }
        try reader.string("failed_dir") { config.failedDir = $0 }
        try reader.int("workers", range: 0...1024) { config.workers = $0 }
        try reader.int("queue_capacity", range: 1...1_000_000) { config.queueCapacity = $0 }
        let afterError = reader.error("after", "must be one of move, delete, keep")
        try reader.string("after") { value throws(ConfigError) in
            guard let after = DaemonConfig.After(rawValue: value) else { throw afterError }
            config.after = after
        }
        try reader.int("max_file_bytes", range: 1...(1 << 40)) { config.maxFileBytes = $0 }
        try reader.int("settle_ms", range: 0...3_600_000) { config.settleMilliseconds = $0 }
        try reader.int("rescan_interval_s", range: 0...86_400) { config.rescanIntervalSeconds = $0 }
        try reader.strings("include") { config.include = $0 }
        try reader.strings("exclude") { config.exclude = $0 }
        try reader.bool("include_text") { config.includeText = $0 }
        try reader.int("max_text_code_points", range: 1_000...100_000_000) { config.maxTextCodePoints = $0 }
        let levelError = reader.error("log_level", "must be one of trace, debug, info, notice, warning, error, critical")
        try reader.string("log_level") { value throws(ConfigError) in
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(value) else { throw levelError }
            config.logLevel = value
        }
        try reader.table("summary") { summary throws(ConfigError) in
            try summary.number("window_hours", range: 0.01...8760) { config.summaryWindowHours = $0 }
            try summary.number("interval_s", range: 0.1...3600) { config.summaryIntervalSeconds = $0 }
            try summary.int("top", range: 1...1000) { config.summaryTop = $0 }
            try summary.number("rising_hours", range: 0.1...8760) { config.summaryRisingHours = $0 }
            let sourceError = summary.error("source", "must be one of local, database")
            try summary.string("source") { value throws(ConfigError) in
                guard let source = DaemonConfig.SummarySource(rawValue: value) else { throw sourceError }
                config.summarySource = source
            }
            try summary.rejectUnknown()
        }
        try reader.table("metrics") { metrics throws(ConfigError) in
            try metrics.string("textfile") { config.metricsTextfile = $0 }
            try metrics.number("interval_s", range: 0...3600) { config.metricsIntervalSeconds = $0 }
            try metrics.string("listen") { config.metricsListen = $0 }
            try metrics.rejectUnknown()
        }
        try reader.table("database") { database throws(ConfigError) in
            var url: String?
            var passwordFile: String?
            var node: String?
            var batchLines: Int?
            try database.string("url") { url = $0 }
            try database.string("password_file") { passwordFile = $0 }
            try database.string("node") { node = $0 }
            try database.int("batch_lines", range: 1...10_000) { batchLines = $0 }
            try database.rejectUnknown()
            guard let url else { throw database.error("url", "[database] needs a url (postgresql://user@host:5432/db)") }
            var parsed = try DatabaseConfiguration.parse(url: url, file: file, key: "database.url", line: database.line(of: "url"))
            parsed.passwordFile = passwordFile
            if let node { parsed.node = node }
            if let batchLines { parsed.batchLines = batchLines }
            config.database = parsed
        }
        try reader.tables("inbox") { inbox throws(ConfigError) in
            var name: String?
            var path: String?
            var recursive = true
            try inbox.string("name") { name = $0 }
            try inbox.string("path") { path = $0 }
            try inbox.bool("recursive") { recursive = $0 }
            try inbox.rejectUnknown()
            guard let path, !path.isEmpty else { throw inbox.error("path", "every [[inbox]] needs a path (missing inbox path)") }
            let resolvedName = name ?? URL(fileURLWithPath: path).lastPathComponent
            config.inboxes.append(.init(name: resolvedName, path: path, recursive: recursive))
        }
        try reader.rejectUnknown()
        return config
    }
}

/// Reads typed keys out of one TOML table and remembers which were read, so that anything left
/// over is reported as unknown.
struct TableReader {
    let table: TOMLTable
    let file: String
    let text: String
    let prefix: String
    private(set) var known: Set<String> = []

    init(table: TOMLTable, file: String, text: String, prefix: String) {
        self.table = table
        self.file = file
        self.text = text
        self.prefix = prefix
    }

    func error(_ key: String, _ problem: String) -> ConfigError {
        ConfigError(file: file, key: prefix + key, line: line(of: key), problem)
    }

    /// The line where `key` is assigned, found in the text (TOMLKit keeps no positions for values).
    func line(of key: String) -> Int? {
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" {
                return n
            }
        }
        return nil
    }

    private mutating func value(_ key: String) -> (any TOMLValueConvertible)? {
        known.insert(key)
        return table[key]
    }

    mutating func string(_ key: String, _ set: (String) throws(ConfigError) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let s = v.string else { throw error(key, "must be a string, not \(Self.article(v.type))") }
        try set(s)
    }

    mutating func int(_ key: String, range: ClosedRange<Int>, _ set: (Int) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let n = v.int else { throw error(key, "must be an integer, not \(Self.article(v.type))") }
        guard range.contains(n) else { throw error(key, "must be between \(range.lowerBound) and \(range.upperBound) (got \(n))") }
        set(n)
    }

    mutating func number(_ key: String, range: ClosedRange<Double>, _ set: (Double) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let n = v.double ?? v.int.map(Double.init) else { throw error(key, "must be a number, not \(Self.article(v.type))") }
        guard range.contains(n) else { throw error(key, "must be between \(range.lowerBound) and \(range.upperBound) (got \(n))") }
        set(n)
    }

    mutating func bool(_ key: String, _ set: (Bool) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let b = v.bool else { throw error(key, "must be true or false, not \(Self.article(v.type))") }
        set(b)
    }

    mutating func strings(_ key: String, _ set: ([String]) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let array = v.array else { throw error(key, "must be an array of strings, not \(Self.article(v.type))") }
        var result: [String] = []
        for element in array {
            guard let s = element.string else { throw error(key, "must be an array of strings") }
            result.append(s)
        }
        set(result)
    }

    mutating func table(_ key: String, _ read: (inout TableReader) throws(ConfigError) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let t = v.table else { throw error(key, "must be a table ([\(key)])") }
        var sub = TableReader(table: t, file: file, text: text, prefix: prefix + key + ".")
        try read(&sub)
    }

    mutating func tables(_ key: String, _ read: (inout TableReader) throws(ConfigError) -> Void) throws(ConfigError) {
        guard let v = value(key) else { return }
        guard let array = v.array else { throw error(key, "must be an array of tables ([[\(key)]])") }
        for element in array {
            guard let t = element.table else { throw error(key, "must be an array of tables ([[\(key)]])") }
            var sub = TableReader(table: t, file: file, text: text, prefix: prefix + key + ".")
            try read(&sub)
        }
    }

    /// "an integer", "a string".
    static func article(_ type: some CustomStringConvertible) -> String {
        let name = type.description
        return ("aeiou".contains(name.first ?? "x") ? "an " : "a ") + name
    }

    func rejectUnknown() throws(ConfigError) {
        for key in table.keys.sorted() where !known.contains(key) {
            throw error(key, "unknown key")
        }
    }
}
