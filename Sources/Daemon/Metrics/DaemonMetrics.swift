import CoreMetrics
import Prometheus

/// The daemon's metrics, made through swift-metrics with a Prometheus registry of the daemon's
/// own behind them (nothing is bootstrapped globally, so several daemons can live in one test
/// process). The README lists every metric.
final class DaemonMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// Records written to records.jsonl.
    let articles: CoreMetrics.Counter
    /// Inputs whose content already had a record.
    let duplicates: CoreMetrics.Counter
    /// Bytes of the inputs that became records.
    let inputBytes: CoreMetrics.Counter
    /// Words in the records written.
    let words: CoreMetrics.Counter
    /// Extraction time per record (reading excluded).
    let extractionTime: CoreMetrics.Timer
    /// From discovering a file to its record being durable.
    let latency: CoreMetrics.Timer
    /// Jobs waiting for a worker.
    let queueDepth: CoreMetrics.Gauge
    /// Folders watched through inotify.
    let watches: CoreMetrics.Gauge
    /// Unix time the daemon started.
    let startTime: CoreMetrics.Gauge
    private let failures: [InputFailure.Reason: CoreMetrics.Counter]

    init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let fast: [Duration] = [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                .seconds(1), .milliseconds(2500), .seconds(10)]
        factory.durationHistogramBuckets = ["newsd_extraction_seconds": fast, "newsd_latency_seconds": fast]
        self.registry = registry
        articles = Counter(label: "newsd_articles_total", factory: factory)
        duplicates = Counter(label: "newsd_duplicates_total", factory: factory)
        inputBytes = Counter(label: "newsd_input_bytes_total", factory: factory)
        words = Counter(label: "newsd_words_total", factory: factory)
        extractionTime = Timer(label: "newsd_extraction_seconds", factory: factory)
        latency = Timer(label: "newsd_latency_seconds", factory: factory)
        queueDepth = Gauge(label: "newsd_queue_depth", factory: factory)
        watches = Gauge(label: "newsd_watches", factory: factory)
        startTime = Gauge(label: "newsd_start_time_seconds", factory: factory)
        // Every reason exists from the start, at zero, so that rate() sees the first failure.
        var failures: [InputFailure.Reason: CoreMetrics.Counter] = [:]
        for reason in InputFailure.Reason.allCases {
            failures[reason] = Counter(label: "newsd_failures_total", dimensions: [("reason", reason.rawValue)], factory: factory)
        }
        self.failures = failures
    }

    func failed(_ reason: InputFailure.Reason) {
        failures[reason]?.increment()
    }

    func recorded(_ entry: SummaryEntry) {
        articles.increment()
        inputBytes.increment(by: entry.bytes)
        words.increment(by: entry.words)
        extractionTime.recordNanoseconds(Int64(entry.processingMs * 1_000_000))
        if let latencyMs = entry.latencyMs { latency.recordNanoseconds(Int64(latencyMs * 1_000_000)) }
    }

    /// The Prometheus text exposition (format 0.0.4) of every metric.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
