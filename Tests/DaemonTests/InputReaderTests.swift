@testable import Daemon
import Foundation
import NewsdTestKit
import Testing

/// The worker's safe read, on files that change under it.
@Suite struct InputReaderTests {
    private func reason(_ path: String, max: Int = 1 << 20) -> InputFailure.Reason? {
        if case .failure(let f) = InputReader.read(path, maxBytes: max) { return f.reason }
        return nil
    }

    @Test func aFileGoneBeforeTheReadIsVanished() {
        let dir = TemporaryFolder("vanish")
        let path = dir.write("a.txt", "x")
        try? FileManager.default.removeItem(atPath: path)
        #expect(reason(path) == .vanished)
    }

    @Test func symlinksFifosAndOversizedFilesAreRefused() throws {
        let dir = TemporaryFolder("reader")
        try FileManager.default.createSymbolicLink(atPath: dir.join("link.txt"), withDestinationPath: "/etc/hostname")
        #expect(reason(dir.join("link.txt")) == .symlink)
        #expect(mkfifo(dir.join("fifo.txt"), 0o644) == 0)
        #expect(reason(dir.join("fifo.txt")) == .notRegularFile)
        dir.write("big.txt", bytes: [UInt8](repeating: 65, count: 2048))
        #expect(reason(dir.join("big.txt"), max: 1024) == .tooLarge)
        dir.write("ok.txt", "hello")
        guard case .success(let input) = InputReader.read(dir.join("ok.txt"), maxBytes: 1024) else {
            Issue.record("a regular file is read")
            return
        }
        #expect(input.bytes == Array("hello".utf8))
    }
}
