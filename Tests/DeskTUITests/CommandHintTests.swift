import DeskModel
import XCTest

@testable import DeskTUI

/// Every command's bottom-line hint is a translated word, never its English or its code name.
final class CommandHintTests: XCTestCase {
    func testEveryCommandHasATranslatedHintThatFitsTheBottomLine() {
        for command in Command.allCases {
            let english = UIStrings.commandHint(command, .english)
            XCTAssertFalse(english.isEmpty, "\(command)")
            // Japanese shares no word with English: an untranslated hint would show as English.
            XCTAssertNotEqual(UIStrings.commandHint(command, .japanese), english, "\(command) has no Japanese hint")
            for language in Language.allCases {
                let hint = UIStrings.commandHint(command, language)
                XCTAssertFalse(hint.contains("{"), "\(language) \(command): \(hint)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(hint), 20, "\(language) \(command): \(hint)")
            }
        }
    }

    func testHintsOfCommandsThatHadNoneReadInTheChosenLanguage() {
        XCTAssertEqual(UIStrings.commandHint(.markUnread, .english), "mark unread")
        XCTAssertEqual(UIStrings.commandHint(.markUnread, .french), "marquer non lu")
        XCTAssertEqual(UIStrings.commandHint(.flipOrder, .german), "umkehren")
        XCTAssertEqual(UIStrings.commandHint(.viewOpen, .italian), "Tutti aperti")
        XCTAssertEqual(UIStrings.commandHint(.tagAll, .japanese), "すべてマーク")
        XCTAssertEqual(UIStrings.commandHint(.articleSolved, .spanish), "resuelto")
    }
}
