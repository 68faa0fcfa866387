import DeskModel
import XCTest

@testable import DeskTUI

/// The composer: a reply body, the new-ticket form, and where the caret goes.
final class ComposerScreenTests: XCTestCase {
    private func composing(
        _ kind: ComposerKind, viewer: Viewer = Fixture.agent, size: TerminalSize = Fixture.size80,
        body: String = "", cursor: Int? = nil
    ) -> DeskState {
        var state = Fixture.openState(viewer, size: size)
        let slot: DraftSlot
        switch kind {
        case .reply: slot = .reply(ticketNumber: 1042)
        case .internalNote: slot = .internalNote(ticketNumber: 1042)
        case .followUp: slot = .followUp(ticketNumber: 1042)
        case .newTicket: slot = .newTicket
        }
        var composer = ComposerState(kind: kind, slot: slot, body: body)
        composer.cursor = cursor ?? body.count
        state.composer = composer
        state.focus = .composer
        return state
    }

    func testReplyAt80x24() {
        let state = composing(.reply, body: "Thanks, updating now.\nWill report back.")
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Carl Meyer (customer) · 2024-05-30 13:00
             Thanks!
             Reply to #1042
             Thanks, updating now.
             Will report back.

















             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
        // The last message of the ticket stays in view above; the caret follows the last
        // character of the second line.
        XCTAssertEqual(grid.cursor?.x, 18)
        XCTAssertEqual(grid.cursor?.y, 5)
        XCTAssertEqual(grid[0, 3].style, .bar)
        XCTAssertEqual(grid[79, 3].style, .bar)
    }

    func testReplyAt132x40SharesTheRightSideWithTheDetail() {
        let state = composing(.reply, size: Fixture.size132, body: "Thanks, updating now.\nWill report back.")
        let grid = Renderer.render(state, size: Fixture.size132)
        // 38 body rows: 19 for the detail (63% of the ticket shown), 19 for the composer.
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
                                                                │ Reply to #1042
                                                                │ Thanks, updating now.
                                                                │ Will report back.
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
        XCTAssertEqual(grid.cursor?.x, 54 + 17)
        XCTAssertEqual(grid.cursor?.y, 22)
    }

    func testNewTicketFormAt80x24() {
        var state = Fixture.state(Fixture.customer)
        var composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: "Printer jams", body: "The tray jams\nevery morning.",
                                     fields: ["kind": "question", "urgency": "none", "product": "Printers"])
        composer.field = .subject
        composer.cursor = 7
        state.composer = composer
        state.focus = .composer
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             New ticket
             Subject     Printer jams
             Kind          Question
             Product     Printers
             Category
             Subcategory
             Urgency       None
             Contact       Portal
             Watchers
             Description
             The tray jams
             every morning.










