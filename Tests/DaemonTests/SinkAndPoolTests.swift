@testable import Daemon
import Extraction
import Foundation
import Logging
import NewsdTestKit
import Synchronization
import Testing

/// The sink and the worker pool with an output that fails when told to. A real full disk is in
/// DiskFullTests (it needs root); this stand-in output makes a write fail at an exact step of a
/// batch (records written, errors not), which a real file system cannot be made to do on cue.
@Suite struct SinkAndPoolTests {
    /// An output that keeps what it is given in memory and throws ENOSPC while `failing` says so.
    final class ScriptedOutput: RecordOutput, Sendable {
        let name = "scripted"
        let failing = Mutex((records: false, errors: false))
        let delivered = Mutex((records: [String](), errors: [String]()))

        func deliver(records: [ArticleRecord]) throws {
            guard !records.isEmpty else { return }
            if failing.withLock({ $0.records }) { throw SystemError(call: "write", path: "records", errno: ENOSPC) }
            delivered.withLock { $0.records += records.map(\.id) }
        }

        func deliver(errors: [ErrorLine]) throws {
            guard !errors.isEmpty else { return }
            if failing.withLock({ $0.errors }) { throw SystemError(call: "write", path: "errors", errno: ENOSPC) }
            delivered.withLock { $0.errors += errors.map(\.path) }
        }

        func reopen() throws {}
    }

    struct Rig {
        let dir = TemporaryFolder("sink")
        let output = ScriptedOutput()
        let ledger: Ledger
        let sink: RecordSink
        let intake = Intake(capacity: 16, settleSeconds: 0, rememberKept: false)
        let inbox: DaemonConfig.Inbox
        let processor: ArticleProcessor

        init() throws {
            let out = dir.makeFolder("out")
            inbox = DaemonConfig.Inbox(name: "in", path: dir.makeFolder("in"))
            ledger = try Ledger(path: out + "/ledger")
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            let disposer = InputDisposer(after: .move, processedRoot: out + "/processed", failedRoot: out + "/failed")
            let summary = SummaryReporter(outputDirectory: out, windowSeconds: 3600, top: 5, logger: logger)
            sink = RecordSink(directory: out, outputs: [output],
                              acknowledgement: Acknowledgement(ledger: ledger, disposer: disposer, summary: summary,
                                                               metrics: DaemonMetrics(), logger: logger),
                              health: PipelineHealth(tolerance: 10), logger: logger)
            let journal = try AttemptJournal(path: out + "/attempts", ledger: ledger, slots: 2)
            let extractor = ArticleExtractor(resources: ExtractorResources(gazetteer: .empty, toneLexicon: .empty))
            processor = ArticleProcessor(extractor: extractor, ledger: ledger, journal: journal, maxFileBytes: 1 << 20,
                                         options: ExtractionOptions())
        }

        /// Drops one binary file and `articles` good files into the inbox and submits their
        /// outcomes in that order (the failure first, so the first batch always holds an error line).
        func submitBatch(articles: Int) -> [String] {
            var paths = [dir.write("in/noise.txt", String(repeating: "\u{1}\u{0}", count: 40))]
            paths += (0..<articles).map { dir.write("in/a\($0).txt", ArticleCorpus.article($0)) }
            for path in paths {
                let job = IntakeJob(path: path, inbox: inbox, discovered: SystemCalls.monotonic())
                sink.submit(job, processor.process(job)) {}
            }
            return paths
        }
    }

    @Test func aWriteErrorMidBatchIsRetriedWithoutRecordingTwiceOrMovingInputsEarly() throws {
        let rig = try Rig()
        rig.output.failing.withLock { $0.errors = true }
        let paths = rig.submitBatch(articles: 3)
        #expect(eventually { rig.sink.isWaitingOnEnvironment }, "the errors write fails and is retried")
        #expect(rig.ledger.count == 0, "nothing is acknowledged before every output has the batch")
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "no input leaves the inbox before that")

        rig.output.failing.withLock { $0.errors = false }
        rig.sink.drain()
        #expect(!rig.sink.isWaitingOnEnvironment)
        #expect(rig.output.delivered.withLock { $0.records.count } == 3, "the records are not delivered again")
        #expect(rig.output.delivered.withLock { $0.errors.count } == 1)
        #expect(rig.ledger.count == 3)
        #expect(paths.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
    }

    @Test func stoppingWhileTheOutputFailsAcknowledgesNothingAndLeavesTheInputs() throws {
        let rig = try Rig()
        rig.output.failing.withLock { $0.records = true }
        let paths = rig.submitBatch(articles: 2)
        #expect(eventually { rig.sink.isWaitingOnEnvironment })
        rig.sink.beginStopping()
        rig.sink.drain()
        #expect(rig.ledger.count == 0)
        #expect(paths.dropFirst().allSatisfy { FileManager.default.fileExists(atPath: $0) }, "unrecorded articles stay in the inbox")
    }

    @Test func thePoolStopsEvenWhenEveryWorkerWaitsOnAFailingOutput() throws {
        let rig = try Rig()
        rig.output.failing.withLock { $0.records = true }
        let pool = WorkerPool(workers: 1, intake: rig.intake, processor: rig.processor, sink: rig.sink, keepInputs: false)
        pool.start()
        let paths = (0..<3).map { rig.dir.write("in/p\($0).txt", ArticleCorpus.article($0)) }
        for path in paths { rig.intake.offer(path: path, inbox: rig.inbox, origin: .event) }
        #expect(eventually { rig.sink.isWaitingOnEnvironment })

        rig.intake.close()
        #expect(!pool.stop(timeout: 0.5), "the job in flight cannot finish while the output fails")
        rig.sink.beginStopping()
        #expect(pool.stop(timeout: .infinity), "once the sink gives up, the pool stops")
        #expect(rig.ledger.count == 0)
        #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }
}
