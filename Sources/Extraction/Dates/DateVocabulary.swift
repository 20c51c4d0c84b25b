/// The words date expressions are made of, by lowercase key.
enum DateWord: Equatable {
    /// A month name or abbreviation, 1…12; `abbreviated` for `Jan`, `Sept.`.
    case month(Int, abbreviated: Bool)
    /// 0 = Sunday … 6 = Saturday.
    case weekday(Int)
    /// `today` (0), `yesterday` (−1), `tomorrow` (+1), `tonight` (0).
    case dayOffset(Int)
    /// `last` (−1), `this` (0), `next` (+1), `previous` (−1).
    case modifier(Int)
    /// `year(s)`, `month(s)`, `week(s)`, `day(s)`.
    case unit(DateUnit)
    /// `ago`.
    case ago
    /// `morning`, `afternoon`, `evening`, `night`.
    case partOfDay

    /// The date word with hash `hash` (see `WordKey.hash`), or nil.
    @inline(__always)
    static func lookup(_ hash: UInt64) -> DateWord? {
        byHash[hash]
    }

    private static let byHash: HashKeyMap<DateWord> = {
        var table = HashKeyMap<DateWord>()
        for (word, meaning) in words { table[WordKey.hash(word)] = meaning }
        return table
    }()

    private static let words: [String: DateWord] = {
        var w: [String: DateWord] = [:]
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (i, name) in months.enumerated() {
            w[name] = .month(i + 1, abbreviated: false)
            let short = String(name.prefix(3))
            if short != name {
                w[short] = .month(i + 1, abbreviated: true)
                w[short + "."] = .month(i + 1, abbreviated: true)
            }
        }
        w["sept"] = .month(9, abbreviated: true)
        w["sept."] = .month(9, abbreviated: true)
        let days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        for (i, name) in days.enumerated() { w[name] = .weekday(i) }
        w["today"] = .dayOffset(0)
        w["tonight"] = .dayOffset(0)
        w["yesterday"] = .dayOffset(-1)
        w["tomorrow"] = .dayOffset(1)
        w["last"] = .modifier(-1)
        w["previous"] = .modifier(-1)
        w["this"] = .modifier(0)
        w["next"] = .modifier(1)
        for (names, unit) in [(["year", "years"], DateUnit.year), (["month", "months"], .month),
                              (["week", "weeks"], .week), (["day", "days"], .day)] {
            for n in names { w[n] = .unit(unit) }
        }
        w["ago"] = .ago
        for p in ["morning", "afternoon", "evening", "night"] { w[p] = .partOfDay }
        return w
    }()
}

/// A calendar unit of a relative date.
enum DateUnit {
    case year, month, week, day
}

/// Words before a bare month name or year that show it is a date ("in May", "since 2019").
enum TemporalCue {
    static func precedesMonth(_ hash: UInt64) -> Bool {
        monthCues.contains(hash)
    }

    static func precedesYear(_ hash: UInt64) -> Bool {
        yearCues.contains(hash)
    }

    private static let monthCues = HashKeySet([
        "in", "since", "until", "till", "by", "from", "early", "late", "mid", "of", "through", "before",
        "after", "during", "to", "and", "or", "between", "last", "next", "this", "throughout",
    ].map(WordKey.hash))

    private static let yearCues = HashKeySet([
        "in", "since", "until", "till", "by", "from", "early", "late", "mid", "of", "through", "before",
        "after", "during", "to", "and", "or", "between", "the", "this", "that", "year", "throughout", "around",
        "circa", "for", "than", "'s", "mid-", "fiscal", "spring", "summer", "autumn", "fall", "winter",
    ].map(WordKey.hash))
}
