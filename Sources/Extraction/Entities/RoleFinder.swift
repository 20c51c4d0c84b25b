/// Finds the titles and descriptions attached to people: the words before a name ("Russian
/// President", "Chinese leader", "Kremlin spokesman") and an apposition after it ("Hoo Tiang Boon,
/// a professor at Nanyang Technological University in Singapore" gives "professor at Nanyang
/// Technological University").
struct RoleFinder {
    let view: TokenView
    let gazetteer: Gazetteer
    /// Keys of the one-word organisation names of the article, which may qualify a title
    /// ("Fed Chair Jerome Powell" even where this "Fed" was not found as a mention).
    var organisationWords = HashKeySet()

    private static let honorifics = NameLexicon.keys("mr mr. mrs mrs. ms ms. miss sir dame dr dr. prof prof.")
    private static let articles = NameLexicon.keys("a an the")
    private static let inKey = NameKey.ofName("in").key

    /// Roles of the person mention `m`, given all mentions (by the index of their last token).
    func roles(of m: Mention, mentionEndingAt: [Int: Int], mentions: [Mention]) -> [String] {
        var result: [String] = []
        if let r = titleBefore(m, mentionEndingAt: mentionEndingAt, mentions: mentions) { result.append(r) }
        if let r = apposition(after: m) { result.append(r) }
        return result
    }

    private func isHead(_ key: UInt64) -> Bool {
        (NameLexicon.personTitles.contains(key) || NameLexicon.roleNouns.contains(key)) && !Self.honorifics.contains(key)
    }

    private func isDemonym(_ i: Int) -> Bool {
        guard let e = gazetteer.entries(view.keys[i]) else { return false }
        return e.contains { gazetteer.places[Int($0)].kind == .demonym }
    }

    private func titleBefore(_ m: Mention, mentionEndingAt: [Int: Int], mentions: [Mention]) -> String? {
        var i = m.tokens.lowerBound - 1
        let floor = max(0, m.tokens.lowerBound - 8)
        let sentence = view.sentenceOf[m.tokens.lowerBound]
        var start = m.tokens.lowerBound
        var end = m.tokens.lowerBound   // the role ends before any honorific next to the name
        var hasHead = false
        while i >= floor, view.sentenceOf[i] == sentence {
            let key = view.keys[i]
            if Self.honorifics.contains(key) {
                if end == i + 1 { end = i }
                start = i
                i -= 1
                continue
            }
            if isHead(key) || NameLexicon.titleModifiers.contains(key) || isDemonym(i) {
                if isHead(key) { hasHead = true }
                start = i
                i -= 1
                continue
            }
            if organisationWords.contains(key), view.shapes[i] == .capitalised || view.shapes[i] == .upper {
                start = i
                i -= 1
                continue
            }
            if let k = mentionEndingAt[i], mentions[k].type != .person {
                start = mentions[k].tokens.lowerBound
                i = start - 1
                continue
            }
            break
        }
        guard hasHead, start < end else { return nil }
        guard start < end else { return nil }
        return text(start..<end)
    }

    private func apposition(after m: Mention) -> String? {
        let e = m.tokens.upperBound
        guard e + 1 < view.count, view.isMark(e, ","), view.sentenceOf[e + 1] == view.sentenceOf[e] else { return nil }
        var s = e + 1
        if Self.articles.contains(view.keys[s]) { s += 1 }
        guard s < view.count, view.shapes[s] == .lower || isDemonym(s) || NameLexicon.titleModifiers.contains(view.keys[s])
                || isHead(view.keys[s]) else { return nil }
        var j = s
        var hasHead = false
        let sentence = view.sentenceOf[s]
        while j < view.count, j - s < 12, view.sentenceOf[j] == sentence {
            let key = view.keys[j]
            if NameLexicon.appositionStops.contains(key) || view.isMark(j, ".") { break }
            if view.shapes[j] == .number && j == s { return nil }
            if key == Self.inKey, j + 1 < view.count, view.shapes[j + 1] == .capitalised || view.shapes[j + 1] == .upper { break }
            if j - s < 3 && isHead(key) { hasHead = true }
            j += 1
        }
        guard hasHead, j > s else { return nil }
        return text(s..<j)
    }

    private func text(_ tokens: Range<Int>) -> String {
        let t = view.doc.tokens
        return view.doc.slice(Int(t[tokens.lowerBound].start)..<Int(t[tokens.upperBound - 1].end))
    }
}
