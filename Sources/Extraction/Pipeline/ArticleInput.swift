/// One article to extract: its bytes and what the caller knows about it.
public struct ArticleInput: Sendable {
    public var bytes: [UInt8]
    public var format: ArticleFormat
    /// The date relative expressions resolve against when the article gives none of its own
    /// (the daemon passes the file's modification date).
    public var referenceDate: CivilDate
    public var options: ExtractionOptions

    /// An input of `bytes` in `format`.
    public init(bytes: [UInt8], format: ArticleFormat, referenceDate: CivilDate, options: ExtractionOptions = .init()) {
        self.bytes = bytes
        self.format = format
        self.referenceDate = referenceDate
        self.options = options
    }
}

/// Limits and switches for one extraction.
public struct ExtractionOptions: Sendable, Equatable {
    /// Whether the record carries the body text (`text`); offsets are valid either way.
    public var includeText: Bool
    /// Body text beyond this many code points is cut off, with a warning.
    public var maxBodyScalars: Int

    /// Options with the daemon's defaults.
    public init(includeText: Bool = true, maxBodyScalars: Int = 1_000_000) {
        self.includeText = includeText
        self.maxBodyScalars = maxBodyScalars
    }
}

/// A calendar date without a time zone: what relative dates ("Thursday", "last year") resolve against.
public struct CivilDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The date `year-month-day` (proleptic Gregorian).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let d = daysSinceEpoch
        return ((d % 7) + 7 + 4) % 7
    }

    /// `2024-05-16`.
    public var iso: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        let dd = day < 10 ? "0\(day)" : String(day)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(dd)"
    }
}

/// Why an input produced no record; `reason` is the stable code written to `errors.jsonl`.
public struct ExtractionFailure: Error, Sendable, Equatable {
    public enum Reason: String, Sendable {
        case binary, empty
    }

    public var reason: Reason
    /// A sentence for people.
    public var detail: String

    /// A failure with a stable reason and a human-readable detail.
    public init(_ reason: Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
