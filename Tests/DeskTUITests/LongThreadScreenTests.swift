import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// A ticket of 20,000 messages opens and scrolls laying out about a screen of them, and its
/// end is reached exactly (End, `G`, paging down) while the heights above are still estimates.
final class LongThreadScreenTests: XCTestCase {
    /// A reply chain; every fifth body is a paragraph that wraps over several lines, so the
    /// estimates from length are off and the layout has to correct them.
    static func chain(_ count: Int) -> TicketDetail {
        let paragraph = "It carries a second paragraph long enough to wrap over two lines at eighty columns."
        let start = Fixture.may30(10)
        let messages = (1...count).map { (index: Int) -> Message in
            let body: String = index.isMultiple(of: 5) ? "Step \(index) of the chain.\n" + paragraph : "step \(index)"
            let author: UserID = index.isMultiple(of: 2) ? Fixture.ana.id : Fixture.carl.id
            let parent: MessageID? = index == 1 ? nil : MessageID(index - 1)
            return Message(
                id: MessageID(index), ticketID: 42, kind: .reply, authorID: author, body: body,
                createdAt: start.addingTimeInterval(Double(index)), inReplyToID: parent)
        }
        return Fixture.detail(messages: messages)
    }

    /// What the client does for a frame, without a terminal: lay out, tell the store, render.
    static func frame(_ state: inout DeskState) -> Grid {
        if let measured = Frame.measurement(state) { _ = DeskReducer.reduce(into: &state, measured) }
        return Renderer.render(state, size: state.size)
    }

    static func press(_ action: DeskAction, _ state: inout DeskState) -> Grid {
        _ = DeskReducer.reduce(into: &state, action)
        return frame(&state)
    }

    /// The detail pane's rows at 80x24 (between the top bar and the bottom line).
    static let paneRows = 22

    func testOpeningATwentyThousandMessageTicketLaysOutAboutAScreen() {
        DetailLayout.clearCache()
        let before = DetailLayout.laidOutMessages
        var state = Fixture.openState(Fixture.agent, detail: Self.chain(20_000))
        let grid = Self.frame(&state)
        // The screen and a screen below it; two lines a message at least.
        XCTAssertLessThanOrEqual(DetailLayout.laidOutMessages - before, Self.paneRows + 2)
        XCTAssertEqual(grid.rowText(1).trimmingCharacters(in: .whitespaces), "#1042 VPN drops every hour")
        XCTAssertEqual(state.openTicket?.scroll, 0)
    }

    func testEndOfATwentyThousandMessageTicketAt80x24() {
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.chain(20_000))
        _ = Self.frame(&state)
        let before = DetailLayout.laidOutMessages
        let end = Self.press(.jumpedToBottom, &state)
        XCTAssertLessThanOrEqual(DetailLayout.laidOutMessages - before, Self.paneRows + 2)
        assertScreen(end, """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                                   └─[19991]● Ana Lind (agent) · 2024-05-30 15:33
                                              step 19992
                                   └─[19992]● Carl Meyer (customer) · 2024-05-30 15:33
                                              step 19993
                                   └─[19993]● Ana Lind (agent) · 2024-05-30 15:33
                                              step 19994
                                   └─[19994]● Carl Meyer (customer) · 2024-05-30 15:33
                                              Step 19995 of the chain.
                                              It carries a second paragraph long enough to
                                              wrap over two lines at eighty columns.
                                   └─[19995]● Ana Lind (agent) · 2024-05-30 15:33
                                              step 19996
                                   └─[19996]● Carl Meyer (customer) · 2024-05-30 15:33
                                              step 19997
                                   └─[19997]● Ana Lind (agent) · 2024-05-30 15:33
                                              step 19998
                                   └─[19998]● Carl Meyer (customer) · 2024-05-30 15:33
                                              step 19999
                                   └─[19999]● Ana Lind (agent) · 2024-05-30 15:33
                                              Step 20000 of the chain.
                                              It carries a second paragraph long enough to
                                              wrap over two lines at eighty columns.   100%
             enter open  r reply  i note  S status  a assign  n new  / search  ? help
            """)
        // The store knows the end it was shown: one more step down changes nothing.
        XCTAssertEqual(state.openTicket?.scroll, state.openTicket?.maxScroll)
        XCTAssertEqual(Self.press(.selectionMoved(by: 1), &state), end)
    }

    func testScrollingUpFromTheEndMovesOneLineAtATimeWhileHeightsTurnExact() {
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.chain(20_000))
        _ = Self.frame(&state)
        var previous = Self.press(.jumpedToBottom, &state)
        let before = DetailLayout.laidOutMessages
        for _ in 0..<60 {
            let grid = Self.press(.selectionMoved(by: -1), &state)
            // Every pane row moved down one (the last row holds the position marker).
            for row in 2..<Self.paneRows {
                XCTAssertEqual(grid.rowText(row), previous.rowText(row - 1), "row \(row)")
            }
            previous = grid
        }
        // Sixty lines up: the messages on them and a screen above, no more.
        XCTAssertLessThanOrEqual(DetailLayout.laidOutMessages - before, 60 / 2 + Self.paneRows + 2)
    }

    func testPagingDownAThreeHundredMessageTicketEndsExactlyWhereEndDoes() {
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.chain(300))
        var grid = Self.frame(&state)
        var pages = 0
        while true {
            let next = Self.press(.pageMoved(by: 1), &state)
            if next == grid { break }
            grid = next
            pages += 1
            XCTAssertLessThan(pages, 200)
        }
        XCTAssertTrue(grid.rowText(Self.paneRows).contains("100%"))
        DetailLayout.clearCache()
        var fresh = Fixture.openState(Fixture.agent, detail: Self.chain(300))
        _ = Self.frame(&fresh)
        XCTAssertEqual(Self.press(.jumpedToBottom, &fresh), grid)
        // And `g` goes back to the top.
        XCTAssertEqual(Self.press(.jumpedToTop, &state).rowText(1).trimmingCharacters(in: .whitespaces), "#1042 VPN drops every hour")
    }
}
