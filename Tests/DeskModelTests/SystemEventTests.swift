import Foundation
import XCTest

@testable import DeskModel

/// System events are stored as a small JSON payload beside their record text.
final class SystemEventTests: XCTestCase {
    func testPayloadsRoundTripWithStableFieldNames() {
        let events: [SystemEvent] = [
            .statusChanged(from: .open, to: .awaitingCustomer, actor: "alice"),
            .assigned(assignee: "bob", actor: "alice"),
            .assigned(assignee: nil, actor: "alice"),
            .autoClosed(afterDays: 5),
        ]
        for event in events { XCTAssertEqual(SystemEvent(payload: event.payload), event) }
        XCTAssertEqual(events[0].payload, #"{"actor":"alice","event":"statusChanged","from":"open","to":"awaitingCustomer"}"#)
        XCTAssertEqual(events[3].payload, #"{"days":5,"event":"autoClosed"}"#)
    }

    func testUnknownOrBrokenPayloadsAreNil() {
        XCTAssertNil(SystemEvent(payload: #"{"event":"merged","into":42}"#))
        XCTAssertNil(SystemEvent(payload: #"{"event":"statusChanged","from":"open","to":"limbo","actor":"a"}"#))
        XCTAssertNil(SystemEvent(payload: "not json"))
    }

    func testRecordTextIsTheStaffSentenceSearchIndexes() {
        XCTAssertEqual(SystemEvent.statusChanged(from: .new, to: .open, actor: "bob").recordText, "Status New → Open by bob")
        XCTAssertEqual(SystemEvent.assigned(assignee: nil, actor: "bob").recordText, "Unassigned by bob")
    }
}
