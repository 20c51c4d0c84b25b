#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NewsdTestKit
import Testing

/// The metrics as Prometheus sees them: the textfile and the loopback page of a running daemon.
@Suite(.serialized) struct MetricsEndToEndTests {
    @Test func textfileAndLoopbackPageCountArticlesAndFailures() throws {
        let dir = TemporaryFolder("metrics")
        let inbox = dir.makeFolder("in")
        let port = try Self.freePort()
        let promFile = dir.join("prom/newsd.prom")
        dir.write("newsd.toml", "[metrics]\ntextfile = \"\(promFile)\"\ninterval_s = 0.5\nlisten = \"127.0.0.1:\(port)\"\n")
        let daemon = try NewsdProcess.run(inbox: inbox, output: dir.join("out"), ["--config", dir.join("newsd.toml")])
        defer { daemon.stop() }
        #expect(daemon.waitForLog("serving metrics"))
        for n in 0..<3 { dir.write("in/a\(n).txt", ArticleCorpus.article(n)) }
        dir.write("in/noise.txt", String(repeating: "\u{1}\u{2}\u{3}\u{0}", count: 100))

        #expect(eventually { Self.get(port: port, path: "/metrics")?.contains("\nnewsd_articles_total 3\n") == true })
        let page = Self.get(port: port, path: "/metrics") ?? ""
        #expect(page.hasPrefix("HTTP/1.1 200 OK"))
        #expect(page.contains(#"newsd_failures_total{reason="binary"} 1"#))
        #expect(page.contains("newsd_latency_seconds_count 3"))
        #expect(page.contains("newsd_watches 1.0"))
        #expect(Self.get(port: port, path: "/other")?.hasPrefix("HTTP/1.1 404") == true)

        #expect(eventually { ((try? String(contentsOfFile: promFile, encoding: .utf8)) ?? "").contains("newsd_articles_total 3\n") })
        let mode = (try FileManager.default.attributesOfItem(atPath: promFile)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o644, "node_exporter reads the file as another user")
        #expect(daemon.stop() == 0)
        #expect(Self.get(port: port, path: "/metrics") == nil, "the port is closed once the daemon stops")
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard ok else { throw POSIXError(.EADDRINUSE) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// The raw HTTP response to `GET path` on 127.0.0.1:`port`, or nil when nothing answers.
    static func get(port: UInt16, path: String) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
        guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            response.append(contentsOf: buffer[0..<n])
        }
        return response.isEmpty ? nil : String(decoding: response, as: UTF8.self)
    }
}
