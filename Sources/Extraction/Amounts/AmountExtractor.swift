/// Finds sums of money, percentages and counted quantities.
///
/// Money: a currency symbol, prefix or code before the number (`$240 billion`, `€3.5bn`,
/// `US$1.2 trillion`, `Rs 500`, `¥300`) or a currency name or code after it (`5 million euros`,
/// `1,000 yuan`, `300 USD`); the unit is the ISO 4217 code and the value includes the scale.
/// Percentages: `5%`, `5 percent`, `5.5 per cent` (unit `%`). Quantities: a number, in digits or
/// words (`2,000 troops`, `three people`, `two autocratic countries`), before a plural noun, which
/// becomes the unit; years (`2024`), dates (`May 16`), times, ordinals and `one` are not quantities.
public enum AmountExtractor {
    /// Amounts in the content of `doc`.
    public static func extract(_ doc: Document) -> [Amount] {
        var scanner = AmountScanner(doc: doc)
        var amounts: [Amount] = []
        for sentence in doc.sentences {
            var i = sentence.tokens.lowerBound
            let hi = sentence.tokens.upperBound
            while i < hi {
                guard let m = scanner.match(at: i, hi: hi), m.end > i else {
                    i += 1
                    continue
                }
                let range = Int(doc.tokens[m.first].start)..<Int(doc.tokens[m.end - 1].end)
                amounts.append(Amount(text: doc.slice(range), start: range.lowerBound, end: range.upperBound,
                                      kind: m.kind, value: m.value, unit: m.unit))
                i = m.end
            }
        }
        return amounts
    }
}

/// Matches one amount at a token position.
struct AmountScanner {
    struct Match {
        var first: Int
        var end: Int
        var kind: Amount.Kind
        var value: Double
        var unit: String?
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]

    init(doc: Document) {
        scalars = doc.scalars
        tokens = doc.tokens
    }

    /// The `WordKey.hash` of word or number token `i`, or nil for other tokens and long words.
    func key(_ i: Int) -> UInt64? {
        guard tokens[i].kind == .word || tokens[i].kind == .number, tokens[i].end - tokens[i].start <= 16 else { return nil }
        return WordKey.hash(scalars, tokens[i].range)
    }

    func length(_ i: Int) -> Int {
        Int(tokens[i].end - tokens[i].start)
    }

    func isAttached(_ j: Int) -> Bool {
        j > 0 && tokens[j].start == tokens[j - 1].end
    }

    func isUppercaseWord(_ i: Int) -> Bool {
        for k in tokens[i].range where CharacterClass.isLowercase(scalars[k]) { return false }
        return true
    }

    func isLowercaseWord(_ i: Int) -> Bool {
        tokens[i].kind == .word && CharacterClass.isLowercase(scalars[Int(tokens[i].start)])
    }

    func singleScalar(_ i: Int) -> Unicode.Scalar? {
        tokens[i].end - tokens[i].start == 1 ? scalars[Int(tokens[i].start)] : nil
    }

    /// A number at `i`, in digits or words, with a scale after it: its value, the token after it,
    /// whether it was written in digits, and whether a scale was applied.
    func number(at i: Int, hi: Int) -> (value: Double, next: Int, digits: Bool, scaled: Bool)? {
        let t = tokens[i]
        var mantissa: Double
        var fractionDigits = 0
        var digits = false
        if t.kind == .number {
            guard let n = NumberWords.numeral(scalars, t.range) else { return nil }
            (mantissa, fractionDigits) = n
            digits = true
        } else if t.kind == .word, t.end - t.start <= 12, let k = key(i), let v = NumberWords.value(hash: k) {
            mantissa = v
        } else {
            return nil
        }
        var j = i + 1
        var scale: Double = 1
        if j < hi, tokens[j].kind == .word, let k = key(j), let s = NumberWords.scale(hash: k) {
            // "3.5bn" and "12m" are glued on; "240 billion" is a word of its own ("5 m" is not a scale).
            let glued = isAttached(j)
            let isWord = length(j) >= 5
            if (glued && digits) || (!glued && isWord) {
                scale = s
                j += 1
                // "1.5 million" ... "hundred thousand".
                if j < hi, !isAttached(j), length(j) >= 5, let k2 = key(j), let s2 = NumberWords.scale(hash: k2), s2 > s {
                    scale *= s2
                    j += 1
                }
            }
        }
        return (NumberWords.combine(mantissa, fractionDigits, scale: scale), j, digits, scale != 1)
    }

