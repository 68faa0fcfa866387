import DeskModel
import XCTest

@testable import DeskTUI

/// The People screen (#13) of a customer administrator: the members in columns, the form, the
/// audit and the question before removing, at 80x24 and 132x40, in English, French and
/// Japanese; its keys, and the refusal a plain customer gets.
final class PeopleScreenTests: XCTestCase {
    static let administrator = Viewer(
        user: Fixture.carl, plan: .pro,
        accounts: [Account(organisation: Fixture.org, caseAccess: .organisation, isAdministrator: true, isPrimary: true)])
    static let members = [
        PeopleState.Member(handle: "carl", name: "Carl Meyer", email: "carl@umbra.test", caseAccess: .organisation, isAdministrator: true, keyCount: 2),
        PeopleState.Member(handle: "dora", name: "Dora Sato", email: "dora@umbra.test", caseAccess: .own, isAdministrator: false, keyCount: 0),
        PeopleState.Member(handle: "mallory", name: "Mal\u{1B}[31mlory", email: "mallory@elsewhere.test", caseAccess: .own, isAdministrator: false, keyCount: nil),
    ]

    private func shown(_ size: TerminalSize, language: Language = .english) -> DeskState {
        var state = Fixture.state(Self.administrator, size: size)
        state.language = language
        XCTAssertEqual(DeskReducer.reduce(into: &state, .people(.opened)), [.people(.load(organisation: nil))])
        _ = DeskReducer.reduce(into: &state, .people(.loaded(PeopleListing(
            organisations: ["Umbra", "Umbra Labs"], organisation: "Umbra", members: Self.members))))
        _ = DeskReducer.reduce(into: &state, .people(.moved(by: 1)))
        return state
    }

    func testTheMembersAt80x24() {
        assertScreen(Renderer.render(shown(Fixture.size80), size: Fixture.size80), """
            """)
    }

    func testTheMembersAt132x40InFrench() {
        assertScreen(Renderer.render(shown(Fixture.size132, language: .french), size: Fixture.size132), """
            """)
    }

    func testTheNewUserFormAt80x24() {
        var state = shown(Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .people(.addFormOpened))
        _ = DeskReducer.reduce(into: &state, .people(.formInput(.insert("Bianca Rossi"))))
        _ = DeskReducer.reduce(into: &state, .people(.formFieldMoved(forward: true)))
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
            """)
        XCTAssertEqual(grid.cursor?.y, 3)
    }

    func testTheKeyFormAt132x40InJapanese() {
        var state = shown(Fixture.size132, language: .japanese)
        _ = DeskReducer.reduce(into: &state, .people(.keyFormOpened))
        _ = DeskReducer.reduce(into: &state, .textPasted("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f dora@laptop\n"))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            """)
    }

    func testTheAuditAt80x24() {
        var state = shown(Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .people(.auditOpened))
        _ = DeskReducer.reduce(into: &state, .people(.auditLoaded(organisation: "Umbra", [
            AuditEntry(id: 2, at: Fixture.may30(14, 5), handle: "dora", address: "192.0.2.7 50122 22", command: "interactive session", outcome: "quit"),
            AuditEntry(id: 1, at: Fixture.may30(9, 30), handle: "carl", address: "local", command: "user add bianca --org Umbra",
                       outcome: "refused: This e-mail address cannot be given to a user of Umbra"),
        ])))
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testRemovingAsksFirstAt80x24() {
        var state = shown(Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .people(.removeRequested))
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testTheKeysOfTheScreen() {
        let state = shown(Fixture.size80)
        func route(_ key: Key, _ state: DeskState) -> [KeyOutcome] {
            KeyRouter.route(key, state: state, keymap: .standard, size: Fixture.size80, restricted: false)
        }
        XCTAssertEqual(route(.character("a"), state), [.action(.people(.addFormOpened))])
        XCTAssertEqual(route(.character(" "), state), [.action(.people(.accessSwitched))])
        XCTAssertEqual(route(.character("d"), state), [.action(.people(.removeRequested))])
        XCTAssertEqual(route(.character("s"), state), [.action(.people(.keyFormOpened))])
        XCTAssertEqual(route(.character("X"), state), [.action(.people(.revokeRequested))])
        XCTAssertEqual(route(.character("l"), state), [.action(.people(.auditOpened))])
        XCTAssertEqual(route(.character("]"), state), [.action(.people(.organisationStepped(forward: true)))])
        XCTAssertEqual(route(.character("j"), state), [.action(.people(.moved(by: 1)))])
        XCTAssertEqual(route(.escape, state), [.action(.people(.closed))])
        XCTAssertEqual(route(.character("U"), state), [.action(.people(.closed))])
        // In the form, letters are text and Enter on the last field saves.
        var form = state
        _ = DeskReducer.reduce(into: &form, .people(.addFormOpened))
        XCTAssertEqual(route(.character("q"), form), [.action(.people(.formInput(.insert("q"))))])
        XCTAssertEqual(route(.enter, form), [.action(.people(.formFieldMoved(forward: true)))])
        _ = DeskReducer.reduce(into: &form, .people(.formFieldMoved(forward: false)))
        XCTAssertEqual(form.people?.form?.focused, .access)
        XCTAssertEqual(route(.character(" "), form), [.action(.people(.formChoiceCycled))])
        XCTAssertEqual(route(.enter, form), [.action(.people(.formSubmitted))])
        XCTAssertEqual(route(.control("s"), form), [.action(.people(.formSubmitted))])
    }

    func testAPlainCustomerPressingTheKeyIsRefused() {
        var state = Fixture.state(Fixture.customer, size: Fixture.size80)
        let outcomes = KeyRouter.route(.character("U"), state: state, keymap: .standard, size: Fixture.size80, restricted: true)
        XCTAssertEqual(outcomes, [.action(.people(.opened))])
        XCTAssertEqual(DeskReducer.reduce(into: &state, .people(.opened)), [])
        XCTAssertNil(state.people)
        let bottom = Renderer.render(state, size: Fixture.size80).rowText(23)
        XCTAssertEqual(state.message, StatusMessage(.error, PeopleNotices.refused))
        XCTAssertTrue(bottom.hasPrefix(" Not allowed: only admins and the organisation's customer administrators"), bottom)
        // Nor does the help name the screen to them; it does to an administrator.
        state.message = nil
        XCTAssertFalse(HelpOverlay.rows(state, keymap: .standard).contains { $0.1 == UIStrings.commandLabel(.people, .english) })
        XCTAssertTrue(HelpOverlay.rows(shown(Fixture.size80), keymap: .standard).contains { $0.0 == "U" && $0.1 == "people of your organisation" })
        XCTAssertTrue(HelpOverlay.rows(shown(Fixture.size80), keymap: .standard).contains { $0.0 == "X" && $0.1 == "people: revoke their SSH keys" })
    }
}
