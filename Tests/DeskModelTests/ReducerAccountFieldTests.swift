import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The new-ticket form's Account field: offered only to a customer with several accounts, it
/// cycles through them, decides whose plan applies, and names the account the ticket is filed under.
final class ReducerAccountFieldTests: XCTestCase {
    private static let pebble = Organisation(id: 7, name: "Pebble & Pine", plan: .free, tier: .standard)
    private static let tokai = Organisation(id: 8, name: "Tōkai Logistics", plan: .enterprise, tier: .premium)

    private static let tom = Viewer(
        user: User(id: 2, handle: "tom", name: "Tom", email: "tom@example.com", role: .customer, organisationID: 7),
        plan: .free,
        accounts: [Account(organisation: pebble, caseAccess: .organisation, isAdministrator: false, isPrimary: true),
                   Account(organisation: tokai, caseAccess: .own, isAdministrator: false, isPrimary: false)])

    func testOneAccountShowsNoAccountField() {
        var state = F.loaded(1...14, viewer: F.customer)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        XCTAssertEqual(state.composer?.accountNames, [])
        XCTAssertFalse(state.composer!.formFields.contains(.account))
        XCTAssertNil(state.composer?.fields["account"])
    }

    func testTheAccountChosenDecidesThePlanAndWhereTheTicketIsFiled() {
        var state = F.loaded(1...14, viewer: Self.tom)
        _ = DeskReducer.reduce(into: &state, .composerOpened(.newTicket))
        XCTAssertEqual(state.composer.map { Array($0.formFields.prefix(3)) }, [.subject, .account, .kind])
        XCTAssertEqual(state.composer?.accountNames, ["Pebble & Pine", "Tōkai Logistics"])
        XCTAssertEqual(state.composer?.fields["account"], "Pebble & Pine", "the primary account first")
        state.composer!.subject = "Down"
        state.composer!.body = "All down"
        state.composer!.fields["kind"] = "incident"
        state.composer!.field = .account
        let store = ReducerTestStore(state: state)
        // Under the free-plan account an incident is refused before the desk would refuse it.
        store.send(.composerSubmitted) { $0.message = StatusMessage(.error, Notices.incidentNotInFreePlan) }
        store.expectNoEffects()
        store.send(.composerChoiceCycled(forward: true)) { $0.composer!.fields["account"] = "Tōkai Logistics" }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "Down", body: "All down", fields: store.state.composer!.fields)])
        XCTAssertEqual(DeskReducer.newTicket(from: store.state.composer!, followUpOf: nil).organisationName, "Tōkai Logistics")
        XCTAssertNil(DeskReducer.formRefusal(store.state.composer!, store.state), "Enterprise includes incidents")
        store.send(.composerChoiceCycled(forward: true)) { $0.composer!.fields["account"] = "Pebble & Pine" }
        store.expectEffects([.saveDraft(slot: .newTicket, subject: "Down", body: "All down", fields: store.state.composer!.fields)])
    }
}
