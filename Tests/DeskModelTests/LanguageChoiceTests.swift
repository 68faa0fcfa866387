import XCTest

@testable import DeskModel

/// Which language is spoken: `--language`, the stored language, LANGUAGE, LC_ALL,
/// LC_MESSAGES, LANG, else English.
final class LanguageChoiceTests: XCTestCase {
    private func choose(option: Language? = nil, stored: Language? = nil, _ environment: [String: String] = [:]) -> Language {
        LanguageChoice.language(option: option, stored: stored, environment: environment)
    }

    func testEachSourceWinsOverEveryLaterOne() {
        let everything = ["LANGUAGE": "it", "LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "ja_JP.UTF-8"]
        XCTAssertEqual(choose(option: .french, stored: .brazilianPortuguese, everything), .french)
        XCTAssertEqual(choose(stored: .brazilianPortuguese, everything), .brazilianPortuguese)
        XCTAssertEqual(choose(everything), .italian)
        XCTAssertEqual(choose(everything.filter { $0.key != "LANGUAGE" }), .german)
        XCTAssertEqual(choose(["LC_MESSAGES": "es_ES.UTF-8", "LANG": "ja_JP.UTF-8"]), .spanish)
        XCTAssertEqual(choose(["LANG": "ja_JP.UTF-8"]), .japanese)
        XCTAssertEqual(choose([:]), .english)
    }

    func testLanguageListTakesTheFirstLanguageWeHave() {
        XCTAssertEqual(choose(["LANGUAGE": "sv:nb_NO:pt_PT:fr", "LANG": "de_DE.UTF-8"]), .brazilianPortuguese)
        XCTAssertEqual(choose(["LANGUAGE": "ru:ja", "LANG": "de_DE.UTF-8"]), .japanese)
        // None we have: the locale decides.
        XCTAssertEqual(choose(["LANGUAGE": "ru:sv", "LANG": "de_DE.UTF-8"]), .german)
        // Empty entries and an empty list are passed over.
        XCTAssertEqual(choose(["LANGUAGE": "::it", "LANG": "de_DE.UTF-8"]), .italian)
        XCTAssertEqual(choose(["LANGUAGE": "", "LANG": "de_DE.UTF-8"]), .german)
    }

    func testLanguageCountsEvenWhenTheLocaleIsC() {
        // The only UTF-8 locale of many servers is C.UTF-8: LANGUAGE must still work there.
        XCTAssertEqual(choose(["LANG": "C.UTF-8", "LANGUAGE": "fr"]), .french)
        XCTAssertEqual(choose(["LC_ALL": "C", "LANGUAGE": "ja"]), .japanese)
    }

    func testTheFirstLocaleVariableSetDecidesAndCOrPOSIXNameNoLanguage() {
        // LC_ALL overrides: a C or unknown locale there means English, not LANG's language.
        XCTAssertEqual(choose(["LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"]), .english)
        XCTAssertEqual(choose(["LC_ALL": "POSIX", "LANG": "fr_FR.UTF-8"]), .english)
        XCTAssertEqual(choose(["LC_ALL": "ru_RU.UTF-8", "LANG": "fr_FR.UTF-8"]), .english)
        XCTAssertEqual(choose(["LC_MESSAGES": "C", "LANG": "fr_FR.UTF-8"]), .english)
        // An empty variable counts as unset.
        XCTAssertEqual(choose(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "it_IT.UTF-8"]), .italian)
        XCTAssertEqual(choose(["LANG": "C"]), .english)
        XCTAssertEqual(choose(["LANG": "POSIX"]), .english)
    }

    func testLocaleSpellings() {
        let cases: [(String, Language?)] = [
            ("fr", .french), ("fr_CA.UTF-8", .french), ("de_AT@euro", .german), ("ja_JP.eucJP", .japanese),
            ("pt_BR.UTF-8", .brazilianPortuguese), ("pt_PT", .brazilianPortuguese), ("pt-br", .brazilianPortuguese),
            ("es_MX", .spanish), ("it_CH.UTF-8", .italian), ("en_GB.UTF-8", .english),
            ("C", nil), ("C.UTF-8", nil), ("POSIX", nil), ("", nil), ("nl_NL", nil),
        ]
        for (tag, expected) in cases {
            XCTAssertEqual(LanguageChoice.fromEnvironment(["LANG": tag]), expected, tag)
        }
    }

    func testNamedLanguagesAreReadAndOthersRefusedWithTheTagsWeHave() throws {
        XCTAssertEqual(try Language.named("pt-BR"), .brazilianPortuguese)
        XCTAssertEqual(try Language.named(" ja "), .japanese)
        XCTAssertEqual(try Language.named("de_DE.UTF-8"), .german)
        for bad in ["xx", "C", "POSIX", "", "klingon"] {
            XCTAssertDeskError(
                try Language.named(bad), .refused(CommandLineNotices.unknownLanguage(bad, accepted: "en, fr, it, de, es, ja, pt-BR")))
        }
    }

    func testStoredLanguageIsReadFromTheUsersSettings() {
        XCTAssertEqual(LanguageChoice.stored(UserSettings(language: "fr")), .french)
        XCTAssertEqual(LanguageChoice.stored(UserSettings(language: "pt-BR")), .brazilianPortuguese)
        XCTAssertNil(LanguageChoice.stored(UserSettings()))
        // A value this version does not know is passed over, not an error at start.
        XCTAssertNil(LanguageChoice.stored(UserSettings(language: "tlh")))
    }
}
