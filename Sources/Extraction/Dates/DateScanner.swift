/// Matches date expressions over a run of tokens; used for the body's sentences and for the lines
/// at the top of an article that may state its publication date.
struct DateScanner {
    /// A date expression over tokens `first..<end`.
    struct Match {
        var first: Int
        var end: Int
        var value: String
        var resolution: DateMention.Resolution
        var relative: Bool
        /// The year was written out (not inferred from the reference date).
        var explicitYear: Bool
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// Relative expressions resolve against this date; without one only absolute dates match.
    let reference: CivilDate?

    // MARK: token helpers

    /// The `WordKey.hash` of word token `i`, or nil for other tokens and words too long to be date words.
    func wordKey(_ i: Int) -> UInt64? {
        let t = tokens[i]
        guard t.kind == .word, t.end - t.start <= 10 else { return nil }
        return WordKey.hash(scalars, t.range)
    }

    func dateWord(_ i: Int, _ hi: Int) -> DateWord? {
        guard i < hi, let key = wordKey(i) else { return nil }
        return DateWord.lookup(key)
    }

    func isAllCaps(_ i: Int) -> Bool {
        for k in tokens[i].range where !CharacterClass.isUppercase(scalars[k]) { return false }
        return true
    }

    func isCapitalized(_ i: Int) -> Bool {
        CharacterClass.isUppercase(scalars[Int(tokens[i].start)])
    }

    func isPunct(_ i: Int, _ hi: Int, _ c: Unicode.Scalar) -> Bool {
        i < hi && tokens[i].end - tokens[i].start == 1 && scalars[Int(tokens[i].start)] == c
    }

    /// Whether token `j` touches token `j - 1` (no space between them).
    func isAttached(_ j: Int) -> Bool {
        j > 0 && tokens[j].start == tokens[j - 1].end
    }

    /// A plain integer token of 1–4 ASCII digits.
    func integer(_ i: Int, _ hi: Int) -> (value: Int, digits: Int)? {
        guard i < hi, tokens[i].kind == .number else { return nil }
        return NumberWords.smallInteger(scalars, tokens[i].range)
    }

    /// A day of the month at `i` (`16`, `16th`, `1st`): its value and the token after it.
    func dayNumber(_ i: Int, _ hi: Int) -> (day: Int, next: Int)? {
        guard let n = integer(i, hi), n.digits <= 2, (1...31).contains(n.value) else { return nil }
        var next = i + 1
        if next < hi, tokens[next].kind == .word, isAttached(next), let key = wordKey(next),
           Word.ordinalSuffixes.contains(key) {
            next += 1
        }
        // "16 people", "16-year-old": a day number is never glued to a following word.
        if next < hi, tokens[next].kind == .word, isAttached(next) { return nil }
        return (n.value, next)
    }

    /// A written-out year (`2024`) at `i`.
    func yearNumber(_ i: Int, _ hi: Int) -> Int? {
        guard let n = integer(i, hi), n.digits == 4, (1800...2100).contains(n.value) else { return nil }
        if i + 1 < hi, isAttached(i + 1), tokens[i + 1].kind == .word { return nil }
        return n.value
    }

    // MARK: matching

