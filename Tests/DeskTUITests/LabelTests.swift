import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// One word per thing, everywhere: urgency names, the list's time column, the Recent order,
/// and history events worded for the person reading them.
final class LabelTests: XCTestCase {
    func testTheListNamesUrgenciesAsTheDetailDoesAndSaysWhatTheTimeColumnIs() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, size: Fixture.size132), size: Fixture.size132)
        XCTAssertTrue(grid.rowText(1).contains("UPDATED"), grid.rowText(1))
        XCTAssertFalse(grid.rowText(1).contains("AGE"), grid.rowText(1))
        XCTAssertTrue(grid.rowText(2).contains("Serious"), grid.rowText(2))
        XCTAssertTrue(grid.text.contains("Critical"), grid.text)
        XCTAssertFalse(grid.text.contains(" high "), grid.text)
    }

    func testRecentSaysLastViewedFirstWhenSorted() {
        var state = Fixture.state(Fixture.agent, size: Fixture.size132)
        state.view = .recent
        _ = DeskReducer.reduce(into: &state, .orderFlipped)
        XCTAssertEqual(state.message?.phrase.englishText, "Sorted by least recently viewed first")
        _ = DeskReducer.reduce(into: &state, .orderFlipped)
        XCTAssertEqual(state.message?.phrase.englishText, "Sorted by last viewed first")
    }

    // MARK: - History events per viewer

    /// A desk where agent bob asked customer ann for information, ann answered, bob
    /// proposed a solution and the desk closed it by itself five days later.
    private func deskWithEvents() throws -> (store: Desk, agent: Viewer, customer: Viewer, now: Date, cleanup: () -> Void) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let start = Date(timeIntervalSince1970: 1_709_283_600) // 2024-03-01 09:00 UTC
        let clock = ClockBox(start)
        let store = try Desk.open(address: directory.appendingPathComponent("desk.sqlite").path, clock: DeskClock { clock.now }, create: true)
        _ = try store.addOrganisation(NewOrganisation(name: "Acme", plan: .pro, tier: .standard))
        _ = try store.addUser(NewUser(handle: "bob", name: "Bob Agent", email: "bob@desk.example", role: .agent))
        _ = try store.addUser(NewUser(handle: "ann", name: "Ann Acme", email: "ann@acme.example", role: .customer, organisationName: "Acme"))
        let agent = try store.viewer(handle: "bob")
        let customer = try store.viewer(handle: "ann")
        _ = try store.createTicket(NewTicket(subject: "Printer jams", description: "Jams.", kind: .incident), by: customer, allowDuplicate: true, clearingDraft: nil)
        _ = try store.assign(number: 1, to: "bob", by: agent)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "Which model?", intent: .askCustomer), by: agent)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "LaserJet."), by: customer)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "Update the driver.", intent: .proposeSolution), by: agent)
        clock.now = start.addingTimeInterval(6 * 86_400)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
        return (store, agent, customer, clock.now, { try? FileManager.default.removeItem(at: directory) })
    }

    private func historyEvents(_ viewer: Viewer, store: Desk, now: Date) throws -> [String] {
        let detail = try store.detail(number: 1, viewer: viewer)
        let open = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: viewer.isStaff))
        return DetailLines.build(open, viewer: viewer, width: 100, now: now).map(\.text)
            .filter { $0.contains("· 2024-") && !$0.contains("●") }
            .map { String($0[$0.range(of: "· 2024-")!.upperBound...].dropFirst("03-01 09:00 ".count)) }
    }

    func testCustomersReadHistoryEventsInTheirOwnWords() throws {
        let desk = try deskWithEvents()
        defer { desk.cleanup() }
        XCTAssertEqual(try historyEvents(desk.customer, store: desk.store, now: desk.now), [
            "bob is handling this ticket",
            "Taken in hand by bob",
            "Status Open → Action required from you by bob",
            "Status Action required from you → Open by ann",
            "Status Open → Solution proposed by bob",
            "Closed automatically: the proposed solution had no answer for 5 days",
        ])
    }

    func testStaffReadHistoryEventsInStaffWords() throws {
        let desk = try deskWithEvents()
        defer { desk.cleanup() }
        XCTAssertEqual(try historyEvents(desk.agent, store: desk.store, now: desk.now), [
            "Assigned to bob by bob",
            "Status New → Open by bob",
            "Status Open → Awaiting customer by bob",
            "Status Awaiting customer → Open by ann",
            "Status Open → Pending by bob",
            "Closed automatically: solution proposed and no update for 5 days",
        ])
    }
}

/// A clock a test moves by hand.
private final class ClockBox: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
