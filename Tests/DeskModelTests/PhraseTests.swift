@testable import DeskModel
import XCTest

final class PhraseTests: XCTestCase {
    static let sample = PhraseDomain(name: "PhraseTestsSample")
    var folder: URL!
    var catalogues: Catalogues!

    /// Catalogues written here, so the rules are tested apart from the project's translations.
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phrase-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("PhraseTestsSample"), withIntermediateDirectories: true)
        for (language, text) in Self.sampleCatalogues {
            try Data(text.utf8).write(to: folder.appendingPathComponent("PhraseTestsSample/\(language.rawValue).po"))
        }
        catalogues = Catalogues(overrideFolder: folder.path, executableFolder: nil)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let sampleCatalogues: [Language: String] = [
        .french: #"""
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=2; plural=(n > 1);\n"

            msgid "{count} new message on #{number}"
            msgid_plural "{count} new messages on #{number}"
            msgstr[0] "{count} nouveau message sur le n°{number}"
            msgstr[1] "{count} nouveaux messages sur le n°{number}"

            msgid "Assigned to {assignee} by {actor}"
            msgstr "Attribué par {actor} à {assignee}"

            msgctxt "status"
            msgid "Open"
            msgstr "Ouvert"

            msgctxt "verb"
            msgid "Open"
            msgstr "Ouvrir"

            msgid "Status is {status}"
            msgstr "Le statut est {status}"

            msgid "Not yet translated"
            msgstr ""
            """#,
        .japanese: #"""
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=1; plural=0;\n"

            msgid "{count} new message on #{number}"
            msgid_plural "{count} new messages on #{number}"
            msgstr[0] "#{number} に新着メッセージが {count} 件あります"
            """#,
        .brazilianPortuguese: #"""
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=2; plural=(n > 1);\n"

            msgid "{count} new message on #{number}"
            msgid_plural "{count} new messages on #{number}"
            msgstr[0] "{count} nova mensagem no #{number}"
            msgstr[1] "{count} novas mensagens no #{number}"
            """#,
        .german: "msgid \"Open\"\nmsgstr \"Offen\n",
    ]

    func counted(_ count: Int) -> Phrase {
        Phrase(domain: Self.sample, english: "{count} new message on #{number}", englishPlural: "{count} new messages on #{number}",
               count: count, arguments: ["number": .number(42)])
    }

    func testPluralsFollowEachLanguagesRule() {
        XCTAssertEqual([0, 1, 2].map { counted($0).text(in: .french, using: catalogues) },
                       ["0 nouveau message sur le n°42", "1 nouveau message sur le n°42", "2 nouveaux messages sur le n°42"])
        XCTAssertEqual([0, 1, 2].map { counted($0).text(in: .english, using: catalogues) },
                       ["0 new messages on #42", "1 new message on #42", "2 new messages on #42"])
        XCTAssertEqual([0, 1, 2].map { counted($0).text(in: .brazilianPortuguese, using: catalogues) },
                       ["0 nova mensagem no #42", "1 nova mensagem no #42", "2 novas mensagens no #42"])
        XCTAssertEqual([1, 5].map { counted($0).text(in: .japanese, using: catalogues) },
                       ["#42 に新着メッセージが 1 件あります", "#42 に新着メッセージが 5 件あります"])
    }

    func testNamedPlaceholdersMayChangeOrder() {
        let phrase = Phrase(domain: Self.sample, english: "Assigned to {assignee} by {actor}",
                            arguments: ["assignee": .text("bob"), "actor": .text("alice")])
        XCTAssertEqual(phrase.text(in: .english, using: catalogues), "Assigned to bob by alice")
        XCTAssertEqual(phrase.text(in: .french, using: catalogues), "Attribué par alice à bob")
    }

    func testContextSeparatesEqualEnglish() {
        let status = Phrase(domain: Self.sample, english: "Open", context: "status")
        let verb = Phrase(domain: Self.sample, english: "Open", context: "verb")
        XCTAssertEqual([status.text(in: .french, using: catalogues), verb.text(in: .french, using: catalogues)], ["Ouvert", "Ouvrir"])
        XCTAssertEqual([status.text(in: .english, using: catalogues), verb.text(in: .english, using: catalogues)], ["Open", "Open"])
        XCTAssertNotEqual(status, verb)
    }

    func testNestedPhrasesRenderInTheSameLanguage() {
        let phrase = Phrase(domain: Self.sample, english: "Status is {status}",
                            arguments: ["status": .phrase(Phrase(domain: Self.sample, english: "Open", context: "status"))])
        XCTAssertEqual(phrase.text(in: .french, using: catalogues), "Le statut est Ouvert")
        XCTAssertEqual(phrase.text(in: .english, using: catalogues), "Status is Open")
    }

    func testMissingTranslationsReadInEnglish() {
        XCTAssertEqual(Phrase(domain: Self.sample, english: "Not yet translated").text(in: .french, using: catalogues), "Not yet translated")
        XCTAssertEqual(Phrase(domain: Self.sample, english: "Not in the catalogue").text(in: .french, using: catalogues), "Not in the catalogue")
        XCTAssertEqual(counted(3).text(in: .italian, using: catalogues), "3 new messages on #42", "no Italian catalogue at all")
    }

    func testABrokenCatalogueReadsInEnglishWithOneWarning() {
        let warnings = catalogues.preload([Self.sample], for: .german)
        XCTAssertEqual(warnings, ["\(folder.path)/PhraseTestsSample/de.po:2: a string without its closing quote; showing English instead of Deutsch"])
        XCTAssertNil(catalogues.catalogue(Self.sample, .german))
        XCTAssertEqual(catalogues.warnings.count, 1, "warned once, not at every use")
        XCTAssertEqual(Phrase(domain: Self.sample, english: "Open").text(in: .german, using: catalogues), "Open")
    }

    func testCataloguesAreFoundBesideTheBinaryOrUnderShareAfterAnOverride() throws {
        let binary = folder.appendingPathComponent("prefix/bin")
        let bundle = binary.appendingPathComponent("deskterm_PhraseTestsSample.resources/Catalogues")
        let share = folder.appendingPathComponent("prefix/share/deskterm/PhraseTestsSample")
        for place in [bundle, share] { try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true) }
        func write(_ text: String, _ place: URL) throws {
            try Data("msgctxt \"status\"\nmsgid \"Open\"\nmsgstr \"\(text)\"\n".utf8).write(to: place.appendingPathComponent("it.po"))
        }
        func italian(override: String?) -> String {
            Phrase(domain: Self.sample, english: "Open", context: "status")
                .text(in: .italian, using: Catalogues(overrideFolder: override, executableFolder: binary))
        }
        try write("Aperto (share)", share)
        XCTAssertEqual(italian(override: nil), "Aperto (share)")
        try write("Aperto (bundle)", bundle)
        XCTAssertEqual(italian(override: nil), "Aperto (bundle)")
        XCTAssertEqual(italian(override: folder.appendingPathComponent("elsewhere").path), "Aperto (bundle)", "an override without the file")
        try write("Aperto (override)", folder.appendingPathComponent("PhraseTestsSample"))
        XCTAssertEqual(italian(override: folder.path), "Aperto (override)")
    }

    func testAMissingCatalogueReadsInEnglishAndSaysWhereItLooked() {
        let empty = Catalogues(overrideFolder: nil, executableFolder: folder.appendingPathComponent("bin"))
        XCTAssertEqual(Phrase(domain: Self.sample, english: "Open", context: "status").text(in: .spanish, using: empty), "Open")
        XCTAssertEqual(empty.warnings, ["no Español catalogue for PhraseTestsSample (looked for \(folder.path)/bin/deskterm_PhraseTestsSample.resources/Catalogues/es.po, \(folder.path)/share/deskterm/PhraseTestsSample/es.po); showing English"])
    }

    func testTheTestBinaryFindsDeskModelsCataloguesAsTheBuiltBinaryDoes() {
        XCTAssertEqual(Catalogues.shared.preload([.model], for: .french), [])
        XCTAssertNotNil(Catalogues.shared.catalogue(.model, .japanese))
    }

    func testVerbatimTextIsTheSameInEveryLanguage() {
        XCTAssertEqual(Language.allCases.map { Phrase.verbatim("{x} 'xdg-open' exited").text(in: $0, using: catalogues) },
                       Array(repeating: "{x} 'xdg-open' exited", count: Language.allCases.count))
    }

    /// Counts are grouped as the reader's language groups digits; ticket numbers never are
    /// (found in review: a German screen read "die ersten 1,000 Tickets").
    func testCountsAreGroupedPerLanguageAndNumbersAreNot() {
        XCTAssertEqual(PhraseArgument.quantity(1000).text(in: .german), "1.000")
        XCTAssertEqual(PhraseArgument.quantity(1000).text(in: .french), "1 000")
        XCTAssertEqual(PhraseArgument.quantity(1000).text(in: .english), "1,000")
        XCTAssertEqual(PhraseArgument.number(1000).text(in: .german), "1000")
        let tooLong = DeskError.textTooLong(field: .subject, length: 5_000, limit: 200).phrase
        XCTAssertEqual(tooLong.text(in: .english), "The subject is 5,000 characters long; the limit is 200")
        XCTAssertTrue(tooLong.text(in: .german).contains("5.000"), tooLong.text(in: .german))
    }
}
