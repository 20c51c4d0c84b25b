import Foundation
import Logging

/// The worker pool: a dispatcher thread takes jobs from the intake and runs each on a concurrent
/// Dispatch queue, with at most `workers` jobs in flight. A worker's slot is released only when the
/// sink has committed its outcome, so a slow disk slows intake instead of growing memory.
final class WorkerPool: @unchecked Sendable {
    // @unchecked: immutable after init except `thread`, which only start/stop touch.
    private let workers: Int
    private let intake: Intake
    private let processor: ArticleProcessor
    private let sink: RecordSink
    private let keepInputs: Bool
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "newsd.workers", qos: .utility, attributes: .concurrent)
    private var thread: Thread?
    private let dispatcherDone = DispatchSemaphore(value: 0)
    /// Called after each job is committed (for the watchdog).
    private let onJobFinished: @Sendable () -> Void

    init(workers: Int, intake: Intake, processor: ArticleProcessor, sink: RecordSink, keepInputs: Bool,
         onJobFinished: @escaping @Sendable () -> Void = {}) {
        self.onJobFinished = onJobFinished
        self.workers = workers
        self.intake = intake
        self.processor = processor
        self.sink = sink
        self.keepInputs = keepInputs
        slots = DispatchSemaphore(value: workers)
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                slots.wait()
                guard let job = intake.next() else {
                    slots.signal()
                    break
                }
                group.enter()
                queue.async { [self] in
                    let outcome = processor.process(job)
                    sink.submit(job, outcome) { [self] in
                        let kept = keepInputs ? try? SystemCalls.lstat(job.path) : nil
                        intake.finished(job, kept: kept)
                        onJobFinished()
                        slots.signal()
                        group.leave()
                    }
                }
            }
            dispatcherDone.signal()
        }
        thread.name = "newsd-dispatch"
        self.thread = thread
        thread.start()
    }

    /// Waits for the dispatcher to stop (the intake must be closed) and for jobs in flight to be
    /// committed, at most `timeout` seconds. Returns false if work was still running.
    func stop(timeout: Double) -> Bool {
        let deadline: DispatchTime = timeout.isFinite ? .now() + timeout : .distantFuture
        if thread != nil {
            // The dispatcher may wait for a slot that a job stuck on the sink holds: one more
            // slot lets it ask the (closed) intake for a job, get nil and end.
            slots.signal()
            guard dispatcherDone.wait(timeout: deadline) == .success else { return false }
            thread = nil
        }
        return group.wait(timeout: deadline) == .success
    }
}
