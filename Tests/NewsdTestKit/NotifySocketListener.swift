import Foundation

/// A stand-in for systemd's notify socket: a Unix datagram socket that collects what the daemon
/// sends to `$NOTIFY_SOCKET`. (A real systemd cannot run inside the test, so this plays its part.)
public final class NotifySocketListener: @unchecked Sendable {
    // @unchecked: `messages` is guarded by `lock`; the reader thread owns `fd` until `close`.
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var closed = false

    /// Binds a socket at `path`.
    public init(path: String) {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = b }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !lock.withLock({ closed }) {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    let text = String(decoding: buffer[0..<n], as: UTF8.self)
                    lock.withLock { received.append(text) }
                }
            }
            Glibc.close(fd)
        }
        thread.start()
    }

    deinit {
        lock.withLock { closed = true }
    }

    /// Every datagram received so far.
    public var messages: [String] {
        lock.withLock { received }
    }

    /// Whether some datagram has a line equal to `line`.
    public func hasReceived(_ line: String) -> Bool {
        messages.contains { $0.split(separator: "\n").contains { $0 == line } }
    }
}
