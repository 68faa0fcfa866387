import DeskModel
import XCTest

@testable import DeskTUI

/// Unread and tagged rows, unread counts in the tabs, the bulk question, its progress, and
/// the notice of a message arriving while composing, at 80x24 and 132x40.
final class UnreadAndBulkScreenTests: XCTestCase {
    /// Rows #1041 and #1039 unread, #1040 and #1039 tagged; unread counts in two tabs, one past the cap.
    private func marked(_ viewer: Viewer = Fixture.agent, size: TerminalSize = Fixture.size80) -> DeskState {
        var state = Fixture.state(viewer, size: size)
        state.list.unreadIDs = [41, 39]
        state.tagged = [40: 1040, 39: 1039]
        state.unreadCounts = [.recent: 0, .active: 2, .mine: 1, .open: 2, .all: 100]
        return state
    }

    func testUnreadAndTaggedRowsAt80x24() {
        let grid = Renderer.render(marked(), size: Fixture.size80)
        // The first column marks a tagged row `*`, else an unread one `•`; unread rows are bold.
        // The tabs add their unread counts (`•99+` past the cap); the sort label shortens for them.
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5 •2  3 Mine 2 •1  4 Open 9 •2  5 All 40 •99+      newest
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
            •#1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
            *#1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
            *#1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             2 tagged  enter open  r reply  i note  S status  a assign  n new  ? help
            """)
        XCTAssertEqual(Set((1..<80).map { grid[$0, 3].style }), [.unread], "unread row, bold")
        XCTAssertEqual(Set((1..<80).map { grid[$0, 4].style }), [.normal], "tagged, read")
        XCTAssertEqual(grid[0, 5].style, .unread)
    }

    func testUnreadAndTaggedRowsAt132x40() {
        let grid = Renderer.render(marked(size: Fixture.size132), size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5 •2  3 Mine 2 •1  4 All open 9 •2  5 All 40 •99+             sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 open     Serious  VPN drops every ho…      5m│
            •#1041 new               Invoice shows the …      3h│
            *#1040 awaiting Low      Cannot export the …      2d│
            *#1039 pending  Critical Mail server down f…      3w│
             #1038 closed            Password reset lin…      1y│
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
             2 tagged  enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testCustomerListWithUnreadAndTagsAt80x24() {
        // Customers tag too (bulk close and watch); the counts come from the desk already scoped.
        let grid = Renderer.render(marked(Fixture.customer), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5 •2  3 Mine 2 •1  4 Open 9 •2  5 All 40 •99+     newest
                 # STATUS        URGENCY  SUBJECT                     1/5 REQUESTER  UPDATED
             #1042 Open          Serious  VPN drops every hour            carl            5m
            •#1041 Open                   Invoice shows the wrong VAT nu… dora            3h
            *#1040 Action needed Low      Cannot export the monthly repo… carl            2d
            *#1039 Solution      Critical Mail server down for the whole… dora            3w
             #1038 Closed                 Password reset link expired     carl            1y
















             2 tagged  enter open  r reply  S status  n new  / search  s sort  ? help
            """)
    }

    func testTheBulkQuestionAt80x24() {
        var state = marked()
        for id in 1...12 { state.tagged[TicketID(id)] = 2000 + Int64(id) }
        state.overlay = .confirm(.bulk(.assign(handle: "ben"), count: state.tagged.count))
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5 •2  3 Mine 2 •1  4 Open 9 •2  5 All 40 •99+      newest
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  VPN drops every hour               carl · Umbra      5m
            •#1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
            *#1040 awaiting Low      Cannot export the monthly report … carl · Umbra      2d
            *#1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y


                                 ┌─ 14 tagged tickets ───────────────┐
                                 │ Assign 14 tickets to ben? (y/N)   │
                                 │                                   │
                                 │ y            assign all 14 to ben │
                                 │ n esc enter  change nothing       │
                                 └───────────────────────────────────┘








             y yes  n no
            """)
    }

    func testTheBulkCloseQuestionAt132x40() {
        var state = marked(size: Fixture.size132)
        state.overlay = .confirm(.bulk(.changeStatus(.closed), count: 2))
        let grid = Renderer.render(state, size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5 •2  3 Mine 2 •1  4 All open 9 •2  5 All 40 •99+             sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 open     Serious  VPN drops every ho…      5m│
            •#1041 new               Invoice shows the …      3h│
            *#1040 awaiting Low      Cannot export the …      2d│
            *#1039 pending  Critical Mail server down f…      3w│
             #1038 closed            Password reset lin…      1y│
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
                                   ┌─ 2 tagged tickets ─────────────────────────────────────────────────────────────────┐
                                   │ Close 2 tickets for good? A follow-up will be needed to continue any of them (y/N) │
                                   │                                                                                    │
                                   │ y            close all 2 for good                                                  │
                                   │ n esc enter  change nothing                                                        │
                                   └────────────────────────────────────────────────────────────────────────────────────┘
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
             y yes  n no
            """)
    }

    func testProgressOfABulkActionOnTheBottomLine() {
        var state = marked()
        var run = BulkRun(operation: .assign(handle: "ben"), numbers: (1...1000).map(Int64.init))
        run.pending = Array(run.pending.dropFirst(350))
        run.outcomes = (1...325).map { BulkOutcome(number: Int64($0)) }
        state.bulk = run
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23), " Assigning to ben 325/1,000…" + String(repeating: " ", count: 52))
    }

    func testANewMessageWhileComposingAt80x24() {
        var state = Fixture.openState(Fixture.agent)
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Thanks, updating now.")
        composer.cursor = 7
        state.composer = composer
        state.focus = .composer
        var detail = Fixture.detail()
        detail.messages.append(Message(
            id: 8, ticketID: 42, kind: .reply, authorID: Fixture.carl.id, body: "It dropped again just now.",
            createdAt: Fixture.ago(60), inReplyToID: 4))
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(detail))
        let grid = Renderer.render(state, size: Fixture.size80)
        // The history grew in place; the composer keeps its text and caret; the notice says who wrote.
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             Carl Meyer (customer) · 2024-06-01 11:59
             It dropped again just now.
             Reply to #1042
             Thanks, updating now.


















             New message from Carl Meyer on #1042
            """)
        XCTAssertEqual(state.composer?.cursor, 7)
    }

    func testANewMessageWhileComposingAt132x40() {
        var state = Fixture.openState(Fixture.customer, size: Fixture.size132)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Thanks!")
        state.focus = .composer
        var detail = Fixture.detail()
        detail.messages = detail.messages.filter { $0.kind != .internalNote }
        detail.messages.append(Message(
            id: 8, ticketID: 42, kind: .reply, authorID: Fixture.ana.id, body: "Version 5.3 is out: please update.",
            createdAt: Fixture.ago(60), inReplyToID: 6))
        _ = DeskReducer.reduce(into: &state, .ticketLoaded(detail))
        let grid = Renderer.render(state, size: Fixture.size132)
        assertScreen(grid, """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 REQUESTER  UPDATED│ #1042 VPN drops every hour
             #1042 Open          VPN drops e… carl            5m│ Status        Open
             #1041 Open          Invoice sho… dora            3h│ Kind          Incident
             #1040 Action needed Cannot expo… carl            2d│ Urgency       Serious
             #1039 Solution      Mail server… dora            3w│ Requester     Carl Meyer (carl)
             #1038 Closed        Password re… carl            1y│ Organisation  Umbra
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
                                                                │ Thanks!
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
                                                                │
             New message from Ana Lind on #1042
            """)
    }
}
