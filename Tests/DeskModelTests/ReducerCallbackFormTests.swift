import Foundation
import XCTest

@testable import DeskModel

/// A customer's call-back form (`C`): opened prefilled by the desk, typed in field by field,
/// checked by the desk's rules with a reason per field, sent as one request; Esc keeps nothing.
final class ReducerCallbackFormTests: XCTestCase {
    private typealias F = ReducerFixtures

    private func businessStore() -> ReducerTestStore {
        var customer = F.customer
        customer.plan = .business
        return ReducerTestStore(state: F.loaded(1...5, selected: 4, viewer: customer))
    }

    private func typed(_ store: ReducerTestStore, _ text: String, into field: CallbackForm.Field) {
        for character in text {
            store.send(.callback(.form(.input(.insert(String(character)))))) {
                $0.callbackForm!.values[field]!.append(character)
                $0.callbackForm!.cursor += 1
            }
        }
    }

    private let prefilled = CallbackForm(number: 4, phone: "+33 1 23 45 67 89", zone: "Europe/Paris")

    func testTheKeyAsksTheDeskForWhatItKeptAndOpensTheFormAtTheWindow() {
        let store = businessStore()
        store.send(.callback(.requestStarted))
        store.expectEffects([.callback(.loadForm(number: 4))])
        store.send(.callback(.formLoaded(prefilled))) { $0.callbackForm = self.prefilled }
        XCTAssertEqual(prefilled.focused, .window)
        XCTAssertEqual(prefilled.cursor, 0)
        XCTAssertEqual(prefilled.values, [.phone: "+33 1 23 45 67 89", .window: "", .zone: "Europe/Paris", .note: ""])
        XCTAssertEqual(CallbackForm(number: 4, phone: nil, zone: nil).focused, .phone, "nothing kept: the number first")
    }

    func testEachRefusedFieldSaysWhyAndTheFixedFormSendsOneRequestWithTheNote() {
        let store = businessStore()
        store.send(.callback(.formLoaded(CallbackForm(number: 4, phone: nil, zone: "CET")))) {
            $0.callbackForm = CallbackForm(number: 4, phone: nil, zone: "CET")
        }
        typed(store, "12", into: .phone)
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .window
            $0.callbackForm!.cursor = 0
        }
        typed(store, "16:00-14:00", into: .window)
        store.send(.callback(.form(.submitted))) {
            $0.callbackForm!.problems = [
                .phone: DeskError.refused(.model("'{phone}' is not a phone number: use digits, spaces and + - ( ) ., with 6 to 20 digits",
                                                 ["phone": .text("12")])).phrase,
                .window: DeskError.refused(.model("'{window}' is not a time window: write HH:MM-HH:MM, the end after the start",
                                                  ["window": .text("16:00-14:00")])).phrase,
                .zone: DeskError.refused(.model("unknown time zone '{zone}' (use an IANA name such as Europe/Paris)",
                                                ["zone": .text("CET")])).phrase,
            ]
            $0.callbackForm!.focused = .phone
            $0.callbackForm!.cursor = 2
            $0.message = StatusMessage(.error, CallbackNotices.formHasProblems)
        }
        store.expectNoEffects()
        XCTAssertEqual(store.state.callbackForm?.problems[.zone]?.text(in: .french),
                       "fuseau horaire inconnu « CET » (utilisez un nom IANA comme Europe/Paris)")

