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
             │ j down       next ticket / scroll d…  Q            quote picked message    │m
             │ k up         previous ticket / scro…  v            attachments: open, save │h
             │ pgdn space   page down                t            tag / untag the row     │d
             │ pgup b       page up                  T            tag the whole view      │w
             │ g home       first ticket / top       N            mark unread             │y
             │ G end        last ticket / bottom     W            add / remove watchers   │
             │ enter        open the selected tick…  y            copy "#42 Subject"      │
             │ tab          next pane                K            articles (knowledge ba… │
             │ shift-tab    previous pane            z            fold / unfold a messag… │
             │ 1            view: Recent             Z            fold / unfold all quot… │
             │ 2            view: Active             M            mail notifications you… │
             │ 3            view: Mine               E            edit the open ticket    │
             │ 4            view: All open           D            reports: the team lead… │
             │ 5            view: All                P            take the call-back req… │
             │ s            sort: created / update…  O            call-back outcome: rea… │
             │ o            flip the order           ctrl-s       composer: send          │
             │ /            full-text search         esc          composer: close, keep … │
             │ #            go to a ticket by numb…  ctrl-x       composer: discard draft │
             │                                                                            │
             │ ↓ more below · rows 1–18 of 35                                             │
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
        XCTAssertTrue(wide.text.contains("mail notifications you receive"))
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
             │ j down       next ticket / scroll d…  [            pick previous message   │m
             │ k up         previous ticket / scro…  Q            quote picked message    │h
             │ pgdn space   page down                v            attachments: open, save │d
             │ pgup b       page up                  t            tag / untag the row     │w
             │ g home       first ticket / top       T            tag the whole view      │y
             │ G end        last ticket / bottom     N            mark unread             │
             │ enter        open the selected tick…  W            add / remove watchers   │
             │ tab          next pane                y            copy "#42 Subject"      │
             │ shift-tab    previous pane            K            articles (knowledge ba… │
             │ 1            view: Recent             z            fold / unfold a messag… │
             │ 2            view: Active             Z            fold / unfold all quot… │
             │ 3            view: Mine               M            mail notifications you… │
             │ 4            view: All open           E            edit the open ticket    │
             │ 5            view: All                C            ask to be called back   │
             │ s            sort: created / update…  ctrl-s       composer: send          │
             │ o            flip the order           esc          composer: close, keep … │
             │ /            full-text search         ctrl-x       composer: discard draft │
             │ #            go to a ticket by numb…  ctrl-e       composer: $EDITOR       │
             │                                                                            │
             │ ↓ more below · rows 1–18 of 31                                             │
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
             ┌─ Keys ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
             │ j down       next ticket / scroll down                          Q            quote picked message                              │
             │ k up         previous ticket / scroll up                        v            attachments: open, save                           │
             │ pgdn space   page down                                          t            tag / untag the row                               │
             │ pgup b       page up                                            T            tag the whole view                                │
             │ g home       first ticket / top                                 N            mark unread                                       │
             │ G end        last ticket / bottom                               W            add / remove watchers                             │
             │ enter        open the selected ticket                           y            copy "#42 Subject"                                │
             │ tab          next pane                                          K            articles (knowledge base)                         │
             │ shift-tab    previous pane                                      z            fold / unfold a message's quoted history          │
             │ 1            view: Recent                                       Z            fold / unfold all quoted history                  │
             │ 2            view: Active                                       M            mail notifications you receive                    │
             │ 3            view: Mine                                         E            edit the open ticket                              │
             │ 4            view: All open                                     D            reports: the team lead's figures                  │
             │ 5            view: All                                          P            take the call-back request (✆)                    │
             │ s            sort: created / updated / triage                   O            call-back outcome: reached, no-answer, reschedul… │
             │ o            flip the order                                     ctrl-s       composer: send                                    │
             │ /            full-text search                                   esc          composer: close, keep draft                       │
             │ #            go to a ticket by number                           ctrl-x       composer: discard draft                           │
             │ n            new ticket                                         ctrl-e       composer: $EDITOR                                 │
             │ ctrl-r e     reply                                              tab          composer: next field                              │
             │ i            internal note                                      shift-tab    composer: previous field                          │
             │ S            change status                                      f1           composer: this help                               │
             │ a            assign to an agent                                 ctrl-t       composer: reply intent                            │
             │ A            assign to me                                       ctrl-o       composer: attach a file                           │
             │ w            watch / unwatch                                    f2           new ticket: articles that may help                │
             │ f            follow-up of a closed ticket                       ctrl-k       reply: insert an article's link                   │
             │ R ctrl-l     refresh                                            ← →          composer: choice                                  │
             │ esc          close search, composer or ticket                   enter        composer: pick watchers                           │
             │ q            back, then quit                                    r            duplicate: reply there                            │
             │ ctrl-c       quit (drafts are kept)                             c            duplicate: create anyway                          │
             │ ? f1         this help                                          esc e        duplicate: keep editing                           │
             │ 6 7 8 9      saved views 1-4 (tabs)                             y            question: yes                                     │
             │ :            command line (Tab completes)                       n esc enter  question: no (the default)                        │
             │ ]            pick next message                                  y            article: this solved it (files nothing)           │
             │ [            pick previous message                              ctrl-t       picker: insert the article's text                 │
             └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
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
