/// Identifies the language of a document (ISO 639-1): by script for Russian, Chinese, Japanese,
/// Korean, Arabic, Greek, Hebrew and Hindi, and by stop words for the Latin-script languages
/// (en, de, fr, es, it, pt, nl, pl). Looks at a bounded sample of tokens, so it costs the same for any
/// length of article.
public enum LanguageIdentifier {
    /// Tokens looked at.
    static let sampleSize = 600

    /// The document's language code: the one its text shows, else the one its markup declares
    /// (the primary subtag of `<html lang="fr-FR">`), else English. The text comes first because
    /// templates declare their site's language on pages in others.
    public static func identify(_ doc: Document, declared: String? = nil) -> String {
        evidence(scalars: doc.scalars, tokens: doc.tokens) ?? primarySubtag(declared) ?? "en"
    }

    /// The language `tokens` over `scalars` show: their script's, or the Latin-script language
    /// with the most function words; nil when nothing decides.
    ///
    /// Only function words written in lower case count: tables, results lists and bond notices
    /// (`NA`, `SER A`, `1. A. Smith`) are full of capitalised abbreviations and initials that spell
    /// other languages' function words. The winner must also have one word in `minimumShare` of
    /// the words looked at: prose in any language is a third function words, while a results list
    /// naming `de la` and `van` has a handful.
    static func evidence(scalars: [Unicode.Scalar], tokens: [Token]) -> String? {
        var scripts = [Script: Int]()
        var latin = 0
        var hits = [Int](repeating: 0, count: LanguageStopWords.languages.count)
        var seen = 0
        for t in tokens where t.kind == .word {
            seen += 1
            if seen > sampleSize { break }
            let first = scalars[Int(t.start)]
            if first.value < 0x250 {
                latin += 1
                guard CharacterClass.isLowercase(first), let key = LatinKey.of(scalars, t.range),
                      let mask = LanguageStopWords.index[key] else { continue }
                for l in hits.indices where mask & (1 << l) != 0 { hits[l] += 1 }
            } else if let s = Script(first) {
                scripts[s, default: 0] += 1
            }
        }
        if let (script, count) = scripts.max(by: { $0.value < $1.value }), count > latin {
            if script == .han, (scripts[.kana] ?? 0) * 10 > count { return "ja" }
            return script.language
        }
        // Ties go to the earlier language in this order (English first).
        var best = "en", bestHits = 0
        for (l, lang) in LanguageStopWords.languages.enumerated() where hits[l] > bestHits {
            best = lang
            bestHits = hits[l]
        }
        return bestHits >= 2 && bestHits * minimumShare >= latin ? best : nil
    }

    /// `fr` of `fr-FR`, `FR` or `fr_FR`; nil unless it is two or three ASCII letters.
    static func primarySubtag(_ tag: String?) -> String? {
        guard let tag, let first = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first,
              (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return first.lowercased()
    }

    /// A language other than English needs one function word in this many Latin-script words.
    static let minimumShare = 20

    enum Script: Hashable {
        case cyrillic, han, kana, hangul, arabic, greek, hebrew, devanagari, thai

        init?(_ c: Unicode.Scalar) {
            switch c.value {
            case 0x0370...0x03FF: self = .greek
            case 0x0400...0x052F: self = .cyrillic
            case 0x0590...0x05FF: self = .hebrew
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x0900...0x097F: self = .devanagari
            case 0x0E00...0x0E7F: self = .thai
            case 0x3040...0x30FF: self = .kana
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: self = .han
            case 0xAC00...0xD7AF, 0x1100...0x11FF: self = .hangul
            default: return nil
            }
        }

        var language: String {
            switch self {
            case .cyrillic: "ru"
            case .han: "zh"
            case .kana: "ja"
            case .hangul: "ko"
            case .arabic: "ar"
            case .greek: "el"
            case .hebrew: "he"
            case .devanagari: "hi"
            case .thai: "th"
            }
        }
    }
}

/// The most frequent function words of each Latin-script language.
enum LanguageStopWords {
    static let lists: [String: [String]] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "are", "with", "as", "his", "they",
               "be", "at", "this", "have", "from", "or", "had", "by", "but", "not", "what", "were", "we", "when", "your",
               "said", "there", "which", "their", "will", "would", "has", "been", "who", "its", "after", "also", "he", "she"],
        "de": ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem",
               "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird",
               "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber"],
        "fr": ["le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas",
               "sur", "au", "par", "ne", "il", "plus", "avec", "ce", "se", "sont", "aux", "elle", "ont", "mais", "été", "cette",
               "ou", "nous", "leur", "c'est", "d'un", "d'une", "l'", "selon", "était", "ces"],
        "es": ["el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su",
               "al", "es", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "ha", "sí", "porque", "esta", "entre",
               "cuando", "muy", "sin", "sobre", "también", "fue", "hay", "dijo", "según"],
        "it": ["il", "di", "che", "e", "la", "per", "un", "in", "non", "una", "del", "della", "si", "sono", "con", "da",
               "al", "le", "gli", "ha", "anche", "dei", "nel", "alla", "più", "è", "come", "ma", "questo", "lo", "delle",
               "nella", "degli", "ai", "dal", "suo", "stato", "essere", "sua", "ci", "tra", "secondo"],
        "pt": ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se",
               "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu", "sua", "ou",
               "ser", "quando", "muito", "há", "nos", "já", "está", "também", "pelo", "pela", "até", "isso", "disse", "são"],
        "nl": ["de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er",
               "die", "hij", "ook", "als", "bij", "door", "maar", "om", "uit", "nog", "wordt", "naar", "werd", "heeft", "dan",
               "zij", "over", "tot", "worden", "kan", "zo", "hebben", "wel", "deze", "meer", "geen"],
        // Words with letters beyond Latin-1 (`się`, `że`, `być`) have no `LatinKey` and are left out.
        "pl": ["i", "w", "z", "na", "nie", "do", "jest", "jak", "po", "co", "ale", "od", "za", "tak", "przez", "dla",
               "jego", "tylko", "czy", "jej", "oraz", "tym", "ich", "tego", "ten", "jako", "które", "który", "która",
               "przy", "ze", "pod", "bardzo", "gdy", "jeszcze", "tej"],
    ]

    /// The languages, English first (ties go to the earlier one).
    static let languages = ["en", "de", "fr", "es", "it", "pt", "nl", "pl"]

    /// Word key (`LatinKey`) → bit `l` set when `languages[l]`'s list holds the word.
    static let index: HashKeyMap<UInt8> = {
        var index = HashKeyMap<UInt8>()
        for (l, lang) in languages.enumerated() {
            for w in lists[lang] ?? [] {
                if let key = LatinKey.of(w) { index[key, default: 0] |= 1 << l }
            }
        }
        return index
    }()
}
