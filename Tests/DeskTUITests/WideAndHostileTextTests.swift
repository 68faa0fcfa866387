import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// Wide glyphs are measured by display width and never cut in half; text from tickets can
/// never smuggle a terminal control onto the screen.
final class WideTextTests: XCTestCase {
    static let wideRows: [TicketSummary] = [
        Fixture.row(43, "東京オフィスのプリンターが朝から印刷できません", .new, requester: Fixture.dora, updated: Fixture.ago(600)),
        Fixture.row(44, "Printer 🖨️ on fire 🔥 again", .open, .critical, updated: Fixture.ago(7200)),
        Fixture.row(45, "Printer on fire again 🔥🔥🔥", .open, .low, updated: Fixture.ago(3 * 86_400)),
        Fixture.row(46, "Cafe\u{301} cre\u{300}me", .pending, updated: Fixture.ago(7 * 86_400)),
    ]

    func testWideSubjectsInTheListAt80x24() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, rows: Self.wideRows, selected: 43), size: Fixture.size80)
        // The Japanese subject is 46 columns: 20 glyphs (40 columns) and "…" fill the 41-column
        // subject exactly. Emoji take two columns each; combining accents none.
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1043 new               東京オフィスのプリンターが朝から…  dora · Umbra     10m
             #1044 open     Critical Printer 🖨️ on fire 🔥 again        carl · Umbra      2h
             #1045 open     Low      Printer on fire again 🔥🔥🔥       carl · Umbra      3d
             #1046 pending           Café crème                         carl · Umbra      7d

















             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        assertWideGlyphsWhole(grid)
        // Columns line up whatever the subject: "· Umbra" starts at column 65 on every row.
        for y in 2...5 { XCTAssertEqual(grid.column(of: "· Umbra", row: y), 65, grid.rowText(y)) }
    }

    func testWideSubjectsTruncatedAt132x40NeverSplitAGlyph() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, size: Fixture.size132, rows: Self.wideRows, selected: 43), size: Fixture.size132)
        let left = (1...5).map { String(grid.rowText($0).prefix { $0 != "│" }) + "│" }
        // The subject cell: Japanese glyphs and "…" never split a glyph; the
        // printer emoji and the combining accents keep their cells whole.
        XCTAssertEqual(left, [
            "     # STATUS   URGENCY  SUBJECT         1/5 UPDATED│",
            " #1043 new               東京オフィスのプリ…     10m│",
            " #1044 open     Critical Printer 🖨️ on fire…      2h│",
            " #1045 open     Low      Printer on fire ag…      3d│",
            " #1046 pending           Café crème               7d│",
        ])
        for y in 1...5 { XCTAssertEqual(grid[52, y].text, "│", "divider at column 52 on row \(y)") }
        assertWideGlyphsWhole(grid)
    }

    func testJapaneseBodyWrapsByDisplayWidth() {
        let body = "プリンターが朝から印刷できません。再起動しても直りません。トナーは交換済みです。ドライバーも最新版に更新しました。"
        var ticket = Fixture.ticket
        ticket.subject = "東京オフィスのプリンターが朝から印刷できません"
        let message = Message(id: 1, ticketID: 42, kind: .reply, authorID: Fixture.dora.id, body: body, createdAt: Fixture.may30(10))
        var detail = Fixture.detail(ticket: ticket, messages: [message])
        detail.authors[Fixture.dora.id] = User(id: 11, handle: "dora", name: "佐藤ドラ", email: "d@umbra.test", role: .customer)

        // 80 columns: the body has 76; 38 glyphs fill a line exactly.
        let narrow = Renderer.render(Fixture.openState(Fixture.agent, detail: detail, scroll: 0), size: Fixture.size80)
        XCTAssertEqual(narrow.rowText(1).replacingTrailingSpaces(), " #1042 東京オフィスのプリンターが朝から印刷できません")
        XCTAssertEqual(narrow.rowText(16).replacingTrailingSpaces(), " ● 佐藤ドラ (customer) · 2024-05-30 10:00")
        XCTAssertEqual(narrow.rowText(17).replacingTrailingSpaces(), "   プリンターが朝から印刷できません。再起動しても直りません。トナーは交換済みで")
        XCTAssertEqual(narrow.rowText(18).replacingTrailingSpaces(), "   す。ドライバーも最新版に更新しました。")
        XCTAssertEqual(narrow[78, 17].width, 0, "the last glyph ends at column 78")

        // 132 columns: the body has 75, an odd width; 37 glyphs (74 columns) per line.
        let wide = Renderer.render(Fixture.openState(Fixture.agent, size: Fixture.size132, detail: detail), size: Fixture.size132)
        let pane = (16...18).map { String(wide.rowText($0).drop { $0 != "│" }).replacingTrailingSpaces() }
        XCTAssertEqual(pane, [
            "│ ● 佐藤ドラ (customer) · 2024-05-30 10:00",
            "│   プリンターが朝から印刷できません。再起動しても直りません。トナーは交換済み",
            "│   です。ドライバーも最新版に更新しました。",
        ])
        assertWideGlyphsWhole(narrow)
        assertWideGlyphsWhole(wide)
    }

    func testAWideGlyphAtThePaneEdgeBecomesABlank() {
        var detail = Fixture.detail(messages: [Message(id: 1, ticketID: 42, kind: .reply, authorID: 11, body: "x", createdAt: Fixture.may30(10))])
        // "● " at columns 1-2, then 40 wide glyphs from column 3: the 39th would take 79-80.
        detail.authors[11] = User(id: 11, handle: "dora", name: String(repeating: "藤", count: 40), email: "d@umbra.test", role: .customer)
        let grid = Renderer.render(Fixture.openState(Fixture.agent, detail: detail), size: Fixture.size80)
        XCTAssertEqual(grid.rowText(16), " ● " + String(repeating: "藤", count: 38) + " ")
        XCTAssertEqual(grid[79, 16], Cell(text: " ", width: 1, style: .heading))
        assertWideGlyphsWhole(grid)
    }
}

