import ServiceLifecycle

/// The summary reporter as a service: writes the summary at once (an empty window on a first
/// start, so `summary.md` exists from the start), then every `interval` seconds when something
/// changed, and a final one at shutdown, after the sink has drained.
struct SummaryService: Service {
    let summary: SummaryReporter
    let interval: Double

    func run() async throws {
        summary.start(interval: interval)
        await waitForShutdown()
        await offloaded { summary.stop() }
    }
}
