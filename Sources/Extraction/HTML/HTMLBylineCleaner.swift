import Foundation

/// Turns bylines and declared authors into people's names: no "By", roles, dates, e-mail addresses,
/// social handles or links; "A and B" and "A, B" split; organisations and values that are not
/// people dropped, and news agencies (Reuters, AP, AFP, dpa, …) kept apart for `dateline.agency`.
struct HTMLBylineCleaner {
    private(set) var names: [String] = []
    private(set) var agencies: [String] = []

    private static let agencyNames: [String: String] = [
        "reuters": "Reuters", "thomson reuters": "Reuters", "ap": "AP", "associated press": "AP", "the associated press": "AP",
        "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "dpa": "dpa", "upi": "UPI", "efe": "EFE",
        "ansa": "ANSA", "xinhua": "Xinhua", "bloomberg": "Bloomberg", "kna": "KNA", "epd": "epd", "sid": "SID", "apa": "APA",
        "pa": "PA", "press association": "PA", "pa media": "PA", "tass": "TASS", "ria novosti": "RIA Novosti", "kyodo": "Kyodo",
        "yonhap": "Yonhap", "anp": "ANP", "belga": "Belga", "sda": "SDA", "keystone-sda": "SDA", "dpa-afx": "dpa-AFX", "aa": "AA",
        "cnn wire": "CNN", "ians": "IANS", "pti": "PTI", "cp": "CP", "the canadian press": "CP", "aap": "AAP", "ddp": "ddp",
    ]
    private static let organisationWords: Set<String> = [
        "news", "agency", "press", "staff", "team", "redaktion", "media", "online", "international", "times", "post", "daily",
        "newsroom", "desk", "editors", "editorial", "group", "inc", "ltd", "gmbh", "corporation", "company", "network", "radio",
        "tv", "television", "magazine", "journal", "tribune", "herald", "gazette", "zeitung", "verlag", "foundation", "institute",
        "university", "ministry", "department", "office", "bureau", "service", "services", "partners", "contributors", "admin",
        "administrator", "webmaster", "guest", "anonymous", "unknown", "sputnik", "spiegel", "welt", "bbc", "cnn", "nbc", "cbs",
        "abc", "fox", "npr", "wire", "wires", "feed", "blog", "redaktionsnetzwerk", "nachrichten", "rédaction", "redacción",
        "agencies", "agences", "agenturen", "name", "antworten", "reply", "like", "follow", "share", "comments", "kommentar",
        "says", "sagt", "meetings", "actually", "welle", "artikel", "article", "eg", "e.v.", "ev", "newsdesk", "user",
        "e-mail", "email", "kitchens", "verband", "bundesverband", "red",
    ]
    private static let roleWords: Set<String> = [
        "reporter", "correspondent", "editor", "writer", "columnist", "contributor", "author", "photographer", "producer",
        "analyst", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "journalist",
        "journaliste", "senior", "chief", "staff", "political", "business", "science", "sports", "deputy", "managing",
        "contributing", "special", "foreign", "national", "associate", "assistant", "freelance", "opinion", "experte",
        "expertin", "redaktion", "gastautor", "gastautorin", "follow",
        // Degrees and titles: the name is written without them.
        "phd", "ph.d", "md", "mba", "dr", "prof", "rechtsanwalt", "rechtsanwältin",
    ]
    private static let leadIns = ["by ", "von ", "par ", "por ", "di ", "door ", "written by ", "text: ", "text ", "autor: ",
                                  "author: ", "reporting by ", "story by ", "words by ", "bericht: ", "ein kommentar von ",
                                  "ein gastbeitrag von ", "ein artikel von ", "ein beitrag von ", "geschrieben von ", "verfasst von ",
                                  "an article by ", "un article de ", "a commentary by ", "posted by ", "published by ", "from "]

    /// Adds the people of a JSON-LD `author` value (`Person` objects, names, arrays).
    mutating func add(json v: JSONValue) {
        switch v {
        case .string(let s): add(s)
        case .array(let items): for item in items.prefix(32) { add(json: item) }
        case .object:
            let type = v["@type"]?.string ?? ""
            guard let name = v["name"]?.string?.cleanedMetadata else { return }
            if type.contains("Organization") {
                if let a = HTMLBylineCleaner.agencyNames[name.lowercased()] { addAgency(a) }
                return
            }
            add(name)
        default: return
        }
    }

