@testable import DeskModel
import XCTest

/// The catalogue check itself, on a small target written here.
final class CatalogueAuditTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Catalogues"), withIntermediateDirectories: true)
        try write("Sources.swift", #"""
            enum Sample {
                static let kept = Phrase.model("Draft kept")
                static func open(_ n: Int64) -> Phrase { .model("Open", context: "status", ["n": .number(n)]) }
                static func arrivals(_ count: Int, _ who: String) -> Phrase {
                    .model(one: "New message from {author}", other: "{count} new messages, the last from {author}",
                           count: count, ["author": .text(who)])
                }
                static func escaped() -> Phrase { .model("Say \"hi\" \u{2192} go") }
            }
            """#)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func header(_ language: Language) -> String {
        "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=\(CatalogueAudit.pluralFormCount(language)); plural=0;\\n\"\n\n"
    }

    func goodCatalogue(_ language: Language) -> String {
        let plural = language == .japanese
            ? "msgstr[0] \"{author} さんなど {count} 件\"\n"
            : "msgstr[0] \"Nouveau message de {author}\"\nmsgstr[1] \"{count} nouveaux messages, le dernier de {author}\"\n"
        return header(language) + """
            msgid "Draft kept"
            msgstr "Brouillon conservé"

            msgctxt "status"
            msgid "Open"
            msgstr "Ouvert"

            msgid "New message from {author}"
            msgid_plural "{count} new messages, the last from {author}"
            \(plural)
            msgid "Say \\"hi\\" → go"
            msgstr "Dites « bonjour » → partez"

            """
    }

    func problems(replacing language: Language? = nil, with text: String = "") throws -> [String] {
        for each in Language.allCases where each != .english {
            try write("Catalogues/\(each.rawValue).po", each == language ? text : goodCatalogue(each))
        }
        return try CatalogueAudit.problems(sources: folder, catalogues: folder.appendingPathComponent("Catalogues"), marker: "model")
    }

    func testScannerReadsEveryDeclarationForm() throws {
        let text = try String(contentsOf: folder.appendingPathComponent("Sources.swift"), encoding: .utf8)
        let found = PhraseScanner.scan(text, marker: "model", file: "Sources.swift")
        XCTAssertEqual(found.problems, [])
        XCTAssertEqual(found.phrases, [
            DeclaredPhrase(context: nil, english: "Draft kept", englishPlural: nil, place: "Sources.swift:2"),
            DeclaredPhrase(context: "status", english: "Open", englishPlural: nil, place: "Sources.swift:3"),
            DeclaredPhrase(context: nil, english: "New message from {author}",
                           englishPlural: "{count} new messages, the last from {author}", place: "Sources.swift:5"),
            DeclaredPhrase(context: nil, english: "Say \"hi\" → go", englishPlural: nil, place: "Sources.swift:8"),
        ])
    }

    func testAGoodSetOfCataloguesPasses() throws {
        XCTAssertEqual(try problems(), [])
    }

    func testEachKindOfMistakeIsReported() throws {
        let french = goodCatalogue(.french)
        XCTAssertEqual(try problems(replacing: .french, with: french.replacingOccurrences(of: "msgid \"Draft kept\"\nmsgstr \"Brouillon conservé\"\n", with: "")),
                       ["fr.po: missing \"Draft kept\", used at Sources.swift:2"])
        XCTAssertEqual(try problems(replacing: .french, with: french + "msgid \"Gone\"\nmsgstr \"Parti\"\n"),
                       ["fr.po:18: \"Gone\" is used nowhere in the code"])
        XCTAssertEqual(try problems(replacing: .french, with: french.replacingOccurrences(of: "le dernier de {author}", with: "le dernier de {autor}")),
                       ["fr.po:11: \"New message from {author}\": placeholders [\"autor\", \"count\"] differ from the English [\"author\", \"count\"]"])
        XCTAssertEqual(try problems(replacing: .french, with: french.replacingOccurrences(of: "msgstr[1] \"{count} nouveaux messages, le dernier de {author}\"\n", with: "")),
                       ["fr.po:11: \"New message from {author}\": 2 msgstr form(s) expected, 1 given"])
        XCTAssertEqual(try problems(replacing: .french, with: french.replacingOccurrences(of: "\"Ouvert\"", with: "\"\"")),
                       ["fr.po:7: \"Open\" (context \"status\"): msgstr is empty"])
        XCTAssertEqual(try problems(replacing: .french, with: french.replacingOccurrences(of: "msgctxt \"status\"\n", with: "")),
                       ["fr.po: missing \"Open\" (context \"status\"), used at Sources.swift:3",
                        "fr.po:7: \"Open\" is used nowhere in the code"])
        XCTAssertEqual(try problems(replacing: .japanese, with: goodCatalogue(.french)),
                       ["ja.po: Plural-Forms must say nplurals=1; it says nplurals=2; plural=0;",
                        "ja.po:11: \"New message from {author}\": 1 msgstr form(s) expected, 2 given"])
        XCTAssertEqual(try problems(replacing: .german, with: "msgid \"x\"\nmsgstr \"y"), ["de.po:2: a string without its closing quote"])
    }

    func testACallTheScannerCannotReadIsReported() throws {
        try write("More.swift", "let english = \"Hi\"\nlet p = Phrase.model(english)\n")
        XCTAssertEqual(try problems(), ["More.swift:2: a .model( call whose English is not a plain string literal"])
    }
}
