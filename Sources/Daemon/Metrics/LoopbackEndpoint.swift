/// A loopback address and port (`127.0.0.1:9464`, `localhost:9464`, `[::1]:9464`), where the
/// metrics are served. Other addresses are refused: the page is for a local Prometheus agent or a
/// reverse proxy, and newsd has no authentication of its own.
public struct LoopbackEndpoint: Sendable, Equatable, CustomStringConvertible {
    public enum Family: Sendable { case ipv4, ipv6 }

    public var family: Family
    /// The IPv4 address in host byte order (127.x.y.z); unused for IPv6, which is always ::1.
    public var ipv4: UInt32
    public var port: UInt16

    /// Parses `host:port`; nil unless the host is a loopback address and the port a number.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portText) else { return nil }
        self.port = port
        switch host {
        case "::1":
            family = .ipv6
            ipv4 = 0
        case "localhost":
            family = .ipv4
            ipv4 = 0x7F00_0001
        default:
            let parts = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
            guard parts.count == 4, parts.allSatisfy({ $0 != nil }), parts[0] == 127 else { return nil }
            family = .ipv4
            ipv4 = parts.reduce(UInt32(0)) { $0 << 8 | UInt32($1!) }
        }
    }

    public var description: String {
        switch family {
        case .ipv6: return "[::1]:\(port)"
        case .ipv4: return "\(ipv4 >> 24).\(ipv4 >> 16 & 0xFF).\(ipv4 >> 8 & 0xFF).\(ipv4 & 0xFF):\(port)"
        }
    }
}
