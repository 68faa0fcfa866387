import DeskModel
import XCTest

@testable import DeskTUI

/// Service levels on screen (#13): the list's due marks ("!" breached, "~" due within the
/// hour, each also coloured) and the due times in the ticket header, for staff only.
final class ServiceLevelScreenTests: XCTestCase {
    /// #1042 due in 30 minutes, #1041 breached two hours ago, #1039 due in two days.
    static func dueRows() -> [TicketSummary] {
        var rows = Fixture.rows
        rows[0].dueAt = Fixture.now + 1800
        rows[1].dueAt = Fixture.ago(2 * 3600)
        rows[3].dueAt = Fixture.now + 2 * 86_400
        return rows
    }

    static let due = TicketDue(firstResponseDue: Fixture.ago(2 * 3600), resolutionDue: Fixture.now + 1800)

    func testAgentListMarksBreachedAndDueSoonAt80x24() throws {
        var state = Fixture.state(Fixture.agent, rows: Self.dueRows(), selected: 40)
        state.order = TicketOrder(key: .due)
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   sort: due soonest first
                 # STATUS   URGENCY  SUBJECT                        3/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra ~    5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra !    3h
             #1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        // The marks are coloured too, left of the time; a selected row keeps its own style.
        let x = try XCTUnwrap(grid.column(of: "~", row: 2))
        XCTAssertEqual(grid[x, 2].style, .dueSoon)
        XCTAssertEqual(grid[x, 3].text, "!")
        XCTAssertEqual(grid[x, 3].style, .breached)
        XCTAssertEqual(grid[x, 4].text, " ")
    }

    func testCustomersSeeNoMarksEvenWithDueTimes() {
        let grid = Renderer.render(Fixture.state(Fixture.customer, rows: Self.dueRows()), size: Fixture.size80)
        XCTAssertFalse(grid.rowText(2).contains("~"), grid.rowText(2))
        XCTAssertFalse(grid.rowText(3).contains("!"), grid.rowText(3))
    }

    func testAgentTicketHeaderShowsDueTimesAt132x40() {
        var detail = Fixture.detail()
        detail.due = Self.due
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: detail)
        state.list.rows = Self.dueRows()
        let grid = Renderer.render(state, size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ #1042 VPN drops every hour
             #1042 open     Serious  VPN drops every ho… ~    5m│ Status        Open
             #1041 new               Invoice shows the … !    3h│ Kind          Incident
             #1040 awaiting Low      Cannot export the …      2d│ Urgency       Serious
             #1039 pending  Critical Mail server down f…      3w│ Requester     Carl Meyer (carl)
             #1038 closed            Password reset lin…      1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │ First reply   ! breached, was due 2024-06-01 10:00 (2h ago)
                                                                │ Resolution    ~ due 2024-06-01 12:30 (in 30m)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (7)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (customer) · 2024-05-30 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (agent) · 2024-05-30 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ ├─● Ben Okafor (agent) · 2024-05-30 11:15  INTERNAL NOTE
                                                                │ │   Same as #998: vendor case 7731.
                                                                │ └─● Carl Meyer (customer) · 2024-05-30 13:00
                                                                │     Thanks!
                                                                │ · 2024-05-30 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testAStoppedClockReadsAsTimeLeftInFrench() {
        var detail = Fixture.detail()
        detail.ticket.status = .awaitingCustomer
        detail.due = TicketDue(resolutionLeft: -90)
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: detail)
        state.language = .french
        let text = Renderer.render(state, size: Fixture.size132).text
        XCTAssertTrue(text.contains("Première réponse respecté"), text)
        XCTAssertTrue(text.contains("Résolution       ! dépassé de 1h30, suspendu en attente du client"), text)
    }
}