    /// Adds the people of one byline or author string.
    mutating func add(_ raw: String) {
        guard var t = HTMLBylineCleaner.withoutLeadingMarks(raw).cleanedMetadata, t.count <= 300 else { return }
        if t.hasPrefix("http") || t.hasPrefix("www.") { return }
        // A picture credit ("© Gepa", "(c) dpa", "Photograph by Jane Doe") is not the article's author
        // (a label, "Fotos: Jane Doe", names the photographer among the authors).
        if t.hasPrefix("©") || t.lowercased().hasPrefix("(c)") { return }
        let opening = t.lowercased().split(separator: " ").prefix(2)
        if opening.count == 2, HTMLBylineCleaner.opensWithPictureWord(t),
           ["by", "von", "de", "par", "por", "di"].contains(opening[opening.startIndex + 1]) { return }
        // The sections a byline line goes on to ("Jane Doe / Kategorien: Event, Fashion") are not names.
        if let r = HTMLBylineCleaner.sectionLabels.lazy.compactMap({ t.range(of: $0, options: .caseInsensitive) }).first {
            t = String(t[..<r.lowerBound])
        }
        for lead in HTMLBylineCleaner.leadIns where t.lowercased().hasPrefix(lead) {
            t = String(t.dropFirst(lead.count))
            break
        }
        // "Posted 11. April 2018 by Jane Doe", "Veröffentlicht am 10. Februar 2019 von Heiko", "Home | Par
        // Jane Doe": a line that names the author after a date or a separator; the name is what follows
        // the first lead-in after it.
        // So does a cue ("Veröffentlicht von Jane", "Posted by Jane").
        let cued = ["veröffentlicht", "posted", "published", "publié", "geschrieben", "eingetragen", "erstellt"].contains { t.lowercased().hasPrefix($0) }
        if cued || t.contains(where: { $0.isNumber || $0 == "|" }) {
            for lead in [" by ", " von ", " par ", " por "] {
                // (Not a picture credit's lead: "Text: Jane Doe | Fotos von John Roe".)
                guard let r = t.range(of: lead, options: .caseInsensitive),
                      cued || t[..<r.lowerBound].contains(where: { $0.isNumber || $0 == "|" }),
                      !["foto", "fotos", "photo", "photos", "bild", "bilder", "illustration", "grafik"].contains(
                          t[..<r.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? "") else { continue }
                t = String(t[r.upperBound...])
                break
            }
        }
        // "Jane Doe in Politik, Kultur": the sections after "in" are not names.
        // (Not in an organisation's name, which is dropped whole below: "Verein in Horka e.V.".)
        if let r = t.range(of: " in ", options: .caseInsensitive), r.lowerBound > t.startIndex,
           !t.split(separator: " ").contains(where: { HTMLBylineCleaner.organisationWords.contains($0.lowercased()) }) {
            t = String(t[..<r.lowerBound])
        }
        // A label before a colon ("Text und Interview: Jane Doe", "Fotos & Text: …") is not a name.
        if let colon = t.firstIndex(of: ":"), t.distance(from: t.startIndex, to: colon) <= 30 {
            let label = t[..<colon], rest = t[t.index(after: colon)...]
            if label.split(separator: " ").count <= 3 && rest.contains(where: \.isLetter) { t = String(rest) }
        }
        for part in HTMLBylineCleaner.commaSeparated(t).split(separator: ",") {
            var words = part.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
            // Lead-ins and labels before the name: "By", "Von:", "Updated:".
            while let f = words.first, HTMLBylineCleaner.leadIns.contains(f.lowercased() + " ")
                || f.hasSuffix(":") && HTMLBylineCleaner.leadIns.contains(f.dropLast().lowercased() + " ")
                || f.hasSuffix(":") && HTMLBylineCleaner.timeLeads.contains(f.dropLast().lowercased()) { words.removeFirst() }
            // Cut at a date, an e-mail, a handle, a dash of roles (a digit inside a word, as in a
            // pseudonym "Bo2man", is not a date).
            var cutAtDate = false
            if let cut = words.firstIndex(where: { $0.contains("@") || $0.first?.isNumber == true || $0 == "-" || $0 == "–" || $0 == "—" || $0.hasPrefix("(") }) {
                cutAtDate = words[cut].first?.isNumber == true
                words = Array(words[..<cut])
                // The words that led to a time or date ("Jane Doe at 5:11 AM", "Max Muster Veröffentlicht am 3. Mai").
                while let l = words.last, HTMLBylineCleaner.timeLeads.contains(l.lowercased()) { words.removeLast() }
            }
            // Month and weekday names left by a date the commas split off ("By Jane Doe, August 14, 2020";
            // "Blackswan Thursday, May 30, 2019"), and the words that led to them. A month name ends a
            // name only before a cut number ("Theresa May" keeps her name).
            var droppedDate = cutAtDate
            while let l = words.last, HTMLDateText.isWeekday(l) || droppedDate && (HTMLDateText.isCalendarWord(l)
                || HTMLBylineCleaner.timeLeads.contains(l.lowercased())) {
                words.removeLast()
                droppedDate = true
            }
            // A role glued on with hyphens ("FOCUS-Online-Experte Robin Tschöpe") goes with it.
            words.removeAll { w in
                let parts = w.lowercased().split(separator: "-")
                return parts.count > 1 && parts.last.map { HTMLBylineCleaner.roleWords.contains(String($0)) } == true
            }
            // "HoeltmannFollow": a button's label glued to the name.
            words = words.map { w in w.hasSuffix("Follow") && w.count > 6 ? String(w.dropLast(6)) : w }
            while let l = words.last, HTMLBylineCleaner.isRole(l) { words.removeLast() }
            while let f = words.first, HTMLBylineCleaner.isRole(f) { words.removeFirst() }
            let name = words.joined(separator: " ").trimming { " .:,;-–—*()[]/|".unicodeScalars.contains($0) }
            // A label left alone in its element ("Von:" above the name) is not a name.
            guard !name.isEmpty, !HTMLBylineCleaner.leadIns.contains(name.lowercased() + " ") else { continue }
            let lower = name.lowercased()
            if let a = HTMLBylineCleaner.agencyNames[lower] {
                addAgency(a)
                continue
            }
            let ws = name.split(separator: " ")
            guard ws.count >= 1 && ws.count <= 5, name.count <= 60 else { continue }
            if ws.contains(where: { HTMLBylineCleaner.organisationWords.contains($0.lowercased()) }) || lower.contains(".com") { continue }
            // People's names are capitalised (particles aside) and hold letters.
            let particles: Set<String> = ["de", "van", "von", "der", "den", "al", "bin", "la", "le", "da", "del", "di", "du", "dos", "ibn", "zu", "ten", "ter"]
            let capitalised = ws.allSatisfy { w in
                guard let f = w.unicodeScalars.first else { return false }
                return !CharacterClass.isLetter(f) || CharacterClass.isUppercase(f) || particles.contains(String(w)) || !f.properties.isCased
            }
            guard capitalised, name.contains(where: \.isLetter) else { continue }
            // A single word is a name only when it is not initials or an all-capitals code ("GNB").
            if ws.count == 1 && (name.count < 3 || name.count <= 4 && name == name.uppercased()) { continue }
            let clean = ws.map { LinePrefix.titleCasedIfAllCaps(Substring($0)) }.joined(separator: " ")
            if !names.contains(clean) && names.count < 12 { names.append(clean) }
        }
    }

    /// A byline line as its words begin: no-break spaces as spaces ("By&nbsp;Jane Doe"), and the dashes,
    /// stars and tildes before it gone ("---- by Jane Doe", "~ Jane").
    static func withoutLeadingMarks(_ line: String) -> String {
        // (0xC2 leads the UTF-8 of the no-break space: most lines have none.)
        let spaced = line.utf8.contains(0xC2) ? line.replacingOccurrences(of: "\u{00A0}", with: " ") : line
        return String(spaced.drop { "-–—*~ ".contains($0) })
    }

    /// The separators between names in a byline, each read as a comma; the first that matches at a
    /// position wins.
    private static let nameSeparators: [[Unicode.Scalar]] = [
        " and ", " And ", " AND ", " und ", " et ", " y ", " e ", " & ", " | ", "|", ";", " / ", " · ", " • ", "\n", " with ",
        " mit ", "•", "·",
    ].map { Array($0.unicodeScalars) }

    /// `t` with every name separator a comma, and a full stop after a word of three letters or more,
    /// with the white space after it, a comma too ("Name. Organisation": the stop ends the name).
    /// One pass over the code points (it was nineteen `replacingOccurrences` and a regular expression).
    static func commaSeparated(_ t: String) -> String {
        let scalars = Array(t.unicodeScalars)
        var out = String.UnicodeScalarView()
        var letters = 0
        var i = 0
        scan: while i < scalars.count {
            for sep in nameSeparators where scalars[i] == sep[0] && i + sep.count <= scalars.count
                && scalars[i..<(i + sep.count)].elementsEqual(sep) {
                out.append(",")
                i += sep.count
                letters = 0
                continue scan
            }
            let c = scalars[i]
            if c == ".", letters >= 3, i + 1 < scalars.count, scalars[i + 1].properties.isWhitespace {
                out.append(",")
                i += 1
                while i < scalars.count && scalars[i].properties.isWhitespace { i += 1 }
                letters = 0
                continue
            }
            letters = CharacterClass.isLetter(c) ? letters + 1 : 0
            out.append(c)
            i += 1
        }
        return String(out)
    }

    private static let pictureWords: Set<String> = ["photograph", "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "illustration"]

    /// Whether a line opens with a word for a picture ("Fotos: …", "Photograph by …").
    static func opensWithPictureWord(_ line: String) -> Bool {
        guard let w = line.split(separator: " ").first else { return false }
        return pictureWords.contains(w.lowercased().trimmingPunctuation())
    }
    private static let sectionLabels = ["kategorien:", "kategorie:", "categories:", "category:", "tags:", "filed under", "schlagwörter:", "rubrik:"]

    private static let timeLeads: Set<String> = [
        "at", "on", "am", "um", "le", "à", "el", "il", "op", "published", "posted", "updated", "veröffentlicht", "erstellt",
        "aktualisiert", "publié", "publicado", "pubblicato",
    ]

    /// Whether `word` (lowercased, punctuation trimmed) is a role, singular or plural.
    private static func isRole(_ word: String) -> Bool {
        let w = word.lowercased().trimmingPunctuation()
        return roleWords.contains(w) || w.hasSuffix("s") && roleWords.contains(String(w.dropLast()))
    }

    private mutating func addAgency(_ a: String) {
        if !agencies.contains(a) { agencies.append(a) }
    }
}
