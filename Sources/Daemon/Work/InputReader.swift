import Foundation

/// Reads an input file the safe way: no symlink followed, no FIFO or device blocked on, at most
/// `maxBytes` + 1 bytes read.
enum InputReader {
    /// The bytes of the regular file at `path` and what `fstat` said of it.
    static func read(_ path: String, maxBytes: Int) -> Result<(bytes: [UInt8], info: SystemCalls.FileInfo), InputFailure> {
        let info: SystemCalls.FileInfo
        do {
            info = try SystemCalls.lstat(path)
        } catch {
            return .failure(error.isNotFound ? .init(reason: .vanished, detail: "the file was gone before it could be read")
                                             : .init(reason: .unreadable, detail: "\(error)"))
        }
        switch info.kind {
        case .regular: break
        case .symlink: return .failure(.init(reason: .symlink, detail: "symbolic links are never followed out of an inbox"))
        default: return .failure(.init(reason: .notRegularFile, detail: "not a regular file (\(info.kind))"))
        }
        do {
            let fd = try SystemCalls.openForReading(path)
            defer { SystemCalls.close(fd) }
            let opened = try SystemCalls.fstat(fd, path: path)
            guard opened.kind == .regular else {
                return .failure(.init(reason: .notRegularFile, detail: "not a regular file (\(opened.kind))"))
            }
            guard opened.size <= maxBytes else {
                return .failure(.init(reason: .tooLarge, detail: "\(opened.size) bytes is more than max_file_bytes (\(maxBytes))"))
            }
            // Read what fstat promised plus one byte (to notice a file still growing), never more
            // than the limit plus one: the buffer is sized by the file, not by the limit.
            let bytes = try SystemCalls.read(fd, limit: min(maxBytes, opened.size) + 1, path: path)
            guard bytes.count <= opened.size else {
                if bytes.count > maxBytes {
                    return .failure(.init(reason: .tooLarge, detail: "the file grew past max_file_bytes (\(maxBytes)) while being read"))
                }
                var stillWriting = InputFailure(reason: .vanished, detail: "the file grew while being read: it is still being written")
                stillWriting.retryLater = true
                return .failure(stillWriting)
            }
            return .success((bytes, opened))
        } catch {
            if error.isNotFound { return .failure(.init(reason: .vanished, detail: "the file was gone before it could be read")) }
            if error.isSymlink { return .failure(.init(reason: .symlink, detail: "symbolic links are never followed out of an inbox")) }
            if error.isPermission { return .failure(.init(reason: .unreadable, detail: "permission denied: \(error)")) }
            return .failure(.init(reason: .unreadable, detail: "\(error)"))
        }
    }
}
