/// Numbers written as words ("three", "twenty-five", "a dozen") and scale words ("million"), shared
/// by the amounts and dates stages.
public enum NumberWords {
    /// The value of a number word such as `three`, `twenty` or `twenty-five`, by `WordKey.hash`, or nil.
    @inline(__always)
    public static func value(hash: UInt64) -> Double? {
        valuesByHash[hash]
    }

    /// The value of a number word (lowercase or not), or nil.
    public static func value(_ word: String) -> Double? {
        valuesByHash[WordKey.hash(word)]
    }

    /// The multiplier of a scale word or suffix (`million`, `bn`, `m`, `k`), by `WordKey.hash`, or nil.
    @inline(__always)
    public static func scale(hash: UInt64) -> Double? {
        scalesByHash[hash]
    }

    static let valuesByHash: HashKeyMap<Double> = {
        var table = HashKeyMap<Double>()
        for (word, v) in units { table[WordKey.hash(word)] = v }
        for (tens, t) in tensWords {
            for (unit, u) in units where u < 10 && u >= 1 {
                table[WordKey.hash(tens + "-" + unit)] = t + u
            }
        }
        return table
    }()

    static let scalesByHash: HashKeyMap<Double> = {
        var table = HashKeyMap<Double>()
        for (word, v) in scales { table[WordKey.hash(word)] = v }
        return table
    }()

    static let tensWords: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    static let units: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "dozen": 12, "one": 1,
    ]

    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "mn": 1_000_000, "m": 1_000_000, "mln": 1_000_000,
        "bn": 1_000_000_000, "b": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000,
        "trn": 1_000_000_000_000, "k": 1_000, "lakh": 100_000, "crore": 10_000_000,
    ]

    /// An ASCII numeral token such as `2,000`, `3.5` or `1,000.25` as its digits without separators
    /// and the number of digits after the point (`3.5` is (35, 1)), or nil (for `5:30`, `2024-05-16`,
    /// `1/2` and non-ASCII digits). Scaling the mantissa before dividing keeps `1.2 trillion` exact.
    public static func numeral(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> (mantissa: Double, fractionDigits: Int)? {
        var mantissa: Double = 0
        var fractionDigits = 0
        var seenDot = false
        var digits = 0
        for i in range {
            let v = scalars[i].value
            if v >= 0x30 && v <= 0x39 {
                digits += 1
                mantissa = mantissa * 10 + Double(v - 0x30)
                if seenDot { fractionDigits += 1 }
            } else if v == 0x2C && !seenDot {
                continue
            } else if v == 0x2E && !seenDot {
                seenDot = true
            } else {
                return nil
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        return (mantissa, fractionDigits)
    }

    /// `mantissa × scale / 10^fractionDigits`, rounded once.
    public static func combine(_ mantissa: Double, _ fractionDigits: Int, scale: Double) -> Double {
        var divisor: Double = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        return mantissa * scale / divisor
    }

    /// The value of a token of 1–4 plain ASCII digits (`16`, `2024`), with its digit count, or nil.
    public static func smallInteger(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> (value: Int, digits: Int)? {
        guard range.count >= 1, range.count <= 4 else { return nil }
        var value = 0
        for i in range {
            let v = scalars[i].value
            guard v >= 0x30 && v <= 0x39 else { return nil }
            value = value * 10 + Int(v - 0x30)
        }
        return (value, range.count)
    }
}
