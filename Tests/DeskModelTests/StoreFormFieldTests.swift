import Foundation
import XCTest

@testable import DeskModel

/// What the new-ticket form hands the store beyond subject and text: a follow-up's inherited
/// assignee, and watchers named at creation.
final class StoreFormFieldTests: XCTestCase {
    private var f: StoreFixture!
    private var store: Desk { f.store }

    override func setUpWithError() throws { f = try StoreFixture() }
    override func tearDown() { f.remove() }

    func testAFollowUpGoesToWhoeverHandledTheClosedTicket() throws {
        try f.ticket("VPN drops", by: f.peter)
        _ = try store.assign(number: 1, to: "bob", by: f.alice)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.bob)
        let followUp = try f.ticket("VPN drops again", by: f.peter, followUpOf: 1)
        XCTAssertEqual(followUp.assigneeID, f.bob.id)
        XCTAssertEqual(followUp.status, .new, "nobody has looked at it yet")
        XCTAssertEqual(try store.detail(number: 2, viewer: f.peter).assignee?.handle, "bob")

        // A closed ticket nobody held gives an unassigned follow-up.
        try f.ticket("Export fails", by: f.peter)
        _ = try store.changeStatus(number: 3, to: .closed, by: f.peter)
        XCTAssertNil(try f.ticket("Export fails again", by: f.peter, followUpOf: 3).assigneeID)
    }

    private func open(_ subject: String, by viewer: Viewer, watchers: [String], requester: String? = nil) throws -> Ticket {
        try store.createTicket(
            NewTicket(subject: subject, description: "About \(subject)", kind: .question, contact: .email,
                      requesterHandle: requester, watcherHandles: watchers),
            by: viewer, allowDuplicate: true)
    }

    func testWatchersNamedAtCreationFollowTheNamingRule() throws {
        // Paula, Pro Co's support contact, names a colleague; the ticket keeps her contact choice.
        let ticket = try open("Printer jams", by: f.paula, watchers: ["pia", "pia"])
        XCTAssertEqual(ticket.contact, .email)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.paula).watchers.map(\.handle), ["pia"])
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.pia).number, 1, "the watcher sees it")

        // Peter sees only his own tickets: he may not name anyone, and learns no handle.
        let refusal = DeskError.forbidden(.model("customers may name only colleagues of their organisation as watchers", context: "not allowed"))
        XCTAssertDeskError(try open("Scanner", by: f.peter, watchers: ["pia"]), refusal)
        XCTAssertDeskError(try open("Scanner", by: f.paula, watchers: ["eve"]), refusal) // another organisation's customer
        XCTAssertDeskError(try open("Scanner", by: f.paula, watchers: ["alice"]), refusal) // staff are not colleagues
        XCTAssertDeskError(try open("Scanner", by: f.paula, watchers: ["nobody"]), refusal)
        XCTAssertEqual(try f.count("ticket"), 1, "a refused ticket is not created")

        // Staff name other staff and the requester's colleagues, never another organisation.
        _ = try open("On behalf", by: f.alice, watchers: ["bob", "pia"], requester: "peter")
        XCTAssertEqual(Set(try store.detail(number: 2, viewer: f.alice).watchers.map(\.handle)), ["alice", "bob", "pia"])
        XCTAssertDeskError(try open("On behalf", by: f.alice, watchers: ["eve"], requester: "peter"),
                           .refused(.model("{handle} cannot watch this ticket: only staff and the requester's organisation may", ["handle": .text("eve")])))
        XCTAssertDeskError(try open("On behalf", by: f.alice, watchers: ["ghost"], requester: "peter"), .userNotFound(handle: "ghost"))
    }

    func testWatcherCandidatesAreWhoTheViewerMayName() throws {
        XCTAssertEqual(try store.watcherCandidates(for: f.paula).map(\.handle), ["peter", "pia"])
        XCTAssertEqual(try store.watcherCandidates(for: f.peter).map(\.handle), [])
        XCTAssertEqual(try store.watcherCandidates(for: f.alice).map(\.handle), ["bob", "root"])
    }
}
