@testable import DeskModel
import XCTest

final class POParserTests: XCTestCase {
    func testReadsHeaderContextPluralsMultiLineStringsAndEscapes() throws {
        let text = #"""
        # translator comment
        msgid ""
        msgstr ""
        "Language: fr\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\n"

        #: Notices.swift:12
        #, fuzzy
        msgid "Draft kept"
        msgstr "Brouillon conservé"

        msgctxt "status"
        msgid "Open"
        msgstr "Ouvert"

        msgctxt "verb"
        msgid "Open"
        msgstr "Ouvrir"

        msgid "{count} new message"
        msgid_plural "{count} new messages"
        msgstr[0] "{count} nouveau message"
        msgstr[1] "{count} nouveaux "
        "messages"

        msgid ""
        "Say \"hi\"\t"
        "and \\ go\n"
        msgstr "Dites \"bonjour\"\tet \\ partez\n"
        #~ msgid "Obsolete"
        #~ msgstr "Obsolète"
        """#
        let file = try POParser.parse(text, file: "fr.po")
        XCTAssertEqual(file.header["Language"], "fr")
        XCTAssertEqual(file.pluralCount, 2)
        XCTAssertEqual(file.entries, [
            POEntry(context: nil, id: "Draft kept", pluralID: nil, translations: ["Brouillon conservé"], line: 9),
            POEntry(context: "status", id: "Open", pluralID: nil, translations: ["Ouvert"], line: 12),
            POEntry(context: "verb", id: "Open", pluralID: nil, translations: ["Ouvrir"], line: 16),
            POEntry(context: nil, id: "{count} new message", pluralID: "{count} new messages",
                    translations: ["{count} nouveau message", "{count} nouveaux messages"], line: 20),
            POEntry(context: nil, id: "Say \"hi\"\tand \\ go\n", pluralID: nil, translations: ["Dites \"bonjour\"\tet \\ partez\n"], line: 26),
        ])
    }

    func testEntriesMayFollowEachOtherWithoutBlankLines() throws {
        let file = try POParser.parse("msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\nmsgstr \"B\"\n", file: "x.po")
        XCTAssertEqual(file.entries.map(\.translations), [["A"], ["B"]])
    }

    func testMalformedFilesNameTheFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("msgid \"a\"\nmsgstr \"A\n", 2, "a string without its closing quote"),
            ("msgid \"a\"\nmsgstr \"A\" x\n", 2, "text after the closing quote"),
            ("msgid \"a\"\nmsgstr \"\\q\"\n", 2, "unknown escape \\q"),
            ("\n\"orphan\"\n", 2, "a string continues no keyword"),
            ("msgid \"a\"\nmsgtxt \"A\"\n", 2, "unknown keyword 'msgtxt'"),
            ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", 1, "msgid \"a\" has no msgstr"),
            ("msgstr \"A\"\n", 1, "msgstr before msgid"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"A\"\n", 3, "a plural entry needs msgstr[0], msgstr[1]…, not msgstr"),
            ("msgid \"a\"\nmsgstr[0] \"A\"\n", 2, "msgstr[0] in an entry without msgid_plural"),
            ("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"As\"\n", 3, "msgstr[1] before msgstr[0]"),
            ("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"B\"\n", 4, "msgid \"a\" given twice"),
            ("msgid \"a\"\nmsgstr \"A\"\nmsgstr \"B\"\n", 3, "msgstr given twice"),
        ]
        for (text, line, reason) in cases {
            XCTAssertThrowsError(try POParser.parse(text, file: "de.po"), text) { error in
                XCTAssertEqual(error as? POParseError, POParseError(file: "de.po", line: line, reason: reason), text)
                XCTAssertEqual("\(error)", "de.po:\(line): \(reason)")
            }
        }
    }
}
