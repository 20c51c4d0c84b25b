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

    /// The code for a dollar sign after a country prefix (`US$`, `A$`, `HK$`), by the prefix's key.
    static func dollarPrefix(_ key: String) -> String? {
        dollarPrefixes[key]
    }

    /// The code for an ISO code or abbreviation written before or after a number (`USD 5`, `Rs 500`),
    /// by key; the caller checks it is written in capitals.
    static func code(_ key: String) -> String? {
        codes[key]
    }

    /// The code for a currency name after a number (`euros`, `yuan`), by key; `pounds` is left to
    /// the caller, since it is also a weight.
    static func name(_ key: String) -> String? {
        names[key]
    }

    /// Whether `key` names a currency in any of the ways above.
    static func isWord(_ key: String) -> Bool {
        names[key] != nil || codes[key] != nil || key == "pounds" || key == "pound"
    }

    /// The code for a nationality before `dollars` (`Australian dollars`).
    static func dollarNationality(_ key: String) -> String? {
        nationalities[key]
    }

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
