import DeskModel
import XCTest

@testable import DeskTUI

/// Overlays (help, status menu), the top bar, the bottom line and tiny terminals.
final class OverlayScreenTests: XCTestCase {
    func testHelpAt80x24FlowsIntoTwoColumns() {
        var state = Fixture.state(Fixture.agent)
        _ = DeskReducer.reduce(into: &state, .helpToggled)
        let grid = Renderer.render(state, size: Fixture.size80)
        // 38 rows do not fit 20: two columns of 19, long labels cut with "…". Every command
        // and the composer keys are there; the list shows at the edges.
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9
             ┌─ Keys ─────────────────────────────────────────────────────────────────────┐E
             │ j down      next ticket / scroll do…  i           internal note            │m
             │ k up        previous ticket / scrol…  S           change status            │h
             │ pgdn space  page down                 a           assign to an agent       │d
             │ pgup b      page up                   A           assign to me             │w
             │ g home      first ticket / top        w           watch / unwatch          │y
             │ G end       last ticket / bottom      f           follow-up of a closed t… │
             │ enter       open the selected ticket  R ctrl-l    refresh                  │
             │ tab         next pane                 q esc       back / quit              │
             │ shift-tab   previous pane             ctrl-c      quit (drafts are kept)   │
             │ 1           view: Recent              ? f1        this help                │
             │ 2           view: Active              ctrl-s      composer: send           │
             │ 3           view: Mine                esc         composer: close, keep d… │
             │ 4           view: All open            ctrl-x      composer: discard draft  │
             │ 5           view: All                 ctrl-e      composer: editor         │
             │ s           sort by created / updat…  tab ← →     composer: field, choice  │
             │ o           flip the order            enter       composer: pick watchers  │
             │ /           full-text search          r           duplicate: reply there   │
             │ #           go to a ticket by number  c           duplicate: create anyway │
             │ n           new ticket                esc e       duplicate: keep editing  │
             │ r           reply                                                          │
             └────────────────────────────────────────────────────────────────────────────┘
             any key close
            """)
    }

    func testHelpColumnsUseTheRoomThereIs() {
        var state = Fixture.state(Fixture.agent)
        state.overlay = .help
        // 100x30: 24 rows available, two columns wide enough for every label in full.
        let wide = Renderer.render(state, size: TerminalSize(columns: 100, rows: 30))
        XCTAssertFalse(wide.text.contains("…"))
        XCTAssertTrue(wide.text.contains("sort by created / updated / triage"))
        XCTAssertTrue(wide.text.contains("composer: field, choice"))
        // 40x12: one narrow column, cut to the rows there are; nothing breaks.
        let tiny = Renderer.render(state, size: TerminalSize(columns: 40, rows: 12))
        XCTAssertTrue(tiny.rowText(1).hasPrefix(" ┌─ Keys " + String(repeating: "─", count: 29) + "┐"))
        XCTAssertEqual(tiny.rowText(2), " │ j down      next ticket / scroll … │m")
        XCTAssertEqual(tiny.rowText(7), " │ G end       last ticket / bottom   │ ")
        assertWideGlyphsWhole(tiny)
    }

    func testHelpForACustomerLeavesOutStaffCommands() {
        var state = Fixture.state(Fixture.customer)
        state.overlay = .help
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2
                 # STATUS        URG  SUBJECT                            1/5 ASSIGNEE    AGE
             ┌─ Keys ─────────────────────────────────────────────────────────────────────┐m
             │ j down      next ticket / scroll do…  n           new ticket               │h
             │ k up        previous ticket / scrol…  r           reply                    │d
             │ pgdn space  page down                 S           change status            │w
             │ pgup b      page up                   w           watch / unwatch          │y
             │ g home      first ticket / top        f           follow-up of a closed t… │
             │ G end       last ticket / bottom      R ctrl-l    refresh                  │
             │ enter       open the selected ticket  q esc       back / quit              │
             │ tab         next pane                 ctrl-c      quit (drafts are kept)   │
             │ shift-tab   previous pane             ? f1        this help                │
             │ 1           view: Recent              ctrl-s      composer: send           │
             │ 2           view: Active              esc         composer: close, keep d… │
             │ 3           view: Mine                ctrl-x      composer: discard draft  │
             │ 4           view: All open            ctrl-e      composer: editor         │
             │ 5           view: All                 tab ← →     composer: field, choice  │
             │ s           sort by created / updat…  enter       composer: pick watchers  │
             │ o           flip the order            r           duplicate: reply there   │
             │ /           full-text search          c           duplicate: create anyway │
             │ #           go to a ticket by number  esc e       duplicate: keep editing  │
             └────────────────────────────────────────────────────────────────────────────┘

             any key close
            """)
    }

    func testHelpAt132x40ShowsAUserReboundKey() throws {
        let config = try UserConfig.parse("""
            [keys]
            reply = ["e", "ctrl-r"]   # instead of r
            """)
        var state = Fixture.state(Fixture.agent, size: Fixture.size132)
        state.overlay = .help
        let grid = Renderer.render(state, size: Fixture.size132, keymap: config.keymap)
        // 38 rows do not fit the 36 there are: two columns, every label whole; "r" is gone from
        // reply, the new keys sorted by name (the duplicate warning keeps its own "r").
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URG  SUBJECT                1/5  AGE│ No ticket open: Enter opens the selected one
             #1042 open     high VPN drops every hour         5m│
             #1041 new           Invoice shows the wrong V…   3h│
             #1040 awaiting low  Cannot export the monthly…   2d│
             #1039 pending  CRIT Mail server down for the …   3w│
             #1038 closed        Password reset link expir…   1y│
                                                                │
                                                                │
                             ┌─ Keys ─────────────────────────────────────────────────────────────────────────────────────────┐
                             │ j down      next ticket / scroll down           i           internal note                      │
                             │ k up        previous ticket / scroll up         S           change status                      │
                             │ pgdn space  page down                           a           assign to an agent                 │
                             │ pgup b      page up                             A           assign to me                       │
                             │ g home      first ticket / top                  w           watch / unwatch                    │
                             │ G end       last ticket / bottom                f           follow-up of a closed ticket       │
                             │ enter       open the selected ticket            R ctrl-l    refresh                            │
                             │ tab         next pane                           q esc       back / quit                        │
                             │ shift-tab   previous pane                       ctrl-c      quit (drafts are kept)             │
                             │ 1           view: Recent                        ? f1        this help                          │
                             │ 2           view: Active                        ctrl-s      composer: send                     │
                             │ 3           view: Mine                          esc         composer: close, keep draft        │
                             │ 4           view: All open                      ctrl-x      composer: discard draft            │
                             │ 5           view: All                           ctrl-e      composer: editor                   │
                             │ s           sort by created / updated / triage  tab ← →     composer: field, choice            │
                             │ o           flip the order                      enter       composer: pick watchers            │
                             │ /           full-text search                    r           duplicate: reply there             │
                             │ #           go to a ticket by number            c           duplicate: create anyway           │
                             │ n           new ticket                          esc e       duplicate: keep editing            │
                             │ ctrl-r e    reply                                                                              │
                             └────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             any key close
            """)
    }

    func testStatusMenuAt80x24() {
        var state = Fixture.openState(Fixture.agent)
        XCTAssertEqual(DeskReducer.reduce(into: &state, .statusMenuRequested), [])
        _ = DeskReducer.reduce(into: &state, .menuMoved(by: 1))
        let grid = Renderer.render(state, size: Fixture.size80)
        // The statuses an agent may move an open ticket to, in staff words; row 2 highlighted.
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9
             #1042 VPN drops every hour
             Status        Open
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      Ana Lind (ana)
             Product       VPN ┌─ Change status #1042 ─────────────────┐
             Created       2024│ 1  Awaiting customer                  │
             Updated       2024│ 2  Pending                            │
                               │ 3  Closed                             │
             Since Monday the V│                                       │and needs a
             restart.          │ ↑/↓ choose · Enter apply · Esc cancel │
                               └───────────────────────────────────────┘
             History (7)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (customer) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ choose  enter apply  esc cancel
            """)
        XCTAssertEqual(grid[30, 10].style, .selected)
        XCTAssertEqual(grid[21, 10].style, .selected)
        XCTAssertEqual(grid[30, 9].style, .overlay)
        XCTAssertEqual(grid[21, 9].style, .keyHint)
    }

    func testStatusMenuInCustomerWords() {
        var state = Fixture.openState(Fixture.customer)
        state.overlay = .statusMenu(ticketNumber: 1042, options: [.awaitingCustomer, .pending, .closed], selected: 0)
        let grid = Renderer.render(state, size: Fixture.size80)
        let labels = (9...11).map { String(grid.rowText($0).dropFirst(19).prefix(30)).replacingTrailingSpaces() }
        XCTAssertEqual(labels, ["│ 1  Action required from you", "│ 2  Solution proposed", "│ 3  Closed"])
        // A customer may only close their open ticket: that is all the reducer offers.
        var real = Fixture.openState(Fixture.customer)
        _ = DeskReducer.reduce(into: &real, .statusMenuRequested)
        XCTAssertEqual(real.overlay, .statusMenu(ticketNumber: 1042, options: [.closed], selected: 0))
    }

    func testAssignMenu() {
        var state = Fixture.openState(Fixture.agent)
        state.overlay = .assignMenu(ticketNumber: 1042, options: [nil, Fixture.ana, Fixture.ben], selected: 0)
        let grid = Renderer.render(state, size: Fixture.size80)
        let rows = (8...14).map { String(grid.rowText($0).dropFirst(19).prefix(32)) }
        XCTAssertEqual(rows, [
            "┌─ Assign to #1042 ─────────────",
            "│ 1  unassigned                 ",
            "│ 2  Ana Lind (ana)             ",
            "│ 3  Ben Okafor (ben)           ",
            "│                               ",
            "│ ↑/↓ choose · Enter apply · Esc",
            "└───────────────────────────────",
        ])
        XCTAssertEqual(grid[30, 9].style, .selected)
    }

    func testTinyTerminal40x12StillWorks() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, size: TerminalSize(columns: 40, rows: 12)), size: TerminalSize(columns: 40, rows: 12))
        // No tab fits after the identity, urgency and requester columns are gone, and the
        // bottom line keeps "? help".
        assertScreen(grid, """
             Acme Support · ana (agent)
                 # STATUS   SUBJECT         1/5  AGE
             #1042 open     VPN drops every ho…   5m
             #1041 new      Invoice shows the …   3h
             #1040 awaiting Cannot export the …   2d
             #1039 pending  Mail server down f…   3w
             #1038 closed   Password reset lin…   1y




             enter open  r reply  i note  ? help
            """)
    }

    func testTooSmallTerminals() {
        let cases: [(TerminalSize, [String])] = [
            (TerminalSize(columns: 39, rows: 12), ["Terminal too small", "need 40x12"]),
            (TerminalSize(columns: 40, rows: 11), ["Terminal too small", "need 40x12"]),
            (TerminalSize(columns: 200, rows: 11), ["Terminal too small", "need 40x12"]),
            (TerminalSize(columns: 10, rows: 3), ["Terminal t", "need 40x12"]),
        ]
        for (size, expected) in cases {
            var state = Fixture.openState(Fixture.agent, size: size)
            state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "draft")
            state.focus = .composer
            let grid = Renderer.render(state, size: size)
            let lines = grid.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertEqual(lines, expected, "\(size)")
            XCTAssertNil(grid.cursor, "no caret on the too-small screen")
        }
        let grid = Renderer.render(Fixture.state(Fixture.agent), size: TerminalSize(columns: 39, rows: 12))
        assertScreen(grid, """





                      Terminal too small
                          need 40x12





            """)
        XCTAssertEqual(grid[10, 5].style, .error)
        XCTAssertEqual(grid[14, 6].style, .dim)
        XCTAssertEqual(Renderer.render(Fixture.state(Fixture.agent), size: TerminalSize(columns: 40, rows: 11)).rowText(4).replacingTrailingSpaces(),
                       "           Terminal too small")
    }

    func testEmptyTerminalDoesNotCrash() {
        let grid = Renderer.render(Fixture.state(Fixture.agent), size: TerminalSize(columns: 0, rows: 0))
        XCTAssertEqual(grid.text, "")
    }
}
