import Logging
import ServiceLifecycle

/// The metrics as a service: serves the loopback page (when configured) and rewrites the textfile
/// every `interval` seconds; at shutdown writes the textfile a last time and closes the port.
/// Started first and stopped last, so the final figures include everything committed.
struct MetricsService: Service {
    let render: @Sendable () -> [UInt8]
    let textfile: String?
    let interval: Double
    let server: MetricsServer?
    let logger: Logger

    func run() async throws {
        if let server {
            try server.start()
            logger.info("serving metrics", metadata: ["metrics.url": "http://\(server.endpoint)/metrics"])
        }
        writeTextfile()
        await repeatUntilShutdown(every: .milliseconds(Int(interval * 1000))) { writeTextfile() }
        writeTextfile()
        if let server { await offloaded { server.stop() } }
    }

    private func writeTextfile() {
        guard let textfile else { return }
        do {
            try AtomicFile.write(render(), to: textfile, mode: 0o644)
        } catch {
            logger.error("cannot write the metrics file", metadata: ["file.path": "\(textfile)", "error": "\(error)"])
        }
    }
}
