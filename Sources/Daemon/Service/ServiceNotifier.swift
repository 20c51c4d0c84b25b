#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Speaks systemd's notify protocol over `$NOTIFY_SOCKET` (a Unix datagram socket, abstract when
/// the path starts with `@`): READY=1, STATUS=, WATCHDOG=1, RELOADING=1, STOPPING=1. Without the
/// variable (not started by systemd) every call does nothing.
public enum ServiceNotifier {
    public static func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    public static func status(_ text: String) { send("STATUS=\(text)") }
    public static func watchdog() { send("WATCHDOG=1") }
    public static func stopping() { send("STOPPING=1") }

    /// RELOADING=1 with the monotonic time systemd ≥ 253 asks for.
    public static func reloading() {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let usec = UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(usec)")
    }

    /// Half the watchdog interval systemd asked for (`WATCHDOG_USEC`, for this process), or nil.
    public static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
        guard let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"].flatMap(Int32.init), pid != getpid() { return nil }
        return usec / 2_000_000
    }

    /// Sends one datagram to `$NOTIFY_SOCKET`; errors are ignored, as sd_notify does.
    static func send(_ message: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count < 108 else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        _ = message.withCString { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                    sendto(fd, text, strlen(text), Int32(MSG_NOSIGNAL), sa, length)
                }
            }
        }
    }
}
