import Foundation

/// A fresh folder under the system's temporary directory, removed when released.
public final class TemporaryFolder: @unchecked Sendable {
    // @unchecked: immutable after init.
    public let path: String

    /// Creates `…/newsd-test-<prefix>-XXXXXX`.
    public init(_ prefix: String = "t") {
        var template = Array((NSTemporaryDirectory() + "/newsd-test-\(prefix)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot create a temporary folder")
        path = URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)).standardizedFileURL.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path/relative`.
    public func join(_ relative: String) -> String {
        path + "/" + relative
    }

    /// Writes `text` to `relative`, creating folders.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `relative`, creating folders.
    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let target = join(relative)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: target, contents: Data(bytes))
        return target
    }

    /// Creates folder `relative` (and parents).
    @discardableResult
    public func makeFolder(_ relative: String) -> String {
        let target = join(relative)
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }

    /// Names of regular files below `relative`, recursively, sorted; the daemon's own lock files
    /// (`.newsd-output.lock`, `.newsd-inbox.lock`) are not listed.
    public func files(under relative: String) -> [String] {
        let root = join(relative)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var result: [String] = []
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if (item as NSString).lastPathComponent.hasPrefix(".newsd-"), item.hasSuffix(".lock") { continue }
            if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(item)
            }
        }
        return result.sorted()
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` seconds pass; returns whether it held.
/// The timeout only keeps a broken build from hanging the suite: tests assert the condition, not the time.
public func eventually(timeout: Double = 60, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
}

/// Lines of a JSON Lines file, parsed; an unparsable line is returned as nil so tests can spot torn lines.
public func jsonLines(_ path: String) -> [[String: Any]?] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return data.split(separator: UInt8(ascii: "\n")).map { line in
        (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
    }
}
