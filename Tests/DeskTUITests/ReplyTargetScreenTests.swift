import DeskModel
import XCTest

@testable import DeskTUI

/// The picked message's mark in the detail pane, and a reply composer that says what it
/// answers and (for agents) what the reply does.
final class ReplyTargetScreenTests: XCTestCase {
    private func picked(_ id: MessageID, viewer: Viewer = Fixture.agent, size: TerminalSize) -> DeskState {
        var state = Fixture.openState(viewer, size: size)
        state.openTicket!.selectedMessageID = id
        return state
    }

    private func replying(to id: MessageID?, viewer: Viewer = Fixture.agent, size: TerminalSize, intent: ReplyIntent = .plain) -> DeskState {
        var state = Fixture.openState(viewer, size: size)
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Done, thanks.")
        composer.inReplyToID = id
        composer.replyIntent = intent
        composer.cursor = composer.body.count
        state.composer = composer
        state.focus = .composer
        return state
    }

    func testPickedMessageIsMarkedAt80x24() {
        let grid = Renderer.render(picked(3, size: Fixture.size80), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             #1042 VPN drops every hour
             Status        Open
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      Ana Lind (ana)
             Product       VPN › Client
             Created       2024-05-30 09:00 (2d ago)
             Updated       2024-06-01 11:55 (5m ago)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             History (7)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
            ▌│ └─● Carl Meyer (customer) · 2024-05-30 11:30
            ▌│     Version 5.2.1 on macOS 14.                                           73%
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
    }

    func testPickedMessageIsMarkedAt132x40() {
        let grid = Renderer.render(picked(5, size: Fixture.size132), size: Fixture.size132)
        assertScreen(grid, """
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
                                                                │▌├─● Ben Okafor (agent) · 2024-05-30 11:15  INTERNAL NOTE
                                                                │▌│   Same as #998: vendor case 7731.
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
                                                                │
             enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testPickingAMessageBelowTheScreenScrollsItIntoView() throws {
        var state = picked(6, size: Fixture.size80)
        state.openTicket!.revealSelectedMessage = true
        if let measured = Frame.measurement(state) { _ = DeskReducer.reduce(into: &state, measured) }
        let reveal = try XCTUnwrap(MessagePick.reveal(state))
        _ = DeskReducer.reduce(into: &state, reveal)
        XCTAssertFalse(state.openTicket!.revealSelectedMessage)
        XCTAssertGreaterThan(state.openTicket!.scroll, 0)
        let grid = Renderer.render(state, size: Fixture.size80)
        let rows = (0..<grid.height).map { grid.rowText($0) }
        let header = try XCTUnwrap(rows.firstIndex { $0.contains("Carl Meyer (customer) · 2024-05-30 13:00") })
        XCTAssertTrue(rows[header].hasPrefix("▌"), rows[header])
        XCTAssertTrue(rows[header + 1].hasPrefix("▌") && rows[header + 1].contains("Thanks!"), rows[header + 1])
        XCTAssertEqual(rows.filter { $0.hasPrefix("▌") }.count, 2, "only the picked message is marked")
        // Once in view, picking it again moves nothing.
        state.openTicket!.revealSelectedMessage = true
        XCTAssertEqual(MessagePick.reveal(state), .selectedMessageRevealed(firstLine: state.openTicket!.scroll))
    }

    func testReplyComposerNamesTheAnsweredMessageAndTheIntentAt80x24() {
        let grid = Renderer.render(replying(to: 3, size: Fixture.size80, intent: .askCustomer), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Carl Meyer (customer) · 2024-05-30 11:30
             Version 5.2.1 on macOS 14.
             Reply to #1042 · reply and ask customer (ctrl-t)
             Replying to Carl Meyer, 2024-05-30 11:30: Version 5.2.1 on macOS 14.
             Done, thanks.

















             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }

    func testReplyComposerAt132x40() {
        let grid = Renderer.render(replying(to: 1, size: Fixture.size132, intent: .proposeSolution), size: Fixture.size132)
        assertScreen(grid, """
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
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (7)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00                                   63%
                                                                │ Reply to #1042 · reply and propose solution (ctrl-t)
                                                                │ Replying to Carl Meyer, 2024-05-30 10:00: It dropped again this morning whil…
                                                                │ Done, thanks.
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }

    func testCustomersSeeNoIntentChoice() {
        let grid = Renderer.render(replying(to: 1, viewer: Fixture.customer, size: Fixture.size80), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             Carl Meyer (customer) · 2024-05-30 10:00
             It dropped again this morning while I was on a call with a customer, and the
             reconnect took almost two minutes.
             Reply to #1042
             Replying to Carl Meyer, 2024-05-30 10:00: It dropped again this morning while…
             Done, thanks.
















             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
    }
}
