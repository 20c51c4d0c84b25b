@testable import Daemon
import Foundation
import NewsdTestKit
import Testing

@Suite struct LedgerTests {
    private func recordLine(_ id: ContentID) -> String {
        #"{"schema":"newsd.article/1","id":"\#(id.hex)","title":"x"}"#
    }

    @Test func contentIDsRoundTripThroughHex() throws {
        let id = ContentID(hashing: Array("hello".utf8))
        #expect(id.hex == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(ContentID(hex: id.hex) == id)
        #expect(ContentID(hex: "xyz") == nil)
    }

    @Test func reconcileCutsATornRecordAndAddsUnledgeredIDs() throws {
        let dir = TemporaryFolder("ledger")
        let a = ContentID(hashing: [1]), b = ContentID(hashing: [2]), c = ContentID(hashing: [3])
        dir.write("ledger", a.hex + "\n")
        let records = dir.write("records.jsonl", recordLine(a) + "\n" + recordLine(b) + "\n" + recordLine(c) + "\n" + #"{"schema":"newsd.article/1","id":"ab"#)
        let ledger = try Ledger(path: dir.join("ledger"))
        #expect(!ledger.contains(b))
        #expect(try ledger.reconcile(recordsPath: records) == 2)
        #expect(ledger.contains(b) && ledger.contains(c))
        let text = try String(contentsOfFile: records, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "the torn last line is cut off")
        #expect(text.split(separator: "\n").count == 3)
        // A second load sees everything, and reconciling again adds nothing.
        let again = try Ledger(path: dir.join("ledger"))
        #expect(again.count == 3)
        #expect(try again.reconcile(recordsPath: records) == 0)
    }

    @Test func aTornLedgerLineIsCutAtLoad() throws {
        let dir = TemporaryFolder("ledger-torn")
        let a = ContentID(hashing: [1])
        dir.write("ledger", a.hex + "\n" + String(a.hex.prefix(20)))
        let ledger = try Ledger(path: dir.join("ledger"))
        #expect(ledger.count == 1)
        try ledger.record([ContentID(hashing: [9])])
        #expect(try Ledger(path: dir.join("ledger")).count == 2)
    }
}

@Suite struct TimestampTests {
    @Test func rfc3339RoundTrips() {
        let t = 1_715_848_200.25
        let text = Timestamp.rfc3339(t)
        #expect(text == "2024-05-16T08:30:00.250Z")
        #expect(Timestamp.parse(text) == t)
        #expect(Timestamp.parse("not a time") == nil)
    }
}
