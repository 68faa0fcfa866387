import XCTest

@testable import DeskMail

/// `collapseWhitespace` takes shortcuts for ASCII and for text already collapsed; whatever the
/// path, it gives what collapsing character by character gives (`collapsedByCharacters`).
final class CollapseWhitespaceTests: XCTestCase {
    func testEveryPathGivesWhatCollapsingByCharactersGives() {
        let texts = [
            "", " ", "plain words", "  leading", "trailing ", "double  space", "tab\there", "line\r\nend", "Problema crítico del servidor",
            "atención inmediata", "à la carte", "über alles", "日本語 テスト", "プリンターが動きません", "no\u{00A0}break", "ideographic\u{3000}space",
            "narrow\u{202F}no-break", "space \u{0301}combining", "e\u{0301} accent", "\u{0301}starts combined", "\u{0600} x", "emoji 👍🏽 ok",
            "join \u{200D}x", "next\u{0085}line", "ends with é", "é", " é ", "x\u{2028}y", "a\u{0007}b", "two  spaces à", "mixed \t\n é",
        ]
        for text in texts {
            XCTAssertEqual(collapseWhitespace(text), collapsedByCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }
}
