@testable import Daemon
import Foundation
import NewsdTestKit
import Testing

/// The intake on its own: what end-to-end tests cannot steer (a producer blocked on a full queue,
/// a scanned file that is still settling) without depending on how fast the machine is.
@Suite struct IntakeTests {
    private let inbox = DaemonConfig.Inbox(name: "in", path: "/nonexistent-inbox")

    @Test func aProducerWaitsWhileTheQueueIsFullAndGoesOnWhenAJobIsTaken() {
        let dir = TemporaryFolder("intake-full")
        let intake = Intake(capacity: 2, settleSeconds: 0, rememberKept: false)
        defer { intake.close() }
        let paths = (0..<3).map { dir.write("in/\($0).txt", "article \($0)") }
        let inbox = self.inbox
        let producer = Thread { for path in paths { intake.offer(path: path, inbox: inbox, origin: .event) } }
        producer.start()
        #expect(eventually { intake.producersWaiting }, "the third offer waits for room")
        #expect(intake.depth == 2)

        let first = intake.next()
        #expect(first?.path == paths[0])
        #expect(eventually { !intake.producersWaiting && intake.depth == 2 }, "taking a job lets the producer go on")
        #expect(intake.next()?.path == paths[1])
        #expect(intake.next()?.path == paths[2])
    }

    @Test func closingFreesABlockedProducerAndEndsTheWorkers() {
        let dir = TemporaryFolder("intake-close")
        let intake = Intake(capacity: 1, settleSeconds: 0, rememberKept: false)
        let paths = (0..<3).map { dir.write("in/\($0).txt", "article \($0)") }
        let inbox = self.inbox
        let finished = DispatchSemaphore(value: 0)
        let producer = Thread {
            for path in paths { intake.offer(path: path, inbox: inbox, origin: .event) }
            finished.signal()
        }
        producer.start()
        #expect(eventually { intake.producersWaiting })
        intake.close()
        finished.wait()
        #expect(intake.next() == nil, "a closed intake hands out nothing; queued files stay in the inbox")
    }

    @Test func aScannedFileStillBeingWrittenWaitsUntilItsCloseEventTakesIt() {
        let dir = TemporaryFolder("intake-settle")
        // A settle time far longer than the test: only the close event can take the file.
        let intake = Intake(capacity: 4, settleSeconds: 3600, rememberKept: false)
        defer { intake.close() }
        let path = dir.write("in/growing.txt", "half an arti")
        intake.offer(path: path, inbox: inbox, origin: .scan)
        #expect(intake.depth == 0, "a fresh scanned file settles first")
        #expect(!intake.isIdle, "a settling file keeps the intake busy (--once waits for it)")

        intake.offer(path: path, inbox: inbox, origin: .scan)
        #expect(intake.depth == 0, "offering it again changes nothing")
        intake.offer(path: path, inbox: inbox, origin: .event)
        #expect(intake.depth == 1, "the close event completes it at once")
        let job = intake.next()
        #expect(job?.path == path)
        if let job { intake.finished(job) }
        #expect(intake.isIdle)
    }

    @Test func aScannedFileLastChangedLongerAgoThanTheSettleTimeIsTakenAtOnce() throws {
        let dir = TemporaryFolder("intake-old")
        let intake = Intake(capacity: 4, settleSeconds: 60, rememberKept: false)
        defer { intake.close() }
        let path = dir.write("in/old.txt", "an old article")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        intake.offer(path: path, inbox: inbox, origin: .scan)
        #expect(intake.depth == 1)
    }

    @Test func anEmptyFileAnnouncedAsClosedSettlesLikeAScannedOne() {
        let dir = TemporaryFolder("intake-touch")
        let intake = Intake(capacity: 4, settleSeconds: 3600, rememberKept: false)
        defer { intake.close() }
        let path = dir.write("in/touched.txt", "")
        intake.offer(path: path, inbox: inbox, origin: .event)
        #expect(intake.depth == 0, "an empty file is usually a touch before the real write")
    }
}
