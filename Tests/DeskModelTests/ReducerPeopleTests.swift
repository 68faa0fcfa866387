import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The People screen in the reducer (#13): who may open it, the listing, moving and the
/// organisations, each change as one effect at a time, the form, the questions before removing
/// and revoking, the audit, and the desk's answers (done or refused).
final class ReducerPeopleTests: XCTestCase {
    static let bigCo = Organisation(id: 9, name: "Big Co", plan: .enterprise, tier: .premium)
    static let smallCo = Organisation(id: 11, name: "Small Co", plan: .pro, tier: .standard)
    /// Erin administers Big Co and Small Co.
    static let erin = Viewer(
        user: User(id: 5, handle: "erin", name: "Erin", email: "erin@big.example", role: .customer, organisationID: 9, caseAccess: .organisation),
        plan: .enterprise,
        accounts: [Account(organisation: bigCo, caseAccess: .organisation, isAdministrator: true, isPrimary: true),
                   Account(organisation: smallCo, caseAccess: .own, isAdministrator: true, isPrimary: false)])
    static let members = [
        PeopleState.Member(handle: "erin", name: "Erin", email: "erin@big.example", caseAccess: .organisation, isAdministrator: true, keyCount: 1),
        PeopleState.Member(handle: "eve", name: "Eve", email: "eve@big.example", caseAccess: .own, isAdministrator: false, keyCount: 0),
        PeopleState.Member(handle: "peter", name: "Peter", email: "peter@pro.example", caseAccess: .own, isAdministrator: false, keyCount: nil),
    ]
    /// Over SSH: the key file is there, Peter's keys are not Erin's to manage.
    static let listing = PeopleListing(organisations: ["Big Co", "Small Co"], organisation: "Big Co", members: members, keysCounted: true)

    private func opened() -> ReducerTestStore {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4, viewer: Self.erin))
        store.send(.people(.opened)) { $0.people = PeopleState() }
        store.expectEffects([.people(.load(organisation: nil))])
        store.receive(.people(.loaded(Self.listing))) {
            $0.people!.organisations = ["Big Co", "Small Co"]
            $0.people!.organisation = "Big Co"
            $0.people!.members = Self.members
            $0.people!.keysCounted = true
            $0.people!.isLoading = false
        }
        store.expectNoEffects()
        return store
    }

    func testOnlyThoseWhoManagePortalUsersOpenIt() {
        for viewer in [F.customer, F.agent] {
            let store = ReducerTestStore(state: F.loaded(1...14, selected: 4, viewer: viewer))
            store.send(.people(.opened)) { $0.message = StatusMessage(.error, PeopleNotices.refused) }
            store.expectNoEffects()
        }
        var admin = F.agent
        admin.user.role = .admin
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4, viewer: admin))
        store.send(.people(.opened)) { $0.people = PeopleState() }
        store.expectEffects([.people(.load(organisation: nil))])
        XCTAssertEqual(PeopleNotices.refused.text(in: .english),
                       "Not allowed: only admins and the organisation's customer administrators manage its portal users")
    }

    func testTheCommandLineOpensItAndItIsOnlyForAdministrators() {
        var state = F.loaded(1...14, selected: 4, viewer: Self.erin)
        state.commandLine = CommandLineState(text: "people")
        let store = ReducerTestStore(state: state)
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["people"]
            $0.people = PeopleState()
        }
        store.expectEffects([.people(.load(organisation: nil))])
    }

    func testMovingAndSteppingThroughOrganisations() {
        let store = opened()
        store.send(.people(.moved(by: 1))) { $0.people!.selected = 1 }
        store.expectNoEffects()
        store.send(.people(.moved(by: 10))) { $0.people!.selected = 2 }
        store.expectNoEffects()
        store.send(.people(.organisationStepped(forward: true))) {
            $0.people!.organisation = "Small Co"
            $0.people!.members = []
            $0.people!.selected = 0
            $0.people!.isLoading = true
        }
        store.expectEffects([.people(.load(organisation: "Small Co"))])
        // Big Co's listing arriving late is dropped: Small Co is shown now.
        store.receive(.people(.loaded(Self.listing)))
        store.expectNoEffects()
        let small = PeopleListing(organisations: ["Big Co", "Small Co"], organisation: "Small Co", members: [Self.members[0]], keysCounted: true)
        store.receive(.people(.loaded(small))) {
            $0.people!.members = [Self.members[0]]
            $0.people!.isLoading = false
        }
        store.expectNoEffects()
        store.send(.people(.organisationStepped(forward: true))) {
            $0.people!.organisation = "Big Co"
            $0.people!.members = []
            $0.people!.isLoading = true
        }
        store.expectEffects([.people(.load(organisation: "Big Co"))])
    }

    func testSwitchingAccessIsOneChangeAtATimeAndComesBackAsTheListingReadAgain() {
        let store = opened()
        store.send(.people(.moved(by: 1))) { $0.people!.selected = 1 }
        store.expectNoEffects()
        store.send(.people(.accessSwitched)) { $0.people!.isBusy = true }
        store.expectEffects([.people(.setAccess(handle: "eve", organisation: "Big Co", .organisation))])
        // A second change waits for the first.
        store.send(.people(.accessSwitched))
        store.expectNoEffects()
        store.send(.people(.removeRequested))
        store.expectNoEffects()
        var changed = Self.listing
        changed.members[1].caseAccess = .organisation
        store.receive(.people(.changed(changed, info: PeopleNotices.accessChanged("eve", .organisation), select: "eve"))) {
            $0.people!.members = changed.members
            $0.people!.isBusy = false
            $0.message = StatusMessage(.info, PeopleNotices.accessChanged("eve", .organisation))
        }
        store.expectNoEffects()
    }

    func testARefusalIsShownAndTheScreenStays() {
        let store = opened()
        store.send(.people(.moved(by: 2))) { $0.people!.selected = 2 }
        store.expectNoEffects()
        store.send(.people(.accessSwitched)) { $0.people!.isBusy = true }
        store.expectEffects([.people(.setAccess(handle: "peter", organisation: "Big Co", .organisation))])
        let refusal = DeskError.userNotFound(handle: "peter").phrase
        store.receive(.people(.refused(refusal))) {
            $0.people!.isBusy = false
            $0.message = StatusMessage(.error, refusal)
        }
        store.expectNoEffects()
    }

    func testRemovingAndRevokingAskFirst() {
        let store = opened()
        store.send(.people(.moved(by: 1))) { $0.people!.selected = 1 }
        store.expectNoEffects()
        store.send(.people(.removeRequested)) { $0.overlay = .confirm(.removeMember(handle: "eve", organisation: "Big Co")) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: false)) { $0.overlay = nil }
        store.expectNoEffects()
        store.send(.people(.removeRequested)) { $0.overlay = .confirm(.removeMember(handle: "eve", organisation: "Big Co")) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            $0.people!.isBusy = true
        }
        store.expectEffects([.people(.removeAccount(handle: "eve", organisation: "Big Co"))])
        var removed = Self.listing
        removed.members.remove(at: 1)
        store.receive(.people(.changed(removed, info: PeopleNotices.removed("eve", "Big Co"), select: nil))) {
            $0.people!.members = removed.members
            $0.people!.isBusy = false
            $0.message = StatusMessage(.info, PeopleNotices.removed("eve", "Big Co"))
        }
        store.expectNoEffects()
        store.send(.people(.moved(by: -1))) { $0.people!.selected = 0 }
        store.expectNoEffects()
        store.send(.people(.revokeRequested)) { $0.overlay = .confirm(.revokeKeys(handle: "erin", organisation: "Big Co")) }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            $0.people!.isBusy = true
        }
        store.expectEffects([.people(.revokeKeys(handle: "erin", organisation: "Big Co"))])
    }

    /// A member whose keys are not counted (no key file in the local client, or keys the
    /// viewer does not manage) has no key to authorise or revoke here: the screen says who
    /// manages them, and neither asks nor opens the form.
    func testKeysOnlyForMembersWhoseKeysAreCounted() {
        let store = opened()
        store.send(.people(.moved(by: 2))) { $0.people!.selected = 2 }
        store.expectNoEffects()
        store.send(.people(.revokeRequested)) { $0.message = StatusMessage(.error, PeopleNotices.keysManagedBySupport("peter")) }
        store.expectNoEffects()
        store.send(.people(.keyFormOpened))
        store.expectNoEffects()
        store.send(.people(.moved(by: -1))) { $0.people!.selected = 1 }
        store.expectNoEffects()
        store.send(.people(.keyFormOpened)) {
            $0.people!.form = PeopleForm(purpose: .key(handle: "eve"))
            $0.message = nil
        }
        store.expectNoEffects()
    }

    /// In the local client there is no key file: no member's keys are counted, and the screen
    /// says where keys are managed.
    func testWithoutAKeyFileTheScreenSaysWhereKeysAreManaged() {
        let store = ReducerTestStore(state: F.loaded(1...14, selected: 4, viewer: Self.erin))
        store.send(.people(.opened)) { $0.people = PeopleState() }
        store.expectEffects([.people(.load(organisation: nil))])
        var local = Self.listing
        local.keysCounted = false
        for index in local.members.indices { local.members[index].keyCount = nil }
        store.receive(.people(.loaded(local))) {
            $0.people!.organisations = ["Big Co", "Small Co"]
            $0.people!.organisation = "Big Co"
            $0.people!.members = local.members
            $0.people!.isLoading = false
        }
        store.expectNoEffects()
        store.send(.people(.keyFormOpened)) { $0.message = StatusMessage(.error, PeopleNotices.noKeyFile) }
        store.expectNoEffects()
        store.send(.people(.revokeRequested))
        store.expectNoEffects()
    }

    /// Several lines pasted into the key field would be joined into one line that authorises
    /// only its first key, silently: the paste is refused whole.
    func testAPasteOfSeveralKeysIsRefused() {
        let store = opened()
        store.send(.people(.keyFormOpened)) { $0.people!.form = PeopleForm(purpose: .key(handle: "erin")) }
        store.expectNoEffects()
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
        store.send(.textPasted(key + " erin@laptop\n\n" + key + " erin@desktop\n")) {
            $0.message = StatusMessage(.error, PeopleNotices.pasteOneKey)
        }
        store.expectNoEffects()
        store.send(.textPasted("\n  " + key + " erin@laptop\n\n")) {
            $0.people!.form!.values[.key] = "  " + key + " erin@laptop"
            $0.people!.form!.cursor = key.count + 14
        }
        store.expectNoEffects()
    }

    /// The screen covers the search and the composer: with no form open, a paste reaches neither.
    func testAPasteOnTheMembersIsIgnored() {
        var state = F.loaded(1...14, selected: 4, viewer: Self.erin)
        state.search = SearchState(query: "vpn ")
        let store = ReducerTestStore(state: state)
        store.send(.people(.opened)) { $0.people = PeopleState() }
        store.expectEffects([.people(.load(organisation: nil))])
        store.send(.textPasted("drops")) { $0.message = StatusMessage(.info, Notices.pasteIgnored) }
        store.expectNoEffects()
    }

    func testTheNewPortalUserForm() {
        let store = opened()
        store.send(.people(.addFormOpened)) { $0.people!.form = PeopleForm(purpose: .newUser) }
        store.expectNoEffects()
        // Nothing reaches the desk before the three text fields are filled.
        store.send(.people(.formSubmitted)) { $0.message = StatusMessage(.error, PeopleNotices.fillEveryField) }
        store.expectNoEffects()
        store.send(.people(.formInput(.insert("Bianca Rossi")))) {
            $0.people!.form!.values[.name] = "Bianca Rossi"
            $0.people!.form!.cursor = 12
        }
        store.expectNoEffects()
        store.send(.people(.formFieldMoved(forward: true))) {
            $0.people!.form!.focused = .email
            $0.people!.form!.cursor = 0
        }
        store.expectNoEffects()
        // A pasted address with a line break is one line in the field.
        store.send(.textPasted("bianca@big.example\n")) {
            $0.people!.form!.values[.email] = "bianca@big.example"
            $0.people!.form!.cursor = 18
        }
        store.expectNoEffects()
        store.send(.people(.formFieldMoved(forward: true))) {
            $0.people!.form!.focused = .handle
            $0.people!.form!.cursor = 0
        }
        store.expectNoEffects()
        store.send(.people(.formInput(.insert("bianca")))) {
            $0.people!.form!.values[.handle] = "bianca"
            $0.people!.form!.cursor = 6
        }
        store.expectNoEffects()
        store.send(.people(.formFieldMoved(forward: true))) {
            $0.people!.form!.focused = .access
            $0.people!.form!.cursor = 3
        }
        store.expectNoEffects()
        // The access is a choice: typing does nothing, Space switches it.
        store.send(.people(.formInput(.insert("x"))))
        store.expectNoEffects()
        store.send(.people(.formChoiceCycled)) { $0.people!.form!.values[.access] = "organisation" }
        store.expectNoEffects()
        store.send(.people(.formSubmitted)) {
            $0.message = nil
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
        }
        store.expectEffects([.people(.addUser(NewUser(
            handle: "bianca", name: "Bianca Rossi", email: "bianca@big.example", role: .customer,
            organisationName: "Big Co", caseAccess: .organisation)))])
        // Refused (the address is another organisation's, say): the form stays, to be corrected.
        let refusal = Phrase.model("This e-mail address cannot be given to a user of {organisation}; ask your support team",
                                   ["organisation": .text("Big Co")])
        store.receive(.people(.refused(refusal))) {
            $0.people!.form!.isSaving = false
            $0.people!.isBusy = false
            $0.message = StatusMessage(.error, refusal)
        }
        store.expectNoEffects()
        store.send(.people(.formCancelled)) {
            $0.people!.form = nil
            $0.message = nil
        }
        store.expectNoEffects()
    }

    func testAnAddedUserIsHighlightedWhenTheListingComesBack() {
        let store = opened()
        store.send(.people(.addFormOpened)) { $0.people!.form = PeopleForm(purpose: .newUser) }
        store.expectNoEffects()
        let bianca = PeopleState.Member(handle: "bianca", name: "Bianca", email: "b@big.example", caseAccess: .own, isAdministrator: false, keyCount: 0)
        var added = Self.listing
        added.members.insert(bianca, at: 0)
        store.receive(.people(.changed(added, info: PeopleNotices.added("bianca", "Big Co"), select: "bianca"))) {
            $0.people!.form = nil
            $0.people!.members = added.members
            $0.message = StatusMessage(.info, PeopleNotices.added("bianca", "Big Co"))
        }
        store.expectNoEffects()
    }

    func testAKeyIsPastedIntoItsFormAndSentAsTyped() {
        let store = opened()
        store.send(.people(.keyFormOpened)) { $0.people!.form = PeopleForm(purpose: .key(handle: "erin")) }
        store.expectNoEffects()
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl erin@laptop"
        // A paste is text for the field, never keys: its "q" does not close the screen.
        store.send(.textPasted(key + "\n")) {
            $0.people!.form!.values[.key] = key
            $0.people!.form!.cursor = key.count
        }
        store.expectNoEffects()
        store.send(.people(.formSubmitted)) {
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
        }
        store.expectEffects([.people(.authorizeKey(handle: "erin", organisation: "Big Co", key: key))])
        store.receive(.people(.changed(Self.listing, info: PeopleNotices.keyAuthorized("erin"), select: "erin"))) {
            $0.people!.form = nil
            $0.people!.isBusy = false
            $0.message = StatusMessage(.info, PeopleNotices.keyAuthorized("erin"))
        }
        store.expectNoEffects()
    }

    func testTheAuditScrollsAndGoesBackToTheMembers() {
        let store = opened()
        store.send(.people(.auditOpened)) {
            $0.people!.audit = []
            $0.people!.isLoading = true
        }
        store.expectEffects([.people(.loadAudit(organisation: "Big Co"))])
        let entries = (1...3).map { AuditEntry(id: Int64($0), at: F.date, handle: "eve", address: "local", command: "list", outcome: "ok") }
        store.receive(.people(.auditLoaded(organisation: "Big Co", entries))) {
            $0.people!.audit = entries
            $0.people!.isLoading = false
        }
        store.expectNoEffects()
        store.send(.people(.auditScrolled(by: 10))) { $0.people!.auditScroll = 2 }
        store.expectNoEffects()
        // The members' keys do nothing under the audit.
        store.send(.people(.accessSwitched))
        store.expectNoEffects()
        store.send(.people(.auditClosed)) {
            $0.people!.audit = nil
            $0.people!.auditScroll = 0
        }
        store.expectNoEffects()
        store.send(.people(.closed)) { $0.people = nil }
        store.expectNoEffects()
        // An answer after the screen closed is dropped.
        store.receive(.people(.loaded(Self.listing)))
        store.expectNoEffects()
    }
}
