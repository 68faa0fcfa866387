import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// A long ticket opened from its outline (bodies near its ends only) asks for the bodies the
/// screen comes near, and once they are in shows exactly what the whole ticket shows.
final class PagedHistoryScreenTests: XCTestCase {
    private typealias Chain = LongThreadScreenTests

    /// `whole` as the client reads it: bodies of the first and last `ends` messages only.
    static func outline(_ whole: TicketDetail, ends: Int = 32) -> TicketDetail {
        var outline = whole
        for index in outline.messages.indices where index >= ends && index < outline.messages.count - ends {
            outline.unloadedBodies[outline.messages[index].id] = outline.messages[index].body.count
            outline.messages[index].body = ""
        }
        return outline
    }

    /// A frame as `Frame.draw` makes it, with the store's part played by `whole`: bodies asked
    /// for are answered from it. Returns the grid and the ids asked for.
    static func frame(_ state: inout DeskState, whole: TicketDetail) -> (Grid, [MessageID]) {
        let bodies = Dictionary(uniqueKeysWithValues: whole.messages.map { ($0.id, $0.body) })
        var asked: [MessageID] = []
        for _ in 0..<3 {
            guard let measured = Frame.measurement(state) else { break }
            for effect in DeskReducer.reduce(into: &state, measured) {
                guard case .loadMessageBodies(let number, let ids) = effect else { continue }
                asked += ids
                _ = DeskReducer.reduce(into: &state, .historyBodiesLoaded(number: number, bodies: bodies.filter { ids.contains($0.key) }))
            }
            guard case .historyBodiesNeeded = measured else { break }
        }
        return (Renderer.render(state, size: state.size), asked)
    }

    func testTheEndOfATwentyThousandMessageOutlineReadsAboutAScreenOfBodies() {
        let whole = Chain.chain(20_000)
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.outline(whole))
        let (top, askedAtTop) = Self.frame(&state, whole: whole)
        // The top is among the bodies read with the outline.
        XCTAssertEqual(askedAtTop, [])
        XCTAssertEqual(top.rowText(1).trimmingCharacters(in: .whitespaces), "#1042 VPN drops every hour")

        // Halfway: the screen and a screen each side, two lines a message at least.
        _ = DeskReducer.reduce(into: &state, .historyScrolled(by: 20_000))
        let (middle, askedInTheMiddle) = Self.frame(&state, whole: whole)
        XCTAssertGreaterThan(askedInTheMiddle.count, 0)
        XCTAssertLessThanOrEqual(askedInTheMiddle.count, 3 * Chain.paneRows)
        let stepLines = (2..<Chain.paneRows).map { middle.rowText($0) }.filter { $0.contains("step ") || $0.contains("Step ") }
        XCTAssertGreaterThan(stepLines.count, 5, middle.text)

        // The same place in the whole ticket looks the same.
        let scroll = state.openTicket!.scroll
        DetailLayout.clearCache()
        var wholeState = Fixture.openState(Fixture.agent, detail: whole)
        _ = LongThreadScreenTests.frame(&wholeState)
        _ = DeskReducer.reduce(into: &wholeState, .historyScrolled(by: scroll))
        XCTAssertEqual(LongThreadScreenTests.frame(&wholeState).text, middle.text)
    }

    func testEndOfTheOutlineEqualsEndOfTheWholeTicket() {
        let whole = Chain.chain(20_000)
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.outline(whole))
        _ = Self.frame(&state, whole: whole)
        _ = DeskReducer.reduce(into: &state, .jumpedToBottom)
        let (end, asked) = Self.frame(&state, whole: whole)
        // The last bodies came with the outline.
        XCTAssertEqual(asked, [])
        DetailLayout.clearCache()
        var wholeState = Fixture.openState(Fixture.agent, detail: whole)
        _ = LongThreadScreenTests.frame(&wholeState)
        XCTAssertEqual(LongThreadScreenTests.press(.jumpedToBottom, &wholeState), end)
    }

    func testABodyNotReadYetShowsItsHeaderAndBlankLinesNotAnEmptyMessage() {
        let whole = Chain.chain(200)
        DetailLayout.clearCache()
        var state = Fixture.openState(Fixture.agent, detail: Self.outline(whole, ends: 1))
        // No store answers: the frame shows placeholders of the estimated height.
        if let measured = Frame.measurement(state) {
            guard case .historyBodiesNeeded(let ids) = measured else { return XCTFail("expected a request for bodies, got \(measured)") }
            XCTAssertEqual(ids.first, 2)
            XCTAssertFalse(ids.contains(1))
        } else {
            XCTFail("nothing asked for")
        }
        let grid = Renderer.render(state, size: state.size)
        XCTAssertTrue(grid.text.contains("step 1"))
        XCTAssertFalse(grid.text.contains("step 2"))
        XCTAssertTrue(grid.text.contains("[1]● Ana Lind") || grid.text.contains("Ana Lind (agent)"), grid.text)
    }
}
