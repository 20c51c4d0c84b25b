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
