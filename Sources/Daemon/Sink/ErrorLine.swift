import Extraction
import Foundation

/// One line of errors.jsonl (`newsd.error/1`): an input that produced no record, and why.
struct ErrorLine: Sendable, Equatable {
    static let schema = "newsd.error/1"

    var at: Double
    var path: String
    var inbox: String
    var id: ContentID?
    var reason: InputFailure.Reason
    var detail: String
    var movedTo: String?

    /// The line's JSON, without its newline.
    func bytes() -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("schema", Self.schema)
            w.field("at", Timestamp.rfc3339(at))
            w.field("path", path)
            w.field("inbox", inbox)
            w.field("id", id?.hex)
            w.field("reason", reason.rawValue)
            w.field("detail", detail)
            w.field("moved_to", movedTo)
        }
        return w.bytes
    }
}

extension ErrorLine {
    /// Reads a line that `bytes()` wrote; nil for anything else (another schema, a torn line).
    init?(json line: some Sequence<UInt8>) {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              o["schema"] as? String == Self.schema,
              let at = (o["at"] as? String).flatMap({ Timestamp.parse($0) }),
              let path = o["path"] as? String,
              let reason = (o["reason"] as? String).flatMap(InputFailure.Reason.init(rawValue:)) else { return nil }
        self.at = at
        self.path = path
        inbox = o["inbox"] as? String ?? ""
        id = (o["id"] as? String).flatMap(ContentID.init(hex:))
        self.reason = reason
        detail = o["detail"] as? String ?? ""
        movedTo = o["moved_to"] as? String
    }
}
