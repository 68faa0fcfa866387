import DeskModel
import XCTest

@testable import DeskTUI

/// What a client that ends during an outage prints for the drafts the desk did not take.
final class UnsavedDraftsReportTests: XCTestCase {
    func testEachDraftIsPrintedWholeUnderWhatItWasForWithControlCharactersMadeVisible() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let drafts = [
            Draft(slot: .newTicket, subject: "Scanner\u{1B}[2J", body: "It stopped\nafter the update", updatedAt: now),
            Draft(slot: .reply(ticketNumber: 42), body: "Try the other tray", updatedAt: now),
        ]
        XCTAssertEqual(UnsavedDraftsReport.text(drafts), """
            deskterm: the desk could not be reached. These 2 drafts were not saved; copy what you need:

            --- New ticket ---
            Subject: Scanner\(TextSafety.sanitizedLine("\u{1B}"))[2J
            It stopped
            after the update

            --- Reply to #42 ---
            Try the other tray

            """)
        XCTAssertFalse(UnsavedDraftsReport.text(drafts).contains("\u{1B}"))
        XCTAssertTrue(UnsavedDraftsReport.text([drafts[1]]).hasPrefix("deskterm: the desk could not be reached. This draft was not saved"))
    }
}
