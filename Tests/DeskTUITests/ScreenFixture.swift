import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// Hand-made desk data for screen tests: a fixed clock, two agents, two customers of one
/// organisation, five list rows (one per status) and one ticket with a threaded history.
enum Fixture {
    /// 2024-06-01 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_717_243_200)

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }
    /// A time on 2024-05-30 (UTC), two days before `now`.
    static func may30(_ hour: Int, _ minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_717_027_200 + TimeInterval(hour * 3600 + minute * 60))
    }

    static let org = Organisation(id: 100, name: "Umbra", plan: .pro, tier: .standard)
    static let ana = User(id: 1, handle: "ana", name: "Ana Lind", email: "ana@desk.test", role: .agent)
    static let ben = User(id: 2, handle: "ben", name: "Ben Okafor", email: "ben@desk.test", role: .agent)
    static let carl = User(id: 10, handle: "carl", name: "Carl Meyer", email: "carl@umbra.test", role: .customer, organisationID: 100, caseAccess: .organisation)
    static let dora = User(id: 11, handle: "dora", name: "Dora Sato", email: "dora@umbra.test", role: .customer, organisationID: 100)

    static let agent = Viewer(user: ana)
    static let customer = Viewer(user: carl, plan: .pro)

    static let size80 = TerminalSize(columns: 80, rows: 24)
    static let size132 = TerminalSize(columns: 132, rows: 40)

    static func row(
        _ id: TicketID, _ subject: String, _ status: TicketStatus, _ urgency: Urgency = .none,
        requester: User = carl, assignee: User? = nil, updated: Date = now, kind: TicketKind = .question
    ) -> TicketSummary {
        TicketSummary(
            id: id, number: 1000 + id, subject: subject, kind: kind, status: status, urgency: urgency,
            requesterHandle: requester.handle, requesterName: requester.name, organisationName: org.name,
            assigneeHandle: assignee?.handle, createdAt: ago(30 * 86_400), updatedAt: updated,
            triageKey: 0, sortValue: id)
    }

    /// One row for every status, newest first.
    static let rows: [TicketSummary] = [
        row(42, "VPN drops every hour", .open, .serious, requester: carl, assignee: ana, updated: ago(300), kind: .incident),
        row(41, "Invoice shows the wrong VAT number", .new, .none, requester: dora, updated: ago(3 * 3600)),
        row(40, "Cannot export the monthly report to PDF", .awaitingCustomer, .low, requester: carl, assignee: ben, updated: ago(2 * 86_400), kind: .serviceRequest),
        row(39, "Mail server down for the whole office", .pending, .critical, requester: dora, assignee: ana, updated: ago(21 * 86_400), kind: .incident),
        row(38, "Password reset link expired", .closed, .none, requester: carl, assignee: ben, updated: ago(400 * 86_400)),
    ]

    static let counts: [CaseView: Int] = [.recent: 12, .active: 5, .mine: 2, .open: 9, .all: 40]

    /// A state as the reducer would have it after the first page arrived.
    static func state(
        _ viewer: Viewer, size: TerminalSize = size80, rows: [TicketSummary] = rows, selected: TicketID? = 42
    ) -> DeskState {
        var state = DeskState(deskName: "Acme Support", viewer: viewer, view: .active, order: TicketOrder(), size: size)
        state.now = now
        state.counts = counts
        state.list.rows = rows
        state.list.reachedTop = true
        state.list.reachedBottom = true
        state.list.selectedID = selected
        return state
    }

    // MARK: - The open ticket

    static let ticket = Ticket(
        id: 42, number: 1042, subject: "VPN drops every hour",
        description: "Since Monday the VPN client disconnects about once an hour and needs a restart.",
        kind: .incident, product: "VPN", category: "Client", urgency: .serious, status: .open,
        requesterID: carl.id, organisationID: org.id, assigneeID: ana.id,
        createdAt: may30(9), updatedAt: ago(300))

    /// The history, in storage order:
    ///
    ///     1 carl reply                      (top level)
    ///     2   ana reply to 1
    ///     3     carl reply to 2
    ///     4       ana reply to 3            (depth 3)
    ///     5   ben INTERNAL NOTE on 1
    ///     6   carl reply to 1
    ///     7 system event                    (top level)
    static let messages: [Message] = [
        Message(id: 1, ticketID: 42, kind: .reply, authorID: carl.id,
                body: "It dropped again this morning while I was on a call with a customer, and the reconnect took almost two minutes.",
                createdAt: may30(10)),
        Message(id: 2, ticketID: 42, kind: .reply, authorID: ana.id, body: "Which client version do you run?",
                createdAt: may30(11), inReplyToID: 1),
        Message(id: 3, ticketID: 42, kind: .reply, authorID: carl.id, body: "Version 5.2.1 on macOS 14.",
                createdAt: may30(11, 30), inReplyToID: 2),
        Message(id: 4, ticketID: 42, kind: .reply, authorID: ana.id, body: "5.2.1 has a known keepalive bug.\nPlease update to 5.3.",
                createdAt: may30(12), inReplyToID: 3),
        Message(id: 5, ticketID: 42, kind: .internalNote, authorID: ben.id, body: "Same as #998: vendor case 7731.",
                createdAt: may30(11, 15), inReplyToID: 1),
        Message(id: 6, ticketID: 42, kind: .reply, authorID: carl.id, body: "Thanks!",
                createdAt: may30(13), inReplyToID: 1),
        Message(id: 7, ticketID: 42, kind: .systemEvent, authorID: nil, body: "Status changed from New to Open",
                createdAt: may30(14)),
    ]

    static func detail(ticket: Ticket = ticket, messages: [Message] = messages) -> TicketDetail {
        TicketDetail(
            ticket: ticket, requester: carl, assignee: ana, organisation: org, followUpOfNumber: nil,
            messages: messages, attachments: [], watchers: [],
            authors: [ana.id: ana, ben.id: ben, carl.id: carl])
    }

    /// `state` with the ticket opened through the reducer, so the thread is the one the
    /// reducer builds for the viewer (internal notes only for staff).
    static func openState(
        _ viewer: Viewer, size: TerminalSize = size80, detail: TicketDetail = detail(), scroll: Int = 0
    ) -> DeskState {
        var state = state(viewer, size: size)
        state.focus = .detail
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(detail))
        state.openTicket?.scroll = scroll
        return state
    }
}

