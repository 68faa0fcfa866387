import DeskModel
import XCTest

@testable import DeskTUI

/// Overlays (help, status menu), the top bar, the bottom line and tiny terminals.
final class OverlayScreenTests: XCTestCase {
    func testHelpAt80x24FlowsIntoTwoColumnsAndScrollsWhatStillDoesNotFit() {
        var state = Fixture.state(Fixture.agent)
        _ = DeskReducer.reduce(into: &state, .helpToggled)
        let grid = Renderer.render(state, size: Fixture.size80)
        // The rows do not fit 20: two columns of 29, long labels cut with "…", of which 18 rows
        // show; the last line says more lie below, the bottom line how to scroll.
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             ┌─ Keys ─────────────────────────────────────────────────────────────────────┐D
             │ j down       next ticket / scroll d…  ]            pick next message       │m
             │ k up         previous ticket / scro…  [            pick previous message   │h
             │ pgdn space   page down                Q            quote picked message    │d
             │ pgup b       page up                  v            attachments: open, save │w
             │ g home       first ticket / top       t            tag / untag the row     │y
             │ G end        last ticket / bottom     T            tag the whole view      │
             │ enter        open the selected tick…  N            mark unread             │
             │ tab          next pane                W            add / remove watchers   │
             │ shift-tab    previous pane            y            copy "#42 Subject"      │
             │ 1            view: Recent             K            articles (knowledge ba… │
             │ 2            view: Active             P            take the call-back req… │
             │ 3            view: Mine               O            call-back outcome: rea… │
             │ 4            view: All open           ctrl-s       composer: send          │
             │ 5            view: All                esc          composer: close, keep … │
             │ s            sort: created / update…  ctrl-x       composer: discard draft │
             │ o            flip the order           ctrl-e       composer: $EDITOR       │
             │ /            full-text search         tab          composer: next field    │
             │ #            go to a ticket by numb…  shift-tab    composer: previous fie… │
             │                                                                            │
             │ ↓ more below · rows 1–18 of 33                                             │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup scroll  other keys close
            """)
    }

    func testHelpColumnsUseTheRoomThereIs() {
        var state = Fixture.state(Fixture.agent)
        state.overlay = .help
        // 100x30: 26 rows available, two columns wide enough for every label in full.
        let wide = Renderer.render(state, size: TerminalSize(columns: 100, rows: 30))
        XCTAssertTrue(wide.text.contains("sort: created / updated / triage"))
        XCTAssertTrue(wide.text.contains("composer: send"))
        XCTAssertTrue(wide.text.contains("composer: discard draft"))
        XCTAssertTrue(wide.text.contains("composer: choice"))
        // 40x12: one narrow column, cut to the rows there are; nothing breaks.
        let tiny = Renderer.render(state, size: TerminalSize(columns: 40, rows: 12))
        XCTAssertTrue(tiny.rowText(1).hasPrefix(" ┌─ Keys " + String(repeating: "─", count: 29) + "┐"))
        XCTAssertEqual(tiny.rowText(2), " │ j down       next ticket / scroll… │m")
        XCTAssertEqual(tiny.rowText(7), " │ G end        last ticket / bottom  │ ")
        assertWideGlyphsWhole(tiny)
    }

    func testHelpForACustomerLeavesOutStaffCommands() {
        var state = Fixture.state(Fixture.customer)
        state.overlay = .help
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
             ┌─ Keys ─────────────────────────────────────────────────────────────────────┐D
             │ j down       next ticket / scroll d…  :            command line (Tab comp… │m
             │ k up         previous ticket / scro…  ]            pick next message       │h
             │ pgdn space   page down                [            pick previous message   │d
             │ pgup b       page up                  Q            quote picked message    │w
             │ g home       first ticket / top       v            attachments: open, save │y
             │ G end        last ticket / bottom     t            tag / untag the row     │
             │ enter        open the selected tick…  T            tag the whole view      │
             │ tab          next pane                N            mark unread             │
             │ shift-tab    previous pane            W            add / remove watchers   │
             │ 1            view: Recent             y            copy "#42 Subject"      │
             │ 2            view: Active             K            articles (knowledge ba… │
             │ 3            view: Mine               C            ask to be called back   │
             │ 4            view: All open           ctrl-s       composer: send          │
             │ 5            view: All                esc          composer: close, keep … │
             │ s            sort: created / update…  ctrl-x       composer: discard draft │
             │ o            flip the order           ctrl-e       composer: $EDITOR       │
             │ /            full-text search         tab          composer: next field    │
             │ #            go to a ticket by numb…  shift-tab    composer: previous fie… │
             │                                                                            │
             │ ↓ more below · rows 1–18 of 29                                             │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup scroll  other keys close
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
        // 45 rows do not fit the 36 there are: two columns, every label whole; "r" is gone from
        // reply, the new keys sorted by name (the duplicate warning keeps its own "r").
        assertScreen(grid, """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ No ticket open: Enter opens the selected one
             ┌─ Keys ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
             │ j down       next ticket / scroll down                          ]            pick next message                                 │
             │ k up         previous ticket / scroll up                        [            pick previous message                             │
             │ pgdn space   page down                                          Q            quote picked message                              │
             │ pgup b       page up                                            v            attachments: open, save                           │
             │ g home       first ticket / top                                 t            tag / untag the row                               │
             │ G end        last ticket / bottom                               T            tag the whole view                                │
             │ enter        open the selected ticket                           N            mark unread                                       │
             │ tab          next pane                                          W            add / remove watchers                             │
             │ shift-tab    previous pane                                      y            copy "#42 Subject"                                │
             │ 1            view: Recent                                       K            articles (knowledge base)                         │
             │ 2            view: Active                                       P            take the call-back request (✆)                    │
             │ 3            view: Mine                                         O            call-back outcome: reached, no-answer, reschedul… │
             │ 4            view: All open                                     ctrl-s       composer: send                                    │
             │ 5            view: All                                          esc          composer: close, keep draft                       │
             │ s            sort: created / updated / triage                   ctrl-x       composer: discard draft                           │
             │ o            flip the order                                     ctrl-e       composer: $EDITOR                                 │
             │ /            full-text search                                   tab          composer: next field                              │
             │ #            go to a ticket by number                           shift-tab    composer: previous field                          │
             │ n            new ticket                                         f1           composer: this help                               │
             │ ctrl-r e     reply                                              ctrl-t       composer: reply intent                            │
             │ i            internal note                                      ctrl-o       composer: attach a file                           │
             │ S            change status                                      f2           new ticket: articles that may help                │
             │ a            assign to an agent                                 ctrl-k       reply: insert an article's link                   │
             │ A            assign to me                                       ← →          composer: choice                                  │
             │ w            watch / unwatch                                    enter        composer: pick watchers                           │
             │ f            follow-up of a closed ticket                       r            duplicate: reply there                            │
             │ R ctrl-l     refresh                                            c            duplicate: create anyway                          │
             │ esc          close search, composer or ticket                   esc e        duplicate: keep editing                           │
             │ q            back, then quit                                    y            question: yes                                     │
             │ ctrl-c       quit (drafts are kept)                             n esc enter  question: no (the default)                        │
             │ ? f1         this help                                          y            article: this solved it (files nothing)           │
             │ 6 7 8 9      saved views 1-4 (tabs)                             ctrl-t       picker: insert the article's text                 │
             │ :            command line (Tab completes)                                                                                      │
             └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
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
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
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
             ana  1  2 Act 5  3  4  5        newest
                 # STATUS   SUBJECT      1/5 UPDATED
             #1042 open     VPN drops every…      5m
             #1041 new      Invoice shows t…      3h
             #1040 awaiting Cannot export t…      2d
             #1039 pending  Mail server dow…      3w
             #1038 closed   Password reset …      1y




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
