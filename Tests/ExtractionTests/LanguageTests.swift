@testable import Extraction
import Testing

@Suite struct LanguageTests {
    private func language(_ text: String) -> String {
        LanguageIdentifier.identify(TextStages.document(text).0)
    }

    static let samples: [(String, String)] = [
        ("en", "The president said on Thursday that the two countries would continue to work together, and that there was no reason for the talks to fail."),
        ("de", "Der Präsident sagte am Donnerstag, dass die beiden Länder auch weiterhin zusammenarbeiten werden und es keinen Grund für ein Scheitern der Gespräche gebe."),
        ("fr", "Le président a déclaré jeudi que les deux pays continueraient à travailler ensemble et qu'il n'y avait aucune raison pour que les discussions échouent."),
        ("es", "El presidente dijo el jueves que los dos países seguirán trabajando juntos y que no hay ninguna razón para que las conversaciones fracasen."),
        ("it", "Il presidente ha detto giovedì che i due paesi continueranno a lavorare insieme e che non c'è alcun motivo per cui i colloqui falliscano."),
        ("pt", "O presidente disse na quinta-feira que os dois países vão continuar a trabalhar juntos e que não há razão para que as conversas fracassem."),
        ("nl", "De president zei donderdag dat de twee landen zullen blijven samenwerken en dat er geen reden is waarom de gesprekken zouden mislukken."),
        ("pl", "Prezydent powiedział w czwartek, że oba kraje będą nadal współpracować i że nie ma powodu, by rozmowy przez to się nie powiodły."),
        ("ru", "Президент заявил в четверг, что две страны продолжат работать вместе и что нет никаких причин для провала переговоров."),
        ("zh", "总统星期四表示，两国将继续合作，会谈没有理由失败。"),
        ("ar", "قال الرئيس يوم الخميس إن البلدين سيواصلان العمل معا وإنه لا يوجد سبب لفشل المحادثات."),
    ]

    @Test(arguments: samples) func identifiesEachLanguage(_ sample: (String, String)) {
        #expect(language(sample.1) == sample.0)
    }

    @Test func shortOrEmptyTextDefaultsToEnglish() {
        #expect(language("Hello world.") == "en")
        #expect(language("12345") == "en")
    }

    /// A results list has few function words; the particles of a few names (`de la`) must not
    /// make it Spanish or French, which would skip its entities.
    @Test func aResultsListNamingPeopleWithParticlesIsEnglish() {
        let results = """
            ATHLETICS - GRAND PRIX RESULTS .
            Leading results on Friday :
            Women 's discus
            1. Ilse Brandt ( Germany ) 66.10 metres
            2. Ana de la Cruz ( Spain ) 65.17 metres
            3. Paula Reed ( Britain ) 64.24 metres
            4. Tanya Kovac ( Croatia ) 63.31 metres
            5. Sara Lind ( Sweden ) 62.38 metres
            6. Eva Novak ( Czech Republic ) 61.45 metres
            7. Jo Kim ( South Korea ) 60.02 metres
            Women 's 5,000 metres
            1. Rosa de Castro ( Cuba ) 14:48.20
            2. Kate Moore ( Ireland ) 14:49.23
            3. Nina Petrova ( Russia ) 14:50.26
            4. Lucy Kamau ( Kenya ) 14:51.29
            5. Maria Rossi ( Italy ) 14:52.32
            6. Helen Berg ( Norway ) 14:53.35
            7. Amy Hunt ( Australia ) 14:55.01
            """
        #expect(language(results) == "en")
    }

    /// Capitalised abbreviations (`NA`, `SER A`, `NO`) spell Portuguese function words.
    @Test func aNoticeInCapitalsIsEnglish() {
        let notice = """
            WATER REVENUE BONDS
            $ 22,040,000 SER A
            DELIVERY DATE : 09/05/1996 ( FIRM )
            MATURITY SER A SER B
            BOOK ENTRY : NO
            M / SP / F : NA / NA / NA
            RATING : A / A
            """
        #expect(language(notice) == "en")
    }

    /// A team sheet has no function words: the page's `<html lang>` decides, as written (`fr-FR`).
    @Test func aPageWhoseTextDoesNotTellHasTheLanguageItDeclares() throws {
        let page = """
            <html lang="fr-FR"><head><title>Lorient - Lyon</title></head><body><article>
            <h1>Lorient - Olympique Lyonnais</h1>
            <p>DATE : 27/09/2020</p><p>STADE : Stade Yves Allainmat</p>
            <ul><li>Y. Wissa</li><li>T. Fontaine</li><li>J. Laporte</li><li>J. Morel</li><li>P. Nardi</li>
            <li>M. Depay</li><li>M. Dembélé</li><li>L. Dubois</li><li>H. Aouar</li></ul>
            </article></body></html>
            """
        let article = try TextStages.extract(Array(page.utf8), format: .html).get()
        #expect(article.language == "fr")
    }

    /// Templates declare their site's language on pages in others: the text wins.
    @Test func aPageWhoseTextTellsIgnoresItsDeclaration() throws {
        let page = "<html lang=\"en\"><body><article><p>\(LanguageTests.samples[1].1)</p></article></body></html>"
        let article = try TextStages.extract(Array(page.utf8), format: .html).get()
        #expect(article.language == "de")
    }

    @Test func aJSONArticleDeclaresItsLanguage() throws {
        let json = #"{"title": "Aufstellung", "language": "de", "text": "FC Augsburg : R. Gikiewicz ; R. Gumny , J. Gouweleeuw , F. Uduokhai , I. Iago"}"#
        let article = try TextStages.extract(Array(json.utf8), format: .json).get()
        #expect(article.language == "de")
        #expect(LanguageIdentifier.primarySubtag("x") == nil)
        #expect(LanguageIdentifier.primarySubtag("pt_BR") == "pt")
    }

    @Test func nonEnglishSkipsTheEnglishExtractorsWithAWarning() throws {
        let article = try #require(TestExtractorText.extract(LanguageTests.samples[1].1))
        #expect(article.language == "de")
        #expect(article.warnings.contains { $0.contains("not supported") })
    }
}

private enum TestExtractorText {
    static func extract(_ text: String) -> ExtractedArticle? {
        try? TextStages.extract(Array(text.utf8), format: .text).get()
    }
}
