import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// A paste is text for the focused field, inserted by one action; never keys.
final class ReducerPasteTests: XCTestCase {
    private func newTicketForm(field: ComposerField, subject: String = "", cursor: Int = 0) -> DeskState {
        var state = F.loaded(1...14, selected: 2)
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: subject, fields: ["kind": "question", "urgency": "none"])
        state.composer!.field = field
        state.composer!.cursor = cursor
        state.focus = .composer
        return state
    }

    func testAPasteOnTheListIsIgnoredWithANotice() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 2))
        store.send(.textPasted("2s")) { $0.message = StatusMessage(.info, Notices.pasteIgnored) }
        store.expectNoEffects()
    }

    func testAPasteOverAMenuOrOnAChoiceFieldIsIgnored() {
        var state = newTicketForm(field: .kind)
        let store = ReducerTestStore(state: state)
        store.send(.textPasted("incident")) { $0.message = StatusMessage(.info, Notices.pasteIgnored) }
        store.expectNoEffects()

        state = F.loaded(1...14, selected: 2)
        state.overlay = .help
        let overHelp = ReducerTestStore(state: state)
        overHelp.send(.textPasted("q")) { $0.message = StatusMessage(.info, Notices.pasteIgnored) }
        overHelp.expectNoEffects()
    }

    func testLinesPastedIntoTheSubjectAreJoinedWithSpacesWithANotice() {
        let store = ReducerTestStore(state: newTicketForm(field: .subject, subject: "Re: ", cursor: 4))
        store.send(.textPasted("line one\r\nsecond line\tafter-tab\n\n")) {
            $0.composer!.subject = "Re: line one second line after-tab"
            $0.composer!.cursor = 34
            $0.message = StatusMessage(.info, Notices.pasteJoined(lines: 2, into: .subject))
        }
        store.expectEffects([
            .saveDraft(slot: .newTicket, subject: "Re: line one second line after-tab", body: "", fields: ["kind": "question", "urgency": "none"])
        ])
    }

    func testOneLinePastedIntoTheProductNeedsNoNotice() {
        let store = ReducerTestStore(state: newTicketForm(field: .product))
        store.send(.textPasted("Billing\n")) {
            $0.composer!.fields["product"] = "Billing"
            $0.composer!.cursor = 7
        }
        store.expectEffects([
            .saveDraft(slot: .newTicket, subject: "", body: "", fields: ["kind": "question", "urgency": "none", "product": "Billing"])
        ])
    }

    func testTheBodyKeepsLinesAndTabsAndDropsControls() {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 4), 4)
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 4), body: "Hi,\n")
        state.composer!.cursor = 4
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.textPasted("First\r\n\tindented \u{1B}[2Jwiped\u{7}\nThird 日本語")) {
            $0.composer!.body = "Hi,\nFirst\n\tindented [2Jwiped\nThird 日本語"
            $0.composer!.cursor = 38
        }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 4), subject: "", body: "Hi,\nFirst\n\tindented [2Jwiped\nThird 日本語", fields: [:])])
    }

    func testAPasteIntoTheSearchBoxSearchesOnceForTheJoinedLines() {
        var state = F.loaded(1...14, selected: 2)
        state.search = SearchState(query: "vpn ")
        let store = ReducerTestStore(state: state)
        store.send(.textPasted("drops\nevery hour")) {
            $0.search!.query = "vpn drops every hour"
            $0.message = StatusMessage(.info, Notices.pasteJoined(lines: 2, into: nil))
        }
        store.expectEffects([.search("vpn drops every hour")])
    }

    func testNothingIsPastedWhileSending() {
        var state = newTicketForm(field: .subject)
        state.composer!.isSending = true
        let store = ReducerTestStore(state: state)
        store.send(.textPasted("late")) { $0.message = StatusMessage(.info, Notices.pasteIgnored) }
        store.expectNoEffects()
    }
}