    mutating func match(at i: Int, hi: Int) -> Match? {
        let t = tokens[i]
        switch t.kind {
        case .symbol, .punctuation:
            guard let c = singleScalar(i), let code = Currency.symbol(c) else { return nil }
            return moneyAfterPrefix(symbolAt: i, hi: hi, code: code)
        case .word:
            // "US$5", "HK$3": a prefix glued to a dollar sign.
            if i + 1 < hi, isAttached(i + 1), singleScalar(i + 1) == "$", let k = key(i),
               let code = Currency.dollarPrefix(k), isUppercaseWord(i) {
                if var m = moneyAfterPrefix(symbolAt: i + 1, hi: hi, code: code) {
                    m.first = i
                    return m
                }
                return nil
            }
            // "USD 5", "Rs 500", "Rs. 500".
            if i + 1 < hi, tokens[i + 1].kind == .number, t.end - t.start <= 4, CharacterClass.isUppercase(scalars[Int(t.start)]),
               let k = key(i), let code = Currency.code(k), code == "INR" || isUppercaseWord(i),
               let n = number(at: i + 1, hi: hi), n.digits {
                return Match(first: i, end: n.next, kind: .money, value: n.value, unit: code)
            }
            return numberFirst(i, hi: hi)
        case .number:
            return numberFirst(i, hi: hi)
        }
    }

    /// `$` `240` `billion`: the number after a currency symbol at `s`.
    private func moneyAfterPrefix(symbolAt s: Int, hi: Int, code: String) -> Match? {
        guard s + 1 < hi, tokens[s + 1].kind == .number, let n = number(at: s + 1, hi: hi), n.digits else { return nil }
        return Match(first: s, end: n.next, kind: .money, value: n.value, unit: code)
    }

    /// An amount that starts with its number: a percentage, a sum with the currency after, a quantity.
    private func numberFirst(_ i: Int, hi: Int) -> Match? {
        guard let n = number(at: i, hi: hi) else { return nil }
        let j = n.next
        if j < hi {
            if let c = singleScalar(j), c == "%" {
                return Match(first: i, end: j + 1, kind: .percent, value: n.value, unit: "%")
            }
            if let k = key(j) {
                if Word.percent.contains(k) || (k == Word.pc && n.digits) {
                    return Match(first: i, end: j + 1, kind: .percent, value: n.value, unit: "%")
                }
                if k == Word.per, j + 1 < hi, key(j + 1) == Word.cent {
                    return Match(first: i, end: j + 2, kind: .percent, value: n.value, unit: "%")
                }
                if let m = currencyAfter(i, j, hi: hi, n.value, scaled: n.scaled) { return m }
            }
        }
        return quantity(i, n, hi: hi)
    }

    /// `5 million euros`, `1,000 yuan`, `300 USD`, `20 Australian dollars`, `5 million pounds`.
    private func currencyAfter(_ i: Int, _ j: Int, hi: Int, _ value: Double, scaled: Bool) -> Match? {
        guard let k = key(j) else { return nil }
        if tokens[j].kind == .word {
            if let code = Currency.name(k) {
                return Match(first: i, end: j + 1, kind: .money, value: value, unit: code)
            }
            // "8 cents": a hundredth of a dollar.
            if k == Word.cents && !scaled {
                return Match(first: i, end: j + 1, kind: .money, value: value / 100, unit: "USD")
            }
            if Word.pounds.contains(k) {
                if j + 1 < hi, key(j + 1) == Word.sterling {
                    return Match(first: i, end: j + 2, kind: .money, value: value, unit: "GBP")
                }
                if scaled { return Match(first: i, end: j + 1, kind: .money, value: value, unit: "GBP") }
            }
        }
        if isUppercaseWord(j), let code = Currency.code(k), code != "INR" || length(j) == 3 {
            return Match(first: i, end: j + 1, kind: .money, value: value, unit: code)
        }
        // "20 Australian dollars", "5 Hong Kong dollars".
        var d = j
        while d < min(hi, j + 3), tokens[d].kind == .word, CharacterClass.isUppercase(scalars[Int(tokens[d].start)]) {
            d += 1
        }
        if d > j, d < hi, let kd = key(d), Word.dollars.contains(kd), let last = key(d - 1),
           let code = Currency.dollarNationality(last) {
            return Match(first: i, end: d + 1, kind: .money, value: value, unit: code)
        }
        return nil
    }

