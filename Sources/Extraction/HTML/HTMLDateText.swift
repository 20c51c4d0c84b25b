import Foundation

/// Reads the dates pages write in their metadata, URLs and date lines, and writes them as RFC 3339:
/// `2019-11-19T13:03:00Z`, `2019-11-20T09:29:08+00:00`, or `2019-11-19` when no time is given (or a
/// time without a zone, which places nothing on the time line).
enum HTMLDateText {
    /// A date, with its time and zone when the text gives them.
    struct Stamp: Equatable, Comparable {
        var day: CivilDate
        /// `T13:03:00Z`-style suffix, or nil for a date alone.
        var time: String?

        var rfc3339: String { day.iso + (time ?? "") }

        static func < (a: Stamp, b: Stamp) -> Bool { a.day < b.day }

        /// A UTC time of 23:00 in winter or 22:00 in summer is midnight of the next day in Central
        /// European time: how a site in that zone stores a date given without a time. That midnight
        /// with its offset, or nil for any other time.
        var centralEuropeanMidnight: Stamp? {
            guard let time, time.hasPrefix("T23:00:00") || time.hasPrefix("T22:00:00"),
                  ["Z", "+00:00", "-00:00"].contains(time.dropFirst(9)) else { return nil }
            let summer = time.hasPrefix("T22")
            guard summer == HTMLDateText.isSummerTime(day) else { return nil }
            return Stamp(day: CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1), time: summer ? "T00:00:00+02:00" : "T00:00:00+01:00")
        }
    }

    /// Whether an evening (UTC) of `day` falls in Central European summer time: from the last Sunday
    /// of March to the day before the last Sunday of October.
    static func isSummerTime(_ day: CivilDate) -> Bool {
        func lastSunday(_ month: Int) -> Int {
            let last = CivilDate(year: day.year, month: month + 1, day: 1).daysSinceEpoch - 1
            // 1970-01-01 was a Thursday.
            return last - ((last + 4) % 7 + 7) % 7
        }
        let d = day.daysSinceEpoch
        return d >= lastSunday(3) && d < lastSunday(10)
    }

    /// Whether a page's language (`de`, `fr-CH`, …) is one of Central European time's.
    static func isCentralEuropean(_ language: String?) -> Bool {
        guard let language else { return false }
        let parts = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let primary = parts.first, centralLanguages.contains(String(primary)) else { return false }
        return parts.count < 2 || centralRegions.contains(String(parts[1]))
    }

    private static let centralLanguages: Set<String> = [
        "de", "fr", "it", "es", "nl", "pl", "cs", "sk", "hu", "sl", "hr", "sr", "bs", "da", "sv", "nb", "nn", "no", "lb",
    ]
    private static let centralRegions: Set<String> = [
        "de", "at", "ch", "li", "lu", "fr", "be", "mc", "it", "es", "nl", "pl", "cz", "sk", "hu", "si", "hr", "rs", "ba", "dk", "se", "no",
    ]

    /// Whether `word` (any case, punctuation around it ignored) names a month or a day of the week in
    /// one of the languages read here: a byline cut at its date leaves such words behind ("August" of
    /// "By Jane Doe, August 14, 2020").
    static func isCalendarWord(_ word: some StringProtocol) -> Bool {
        let w = word.lowercased().trimmingPunctuation()
        return months[w] != nil && w != "maja" || weekdays.contains(w)   // Polish May is also a first name
    }

    /// Whether `word` (any case, punctuation around it ignored) names a day of the week.
    static func isWeekday(_ word: some StringProtocol) -> Bool {
        weekdays.contains(word.lowercased().trimmingPunctuation())
    }

    private static let weekdays: Set<String> = [
        // Full names only: "Sun" or "Mon" may end a person's name.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    ]

    private static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "gennaio", "januari", "stycznia", "styczeń", "janeiro"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "febrero", "febbraio", "februari", "lutego", "luty", "fevereiro"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "maart", "marca", "marzec", "março"],
            ["april", "apr", "avril", "avr", "abril", "aprile", "kwietnia", "kwiecień"],
            ["may", "mai", "mayo", "maggio", "mei", "maja", "maj", "maio"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "czerwca", "czerwiec", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lipca", "lipiec", "julho"],
            ["august", "aug", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "września", "wrzesień", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "października", "październik", "outubro"],
            ["november", "nov", "novembre", "noviembre", "listopada", "listopad", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dicembre", "grudnia", "grudzień", "dezembro"],
        ]
        for (k, list) in names.enumerated() { for n in list { m[n] = k + 1 } }
        return m
    }()

    /// The date in a metadata value (`2019-11-19T13:03:00.000Z`, `2019-11-19 02:24:00`,
    /// `Tue, 19 Nov 2019 13:03:00 GMT`, `19.11.2019`, `November 19, 2019`, `20191119`).
    static func parse(_ text: String) -> Stamp? {
        let t = Array(text.utf8.prefix(80))
        guard !t.isEmpty else { return nil }
        if let s = iso(t) { return s }
        return rfc1123(text) ?? loose(text)
    }

    /// `Tue, 19 Nov 2019 13:03:00 GMT`, as HTTP and RSS write dates: the day, with its time in UTC.
    private static func rfc1123(_ text: String) -> Stamp? {
        let parts = text.split(separator: " ")
        guard parts.count >= 6, parts[0].hasSuffix(","), parts[3].count == 4, let d = Int(parts[1]), let y = Int(parts[3]),
              let m = months[parts[2].lowercased()], let day = valid(y, m, d) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { $0.count == 2 ? Int($0) : nil }
        guard clock.count == 3, clock[0] < 24, clock[1] < 60, clock[2] < 61, ["GMT", "UTC", "Z", "+0000"].contains(parts[5]) else {
            return Stamp(day: day, time: nil)
        }
        return Stamp(day: day, time: "T\(parts[4])Z")
    }

    /// `YYYY-MM-DD` or `YYYYMMDD`, then an optional `T`/space time and zone.
    private static func iso(_ t: [UInt8]) -> Stamp? {
        var k = 0
        while k < t.count && (t[k] == 0x20 || t[k] == 0x09) { k += 1 }
        func num(_ n: Int) -> Int? {
            guard k + n <= t.count else { return nil }
            var v = 0
            for j in k..<(k + n) {
                guard t[j] >= 0x30 && t[j] <= 0x39 else { return nil }
                v = v * 10 + Int(t[j] - 0x30)
            }
            k += n
            return v
        }
        guard let y = num(4) else { return nil }
        let dashed = k < t.count && (t[k] == UInt8(ascii: "-") || t[k] == UInt8(ascii: "/"))
        if dashed { k += 1 }
        guard let m = num(2) else { return nil }
        if dashed {
            guard k < t.count && (t[k] == UInt8(ascii: "-") || t[k] == UInt8(ascii: "/")) else { return nil }
            k += 1
        }
        guard let d = num(2), let day = valid(y, m, d) else { return nil }
        if k < t.count && t[k] >= 0x30 && t[k] <= 0x39 { return nil }
        guard k < t.count, t[k] == UInt8(ascii: "T") || t[k] == UInt8(ascii: " ") || t[k] == UInt8(ascii: "t") else {
            return Stamp(day: day, time: nil)
        }
        k += 1
        guard let hh = num(2), hh < 24, k < t.count, t[k] == UInt8(ascii: ":") else { return Stamp(day: day, time: nil) }
        k += 1
        guard let mm = num(2), mm < 60 else { return Stamp(day: day, time: nil) }
        var ss = 0
        if k < t.count && t[k] == UInt8(ascii: ":") {
            k += 1
            guard let s = num(2), s < 61 else { return Stamp(day: day, time: nil) }
            ss = s
        }
        if k < t.count && (t[k] == UInt8(ascii: ".") || t[k] == UInt8(ascii: ",")) {
            k += 1
            while k < t.count && t[k] >= 0x30 && t[k] <= 0x39 { k += 1 }
        }
        while k < t.count && t[k] == 0x20 { k += 1 }
        let clock = "T\(two(hh)):\(two(mm)):\(two(ss))"
        guard k < t.count else { return Stamp(day: day, time: nil) }
        if t[k] == UInt8(ascii: "Z") || t[k] == UInt8(ascii: "z") { return Stamp(day: day, time: clock + "Z") }
        if matchesZoneName(t, k) { return Stamp(day: day, time: clock + "Z") }
        guard t[k] == UInt8(ascii: "+") || t[k] == UInt8(ascii: "-") else { return Stamp(day: day, time: nil) }
        let sign = t[k] == UInt8(ascii: "+") ? "+" : "-"
        k += 1
        guard let oh = num(2), oh <= 14 else { return Stamp(day: day, time: nil) }
        if k < t.count && t[k] == UInt8(ascii: ":") { k += 1 }
        let om = num(2) ?? 0
        guard om < 60 else { return Stamp(day: day, time: nil) }
        return Stamp(day: day, time: clock + "\(sign)\(two(oh)):\(two(om))")
    }

    private static func matchesZoneName(_ t: [UInt8], _ k: Int) -> Bool {
        let rest = String(decoding: t[k...], as: UTF8.self).uppercased()
        return rest.hasPrefix("UTC") || rest.hasPrefix("GMT")
    }

    /// Day, month (number or name) and year in any common order, for texts that are not ISO.
    static func loose(_ text: String) -> Stamp? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        // The text as runs of ASCII digits, of letters, and single other characters.
        enum Run { case digits(String), word(String), other(Character) }
        var runs: [Run] = []
        for c in text.lowercased().prefix(120) {
            let isDigit = c.isASCII && c.isNumber
            switch (isDigit, c.isLetter, runs.last) {
            case (true, _, .digits(let d)?): runs[runs.count - 1] = .digits(d + String(c))
            case (true, _, _): runs.append(.digits(String(c)))
            case (false, true, .word(let w)?): runs[runs.count - 1] = .word(w + String(c))
            case (false, true, _): runs.append(.word(String(c)))
            default: runs.append(.other(c))
            }
        }
        var k = 0
        reading: while k < runs.count {
            defer { k += 1 }
            switch runs[k] {
            case .word(let w):
                if month == nil, let m = months[w] { month = m }
            case .other:
                continue
            case .digits(let d):
                // A time is not part of the date: its hour is dropped and its minutes and seconds skipped,
                // and the reading goes on ("Mon Oct 11 14:57:21 CEST 2021"). A label's colon
                // ("Veröffentlicht am: 6. August 2009") is not a time.
                if k + 2 < runs.count, case .other(":") = runs[k + 1], case .digits = runs[k + 2] {
                    k += 2
                    while k + 2 < runs.count, case .other(let sep) = runs[k + 1], sep == ":" || sep == ".", case .digits = runs[k + 2] { k += 2 }
                    continue
                }
                // Digits with Latin letters straight after them ("Bo2man", "3d") are part of a word, not a
                // day or a year, an ordinal's ending ("1st", "1er") and ISO's `T` aside; CJK dates glue
                // them on purpose ("2019年"). Letters before digits are often an inline element's text
                // run into the next ("Erstellt am" + "09.02.2022"): those digits count.
                if k + 1 < runs.count, case .word(let w) = runs[k + 1], w.first?.isASCII == true,
                   !["st", "nd", "rd", "th", "er", "re", "e", "eme", "ème", "t"].contains(w) { continue }
                // A day and a year in elements with nothing between them ("Apr <span>04</span><span>2013</span>"
                // reads "Apr 042013"): after a month name, the last four digits are the year.
                if month != nil, numbers.isEmpty, d.count == 5 || d.count == 6, let day = Int(d.dropLast(4)), let year = Int(d.suffix(4)) {
                    numbers += [(day, d.count - 4), (year, 4)]
                    continue
                }
                // Two dates run together ("28. Juni 201914. Januar 2020") make a number that is neither,
                // and nothing after it can be trusted.
                guard d.count <= 4 else { break reading }
                if numbers.count < 6, let v = Int(d) { numbers.append((v, d.count)) }
            }
        }
        // `31.10.23`: a two-digit year, read only in this one shape (two-digit day and month, full stops),
        // which version numbers and scores do not take; only where no full year is written (a month
        // name beside it, "Jan", may be a person's name).
        if !numbers.contains(where: { $0.digits == 4 }), let r = text.range(of: #"(?<![\d.])\d\d\.\d\d\.\d\d(?![\d.])"#, options: .regularExpression) {
            let p = text[r].split(separator: ".").compactMap { Int($0) }
            if p.count == 3, let day = valid(2000 + p[2], p[1], p[0]) { return Stamp(day: day, time: nil) }
        }
        if let m = month {
            guard let y = numbers.first(where: { $0.digits == 4 })?.value,
                  let d = numbers.first(where: { $0.digits <= 2 && $0.value >= 1 && $0.value <= 31 })?.value,
                  let day = valid(y, m, d) else { return nil }
            return Stamp(day: day, time: nil)
        }
        guard numbers.count >= 3 else { return nil }
        let a = numbers[0], b = numbers[1], c = numbers[2]
        if a.digits == 4, let day = valid(a.value, b.value, c.value) { return Stamp(day: day, time: nil) }
        if c.digits == 4, let day = valid(c.value, b.value, a.value) { return Stamp(day: day, time: nil) }
        return nil
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? {
        guard y >= 1990 && y <= 2100, m >= 1 && m <= 12, d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }

    /// The date a URL's path holds: `/2019/11/19/`, `/2019-11-19/`, `/20191119/`, or `/2019/11/` (no day: nil).
    static func inURL(_ url: String) -> CivilDate? {
        let parts = url.split(whereSeparator: { $0 == "/" || $0 == "_" || $0 == "?" || $0 == "&" })
        var k = 0
        while k < parts.count {
            let p = parts[k]
            if p.count == 4, let y = Int(p), k + 2 < parts.count, let m = Int(parts[k + 1]), parts[k + 1].count <= 2 {
                let dayPart = parts[k + 2].prefix(while: { $0.isNumber })
                if dayPart.count >= 1 && dayPart.count <= 2, let d = Int(dayPart), let day = valid(y, m, d) { return day }
            }
            if p.count >= 10, let s = iso(Array(p.utf8.prefix(10))), p.prefix(10).contains("-") { return s.day }
            if let day = dayFirst(p) { return day }
            if p.count >= 8, p.prefix(8).allSatisfy({ $0.isNumber }), p.count == 8 || !(p.dropFirst(8).first?.isNumber ?? false),
               let y = Int(p.prefix(4)), let m = Int(p.dropFirst(4).prefix(2)), let d = Int(p.dropFirst(6).prefix(2)),
               let day = valid(y, m, d) { return day }
            k += 1
        }
        // A slug ending in a date: `…-2019-11-19.html`.
        let bytes = Array(url.utf8)
        if let at = firstISODay(in: bytes), let s = iso(Array(bytes[at..<(at + 10)])) { return s.day }
        return nil
    }

    /// A path segment that is a day, month and year (`…/meldungen/29-10-2021`), when only one order of
    /// day and month is a date or both give the same day.
    private static func dayFirst(_ segment: Substring) -> CivilDate? {
        let fields = segment.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count <= 2, fields[1].count <= 2, fields[2].count == 4,
              let a = Int(fields[0]), let b = Int(fields[1]), let y = Int(fields[2]) else { return nil }
        let european = valid(y, b, a), american = valid(y, a, b)
        switch (european, american) {
        case let (e?, nil): return e
        case let (nil, u?): return u
        case let (e?, u?) where e == u: return e
        default: return nil
        }
    }

    /// Where `19dd-dd-dd` or `20dd-dd-dd` first occurs in `bytes` (a byte scan: an ICU regular
    /// expression here was a few per cent of the HTML reader's time).
    static func firstISODay(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 10 else { return nil }
        func digit(_ i: Int) -> Bool { bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        for i in 0...(bytes.count - 10) {
            let century = bytes[i] == UInt8(ascii: "1") && bytes[i + 1] == UInt8(ascii: "9")
                || bytes[i] == UInt8(ascii: "2") && bytes[i + 1] == UInt8(ascii: "0")
            if century && digit(i + 2) && digit(i + 3) && bytes[i + 4] == UInt8(ascii: "-") && digit(i + 5) && digit(i + 6)
                && bytes[i + 7] == UInt8(ascii: "-") && digit(i + 8) && digit(i + 9) {
                return i
            }
        }
        return nil
    }
}
