@testable import Daemon
import Testing

/// errors.jsonl lines are written and read by one type: what is written reads back the same.
@Suite struct ErrorLineTests {
    @Test(arguments: InputFailure.Reason.allCases)
    func aWrittenLineReadsBackUnchanged(reason: InputFailure.Reason) throws {
        let line = ErrorLine(at: 1_715_848_200.125, path: "/in/a \"quoted\"\nname.txt", inbox: "wire",
                             id: ContentID(hashing: Array("body".utf8)), reason: reason,
                             detail: "détail with \\ and \u{1}", movedTo: reason == .vanished ? nil : "/failed/wire/x.txt")
        let read = try #require(ErrorLine(json: line.bytes()))
        #expect(read == line)
    }

    @Test func linesOfAnotherSchemaOrTornAreNotRead() {
        #expect(ErrorLine(json: Array(#"{"schema":"newsd.article/1","at":"2024-05-16T08:30:00.000Z","path":"/a","reason":"binary"}"#.utf8)) == nil)
        let whole = ErrorLine(at: 0, path: "/a", inbox: "i", id: nil, reason: .empty, detail: "", movedTo: nil).bytes()
        #expect(ErrorLine(json: whole.dropLast(3)) == nil)
    }
}