final class HostileTextTests: XCTestCase {
    static let eve = User(id: 66, handle: "eve", name: "Eve\u{1B}[31m Evil", email: "eve@evil.test", role: .customer, organisationID: 666)

    static func hostileDetail() -> TicketDetail {
        let ticket = Ticket(
            id: 66, number: 1066, subject: "\u{1B}]0;pwned\u{07}Refund \u{1B}[2J\u{202E}gnp.exe",
            description: "Pay here\u{1B}]52;c;SGVsbG8=\u{07} now\n\u{9B}31mred\u{1B}[0m\r\nbye",
            kind: .question, product: "VPN\u{1B}[5m", status: .new, requesterID: eve.id, organisationID: 666,
            createdAt: Fixture.may30(9), updatedAt: Fixture.may30(9))
        let message = Message(id: 1, ticketID: 66, kind: .reply, authorID: eve.id,
                              body: "\u{1B}[2Jcleared?\u{07}\u{202E}txt.exe", createdAt: Fixture.may30(10))
        return TicketDetail(
            ticket: ticket, requester: eve, assignee: nil,
            organisation: Organisation(id: 666, name: "Evil\u{9B}Corp", plan: .free, tier: .standard),
            followUpOfNumber: nil, messages: [message],
            attachments: [Attachment(id: 1, ticketID: 66, name: "a\u{1B}]8;;http://x\u{07}.txt", mediaType: "text/plain", size: 10,
                                     sha256: String(repeating: "0", count: 64), uploaderID: 66, createdAt: Fixture.may30(10))],
            watchers: [], authors: [eve.id: eve])
    }

    static let hostileRow = TicketSummary(
        id: 66, number: 1066, subject: "\u{1B}]0;pwned\u{07}Refund \u{1B}[2J\u{202E}gnp.exe", kind: .question, status: .new,
        urgency: .none, requesterHandle: "eve", requesterName: eve.name, organisationName: "Evil\u{9B}Corp",
        assigneeHandle: nil, createdAt: Fixture.may30(9), updatedAt: Fixture.may30(9), triageKey: 0, sortValue: 66)