    /// The date expression starting at token `i` (before `hi`), if any.
    func match(at i: Int, hi: Int) -> Match? {
        let t = tokens[i]
        switch t.kind {
        case .number:
            return matchNumeric(i, hi) ?? matchDayMonth(i, hi) ?? matchAgo(i, hi) ?? matchBareYear(i, hi)
        case .word:
            guard let key = wordKey(i) else { return nil }
            if key == Word.a || key == Word.an || NumberWords.value(hash: key) != nil, let m = matchAgo(i, hi) { return m }
            guard let word = DateWord.lookup(key) else { return nil }
            switch word {
            case .month(let month, let abbreviated):
                return matchMonth(i, hi, month: month, abbreviated: abbreviated, modifier: nil, first: i)
            case .weekday(let weekday):
                return matchWeekday(i, hi, weekday: weekday, modifier: nil, first: i)
            case .dayOffset(let offset):
                // "USA TODAY" is a newspaper.
                guard let ref = reference, !isAllCaps(i) else { return nil }
                let date = CivilDate(daysSinceEpoch: ref.daysSinceEpoch + offset)
                return Match(first: i, end: i + 1, value: date.iso, resolution: .day, relative: true, explicitYear: false)
            case .modifier(let m):
                return matchModified(i, hi, modifier: m, isPrevious: key == Word.previous)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `2024-05-16`, `5/16/2024`.
    private func matchNumeric(_ i: Int, _ hi: Int) -> Match? {
        let r = tokens[i].range
        guard r.count == 10 || (r.count >= 8 && r.count <= 10) else { return nil }
        var parts: [Int] = []
        var current = 0
        var digits = 0
        var separator: Unicode.Scalar?
        var lengths: [Int] = []
        for k in r {
            let c = scalars[k]
            if c.value >= 0x30 && c.value <= 0x39 {
                current = current * 10 + Int(c.value - 0x30)
                digits += 1
            } else if (c == "-" || c == "/") && (separator == nil || separator == c) && digits > 0 {
                separator = c
                parts.append(current)
                lengths.append(digits)
                current = 0
                digits = 0
            } else {
                return nil
            }
        }
        parts.append(current)
        lengths.append(digits)
        guard parts.count == 3 else { return nil }
        var date: CivilDate
        if separator == "-", lengths == [4, 2, 2] {
            date = CivilDate(year: parts[0], month: parts[1], day: parts[2])
        } else if separator == "/", lengths[2] == 4, lengths[0] <= 2, lengths[1] <= 2 {
            // US order (5/16/2024) unless the first part cannot be a month (16/5/2024).
            date = parts[0] <= 12 ? CivilDate(year: parts[2], month: parts[0], day: parts[1])
                : CivilDate(year: parts[2], month: parts[1], day: parts[0])
        } else {
            return nil
        }
        guard DateScanner.isValid(date), (1800...2100).contains(date.year) else { return nil }
        return Match(first: i, end: i + 1, value: date.iso, resolution: .day, relative: false, explicitYear: true)
    }

    /// `16 May 2024`, `16th of May`, `16 May`.
    private func matchDayMonth(_ i: Int, _ hi: Int) -> Match? {
        guard let (day, next) = dayNumber(i, hi) else { return nil }
        var j = next
        if j < hi, wordKey(j) == Word.of { j += 1 }
        guard let word = dateWord(j, hi), case .month(let month, _) = word, isCapitalized(j) else { return nil }
        j += 1
        if let year = yearNumber(j, hi) {
            let date = CivilDate(year: year, month: month, day: day)
            guard DateScanner.isValid(date) else { return nil }
            return Match(first: i, end: j + 1, value: date.iso, resolution: .day, relative: false, explicitYear: true)
        }
        guard let date = inferYear(month: month, day: day) else { return nil }
        return Match(first: i, end: j, value: date.iso, resolution: .day, relative: true, explicitYear: false)
    }

    /// `May 16, 2024`, `Jan. 5`, `February 2022`, `in May`.
    private func matchMonth(_ i: Int, _ hi: Int, month: Int, abbreviated: Bool, modifier: Int?, first: Int) -> Match? {
        guard isCapitalized(i) else { return nil }
        var j = i + 1
        if let (day, next) = dayNumber(j, hi), modifier == nil {
            j = next
            var k = j
            if isPunct(k, hi, ",") { k += 1 }
            if let year = yearNumber(k, hi) {
                let date = CivilDate(year: year, month: month, day: day)
                guard DateScanner.isValid(date) else { return nil }
                return Match(first: first, end: k + 1, value: date.iso, resolution: .day, relative: false, explicitYear: true)
            }
            // "May 16" and "Jan. 5": the year is the one nearest the reference date.
            guard let date = inferYear(month: month, day: day) else { return nil }
            return Match(first: first, end: j, value: date.iso, resolution: .day, relative: true, explicitYear: false)
        }
        if modifier == nil {
            var k = j
            if isPunct(k, hi, ",") { k += 1 }
            if let year = yearNumber(k, hi) {
                let value = DateScanner.yearString(year) + "-" + DateScanner.twoDigits(month)
                return Match(first: first, end: k + 1, value: value, resolution: .month, relative: false, explicitYear: true)
            }
        }
        // A month on its own: only after a modifier or a temporal preposition ("in May", "last March").
        guard let ref = reference, !abbreviated || scalars[Int(tokens[i].end) - 1] == "." else { return nil }
        var year = ref.year
        if let m = modifier {
            if m < 0 {
                year = month < ref.month ? ref.year : ref.year - 1
            } else if m > 0 {
                year = month > ref.month ? ref.year : ref.year + 1
            }
        } else {
            guard i > 0, let prev = wordKey(i - 1), TemporalCue.precedesMonth(prev) else { return nil }
            // Not "May" the verb in "they may": a capitalised month after a cue word.
            year = nearestYear(month: month, ref: ref)
        }
        let value = DateScanner.yearString(year) + "-" + DateScanner.twoDigits(month)
        return Match(first: first, end: i + 1, value: value, resolution: .month, relative: true, explicitYear: false)
    }

    /// `Thursday`, `on Thursday afternoon`, `last Monday`, `Thursday, May 16, 2024`.
    private func matchWeekday(_ i: Int, _ hi: Int, weekday: Int, modifier: Int?, first: Int) -> Match? {
        guard isCapitalized(i) else { return nil }
        // "Super Tuesday", "Black Friday": named days, not the last such weekday.
        if modifier == nil, i > 0, tokens[i - 1].kind == .word, isCapitalized(i - 1), let prev = wordKey(i - 1),
           Word.namedDayPrefixes.contains(prev) {
            return nil
        }
        var j = i + 1
        if modifier == nil {
            var k = j
            if isPunct(k, hi, ",") { k += 1 }
            if k < hi, let m = match(at: k, hi: hi), m.resolution == .day, !m.relative {
                return Match(first: first, end: m.end, value: m.value, resolution: .day, relative: false, explicitYear: true)
            }
        }
        guard let ref = reference else { return nil }
        if let word = dateWord(j, hi), word == .partOfDay { j += 1 }
        let back = (ref.weekday - weekday + 7) % 7
        let offset: Int
        switch modifier {
        case .some(let m) where m < 0: offset = -(back == 0 ? 7 : back)
        case .some(let m) where m > 0: offset = (weekday - ref.weekday + 7) % 7 == 0 ? 7 : (weekday - ref.weekday + 7) % 7
        default: offset = -back
        }
        let date = CivilDate(daysSinceEpoch: ref.daysSinceEpoch + offset)
        return Match(first: first, end: j, value: date.iso, resolution: .day, relative: true, explicitYear: false)
    }

    /// `last year`, `this month`, `next March`, `last Friday`, `the previous year`, `last night`.
    private func matchModified(_ i: Int, _ hi: Int, modifier: Int, isPrevious: Bool) -> Match? {
        guard let ref = reference, i + 1 < hi, let next = dateWord(i + 1, hi) else { return nil }
        let prev = i > 0 ? wordKey(i - 1) : nil
        // "over the last year" and "the next year" mean a span, not a calendar year; "the previous
        // year" is one.
        if prev == Word.the && !isPrevious { return nil }
        if isPrevious && prev != Word.the { return nil }
        let first = isPrevious ? i - 1 : i
        switch next {
        case .unit(.year):
            guard isSingular(i + 1) else { return nil }
            return Match(first: first, end: i + 2, value: DateScanner.yearString(ref.year + modifier), resolution: .year,
                         relative: true, explicitYear: false)
        case .unit(.month):
            guard isSingular(i + 1) else { return nil }
            let (y, m) = DateScanner.addMonths(ref.year, ref.month, modifier)
            return Match(first: first, end: i + 2, value: DateScanner.yearString(y) + "-" + DateScanner.twoDigits(m),
                         resolution: .month, relative: true, explicitYear: false)
        case .partOfDay:
            // "last night" is yesterday; "this morning" is today.
            guard modifier <= 0 else { return nil }
            let date = CivilDate(daysSinceEpoch: ref.daysSinceEpoch + modifier)
            return Match(first: first, end: i + 2, value: date.iso, resolution: .day, relative: true, explicitYear: false)
        case .weekday(let w):
            return matchWeekday(i + 1, hi, weekday: w, modifier: modifier, first: first)
        case .month(let m, let abbreviated):
            return matchMonth(i + 1, hi, month: m, abbreviated: abbreviated, modifier: modifier, first: first)
        default:
            return nil
        }
    }

    private func isSingular(_ i: Int) -> Bool {
        scalars[Int(tokens[i].end) - 1] != "s" && scalars[Int(tokens[i].end) - 1] != "S"
    }

    /// `two years ago`, `a month ago`, `3 days ago`.
    private func matchAgo(_ i: Int, _ hi: Int) -> Match? {
        guard let ref = reference, i + 2 < hi, wordKey(i + 2) == Word.ago,
              let unitWord = dateWord(i + 1, hi), case .unit(let unit) = unitWord else { return nil }
        let n: Int
        if tokens[i].kind == .number {
            guard let v = integer(i, hi), v.digits <= 3 else { return nil }
            n = v.value
        } else {
            guard let key = wordKey(i) else { return nil }
            if key == Word.a || key == Word.an {
                n = 1
            } else if let v = NumberWords.value(hash: key), v < 1000 {
                n = Int(v)
            } else {
                return nil
            }
        }
        switch unit {
        case .year:
            return Match(first: i, end: i + 3, value: DateScanner.yearString(ref.year - n), resolution: .year,
                         relative: true, explicitYear: false)
        case .month:
            let (y, m) = DateScanner.addMonths(ref.year, ref.month, -n)
            return Match(first: i, end: i + 3, value: DateScanner.yearString(y) + "-" + DateScanner.twoDigits(m),
                         resolution: .month, relative: true, explicitYear: false)
        case .week, .day:
            let days = unit == .week ? 7 * n : n
            let date = CivilDate(daysSinceEpoch: ref.daysSinceEpoch - days)
            return Match(first: i, end: i + 3, value: date.iso, resolution: .day, relative: true, explicitYear: false)
        }
    }

    /// `in 2023`, `the 2022 election`; not `2000 troops`, `$2024`, `2024 million`.
    private func matchBareYear(_ i: Int, _ hi: Int) -> Match? {
        guard let year = yearNumber(i, hi) else { return nil }
        if i > 0 {
            let p = tokens[i - 1]
            if p.kind == .symbol || p.kind == .number { return nil }
            if p.kind == .punctuation, p.end == tokens[i].start {
                // "-2024", "#2024", ".2024".
                let c = scalars[Int(p.start)]
                if c != "(" && c != "\u{2019}" && c != "'" && c != "\u{201C}" && c != "\"" { return nil }
            }
        }
        let prevKey = i > 0 ? wordKey(i - 1) : nil
        if let prevKey, Word.labels.contains(prevKey) { return nil }
        if i + 1 < hi {
            let n = tokens[i + 1]
            if n.kind == .symbol { return nil }
            if n.kind == .word, let key = wordKey(i + 1) {
                if NumberWords.scale(hash: key) != nil || Word.percent.contains(key) || key == Word.per
                    || Currency.isWord(key) { return nil }
                // "1900 troops": a plural noun straight after, with no temporal cue before.
                let cue = prevKey.map(TemporalCue.precedesYear) ?? false
                let e = Int(n.end)
                if !cue, CharacterClass.isLowercase(scalars[Int(n.start)]), n.end - n.start > 3,
                   scalars[e - 1] == "s", scalars[e - 2] != "s" {
                    return nil
                }
            }
        }
        return Match(first: i, end: i + 1, value: DateScanner.yearString(year), resolution: .year, relative: false,
                     explicitYear: true)
    }

    // MARK: calendar

    /// A day and month without a year: the year that puts it nearest the reference date.
    private func inferYear(month: Int, day: Int) -> CivilDate? {
        guard let ref = reference else { return nil }
        let year = nearestYear(month: month, ref: ref)
        let date = CivilDate(year: year, month: month, day: day)
        return DateScanner.isValid(date) ? date : nil
    }

    /// The year in which `month` is nearest the reference month, the past winning ties.
    private func nearestYear(month: Int, ref: CivilDate) -> Int {
        let delta = month - ref.month
        if delta > 6 { return ref.year - 1 }
        if delta < -6 { return ref.year + 1 }
        if delta == 6 { return ref.year - 1 }
        return ref.year
    }

    static func isValid(_ d: CivilDate) -> Bool {
        (1...12).contains(d.month) && (1...31).contains(d.day) && CivilDate(daysSinceEpoch: d.daysSinceEpoch) == d
    }

    static func addMonths(_ year: Int, _ month: Int, _ n: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return (y, total - y * 12 + 1)
    }

    static func yearString(_ y: Int) -> String {
        let s = String(y)
        return s.count >= 4 || y < 0 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : String(n)
    }
}
