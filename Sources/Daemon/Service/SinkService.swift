import ServiceLifecycle

/// The sink as a service: it commits whatever the workers submit; at shutdown (after the worker
/// pool has stopped) it waits until everything submitted is committed.
struct SinkService: Service {
    let sink: RecordSink

    func run() async throws {
        await waitForShutdown()
        await offloaded { sink.drain() }
    }
}
