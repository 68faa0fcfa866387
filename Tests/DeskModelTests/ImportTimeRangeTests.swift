import Foundation
import XCTest

@testable import DeskModel

/// Times and durations outside what a desk can store: each is reported and dropped, never a
/// trap, and the rest of the record still imports.
final class ImportTimeRangeTests: XCTestCase {
    /// The dates MailDate reads: years 0000 to 9999.
    let readable = Date(timeIntervalSince1970: -62_167_219_200)...Date(timeIntervalSince1970: 253_402_300_799)

    func conversation(_ json: String) -> Result<ImportThread, MailContentError> {
        let bytes = Array(json.utf8)
        let line = JSONConversations.Line(number: 7, offset: 0, range: 0..<bytes.count)
        return JSONConversations.thread(bytes[...], file: "c.jsonl", line: line, options: ImportOptions())
    }

    func imported(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws -> ImportThread {
        switch conversation(json) {
        case .success(let thread):
            for message in thread.messages {
                XCTAssertTrue(readable.contains(message.date), "\(message.date.timeIntervalSince1970) cannot be stored", file: file, line: line)
            }
            return thread
        case .failure(let error):
            XCTFail("skipped: \(error.reason)", file: file, line: line)
            throw error
        }
    }

    func turn(_ id: Int, time: String?) -> String {
        let role = id % 2 == 1 ? "customer" : "agent"
        return #"{"id": "\#(id)", "role": "\#(role)", "author": "a\#(id)", "text": "turn \#(id)""# + (time.map { #", "time": \#($0)"# } ?? "") + "}"
    }

    func testATurnTimeOutOfRangeIsDroppedWithAWarning() throws {
        for bad in ["1e300", "-1e300", "1.7976931348623157e308", "-9223372036854775808000", #""99999999999-01-01T00:00:00Z""#] {
            let thread = try imported(#"{"id": "c", "turns": [\#(turn(1, time: #""2024-02-26T09:00:00Z""#)), \#(turn(2, time: bad))]}"#)
            XCTAssertEqual(thread.messages.map(\.date), [MailDate.parse("2024-02-26T09:00:00Z")!, MailDate.parse("2024-02-26T09:00:00Z")!],
                           "\(bad): the turn is dated like the one before it")
            XCTAssertEqual(thread.messages[0].warnings, [])
            XCTAssertEqual(thread.messages[1].warnings.count, 1, bad)
            XCTAssertTrue(thread.messages[1].warnings.first?.hasPrefix("line 7: turn 2 has the time ") == true, "\(thread.messages[1].warnings)")
            XCTAssertTrue(thread.messages[1].warnings.first?.hasSuffix("; it is left out") == true, "\(thread.messages[1].warnings)")
        }
    }

    func testAConversationWhoseOnlyTimesAreOutOfRangeIsSkipped() {
        guard case .failure(let error) = conversation(#"{"id": "c", "started": -1e300, "turns": [\#(turn(1, time: "1e300"))]}"#) else {
            return XCTFail("imported without a usable time")
        }
        XCTAssertEqual(error.reason, "line 7: no turn has a time")
    }

    func testAStartOutOfRangeIsDroppedWithAWarning() throws {
        let thread = try imported(#"{"id": "c", "started": 1e300, "turns": [\#(turn(1, time: nil)), \#(turn(2, time: #""2024-02-26T10:00:00Z""#))]}"#)
        XCTAssertEqual(thread.messages[0].date, MailDate.parse("2024-02-26T10:00:00Z"), "the first turn starts at the first time found")
        XCTAssertEqual(thread.messages[0].warnings, ["line 7: started 1e+300 is unreadable or outside the years 0000–9999; it is left out"])
    }

    func testDurationsOutOfRangeAreDroppedWithAWarning() throws {
        let cases = [
            #""1:99999999999999999999:00""#, #""99999999999999999999-00:00:00""#, "1e300", "-1e300", #""inf:00""#,
            "1e15", // finite, but it ends after the year 9999
        ]
        for duration in cases {
            let thread = try imported(#"{"id": "c", "started": "2024-02-26T09:00:00Z", "duration": \#(duration), "turns": [\#(turn(1, time: nil)), \#(turn(2, time: nil))]}"#)
            XCTAssertEqual(thread.messages.map(\.date), [MailDate.parse("2024-02-26T09:00:00Z")!, MailDate.parse("2024-02-26T09:00:00Z")!],
                           "\(duration): the last turn is dated like the one before it")
            XCTAssertEqual(thread.messages[1].warnings.count, 1, "\(duration): \(thread.messages[1].warnings)")
            XCTAssertTrue(thread.messages[1].warnings.first?.hasPrefix("line 7: the duration ") == true, "\(thread.messages[1].warnings)")
        }
        // A usable duration still dates the last turn.
        let fine = try imported(#"{"id": "c", "started": "2024-02-26T09:00:00Z", "duration": "1-00:00:30", "turns": [\#(turn(1, time: nil)), \#(turn(2, time: nil))]}"#)
        XCTAssertEqual(fine.messages[1].date, MailDate.parse("2024-02-27T09:00:30Z"))
        XCTAssertEqual(fine.messages[1].warnings, [])
    }

    func testUnixTimesInSecondsAndMillisecondsStillRead() throws {
        let thread = try imported(#"{"id": "c", "turns": [\#(turn(1, time: "1708938000")), \#(turn(2, time: "1708941600000")), \#(turn(3, time: "1708945200.5"))]}"#)
        XCTAssertEqual(thread.messages.map(\.date.timeIntervalSince1970), [1_708_938_000, 1_708_941_600, 1_708_945_200.5])
        XCTAssertEqual(thread.messages.flatMap(\.warnings), [])
    }

    func testMailDatesOutOfRangeAreUnreadableNotATrap() {
        for text in [
            "Mon, 1 Jan 99999999999 00:00:00 +0000", "1 Jan 99999999999999999999 10:00", "99999-01-01T00:00:00Z",
            "Mon, 1 Jan 2024 00:00:00 +9999", "2024-01-01T00:00:00+99:99", "2024-01-01T00:00:00-9999999999999999999",
            "Mon, 99999999999999999999 Jan 2024 00:00:00 +0000", "Mon, 1 Jan 2024 99999999999999999999:00:00 +0000",
        ] {
            if let date = MailDate.parse(text) {
                XCTAssertTrue(readable.contains(date), "\(text) gave \(date.timeIntervalSince1970)")
            }
        }
        XCTAssertNil(MailDate.parse("Mon, 1 Jan 99999999999 00:00:00 +0000"))
        XCTAssertNil(MailDate.parse("2024-01-01T00:00:00+99:99"))
    }

    func testFormattingADateOutOfRangeDoesNotTrap() {
        for seconds in [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18] {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertFalse(MailDate.format(date).isEmpty)
            XCTAssertFalse(MailDate.asctime(date).isEmpty)
        }
        XCTAssertEqual(MailDate.format(Date(timeIntervalSince1970: 1e300)), "Fri, 31 Dec 9999 23:59:59 +0000", "drawn at the last readable second")
        XCTAssertEqual(MailDate.asctime(Date(timeIntervalSince1970: -1e300)), "Sat Jan  1 00:00:00 0", "drawn at the first readable second")
    }
}
