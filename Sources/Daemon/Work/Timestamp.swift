import Extraction
import Foundation

extension CivilDate {
    /// The UTC calendar date of a Unix time.
    init(unixTime: Double) {
        self.init(daysSinceEpoch: Int((unixTime / 86_400).rounded(.down)))
    }
}

/// RFC 3339 timestamps in UTC, as records and logs write them.
enum Timestamp {
    /// `2024-05-16T08:30:00.123Z`.
    static func rfc3339(_ unixTime: Double, fractional: Bool = true) -> String {
        let seconds = unixTime.rounded(.down)
        let date = CivilDate(unixTime: seconds)
        var s = Int(seconds) - date.daysSinceEpoch * 86_400
        let h = s / 3600
        s %= 3600
        let m = s / 60
        s %= 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var result = "\(date.iso)T\(two(h)):\(two(m)):\(two(s))"
        if fractional {
            let ms = min(999, Int(((unixTime - seconds) * 1000).rounded(.down)))
            result += "." + String(repeating: "0", count: ms < 10 ? 2 : ms < 100 ? 1 : 0) + "\(ms)"
        }
        return result + "Z"
    }

    /// Parses the RFC 3339 UTC timestamps this daemon writes; nil for anything else.
    static func parse(_ text: some StringProtocol) -> Double? {
        let s = Array(text.utf8)
        guard s.count >= 20, s[4] == UInt8(ascii: "-"), s[10] == UInt8(ascii: "T") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard s[i] >= 0x30 && s[i] <= 0x39 else { return nil }
                n = n * 10 + Int(s[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let se = number(17..<19) else { return nil }
        var fraction = 0.0
        if s[19] == UInt8(ascii: "."), let end = s[20...].firstIndex(where: { $0 < 0x30 || $0 > 0x39 }), let f = number(20..<end) {
            fraction = Double(f) / pow(10, Double(end - 20))
        }
        let days = CivilDate(year: y, month: mo, day: d).daysSinceEpoch
        return Double(days * 86_400 + h * 3600 + mi * 60 + se) + fraction
    }
}