/// Compares a grid's text with a literal; on a mismatch prints the actual screen with a
/// ruler so the difference can be read column by column.
func assertScreen(_ grid: Grid, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = grid.text
    guard actual != expected else { return }
    // DESKTERM_SCREEN_RECORD=DIR writes the actual screen there, to re-record an intended change.
    if let folder = ProcessInfo.processInfo.environment["DESKTERM_SCREEN_RECORD"] {
        let name = "\(("\(file)" as NSString).lastPathComponent)-\(line).txt"
        try? actual.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var report = "screen differs (\(grid.width)x\(grid.height)):\n"
    for index in 0..<max(actualLines.count, expectedLines.count) {
        let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
        let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
        if a != e {
            report += String(format: "row %2d expected |%@|\n", index, e)
            report += String(format: "row %2d actual   |%@|\n", index, a)
        }
    }
    report += "actual screen:\n" + actualLines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    XCTFail(report, file: file, line: line)
}

extension Grid {
    /// Every cell's text, for assertions that must hold anywhere on screen.
    var allCellTexts: [String] { cells.map(\.text) }

    /// The column where `needle` starts on row `y` (wide glyphs take two columns).
    func column(of needle: String, row y: Int) -> Int? {
        let text = rowText(y)
        guard let range = text.range(of: needle) else { return nil }
        return DisplayWidth.of(String(text[..<range.lowerBound]))
    }
}