    /// `2,000 troops`, `three people`, `two autocratic countries`.
    private func quantity(_ i: Int, _ n: (value: Double, next: Int, digits: Bool, scaled: Bool), hi: Int) -> Match? {
        guard n.value != 1, n.value > 0 else { return nil }
        let t = tokens[i]
        if n.digits {
            // Times, dates and ranges are not plain numerals (numeral() rejects them); a bare year is not a count.
            if !n.scaled, t.end - t.start == 4, let y = NumberWords.smallInteger(scalars, t.range),
               (1800...2100).contains(y.value) {
                return nil
            }
            if i > 0 {
                let p = tokens[i - 1]
                if p.kind == .symbol || (p.kind == .punctuation && p.end == t.start) { return nil }
                if let pk = key(i - 1) {
                    if Word.labels.contains(pk) { return nil }
                    if case .month = DateWord.lookup(pk) { return nil }
                }
            }
        }
        var j = n.next
        guard j < hi, !isAttached(j) || n.scaled, isLowercaseWord(j), let first = key(j) else { return nil }
        if StopWords.contains(hash: first) && !AmountScanner.countNouns.contains(first) { return nil }
        if !isCountNoun(j, first) {
            // One adjective before the noun: "two autocratic countries", "three major banks".
            guard j + 1 < hi, isLowercaseWord(j + 1), !isAttached(j + 1), let second = key(j + 1),
                  !StopWords.contains(hash: second), isCountNoun(j + 1, second), !endsWithIng(j) else { return nil }
            j += 1
        }
        // "two years ago" is a date.
        if j + 1 < hi, key(j + 1) == Word.ago { return nil }
        // "5 percentage points" counts points of a percentage.
        let noun = key(j - 1) == Word.percentage ? "percentage points" : WordKey.key(scalars, tokens[j].range)
        return Match(first: i, end: j + 1, kind: .quantity, value: n.value, unit: noun)
    }

    private func endsWithIng(_ i: Int) -> Bool {
        let e = Int(tokens[i].end)
        return length(i) >= 5 && scalars[e - 1] == "g" && scalars[e - 2] == "n" && scalars[e - 3] == "i"
    }

    /// Whether token `i` (hash `hash`) is a plural noun (`troops`, `countries`, `people`) or a unit (`km`).
    func isCountNoun(_ i: Int, _ hash: UInt64) -> Bool {
        if AmountScanner.countNouns.contains(hash) { return true }
        let r = tokens[i].range
        guard r.count >= 4, scalars[r.upperBound - 1] == "s" else { return false }
        for k in r where CharacterClass.isApostrophe(scalars[k]) { return false }
        let c1 = scalars[r.upperBound - 2]
        // -ss, -ous, -is, -us are not plurals.
        if c1 == "s" || c1 == "i" || c1 == "u" { return false }
        return !StopWords.contains(hash: hash)
    }

    static let countNouns = HashKeySet([
        "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep", "fish",
        "aircraft", "feet", "teeth", "mice", "geese", "km", "kg", "mph", "mw", "gw", "kw", "mm", "cm", "ha",
        "acres", "tonnes", "tons", "miles", "metres", "meters", "kilometres", "kilometers", "barrels",
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "votes", "crew",
        "spacecraft", "livestock", "infantry", "militia", "youth", "clergy", "offspring",
    ].map(WordKey.hash))
}
