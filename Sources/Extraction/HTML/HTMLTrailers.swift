/// The short lines with which pages end an article and begin what follows it (related links,
/// readers' comments, the author's box, share buttons), in the corpus's languages, and the lone
/// link labels ("Read more") that stand between paragraphs. Matched on the whole line, lowercased,
/// without a leading count ("12 Kommentare") or trailing punctuation.
enum HTMLTrailers {
    enum Kind { case ending, line }

    private static let endings: Set<String> = [
        // English
        "related", "related articles", "related posts", "related stories", "related content", "related news", "related topics",
        "related reading", "more on this story", "more on this topic", "more stories", "more articles", "more from", "you might also like",
        "you may also like", "recommended", "recommended for you", "read next", "popular", "most popular", "most read", "trending",
        "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment", "join the discussion",
        "about the author", "share this", "share this article", "share this post", "share", "sharing is caring",
        "see also", "also read", "don't miss", "further reading", "tags", "categories", "related coverage",
        // German
        "mehr zum thema", "weitere artikel", "verwandte artikel", "ähnliche artikel", "ähnliche beiträge", "verwandte beiträge",
        "weitere beiträge", "das könnte sie auch interessieren", "das könnte dich auch interessieren", "auch interessant",
        "schon gelesen", "lesen sie auch", "lies auch", "empfehlungen", "unsere empfehlungen", "meistgelesen", "beliebte artikel",
        "kommentare", "kommentar", "kommentar schreiben", "kommentare schreiben", "kommentieren", "diskussion", "ihre meinung",
        "über den autor", "über die autorin", "zur person", "artikel teilen", "beitrag teilen", "seite teilen", "teilen",
        "diesen artikel teilen", "war der artikel nützlich", "war dieser artikel hilfreich", "war dieser beitrag hilfreich",
        "zum weiterlesen", "weiterführende links", "weitere themen", "themen", "schlagwörter", "interessante artikel",
        "vorschau auf den nächsten artikel", "neueste artikel", "aktuelle artikel", "lesen sie auch die folgenden beiträge",
        "möchten sie den artikel teilen", "artikel bewerten", "beitrag bewerten", "empfehlungen aus der redaktion",
        "top themen der redaktion", "lust auf mehr", "weiterführender link", "kommende events",
        // French
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "articles liés", "commentaires",
        "laisser un commentaire", "partager", "partager cet article", "à propos de l'auteur", "voir aussi", "les plus lus",
        // Spanish, Italian, Portuguese, Dutch, Polish
        "artículos relacionados", "noticias relacionadas", "notas relacionadas", "comentarios", "articoli correlati", "commenti", "leggi anche",
        "veja também", "leia também", "leia mais", "artigos relacionados", "gerelateerde artikelen", "reacties", "lees ook",
        "czytaj też", "czytaj także", "komentarze", "zobacz też", "zobacz także", "polecane",
        // Chinese, Arabic
        "相关文章", "相关阅读", "相关新闻", "相关推荐", "推荐阅读", "延伸阅读", "热门文章", "评论", "网友评论",
        "اقرأ أيضا", "اقرأ أيضاً", "مقالات ذات صلة", "أخبار ذات صلة", "التعليقات", "تعليقات",
    ]
    private static let lines: Set<String> = [
        "read more", "continue reading", "read the full story", "read full article", "weiterlesen", "mehr lesen", "mehr erfahren",
        "lire la suite", "en savoir plus", "leer más", "leggi tutto", "czytaj więcej", "阅读全文", "查看全文", "اقرأ المزيد",
        "advertisement", "anzeige", "werbung", "publicité", "sponsored", "print", "drucken", "imprimer", "e-mail", "email",
        "back to top", "nach oben", "zurück", "back", "explore further", "loading", "wird geladen", "drukuj",
        "empfohlener redaktioneller inhalt", "permalien", "permalink",
        // Labels of boxes set into the article (contact, table of contents, sources, a gallery's buttons).
        "weitere informationen", "zusatzinformationen", "kontakt", "pressekontakt", "ansprechpartner", "ansprechpartnerin",
        "inhaltsverzeichnis", "quellen ausblenden", "quellen anzeigen", "bild anzeigen", "bild schließen", "bild anzeigen bild schließen",
    ]

    /// Labels that open a photo credit or a date line: the line is not article text.
    private static let labels: [[UInt8]] = [String]([
        "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "beitragsbild:", "titelbild:", "titelfoto:", "bildquelle:",
        "image:", "images:", "credit:", "credits:", "(credit:", "(foto:", "(photo:", "crédit photo", "crédits photo", "photo credit",
        "image credit", "©", "published:", "updated:", "posted on", "posted by", "veröffentlicht:", "veröffentlicht am", "aktualisiert:",
        "aktualisiert am", "publiziert:", "publiziert am", "erstellt am", "stand:", "publié le", "mis à jour le",
        // Advertising disclosures and paywall calls.
        "*werbung", "werbung:", "anzeige,", "anzeige:", "subscribe now to",
    ]).map { Array($0.utf8) }

    private static let dashesAndSpaces: Set<Unicode.Scalar> = ["-", "–", "—", " "]

    /// Lines are read as code points, not `Character`s: the reader asks this of every short paragraph.
    static func kind(_ text: [UInt8]) -> Kind? {
        let lower = lowercased(text)
        if text.count <= 160 && labels.contains(where: { lower.starts(with: $0) }) { return .line }
        let scalars = Array(String(decoding: lower, as: UTF8.self).unicodeScalars)
        var a = 0, b = scalars.count
        func isNumber(_ c: Unicode.Scalar) -> Bool { c.properties.numericType != nil }
        while a < b, isNumber(scalars[a]) || " ()".unicodeScalars.contains(scalars[a]) { a += 1 }
        while a < b, isNumber(scalars[b - 1]) || ":?!.… »›>()".unicodeScalars.contains(scalars[b - 1]) { b -= 1 }
        while a < b, "»›> ".unicodeScalars.contains(scalars[a]) { a += 1 }
        // Nothing but numbers and punctuation: a lone date or time ("23.10.2018", "14:05").
        if a == b { return text.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) ? .line : nil }
        let key = String(scalars: scalars[a..<b])
        if endings.contains(key) { return .ending }
        if lines.contains(key) { return .line }
        // A label between dashes ("- Anzeige -", "– Advertisement –").
        let keyLength = b - a
        while a < b, dashesAndSpaces.contains(scalars[a]) { a += 1 }
        while a < b, dashesAndSpaces.contains(scalars[b - 1]) { b -= 1 }
        if a < b && b - a < keyLength && lines.contains(String(scalars: scalars[a..<b])) { return .line }
        return nil
    }

    /// `text` lowercased: ASCII byte by byte, anything else as `String.lowercased()` does it.
    private static func lowercased(_ text: [UInt8]) -> [UInt8] {
        guard text.allSatisfy({ $0 < 0x80 }) else { return Array(String(decoding: text, as: UTF8.self).lowercased().utf8) }
        return text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
