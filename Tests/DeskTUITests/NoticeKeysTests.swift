import DeskModel
@testable import DeskTUI
import XCTest

/// Notices name the keys the user's keymap binds, not the defaults.
final class NoticeKeysTests: XCTestCase {
    func testTheStandardKeymapGivesTheDefaultKeys() {
        XCTAssertEqual(Keymap.standard.noticeKeys, NoticeKeys())
    }

    func testARebindingChangesTheKeyANoticeNames() {
        var keymap = Keymap.standard
        keymap.bind(.followUp, to: [.character("F")])
        keymap.bind(.back, to: [.character("x")])
        var expected = NoticeKeys()
        expected.followUp = "F"
        expected.back = "x"
        XCTAssertEqual(keymap.noticeKeys, expected)
        XCTAssertEqual(Notices.closedUseFollowUp(4, keymap.noticeKeys).englishText, "Ticket #4 is closed: press F to open a follow-up")
    }
}