             ctrl-s send  esc close, keep draft  ctrl-e editor  tab next field
            """)
        // The caret sits after "Printer" in the subject, which is highlighted as the current field.
        XCTAssertEqual(grid.cursor?.x, 13 + 7)
        XCTAssertEqual(grid.cursor?.y, 2)
        XCTAssertEqual(grid[1, 2].style, .heading)
        XCTAssertEqual(grid[1, 3].style, .dim)
        XCTAssertEqual(grid[1, 10].style, .dim)

        // On a choice field the value is bracketed and no caret shows.
        state.composer?.field = .kind
        let onKind = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(onKind.rowText(3).replacingTrailingSpaces(), " Kind        ‹ Question ›")
        XCTAssertEqual(onKind[13, 3].style, .selected)
        XCTAssertNil(onKind.cursor)

        // In the body the caret follows the text, under the "Description" label.
        state.composer?.field = .body
        state.composer?.cursor = 5
        let onBody = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(onBody.cursor?.x, 1 + 5)
        XCTAssertEqual(onBody.cursor?.y, 11)
        XCTAssertEqual(onBody[1, 10].style, .heading)
    }

    func testNewTicketFormAt132x40SitsUnderTheDetail() {
        var state = composing(.newTicket, size: Fixture.size132, body: "Body text")
        state.composer?.subject = "Another VPN problem"
        state.composer?.fields = ["kind": "incident", "urgency": "serious", "product": "VPN", "category": "Client"]
        state.composer?.field = .urgency
        let grid = Renderer.render(state, size: Fixture.size132)
        let pane = (20...31).map { String(grid.rowText($0).dropFirst(53)).replacingTrailingSpaces() }
        XCTAssertEqual(pane, [
            " New ticket",
            " Subject     Another VPN problem",
            " Kind          Incident",
            " Product     VPN",
            " Category    Client",
            " Subcategory",
            " Urgency     ‹ Serious ›",
            " Contact       Portal",
            " Watchers",
            " Description",
            " Body text",
            "",
        ])
        XCTAssertNil(grid.cursor)
    }

    func testTitlesOfEveryKindAndSending() {
        // Replies and notes have the last message above them (two rows here); follow-ups do not.
        XCTAssertEqual(Renderer.render(composing(.internalNote), size: Fixture.size80).rowText(3).replacingTrailingSpaces(),
                       " Internal note on #1042 (agents only)")
        XCTAssertEqual(Renderer.render(composing(.followUp), size: Fixture.size80).rowText(1).replacingTrailingSpaces(),
                       " Follow-up of #1042")
        var sending = composing(.reply, body: "Done.")
        sending.composer?.isSending = true
        XCTAssertEqual(Renderer.render(sending, size: Fixture.size80).rowText(3).replacingTrailingSpaces(),
                       " Reply to #1042 · Sending…")
    }

    func testRestrictedSessionsHideTheEditorHint() {
        let state = composing(.reply, viewer: Fixture.customer)
        XCTAssertEqual(Renderer.render(state, size: Fixture.size80, restricted: true).rowText(23).replacingTrailingSpaces(),
                       " ctrl-s send  esc close, keep draft  tab next field")
    }

    func testCaretInAWrappedBody() {
        // 78 columns of body: 15 words (74 columns) fit the first line; the caret at the very
        // end is on the second line after 25 columns.
        let body = String(repeating: "abcd ", count: 20)
        let grid = Renderer.render(composing(.reply, body: body), size: Fixture.size80)
        XCTAssertEqual(grid.rowText(4).replacingTrailingSpaces(), " " + Array(repeating: "abcd", count: 15).joined(separator: " "))
        XCTAssertEqual(grid.rowText(5).replacingTrailingSpaces(), " abcd abcd abcd abcd abcd")
        XCTAssertEqual(grid.cursor?.x, 1 + 25)
        XCTAssertEqual(grid.cursor?.y, 5)
        // Moving the caret to the start of "abcd" number 16 (offset 75) puts it at the line start.
        let start = Renderer.render(composing(.reply, body: body, cursor: 75), size: Fixture.size80)
        XCTAssertEqual(start.cursor?.x, 1)
        XCTAssertEqual(start.cursor?.y, 5)
    }

    func testCaretAfterWideCharactersCountsColumns() {
        let grid = Renderer.render(composing(.reply, body: "日本語テキスト", cursor: 3), size: Fixture.size80)
        XCTAssertEqual(grid.rowText(4).replacingTrailingSpaces(), " 日本語テキスト")
        XCTAssertEqual(grid.cursor?.x, 1 + 6)
        XCTAssertEqual(grid.cursor?.y, 4)
    }

    func testALongBodyScrollsToKeepTheCaretVisible() {
        let body = (1...30).map { "line \($0)" }.joined(separator: "\n")
        let grid = Renderer.render(composing(.reply, body: body), size: Fixture.size80)
        // 19 body rows under the last message; the caret is on line 30, so lines 12...30 show.
        XCTAssertEqual(grid.rowText(4).replacingTrailingSpaces(), " line 12")
        XCTAssertEqual(grid.rowText(22).replacingTrailingSpaces(), " line 30")
        XCTAssertEqual(grid.cursor?.x, 1 + 7)
        XCTAssertEqual(grid.cursor?.y, 22)
        // Up/Down move by wrapped line with the renderer's wrapping.
        let state = composing(.reply, body: body)
        XCTAssertEqual(ComposerGeometry.verticalMove(state, size: Fixture.size80, delta: -1), body.count - 8)
        XCTAssertNil(ComposerGeometry.verticalMove(state, size: Fixture.size80, delta: 1))
    }
}
