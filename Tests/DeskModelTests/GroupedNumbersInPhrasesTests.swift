@testable import DeskModel
import XCTest

/// Counts and sizes inside sentences are grouped as the reader's language groups digits;
/// ticket numbers and ids never are.
final class GroupedNumbersInPhrasesTests: XCTestCase {
    func testACountedPhraseGroupsItsCount() {
        XCTAssertEqual(Notices.idleClosed(1234).text(in: .english), "Closed 1,234 idle pending tickets")
        XCTAssertEqual(Notices.idleClosed(1234).text(in: .french), "1 234 tickets en attente inactifs fermés")
        XCTAssertEqual(Notices.idleClosed(12345).text(in: .italian).contains("12.345"), true, Notices.idleClosed(12345).text(in: .italian))
        XCTAssertTrue(Notices.idleClosed(1234).text(in: .italian).contains("1234"), "Italian leaves four digits ungrouped")
    }

    func testSavedBytesAreGroupedAndTheTicketNumberIsNot() {
        let saved = Notices.attachmentSaved(path: "/tmp/log.txt", size: 1_048_576)
        XCTAssertEqual(saved.text(in: .english), "Saved 1,048,576 bytes to /tmp/log.txt")
        XCTAssertEqual(saved.text(in: .french), "1 048 576 octets enregistrés dans /tmp/log.txt")
        XCTAssertEqual(saved.text(in: .german).hasPrefix("1.048.576 "), true, saved.text(in: .german))
        XCTAssertEqual(Notices.replySent(12345).text(in: .german).contains("#12345"), true)
    }

    func testFileSizesUseTheLanguagesDecimalSeparator() {
        XCTAssertEqual(ByteSize.text(1_572_864, in: .english), "1.5 MB")
        XCTAssertEqual(ByteSize.text(1_572_864, in: .french), "1,5 Mo")
        XCTAssertEqual(ByteSize.text(1_572_864, in: .japanese), "1.5 MB")
        XCTAssertEqual(ByteSize.text(5_000 * 1024, in: .german), "4,9 MB")
        XCTAssertEqual(ByteSize.text(1023 * 1024, in: .french), "1 023 Ko")
    }
}
