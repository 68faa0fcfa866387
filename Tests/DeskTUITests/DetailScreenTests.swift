import Foundation
import DeskModel
import XCTest

@testable import DeskTUI

/// The detail pane: fields, description, and the history as a thread tree.
final class DetailScreenTests: XCTestCase {
    func testAgentDetailAt80x24ScrolledToTheEnd() {
        // 30 laid-out lines in 22 rows: scroll 8 is the end, marked 100%. The tree: replies
        // under what they answer, rails (│) where a level continues, a depth-3 reply, Ben's
        // internal note marked, the system event on one dim line. Carl's long first message
        // wraps at 76 columns (78 minus its 2-column indent), "and the" filling the line.
        let grid = Renderer.render(Fixture.openState(Fixture.agent, scroll: 8), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
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
             │ └─● Carl Meyer (customer) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.
             │   └─● Ana Lind (agent) · 2024-05-30 12:00
             │       5.2.1 has a known keepalive bug.
             │       Please update to 5.3.
             ├─● Ben Okafor (agent) · 2024-05-30 11:15  INTERNAL NOTE
             │   Same as #998: vendor case 7731.
             └─● Carl Meyer (customer) · 2024-05-30 13:00
                 Thanks!
             · 2024-05-30 14:00 Status changed from New to Open                        100%
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
    }

    func testADeepChainAt80x24KeepsTwelveLevelsOfIndentAndShowsTheDepth() {
        // A 16-message chain scrolled to its end: the indent grows two columns a level up to
        // depth 12, then stays at 24 columns with the depth beside the branch, and bodies
        // keep their width (the last one wraps at 78 - 24 - 4 - 2 = 48 columns).
        let messages = (1...16).map { index in
            Message(id: MessageID(index), ticketID: 42, kind: .reply, authorID: index.isMultiple(of: 2) ? 1 : 10,
                    body: index == 16 ? "The last step of the chain, long enough to wrap at the capped indent." : "step \(index)",
                    createdAt: Fixture.may30(10, index), inReplyToID: index == 1 ? nil : MessageID(index - 1))
        }
        let grid = Renderer.render(
            Fixture.openState(Fixture.agent, detail: Fixture.detail(messages: messages), scroll: 10_000), size: Fixture.size80)
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                         step 6
                       └─● Carl Meyer (customer) · 2024-05-30 10:07
                           step 7
                         └─● Ana Lind (agent) · 2024-05-30 10:08
                             step 8
                           └─● Carl Meyer (customer) · 2024-05-30 10:09
                               step 9
                             └─● Ana Lind (agent) · 2024-05-30 10:10
                                 step 10
                               └─● Carl Meyer (customer) · 2024-05-30 10:11
                                   step 11
                                 └─● Ana Lind (agent) · 2024-05-30 10:12
                                     step 12
                                   └─● Carl Meyer (customer) · 2024-05-30 10:13
                                       step 13
                                   └─[13]● Ana Lind (agent) · 2024-05-30 10:14
                                           step 14
                                   └─[14]● Carl Meyer (customer) · 2024-05-30 10:15
                                           step 15
                                   └─[15]● Ana Lind (agent) · 2024-05-30 10:16
                                           The last step of the chain, long enough to wrap
                                           at the capped indent.                       100%
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
    }

    func testCustomerDetailAt132x40HasNoInternalNote() {
        // The same ticket, the note included in what the store returned: the reducer threads
        // it without the note, so the customer sees six messages and no trace of the note.
        let grid = Renderer.render(Fixture.openState(Fixture.customer, size: Fixture.size132), size: Fixture.size132)
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
                                                                │ History (6)
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
                                                                │
                                                                │
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
        XCTAssertFalse(grid.text.contains("INTERNAL NOTE"))
        XCTAssertFalse(grid.text.contains("vendor case"))
        XCTAssertFalse(grid.text.contains("Ben Okafor"))
    }

    func testAgentDetailAt132x40() {
        let grid = Renderer.render(Fixture.openState(Fixture.agent, size: Fixture.size132), size: Fixture.size132)
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
                                                                │
             enter open  r reply  i note  S status  a assign  n new  / search  s sort  ? help  q back
            """)
    }

    func testScrollMarkerAtTheTop() {
        let grid = Renderer.render(Fixture.openState(Fixture.agent), size: Fixture.size80)
        XCTAssertEqual(grid.rowText(1).replacingTrailingSpaces(), " #1042 VPN drops every hour")
        XCTAssertEqual(grid.rowText(2).replacingTrailingSpaces(), " Status        Open")
        // 22 of 30 lines on screen: 73%, on the pane's last row at its right edge.
        XCTAssertEqual(grid.rowText(22).replacingTrailingSpaces(),
                       " │     Version 5.2.1 on macOS 14.".padding(toLength: 75, withPad: " ", startingAt: 0) + " 73%")
        XCTAssertEqual(grid.column(of: "73%", row: 22), 76)
        // A scroll past the end is clamped to the end.
        XCTAssertEqual(Renderer.render(Fixture.openState(Fixture.agent, scroll: 500), size: Fixture.size80),
                       Renderer.render(Fixture.openState(Fixture.agent, scroll: 8), size: Fixture.size80))
    }

    func testSystemEventStaysOnOneLine() {
        var messages = Fixture.messages
        messages[6].body = "Closed automatically\nafter 7 days\twithout an answer"
        let state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: Fixture.detail(messages: messages))
        let grid = Renderer.render(state, size: Fixture.size132)
        XCTAssertEqual(grid.rowText(30).replacingTrailingSpaces(),
                       String(repeating: " ", count: 52) + "│ · 2024-05-30 14:00 Closed automatically after 7 days without an answer")
        XCTAssertEqual(grid.rowText(31).replacingTrailingSpaces(), String(repeating: " ", count: 52) + "│")
        // Dim, with its prefix in the border style.
        XCTAssertEqual(grid[54, 30].style, .dim)
    }

    func testDetailFieldsOfAClosedFollowUpWithWatchersAndAttachments() {
        var ticket = Fixture.ticket
        ticket.status = .closed
        ticket.subcategory = "Reconnect"
        var detail = Fixture.detail(ticket: ticket, messages: [])
        detail.followUpOfNumber = 998
        detail.watchers = [Fixture.dora, Fixture.ben]
        detail.attachments = [Attachment(id: 1, ticketID: 42, name: "vpn.log", mediaType: "text/plain", size: 2_400_000,
                                         sha256: String(repeating: "0", count: 64), uploaderID: 10, createdAt: Fixture.may30(10))]
        detail.assignee = nil
        let grid = Renderer.render(Fixture.openState(Fixture.customer, detail: detail), size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             #1042 VPN drops every hour
             Status        Closed
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      unassigned
             Product       VPN › Client › Reconnect
             Follow-up of  #998
             Created       2024-05-30 09:00 (2d ago)
             Updated       2024-06-01 11:55 (5m ago)
             Watchers      dora, ben
             Attachment    vpn.log · 2.3 MB · Carl Meyer

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.






             enter open  f follow-up  n new  / search  s sort  ? help  q back
            """)
    }
}

