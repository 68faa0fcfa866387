import Foundation
import XCTest

@testable import DeskModel

/// The import's decisions that need no desk: reply links without cycles, the status of an
/// imported ticket, handles, and which errors stop an import.
final class ImportRulesTests: XCTestCase {
    func testBreakCyclesDropsOneLinkPerCycleAndKeepsChains() {
        // 1 -> 2 -> 3 -> 1 is a cycle entered at 1; 4 -> 1 leads into it; 5 <-> 6 another cycle;
        // 7 -> 8 a plain chain.
        var parentOf: [MessageID: MessageID] = [1: 2, 2: 3, 3: 1, 4: 1, 5: 6, 6: 5, 7: 8]
        ImportRules.breakCycles(&parentOf)
        XCTAssertEqual(parentOf, [2: 3, 3: 1, 4: 1, 6: 5, 7: 8])
    }

    func testBreakCyclesLeavesLinksWithoutCyclesAlone() {
        var parentOf: [MessageID: MessageID] = [2: 1, 3: 1, 4: 3, 5: 4]
        ImportRules.breakCycles(&parentOf)
        XCTAssertEqual(parentOf, [2: 1, 3: 1, 4: 3, 5: 4])
    }

    func testStatusFromWhoWroteLastAndWhen() {
        let now = Date(timeIntervalSince1970: 1_709_283_600)
        let day: TimeInterval = 86_400
        func status(_ age: TimeInterval, staffLast: Bool = false, staffWrote: Bool = false, requesterIsStaff: Bool = false) -> TicketStatus {
            ImportRules.status(
                lastWrittenAt: now.addingTimeInterval(-age), lastAuthorIsStaff: staffLast, staffWrote: staffWrote,
                requesterIsStaff: requesterIsStaff, now: now, closeAfterDays: 30)
        }
        XCTAssertEqual(status(day), .new)
        XCTAssertEqual(status(day, staffWrote: true), .open)
        XCTAssertEqual(status(day, requesterIsStaff: true), .open)
        XCTAssertEqual(status(day, staffLast: true, staffWrote: true), .pending)
        XCTAssertEqual(status(30 * day, staffLast: true, staffWrote: true), .pending, "exactly the limit is not older")
        XCTAssertEqual(status(30 * day + 1, staffLast: true, staffWrote: true), .closed)
        XCTAssertEqual(status(31 * day), .closed)
    }

    func testHandlesFromHints() {
        XCTAssertEqual(ImportRules.handleSlug("Dr Eberhard Lisse"), "dr-eberhard-lisse")
        XCTAssertEqual(ImportRules.handleSlug("José.Núñez"), "jose-nunez")
        XCTAssertEqual(ImportRules.handleSlug("42"), "u42")
        XCTAssertEqual(ImportRules.uniqueHandle(["!!", "Alice M"], taken: ["alice-m", "alice-m-2"]), "alice-m-3")
        XCTAssertEqual(ImportRules.uniqueHandle(["*"], taken: []), "user")
    }

    /// Decided on the error's case, never on its words: a storage error that happens to say
    /// "disk is full" is one thread's problem; a full disk stops the import.
    func testWhatStopsAnImport() {
        XCTAssertTrue(Desk.stopsImport(.diskFull(location: "desk.sqlite")))
        XCTAssertTrue(Desk.stopsImport(.databaseBusy(path: "desk.sqlite")))
        XCTAssertTrue(Desk.stopsImport(.databaseReadOnly(path: "desk.sqlite")))
        XCTAssertTrue(Desk.stopsImport(.deskDamaged(path: "desk.sqlite")))
        XCTAssertTrue(Desk.stopsImport(.notADeskDatabase(path: "desk.sqlite")))
        XCTAssertFalse(Desk.stopsImport(.storage("the disk is full")))
        XCTAssertFalse(Desk.stopsImport(.invalidInput("bad")))
    }
}
