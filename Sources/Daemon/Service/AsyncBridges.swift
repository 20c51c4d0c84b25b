import Dispatch
import ServiceLifecycle

/// Runs blocking work (joining a thread, waiting for the sink to drain) on a Dispatch thread, so
/// that the few threads of Swift's cooperative pool never block on it.
func offloaded<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}

/// Calls `tick` every `interval` until graceful shutdown (or cancellation) of the calling service.
func repeatUntilShutdown(every interval: Duration, _ tick: () async -> Void) async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
        do {
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        } catch {
            return
        }
        await tick()
    }
}

/// Waits for graceful shutdown of the calling service; cancellation ends the wait too.
func waitForShutdown() async {
    try? await gracefulShutdown()
}
