import Foundation

/// Whole-file rewrites that readers never see half done: the bytes go to `<path>.tmp`, are
/// fsynced, and the temporary file is renamed over `path`.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o640) throws(SystemError) {
        let temporary = path + ".tmp"
        try SystemCalls.makeDirectories((path as NSString).deletingLastPathComponent)
        try? SystemCalls.unlink(temporary)
        let log = try AppendLog(path: temporary, mode: mode)
        try log.append(bytes, durable: true)
        try SystemCalls.rename(temporary, path)
    }
}
