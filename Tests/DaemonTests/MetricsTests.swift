@testable import Daemon
import Extraction
import Foundation
import Testing

@Suite struct MetricsTests {
    @Test func onlyLoopbackAddressesWithAPortAreAccepted() {
        #expect(LoopbackEndpoint("127.0.0.1:9464")?.description == "127.0.0.1:9464")
        #expect(LoopbackEndpoint("127.1.2.3:80")?.ipv4 == 0x7F01_0203)
        #expect(LoopbackEndpoint("localhost:9464")?.description == "127.0.0.1:9464")
        #expect(LoopbackEndpoint("[::1]:9464")?.family == .ipv6)
        for refused in ["0.0.0.0:9464", "192.168.1.2:9464", "[::]:9464", "127.0.0.1", "127.0.0.1:99999", "127.0.0:80", ":9464", "host:1"] {
            #expect(LoopbackEndpoint(refused) == nil, "\(refused) must be refused")
        }
    }

    @Test func metricsSettingsAreReadAndCheckedWithTheirKey() throws {
        let config = try ConfigLoader.parse("[metrics]\ntextfile = \"/srv/prom/newsd.prom\"\ninterval_s = 5\nlisten = \"[::1]:9100\"\n", file: "f")
        #expect(config.metricsTextfilePath == "/srv/prom/newsd.prom")
        #expect(try config.metricsEndpoint(file: "f") == LoopbackEndpoint("[::1]:9100"))
        var off = DaemonConfig()
        off.metricsIntervalSeconds = 0
        #expect(off.metricsTextfilePath == nil)
        #expect(DaemonConfig().metricsTextfilePath == "/var/lib/newsd/newsd.prom")

        var exposed = DaemonConfig()
        exposed.inboxes = [.init(name: "in", path: "/srv/in")]
        exposed.metricsListen = "0.0.0.0:9464"
        #expect(throws: ConfigError(file: "f", key: "metrics.listen",
                                    "0.0.0.0:9464: must be a loopback address and port, such as 127.0.0.1:9464 or [::1]:9464")) {
            try exposed.validate(file: "f")
        }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("[metrics]\nport = 9464\n", file: "f") }
    }

    @Test func countsAppearInTheExpositionByReason() {
        let metrics = DaemonMetrics()
        var article = ExtractedArticle()
        article.stats.words = 120
        let record = ArticleRecord(id: "x", source: SourceInfo(path: "/p", inbox: "i", name: "n", bytes: 900, modified: "", format: .text, encoding: .utf8),
                                   ingestedAt: Timestamp.rfc3339(1000), processingMs: 3, article: article)
        var entry = SummaryEntry(record: record)
        entry.latencyMs = 12
        metrics.recorded(entry)
        metrics.recorded(entry)
        metrics.failed(.binary)
        metrics.duplicates.increment()
        let lines = Set(String(decoding: metrics.exposition(), as: UTF8.self).split(separator: "\n").map(String.init))
        for expected in ["newsd_articles_total 2", "newsd_words_total 240", "newsd_input_bytes_total 1800", "newsd_duplicates_total 1",
                         #"newsd_failures_total{reason="binary"} 1"#, #"newsd_failures_total{reason="too-large"} 0"#,
                         "newsd_extraction_seconds_count 2", #"newsd_extraction_seconds_bucket{le="0.002"} 0"#,
                         #"newsd_extraction_seconds_bucket{le="0.005"} 2"#, #"newsd_latency_seconds_bucket{le="0.02"} 2"#,
                         "# TYPE newsd_latency_seconds histogram", "# TYPE newsd_queue_depth gauge"] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
    }

    @Test func theServerAnswersMetricsAndRefusesTheRest() {
        func reply(_ request: String) -> String {
            String(decoding: MetricsServer.response(to: Array(request.utf8)) { Array("newsd_articles_total 7\n".utf8) }, as: UTF8.self)
        }
        let ok = reply("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(ok.contains("Content-Type: text/plain; version=0.0.4"))
        #expect(ok.contains("Content-Length: 23\r\n"))
        #expect(ok.hasSuffix("\r\n\r\nnewsd_articles_total 7\n"))
        #expect(reply("GET /metrics?x=1 HTTP/1.0\r\n\r\n").hasPrefix("HTTP/1.1 200"))
        #expect(reply("HEAD /metrics HTTP/1.1\r\n\r\n").hasSuffix("\r\n\r\n"))
        #expect(reply("GET /etc/passwd HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404"))
        #expect(reply("POST /metrics HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        #expect(reply("\u{0}\u{1}garbage").hasPrefix("HTTP/1.1 400"))
        #expect(MetricsServer.headersComplete(Array("GET / HTTP/1.1\r\n\r\n".utf8)))
        #expect(!MetricsServer.headersComplete(Array("GET / HTTP/1.1\r\n".utf8)))
    }
}