    func testHostileTicketDetailAt80x24() {
        let grid = Renderer.render(Fixture.openState(Fixture.agent, detail: Self.hostileDetail()), size: Fixture.size80)
        // ESC shows as ␛, BEL as ␇, the C1 CSI and the bidi override as �; nothing is executed,
        // no line is broken by CR, the OSC 52 payload stays inert text.
        assertScreen(grid, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             #1066 ␛]0;pwned␇Refund ␛[2J�gnp.exe
             Status        New
             Kind          Question
             Urgency       None
             Requester     Eve␛[31m Evil (eve)
             Organisation  Evil�Corp
             Assignee      unassigned
             Product       VPN␛[5m
             Created       2024-05-30 09:00 (2d)
             Updated       2024-05-30 09:00 (2d)
             Attachment    a␛]8;;http://x␇.txt · 10 B · Eve␛[31m Evil

             Pay here␛]52;c;SGVsbG8=␇ now
             �31mred␛[0m
             bye

             History (1)
             ● Eve␛[31m Evil (customer) · 2024-05-30 10:00
               ␛[2Jcleared?␇�txt.exe



             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        assertNoControls(grid)
    }

    func testNoControlReachesAnyCellInAnyScreen() {
        var states: [(String, DeskState, TerminalSize)] = []
        for viewer in [Fixture.agent, Fixture.customer] {
            for size in [Fixture.size80, Fixture.size132] {
                var list = Fixture.state(viewer, size: size, rows: [Self.hostileRow] + Fixture.rows, selected: 66)
                list.deskName = "Desk\u{1B}]0;title\u{07}"
                states.append(("list", list, size))
                var open = Fixture.openState(viewer, size: size, detail: Self.hostileDetail())
                open.list.rows.insert(Self.hostileRow, at: 0)
                states.append(("detail", open, size))
                // A draft back from an external editor is not filtered on the way in.
                var composing = open
                composing.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1066),
                                                   body: "ok\u{1B}]52;c;SGVsbG8=\u{07}\n\u{9B}31m\u{202E}done")
                composing.focus = .composer
                states.append(("composer", composing, size))
                var form = open
                form.composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: "New\u{1B}[2J\u{202E}",
                                              fields: ["product": "P\u{07}", "category": "\u{9B}c"])
                form.composer?.field = .subject
                form.focus = .composer
                states.append(("form", form, size))
                var error = open
                error.message = StatusMessage(.error, .verbatim("Refused: \u{1B}]0;pwned\u{07}\u{202E}"))
                states.append(("error", error, size))
                var search = open
                search.search = SearchState(query: "vpn\u{1B}[2J", results: [Self.hostileRow])
                states.append(("search", search, size))
                var menu = open
                menu.overlay = .assignMenu(ticketNumber: 1066, options: [Self.eve, nil], selected: 0)
                states.append(("menu", menu, size))
            }
        }
        for (name, state, size) in states {
            let grid = Renderer.render(state, size: size)
            assertNoControls(grid, name: "\(name) \(size.columns)x\(size.rows)")
        }
    }

    func testHostileSubjectInTheListIsPlaceholders() {
        let grid = Renderer.render(Fixture.state(Fixture.agent, rows: [Self.hostileRow], selected: nil), size: Fixture.size80)
        XCTAssertEqual(grid.rowText(2).replacingTrailingSpaces(),
                       " #1066 new               ␛]0;pwned␇Refund ␛[2J�gnp.exe      eve · Evil�…      2d")
    }

    func testInvisibleCharactersInASubjectAndAnAttachmentNameArePlaceholders() {
        // "pay<ZWSP>pal" must not pass for "paypal"; the technologist's ZWJ is part of the emoji.
        var row = Self.hostileRow
        row.subject = "pay\u{200B}pal\u{E0041} refund \u{1F469}\u{200D}\u{1F4BB}"
        row.organisationName = "Umbra"
        let list = Renderer.render(Fixture.state(Fixture.agent, rows: [row], selected: nil), size: Fixture.size80)
        XCTAssertEqual(list.rowText(2).replacingTrailingSpaces(),
                       " #1066 new               pay\u{FFFD}pal\u{FFFD} refund \u{1F469}\u{200D}\u{1F4BB}                 eve · Umbra       2d")
        XCTAssertEqual(list.column(of: "eve", row: 2), 60)  // where every row's requester starts
        assertWideGlyphsWhole(list)

        var detail = Fixture.detail()
        detail.attachments = [Attachment(id: 1, ticketID: 42, name: "invoice\u{FEFF}\u{3164}.pdf\u{2028}.exe", mediaType: "application/pdf",
                                         size: 2048, sha256: "", uploaderID: Fixture.carl.id, createdAt: Fixture.may30(9))]
        let grid = Renderer.render(Fixture.openState(Fixture.agent, detail: detail), size: Fixture.size80)
        let attachmentRow = (0..<grid.height).first { grid.rowText($0).contains("Attachment") }
        XCTAssertEqual(attachmentRow.map { grid.rowText($0).replacingTrailingSpaces() },
                       " Attachment    invoice\u{FFFD}\u{FFFD}.pdf\u{FFFD}.exe · 2 KB · Carl Meyer")
        let placeholders = grid.allCellTexts.filter { $0 == "\u{FFFD}" }.count
        XCTAssertEqual(placeholders, 3)
        assertNoControls(grid)
    }

    func testErrorMessageIsSanitized() {
        var state = Fixture.state(Fixture.agent)
        state.message = StatusMessage(.error, .verbatim("Refused: \u{1B}]0;pwned\u{07}\nsecond line"))
        let grid = Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(grid.rowText(23).replacingTrailingSpaces(), " Refused: ␛]0;pwned␇ second line")
    }
}

/// Every wide glyph is followed by its continuation cell, and every continuation cell follows
/// a wide glyph: no glyph is ever cut in half.
func assertWideGlyphsWhole(_ grid: Grid, file: StaticString = #filePath, line: UInt = #line) {
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.width == 2 {
                XCTAssertTrue(x + 1 < grid.width && grid[x + 1, y].isContinuation, "wide glyph without its second half at \(x),\(y)", file: file, line: line)
            }
            if cell.isContinuation {
                XCTAssertTrue(x > 0 && grid[x - 1, y].width == 2, "orphan continuation cell at \(x),\(y)", file: file, line: line)
                XCTAssertEqual(cell.text, "", file: file, line: line)
            }
            XCTAssertEqual(cell.width == 0 ? 0 : DisplayWidth.of(cell.text), Int(cell.width), "cell \(x),\(y) \(cell.text)", file: file, line: line)
        }
    }
}

/// No cell holds ESC, BEL, a C1 control such as CSI (U+009B), a bidi override, any other
/// C0/C1 control, or an invisible character (a ZWJ only inside an emoji).
func assertNoControls(_ grid: Grid, name: String = "", file: StaticString = #filePath, line: UInt = #line) {
    let forbidden: Set<UInt32> = [0x1B, 0x07, 0x9B, 0x202E]
    for (index, text) in grid.allCellTexts.enumerated() {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let bad = forbidden.contains(v) || v < 0x20 || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
                || [0x200B, 0x200C, 0x2060, 0xFEFF, 0x2028, 0x2029, 0x3164].contains(v) || (0xE0000...0xE007F).contains(v)
                || (v == 0x200D && (text.unicodeScalars.first == scalar || text.unicodeScalars.last == scalar))
            XCTAssertFalse(bad, "\(name): U+\(String(v, radix: 16, uppercase: true)) in cell \(index % grid.width),\(index / grid.width)", file: file, line: line)
        }
    }
}
