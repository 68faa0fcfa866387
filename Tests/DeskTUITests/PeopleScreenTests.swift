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
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   People
             People of Umbra · 3 portal users (1/2)
             NAME            HANDLE   E-MAIL                   ACCESS                  KEYS
             Carl Meyer      carl     carl@umbra.test          organisation's · admin     2
             Dora Sato       dora     dora@umbra.test          own cases                  0
             Mal␛[31mlory    mallory  mallory@elsewhere.test   own cases                  -

















             a add  space access  d remove  s SSH key  X revoke keys  l audit  ] next org
            """)
    }

    func testTheMembersAt132x40InFrench() {
        assertScreen(Renderer.render(shown(Fixture.size132, language: .french), size: Fixture.size132), """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40   Personnes
             Personnes de Umbra · 3 utilisateurs du portail (1/2)
             NOM                              IDENTIFIANT  E-MAIL                                            ACCÈS                         CLÉS
             Carl Meyer                       carl         carl@umbra.test                                   toute l'organisation · admin     2
             Dora Sato                        dora         dora@umbra.test                                   ses tickets                      0
             Mal␛[31mlory                     mallory      mallory@elsewhere.test                            ses tickets                      -

































             a ajouter  space accès  d supprimer  s clé SSH  X révoquer clés  l journal  ] org. suivante  esc fermer
            """)
    }

    func testTheNewUserFormAt80x24() {
        var state = shown(Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .people(.addFormOpened))
        _ = DeskReducer.reduce(into: &state, .people(.formInput(.insert("Bianca Rossi"))))
        _ = DeskReducer.reduce(into: &state, .people(.formFieldMoved(forward: true)))
        let grid = Renderer.render(state, size: Fixture.size80)
        assertScreen(grid, """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   People
             New portal user of Umbra

             Name         Bianca Rossi
             E-mail
             Handle
             Case access    own cases

             The handle is how they are known: lower-case letters, digits, - and _














             enter save  tab next field  esc cancel
            """)
        XCTAssertEqual(grid.cursor?.y, 4)
    }

    func testTheKeyFormAt132x40InJapanese() {
        var state = shown(Fixture.size132, language: .japanese)
        _ = DeskReducer.reduce(into: &state, .people(.keyFormOpened))
        _ = DeskReducer.reduce(into: &state, .textPasted("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f dora@laptop\n"))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40   メンバー
             dora の SSH 鍵を許可

             公開鍵  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f dora@laptop

             .pub ファイルの行を貼り付けてください（ssh-ed25519 AAAA… 名前）

































             enter 保存  tab 次の項目  esc 取消
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
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   People
             Who did what at Umbra (1/2)
             WHEN              WHO   COMMAND                       OUTCOME
             2024-05-30 14:05  dora  interactive session           quit
             2024-05-30 09:30  carl  user add bianca --org Umbra   refused: This e-mail ad…


















             j/k scroll  esc close
            """)
    }

    func testRemovingAsksFirstAt80x24() {
        var state = shown(Fixture.size80)
        _ = DeskReducer.reduce(into: &state, .people(.removeRequested))
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   People
             People of Umbra · 3 portal users (1/2)
             NAME            HANDLE   E-MAIL                   ACCESS                  KEYS
             Carl Meyer      carl     carl@umbra.test          organisation's · admin     2
             Dora Sato       dora     dora@umbra.test          own cases                  0
             Mal␛[31mlory    mallory  mallory@elsewhere.test   own cases                  -



                              ┌─ Remove account ────────────────────────┐
                              │ Remove dora's account with Umbra? (y/N) │
                              │                                         │
                              │ y            remove the account         │
                              │ n esc enter  keep it as it is           │
                              └─────────────────────────────────────────┘








             y yes  n no
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