/// Tree prefixes are drawn from the model's structural facts, never stored.
final class ThreadPrefixTests: XCTestCase {
    private func line(depth: Int, last: Bool, continues: [Bool]) -> ThreadLine {
        ThreadLine(message: Fixture.messages[0], depth: depth, isLastSibling: last, ancestorsContinue: continues)
    }

    func testPrefixesAndRails() {
        XCTAssertEqual(ThreadPrefix.of(line(depth: 0, last: false, continues: [])), "")
        XCTAssertEqual(ThreadPrefix.continuation(line(depth: 0, last: false, continues: [])), "")
        XCTAssertEqual(ThreadPrefix.of(line(depth: 1, last: false, continues: [true])), "├─")
        XCTAssertEqual(ThreadPrefix.continuation(line(depth: 1, last: false, continues: [true])), "│ ")
        XCTAssertEqual(ThreadPrefix.of(line(depth: 1, last: true, continues: [true])), "└─")
        XCTAssertEqual(ThreadPrefix.continuation(line(depth: 1, last: true, continues: [true])), "  ")
        // Depth 4: the top level draws nothing, then one column pair per ancestor.
        let deep = line(depth: 4, last: false, continues: [true, false, true, true])
        XCTAssertEqual(ThreadPrefix.of(deep), "  │ │ ├─")
        XCTAssertEqual(ThreadPrefix.continuation(deep), "  │ │ │ ")
        let deepLast = line(depth: 4, last: true, continues: [false, true, false, false])
        XCTAssertEqual(ThreadPrefix.of(deepLast), "│     └─")
        XCTAssertEqual(ThreadPrefix.continuation(deepLast), "│       ")
    }

