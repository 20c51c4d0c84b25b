#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// Serves the metrics over HTTP on a loopback port: `GET /metrics` answers the Prometheus text
/// exposition, anything else a short error. One connection at a time on a thread of its own,
/// with two-second socket timeouts, so a stuck client costs the metrics page and nothing else.
///
/// The one owner of the listening socket and its connections.
final class MetricsServer: @unchecked Sendable {
    // @unchecked: `listener` and `thread` are set by `start` before the thread runs and cleared by
    // `stop` after it has finished.
    let endpoint: LoopbackEndpoint
    private let render: @Sendable () -> [UInt8]
    private let logger: Logger
    private var listener: Int32 = -1
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private static let maxRequestBytes = 8192

    init(endpoint: LoopbackEndpoint, logger: Logger, render: @escaping @Sendable () -> [UInt8]) {
        self.endpoint = endpoint
        self.logger = logger
        self.render = render
    }

    /// Binds and listens (throwing when the port is taken), then serves on a thread.
    func start() throws(SystemError) {
        let fd = socket(endpoint.family == .ipv4 ? AF_INET : AF_INET6, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemError(call: "socket", path: endpoint.description, errno: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        switch endpoint.family {
        case .ipv4:
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = endpoint.port.bigEndian
            address.sin_addr.s_addr = endpoint.ipv4.bigEndian
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6:
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = endpoint.port.bigEndian
            address.sin6_addr = in6addr_loopback
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let error = errno
            Glibc.close(fd)
            throw SystemError(call: "listen on", path: endpoint.description, errno: error)
        }
        listener = fd
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "newsd-metrics"
        self.thread = thread
        thread.start()
    }

    /// Stops serving: wakes the blocked `accept` and waits for the thread.
    func stop() {
        guard listener >= 0 else { return }
        _ = shutdown(listener, Int32(SHUT_RDWR))
        if thread != nil { finished.wait() }
        Glibc.close(listener)
        listener = -1
        thread = nil
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // the listener was shut down
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            _ = setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            respond(client)
            Glibc.close(client)
        }
    }

    private func respond(_ client: Int32) {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while request.count < Self.maxRequestBytes && !Self.headersComplete(request) {
            let n = recv(client, &buffer, buffer.count, 0)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            request.append(contentsOf: buffer[0..<n])
        }
        let response = Self.response(to: request, render: render)
        sendAll(client, response)
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                logger.debug("metrics client went away", metadata: ["error": "\(SystemError(call: "send", path: nil, errno: errno))"])
                return
            }
            sent += n
        }
    }

    static func headersComplete(_ request: [UInt8]) -> Bool {
        request.count >= 4 && request.indices.dropLast(3).contains { request[$0] == 13 && request[$0 + 1] == 10 && request[$0 + 2] == 13 && request[$0 + 3] == 10 }
    }

    /// The whole HTTP/1.1 response to the raw request `request`.
    static func response(to request: [UInt8], render: () -> [UInt8]) -> [UInt8] {
        let firstLine = request.split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let parts = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ")
        guard parts.count >= 2 else { return reply(400, "Bad Request", Array("bad request\n".utf8), head: false) }
        let method = parts[0]
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard method == "GET" || method == "HEAD" else {
            return reply(405, "Method Not Allowed", Array("only GET\n".utf8), head: false, extra: "Allow: GET, HEAD\r\n")
        }
        switch path {
        case "/metrics":
            return reply(200, "OK", render(), head: method == "HEAD", type: "text/plain; version=0.0.4; charset=utf-8")
        case "/":
            return reply(200, "OK", Array("newsd: metrics at /metrics\n".utf8), head: method == "HEAD")
        default:
            return reply(404, "Not Found", Array("not found; metrics are at /metrics\n".utf8), head: method == "HEAD")
        }
    }

    private static func reply(_ code: Int, _ reason: String, _ body: [UInt8], head: Bool,
                              type: String = "text/plain; charset=utf-8", extra: String = "") -> [UInt8] {
        let header = "HTTP/1.1 \(code) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\(extra)\r\n"
        return Array(header.utf8) + (head ? [] : body)
    }
}