        // Corrected: every field, Shift-Tab wrapping round to the note.
        store.send(.callback(.form(.input(.deleteToLineStart)))) {
            $0.callbackForm!.values[.phone] = ""
            $0.callbackForm!.cursor = 0
        }
        typed(store, "+33 1 23 45 67 89", into: .phone)
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .window
            $0.callbackForm!.cursor = 11
        }
        store.send(.callback(.form(.input(.deleteToLineStart)))) {
            $0.callbackForm!.values[.window] = ""
            $0.callbackForm!.cursor = 0
        }
        typed(store, "14:00-16:00", into: .window)
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .zone
            $0.callbackForm!.cursor = 3
        }
        store.send(.callback(.form(.input(.deleteToLineStart)))) {
            $0.callbackForm!.values[.zone] = ""
            $0.callbackForm!.cursor = 0
        }
        typed(store, "Asia/Tokyo", into: .zone)
        store.send(.callback(.form(.fieldMoved(forward: false)))) {
            $0.callbackForm!.focused = .window
            $0.callbackForm!.cursor = 11
        }
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .zone
            $0.callbackForm!.cursor = 10
        }
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .note
            $0.callbackForm!.cursor = 0
        }
        typed(store, "Ask for the lab", into: .note)
        store.send(.callback(.form(.submitted))) {
            $0.callbackForm!.problems = [:]
            $0.callbackForm!.isSaving = true
            $0.message = nil
        }
        store.expectEffects([.callback(.requestFromForm(
            number: 4, CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Asia/Tokyo", note: "Ask for the lab")))])
        // Sending twice while the desk answers does nothing.
        store.send(.callback(.form(.submitted)))
        store.expectNoEffects()
    }

    func testAnEmptyNumberIsRefusedBesideTheField() {
        let store = businessStore()
        store.send(.callback(.formLoaded(CallbackForm(number: 4, phone: nil, zone: "Europe/Paris")))) {
            $0.callbackForm = CallbackForm(number: 4, phone: nil, zone: "Europe/Paris")
        }
        store.send(.callback(.form(.fieldMoved(forward: true)))) {
            $0.callbackForm!.focused = .window
            $0.callbackForm!.cursor = 0
        }
        typed(store, "09:00-10:00", into: .window)
        store.send(.callback(.form(.submitted))) {
            $0.callbackForm!.problems = [.phone: DeskError.refused(CallbackRules.phoneNeeded).phrase]
            $0.callbackForm!.focused = .phone
            $0.callbackForm!.cursor = 0
            $0.message = StatusMessage(.error, CallbackNotices.formHasProblems)
        }
        store.expectNoEffects()
    }

    func testTheDesksAnswerClosesTheFormOrKeepsItWithTheReason() {
        let store = businessStore()
        var sending = prefilled
        sending.values[.window] = "14:00-16:00"
        sending.isSaving = true
        store.send(.callback(.formLoaded(sending))) { $0.callbackForm = sending }
        let refusal = CallbackPrivacy.othersRequestRefusal(number: 4).phrase
        store.send(.callback(.form(.refused(refusal)))) {
            $0.callbackForm!.isSaving = false
            $0.message = StatusMessage(.error, refusal)
        }
        store.expectNoEffects()
        let request = CallbackRequest(
            id: 1, ticketNumber: 4, ticketSubject: "Ticket 4", requesterHandle: "carl", phone: "+33 1 23 45 67 89",
            window: CallbackWindow(start: 840, end: 960, timeZone: "Europe/Paris"), note: "", state: .requested, takerHandle: nil,
            outcome: nil, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        store.send(.callback(.form(.saved(F.ticket(4), request)))) {
            $0.callbackForm = nil
            $0.message = StatusMessage(.info, CallbackNotices.requested(request))
            $0.list.isLoading = true
        }
        store.expectEffects([.loadCounts, .loadPage(F.firstPage(), .replace(select: F.id(4)))])
    }

    func testEscapeKeepsNothing() {
        let store = businessStore()
        store.send(.callback(.formLoaded(prefilled))) { $0.callbackForm = self.prefilled }
        typed(store, "14:00", into: .window)
        store.send(.callback(.form(.cancelled))) { $0.callbackForm = nil }
        store.expectNoEffects()
        store.send(.callback(.form(.input(.insert("x")))))
        store.send(.callback(.form(.submitted)))
        store.expectNoEffects()
    }
}