    func testTheIndentStopsAtTwelveLevelsAndShowsTheDepthPastThem() {
        // Rails of the root level (1) and of level 11 continue; nothing is drawn past 12 levels.
        let continues = [false, true] + Array(repeating: false, count: 9) + [true] + Array(repeating: false, count: 20)
        let twelve = line(depth: 12, last: true, continues: Array(continues.prefix(12)))
        XCTAssertEqual(ThreadPrefix.of(twelve), "│                   │ └─")
        XCTAssertEqual(ThreadPrefix.continuation(twelve), "│                   │   ")
        let thirteen = line(depth: 13, last: true, continues: Array(continues.prefix(13)))
        XCTAssertEqual(ThreadPrefix.of(thirteen), "│                   │ └─[13]")
        XCTAssertEqual(ThreadPrefix.continuation(thirteen), "│                   │       ")
        let deep = line(depth: 37, last: false, continues: continues)
        XCTAssertEqual(ThreadPrefix.of(deep), "│                   │ ├─[37]")
        XCTAssertEqual(ThreadPrefix.continuation(deep), "│                   │ │     ")
        // The model records 32 levels at most; a chain 20,000 deep draws no wider.
        let deepest = line(depth: 20_000, last: true, continues: continues)
        XCTAssertEqual(ThreadPrefix.of(deepest), "│                   │ └─[20000]")
        XCTAssertEqual(DisplayWidth.of(ThreadPrefix.continuation(deepest)), 24 + 7)
    }

    func testADeepChainIsDrawnStepByStep() {
        let messages = (1...6).map { index in
            Message(id: MessageID(index), ticketID: 42, kind: .reply, authorID: index.isMultiple(of: 2) ? 1 : 10,
                    body: "step \(index)", createdAt: Fixture.may30(10, index), inReplyToID: index == 1 ? nil : MessageID(index - 1))
        }
        let state = Fixture.openState(Fixture.agent, size: Fixture.size132, detail: Fixture.detail(messages: messages))
        let lines = DetailLines.build(state.openTicket!, viewer: Fixture.agent, width: 77, now: Fixture.now).map(\.text)
        let history = Array(lines.drop { !$0.hasPrefix("History") })
        XCTAssertEqual(history, [
            "History (6)",
            "● Carl Meyer (customer) · 2024-05-30 10:01",
            "  step 1",
            "└─● Ana Lind (agent) · 2024-05-30 10:02",
            "    step 2",
            "  └─● Carl Meyer (customer) · 2024-05-30 10:03",
            "      step 3",
            "    └─● Ana Lind (agent) · 2024-05-30 10:04",
            "        step 4",
            "      └─● Carl Meyer (customer) · 2024-05-30 10:05",
            "          step 5",
            "        └─● Ana Lind (agent) · 2024-05-30 10:06",
            "            step 6",
        ])
    }
}
