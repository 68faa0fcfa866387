import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The box of one's own mail notifications in the client: read from the desk, moved through,
/// changed one event at a time with the same rules as `deskterm mail notify`.
final class ReducerMailPreferencesTests: XCTestCase {
    typealias Choice = MailPreferencesState.Choice
    static let customerChoices = [
        Choice(event: .created, wanted: nil), Choice(event: .reply, wanted: true), Choice(event: .actionRequired, wanted: false),
        Choice(event: .solutionProposed, wanted: nil), Choice(event: .closed, wanted: nil),
    ]

    func testACustomerOpensTheBoxMovesAndOptsIn() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4, viewer: F.customer))
        store.send(.mailPreferences(.opened)) { $0.mailPreferences = MailPreferencesState() }
        store.expectEffects([.mailPreferences(.load)])
        store.receive(.mailPreferences(.loaded(Self.customerChoices))) { $0.mailPreferences!.choices = Self.customerChoices }
        store.expectNoEffects()
        // The default follows each ticket's contact: a first change opts in.
        store.send(.mailPreferences(.toggled)) { $0.mailPreferences!.isSaving = true }
        store.expectEffects([.mailPreferences(.change(.created, wanted: true))])
        // One change at a time: a second press waits for the first.
        store.send(.mailPreferences(.toggled))
        store.expectNoEffects()
        var changed = Self.customerChoices
        changed[0].wanted = true
        store.receive(.mailPreferences(.loaded(changed))) {
            $0.mailPreferences!.choices = changed
            $0.mailPreferences!.isSaving = false
        }
        store.expectNoEffects()
        store.send(.mailPreferences(.moved(by: 1))) { $0.mailPreferences!.selected = 1 }
        store.expectNoEffects()
        store.send(.mailPreferences(.toggled)) { $0.mailPreferences!.isSaving = true }
        store.expectEffects([.mailPreferences(.change(.reply, wanted: false))])
        store.receive(.mailPreferences(.loaded(changed))) { $0.mailPreferences!.isSaving = false }
        store.expectNoEffects()
        store.send(.mailPreferences(.moved(by: 1))) { $0.mailPreferences!.selected = 2 }
        store.expectNoEffects()
        store.send(.mailPreferences(.toggled)) { $0.mailPreferences!.isSaving = true }
        store.expectEffects([.mailPreferences(.change(.actionRequired, wanted: true))])
        store.receive(.mailPreferences(.loaded(changed))) { $0.mailPreferences!.isSaving = false }
        store.expectNoEffects()
        // Moving stops at the ends.
        store.send(.mailPreferences(.moved(by: 10))) { $0.mailPreferences!.selected = 4 }
        store.expectNoEffects()
        store.send(.mailPreferences(.moved(by: -10))) { $0.mailPreferences!.selected = 0 }
        store.expectNoEffects()
        store.send(.mailPreferences(.closed)) { $0.mailPreferences = nil }
        store.expectNoEffects()
    }

    func testStaffGetEverythingByDefaultSoAFirstChangeTurnsItOff() {
        var state = F.loaded(1...14, selected: 4)
        state.mailPreferences = MailPreferencesState(choices: [Choice(event: .newTicket, wanted: nil)])
        let store = ReducerTestStore(state: state)
        store.send(.mailPreferences(.toggled)) { $0.mailPreferences!.isSaving = true }
        store.expectEffects([.mailPreferences(.change(.newTicket, wanted: false))])
    }

    func testTheCommandLineOpensTheBoxAndAnOpenMenuCloses() {
        var state = F.loaded(1...14, selected: 4, viewer: F.customer)
        state.commandLine = CommandLineState(text: "mail")
        let store = ReducerTestStore(state: state)
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["mail"]
            $0.mailPreferences = MailPreferencesState()
        }
        store.expectEffects([.mailPreferences(.load)])
        XCTAssertTrue(CommandLineTable.available(to: F.customer).contains { $0.name == "mail" })
    }

    func testAnAnswerAfterTheBoxClosedIsDropped() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4))
        store.receive(.mailPreferences(.loaded(Self.customerChoices)))
        store.expectNoEffects()
        store.send(.mailPreferences(.toggled))
        store.expectNoEffects()
    }
}

/// The runtime reads and changes the preferences through the desk, on both backends: what the
/// box shows is what `deskterm mail notify` lists, and a change is kept.
final class RuntimeMailPreferencesTests: StoreTestCase {
    func testTheRuntimeReadsAndChangesTheViewersOwnPreferences() throws {
        let runtime = DeskRuntime(store: store, viewer: f.peter)
        XCTAssertEqual(runtime.perform(.mailPreferences(.load)), [.mailPreferences(.loaded(
            MailNotificationEvent.events(for: .customer).map { MailPreferencesState.Choice(event: $0, wanted: nil) }))])
        let changed = runtime.perform(.mailPreferences(.change(.reply, wanted: true)))
        guard case .mailPreferences(.loaded(let choices))? = changed.first, changed.count == 1 else { return XCTFail("\(changed)") }
        XCTAssertEqual(choices.first { $0.event == .reply }?.wanted, true)
        XCTAssertEqual(try store.mailPreferences(viewer: f.peter).first { $0.event == .reply }?.wanted, true)
        // Another user's preferences are their own.
        XCTAssertNil(try store.mailPreferences(viewer: f.alice).first { $0.event == .reply }?.wanted)
    }

    func testAnEventOfTheOtherRoleIsRefusedAndTheBoxShowsWhatTheDeskHolds() throws {
        let runtime = DeskRuntime(store: store, viewer: f.peter)
        let refused = runtime.perform(.mailPreferences(.change(.newTicket, wanted: true)))
        XCTAssertEqual(refused, [
            .mailPreferences(.loaded(MailNotificationEvent.events(for: .customer).map { MailPreferencesState.Choice(event: $0, wanted: nil) })),
            .failed(.refused(.model("{event} is not mailed to customers", ["event": .text("newTicket")]))),
        ])
    }
}
