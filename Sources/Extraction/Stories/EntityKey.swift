import Foundation

/// The identity of an entity across articles: `geonames:<id>` for a place the gazetteer resolved,
/// else the type and a normalised name (`person:donald trump` for "Donald J. Trump",
/// "Mr. Donald Trump" and "DONALD TRUMP").
///
/// The name is lowercased, its diacritics and punctuation dropped ("U.S." is `us`), a possessive
/// `'s` cut, leading honorifics and titles dropped for people ("Sen.", "President"), and so are
/// one-letter middle initials and a trailing "Jr."; a leading "the" is dropped for organisations.
public enum EntityKey {
    /// The key of an entity of `type` called `name`, resolved to GeoNames `geonamesID` when known.
    public static func of(type: EntityType, name: String, geonamesID: Int? = nil) -> String {
        if let id = geonamesID { return "geonames:\(id)" }
        return type.rawValue + ":" + normalisedName(name, type: type)
    }

    /// The words of `name` as the key writes them, joined by one space.
    public static func normalisedName(_ name: String, type: EntityType) -> String {
        var words = self.words(name)
        if type == .person {
            while words.count > 1, honorifics.contains(words[0]) { words.removeFirst() }
            while words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
            if words.count > 2 {
                words = [words[0]] + words[1..<(words.count - 1)].filter { $0.count > 1 } + [words[words.count - 1]]
            }
        } else if type == .organization, words.count > 1, words[0] == "the" {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// Lowercased, unaccented words of `text` (for keys); dots and apostrophes inside a word vanish ("U.S." is
    /// `us`, "O'Malley" is `omalley`) and a possessive "'s" goes.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        func finish() {
            if word.hasSuffix("'s") && word.count > 2 { word.removeLast(2) }
            word.removeAll { $0 == "'" }
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for c in text.unicodeScalars.prefix(400) {
            if c.isASCII {
                switch c.value {
                case 0x30...0x39, 0x61...0x7A: word.unicodeScalars.append(c)
                case 0x41...0x5A: word.unicodeScalars.append(c.lowercased)
                case 0x27: if !word.isEmpty { word.unicodeScalars.append("'") }
                case 0x2E: continue
                default: finish()
                }
            } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                for base in fold(c) { word.unicodeScalars.append(base) }
            } else if c == "\u{2019}" || c == "\u{2018}" {
                if !word.isEmpty { word.unicodeScalars.append("'") }
            } else if c == "." {
                continue
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// The lowercase letters of non-ASCII `c` without accents (é is e, ß stays ß).
    private static func fold(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        let lower = c.properties.lowercaseMapping.unicodeScalars
        var out: [Unicode.Scalar] = []
        for l in lower {
            // Canonical decomposition of a Latin letter puts its base letter first.
            let base = String(l).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? l
            out.append(base.properties.isAlphabetic ? base : l)
        }
        return out
    }

    private static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend",
        "president", "vice", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov",
        "governor", "mayor", "secretary", "gen", "general", "col", "capt", "judge", "justice", "prime", "minister",
        "former", "chancellor", "king", "queen", "prince", "princess", "pope", "speaker", "leader", "candidate",
    ]
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
}

extension Unicode.Scalar {
    /// ASCII lowercase of an ASCII scalar.
    fileprivate var lowercased: Unicode.Scalar {
        (value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(UInt8(value | 0x20)) : self
    }
}

extension Entity {
    /// The entity's identity across articles (see `EntityKey`).
    public var key: String {
        EntityKey.of(type: type, name: name, geonamesID: type == .location ? geo?.geonamesID : nil)
    }
}
