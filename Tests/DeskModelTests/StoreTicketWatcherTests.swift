import XCTest
@testable import DeskModel

/// Who may be added to an existing ticket's watchers, and by whom.
final class StoreTicketWatcherTests: StoreTestCase {
    func testCandidatesFollowTheNamingRuleAndTheTicketsOrganisation() throws {
        try f.ticket("Printer jams", by: f.peter)
        XCTAssertEqual(try store.ticketWatcherCandidates(number: 1, viewer: f.alice).map(\.handle), ["alice", "bob", "paula", "pia", "root"])
        // The support contact: colleagues (and herself) only, never staff, never the requester.
        XCTAssertEqual(try store.ticketWatcherCandidates(number: 1, viewer: f.paula).map(\.handle), ["paula", "pia"])
        // A customer without organisation access names nobody.
        XCTAssertEqual(try store.ticketWatcherCandidates(number: 1, viewer: f.peter).map(\.handle), [])
        XCTAssertDeskError(try store.ticketWatcherCandidates(number: 1, viewer: f.erin), .ticketNotFound(number: 1))
    }

    func testASupportContactManagesColleaguesWatchingButNoOneElse() throws {
        try f.ticket("Printer jams", by: f.peter)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.paula)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).watchers.map(\.handle), ["pia"])
        try store.setWatching(number: 1, handle: "pia", watching: false, by: f.paula)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).watchers.map(\.handle), [])
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "bob", watching: true, by: f.paula), .forbidden(Desk.ownWatchingOnly))
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "eve", watching: true, by: f.paula), .forbidden(Desk.ownWatchingOnly))
        // Peter (own access) still manages only himself.
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "pia", watching: true, by: f.peter), .forbidden(Desk.ownWatchingOnly))
        try store.setWatching(number: 1, handle: "peter", watching: true, by: f.peter)
    }
}
