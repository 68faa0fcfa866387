import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// `W` on an open ticket: everyone who may watch it, those who do marked ✓.
final class TicketWatcherMenuScreenTests: XCTestCase {
    static let dora = User(id: 5, handle: "dora", name: "Dora Lind", email: "dora@example.com", role: .agent)
    static let erik = User(id: 6, handle: "erik", name: "Erik Sand\u{1b}[31m", email: "erik@example.com", role: .customer, organisationID: 1)

    private func menu(size: TerminalSize) -> DeskState {
        var detail = Fixture.detail()
        detail.watchers = [Self.erik]
        var state = Fixture.openState(Fixture.agent, size: size, detail: detail)
        _ = DeskReducer.reduce(into: &state, .ticketWatcherCandidatesLoaded(number: detail.ticket.number, [Self.dora, Self.erik]))
        _ = DeskReducer.reduce(into: &state, .menuMoved(by: 1))
        return state
    }

    func testTheMenuAt80x24() {
        assertScreen(Renderer.render(menu(size: Fixture.size80), size: Fixture.size80), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             #1042 VPN drops every hour
             Status        Open
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      Ana Lind (ana)
             Product       VPN › Client
             Created       2024-0┌─ Watchers of #1042 ───────────────┐
             Updated       2024-0│ 1    Dora Lind (dora)             │
             Watchers      erik  │ 2  ✓ Erik Sand␛[31m (erik)        │
                                 │                                   │
             Since Monday the VPN│ Enter adds or removes · ✓ watches │r and needs a
             restart.            └───────────────────────────────────┘
            
             History (7)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (customer) · 2024-05-30 11:30                             70%
             ↑/↓ choose  enter apply  esc cancel
            """)
    }

    func testTheMenuAt132x40() {
        assertScreen(Renderer.render(menu(size: Fixture.size132), size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ #1042 VPN drops every hour
             #1042 open     Serious  VPN drops every ho…      5m│ Status        Open
             #1041 new               Invoice shows the …      3h│ Kind          Incident
             #1040 awaiting Low      Cannot export the …      2d│ Urgency       Serious
             #1039 pending  Critical Mail server down f…      3w│ Requester     Carl Meyer (carl)
             #1038 closed            Password reset lin…      1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │ Watchers      erik
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (7)
                                                           ┌─ Watchers of #1042 ───────────────┐-05-30 10:00
                                                           │ 1    Dora Lind (dora)             │g while I was on a call with a customer, and
                                                           │ 2  ✓ Erik Sand␛[31m (erik)        │o minutes.
                                                           │                                   │-30 11:00
                                                           │ Enter adds or removes · ✓ watches │u run?
                                                           └───────────────────────────────────┘2024-05-30 11:30
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
                                                                │
             ↑/↓ choose  enter apply  esc cancel
            """)
    }
}
