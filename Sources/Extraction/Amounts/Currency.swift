/// Currency symbols, codes and names, mapped to ISO 4217 codes.
enum Currency {
    /// The code for a currency symbol (`$`, `€`, `£`, `¥`, `₹`, …).
    static func symbol(_ c: Unicode.Scalar) -> String? {
        switch c {
        case "$": return "USD"
        case "€": return "EUR"
        case "£": return "GBP"
        case "¥": return "JPY"
        case "₹": return "INR"
        case "₽": return "RUB"
        case "₩": return "KRW"
        case "₺": return "TRY"
        case "₴": return "UAH"
        case "₪": return "ILS"
        case "₦": return "NGN"
        case "₱": return "PHP"
        case "₫": return "VND"
        default: return nil
        }
    }

    /// The code for a dollar sign after a country prefix (`US$`, `A$`, `HK$`), by the prefix's hash.
    static func dollarPrefix(_ hash: UInt64) -> String? {
        dollarPrefixesByHash[hash]
    }

    /// The code for an ISO code or abbreviation written before or after a number (`USD 5`, `Rs 500`),
    /// by hash; the caller checks it is written in capitals.
    static func code(_ hash: UInt64) -> String? {
        codesByHash[hash]
    }

    /// The code for a currency name after a number (`euros`, `yuan`), by hash; `pounds` is left to
    /// the caller, since it is also a weight.
    static func name(_ hash: UInt64) -> String? {
        namesByHash[hash]
    }

    /// Whether the word with hash `hash` names a currency in any of the ways above.
    static func isWord(_ hash: UInt64) -> Bool {
        namesByHash[hash] != nil || codesByHash[hash] != nil || Word.pounds.contains(hash)
    }

    /// The code for a nationality before `dollars` (`Australian dollars`), by hash.
    static func dollarNationality(_ hash: UInt64) -> String? {
        nationalitiesByHash[hash]
    }

    private static func byHash(_ table: [String: String]) -> HashKeyMap<String> {
        var result = HashKeyMap<String>()
        for (k, v) in table { result[WordKey.hash(k)] = v }
        return result
    }

    private static let dollarPrefixesByHash = byHash(dollarPrefixes)
    private static let codesByHash = byHash(codes)
    private static let namesByHash = byHash(names)
    private static let nationalitiesByHash = byHash(nationalities)

    private static let dollarPrefixes: [String: String] = [
        "us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
        "hk": "HKD", "s": "SGD", "sg": "SGD", "nz": "NZD", "nt": "TWD", "r": "BRL", "mex": "MXN",
    ]

    private static let codes: [String: String] = {
        var c: [String: String] = [:]
        for code in ["usd", "eur", "gbp", "jpy", "cny", "inr", "chf", "rub", "aud", "cad", "hkd", "krw", "brl",
                     "zar", "sek", "nok", "dkk", "pln", "try", "uah", "mxn", "sgd", "nzd", "sar", "aed", "ils",
                     "twd", "idr", "php", "thb", "ngn", "egp", "pkr", "huf", "czk", "vnd", "myr", "ars", "clp"] {
            c[code] = code.uppercased()
        }
        c["rmb"] = "CNY"
        c["rs"] = "INR"
        c["rs."] = "INR"
        return c
    }()

    private static let names: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "sterling": "GBP",
        "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupee": "INR", "rupees": "INR",
        "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF",
        "peso": "MXN", "pesos": "MXN", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnia's": "UAH",
        "lira": "TRY", "liras": "TRY", "riyal": "SAR", "riyals": "SAR", "rand": "ZAR", "shekel": "ILS",
        "shekels": "ILS", "naira": "NGN", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN",
        "zlotys": "PLN", "kronor": "SEK", "kroner": "NOK", "dirhams": "AED",
    ]

    private static let nationalities: [String: String] = [
        "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
        "singapore": "SGD", "singaporean": "SGD", "zealand": "NZD", "kong": "HKD", "taiwan": "TWD",
        "taiwanese": "TWD", "jamaican": "JMD", "namibian": "NAD",
    ]
}
