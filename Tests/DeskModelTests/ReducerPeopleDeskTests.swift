import Foundation
import XCTest

@testable import DeskModel

/// The People screen against a real desk (every backend): Erin, Big Co's customer
/// administrator, adds a portal user, switches access, authorises and revokes a key, and the
/// desk's rules refuse what is not hers (a taken address, Peter who also works for Pro Co, a
/// key that is not one), each refusal's sentence on the bottom line.
final class ReducerPeopleDeskTests: StoreTestCase {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f bianca@laptop"

    private func member(_ handle: String, access: CaseAccess = .own, admin: Bool = false, keys: Int? = 0) -> PeopleState.Member {
        PeopleState.Member(handle: handle, name: handle.capitalized, email: "\(handle)@example.com", caseAccess: access,
                           isAdministrator: admin, keyCount: keys)
    }

    func testAnAdministratorManagesPeopleThroughTheDesksRules() throws {
        try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.root)
        let erin = try store.viewer(handle: "erin")
        let keysPath = f.directory.appendingPathComponent("home/.ssh/authorized_keys").path
        var runtime = DeskRuntime(store: store, viewer: erin)
        runtime.keysFile = AuthorizedKeysFile(path: keysPath, deskterm: "/usr/bin/deskterm", desk: .sqlite(path: "/srv/desk.sqlite"))
        let test = ReducerTestStore(state: ReducerFixtures.loaded(1...3, viewer: erin), runtime: runtime)

        test.send(.people(.opened)) { $0.people = PeopleState() }
        test.expectEffects([.people(.load(organisation: nil))])
        test.run(.people(.load(organisation: nil)))
        var members = [member("erin", access: .organisation, admin: true), member("eve")]
        test.receive(.people(.loaded(PeopleListing(organisations: ["Big Co"], organisation: "Big Co", members: members, keysCounted: true)))) {
            $0.people!.organisations = ["Big Co"]
            $0.people!.keysCounted = true
            $0.people!.organisation = "Big Co"
            $0.people!.members = members
            $0.people!.isLoading = false
        }

        // A new portal user; an address someone has is refused, and the form stays.
        var form = PeopleForm(purpose: .newUser)
        form.values = [.name: "Bianca", .email: "peter@example.com", .handle: "bianca", .access: "own"]
        test.send(.people(.addFormOpened)) { $0.people!.form = PeopleForm(purpose: .newUser) }
        test.expectNoEffects()
        for field in [PeopleForm.Field.name, .email, .handle] {
            test.send(.people(.formInput(.insert(form.values[field]!)))) {
                $0.people!.form!.values[field] = form.values[field]
                $0.people!.form!.cursor = form.values[field]!.count
            }
            test.expectNoEffects()
            let next: PeopleForm.Field = field == .name ? .email : field == .email ? .handle : .access
            test.send(.people(.formFieldMoved(forward: true))) {
                $0.people!.form!.focused = next
                $0.people!.form!.cursor = next == .access ? 3 : 0
            }
            test.expectNoEffects()
        }
        test.send(.people(.formSubmitted)) {
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
        }
        let taken = NewUser(handle: "bianca", name: "Bianca", email: "peter@example.com", role: .customer, organisationName: "Big Co")
        test.expectEffects([.people(.addUser(taken))])
        test.run(.people(.addUser(taken)))
        let addressRefusal = DeskError.refused(.model(
            "This e-mail address cannot be given to a user of {organisation}; ask your support team", ["organisation": .text("Big Co")])).phrase
        test.receive(.people(.refused(addressRefusal))) {
            $0.people!.form!.isSaving = false
            $0.people!.isBusy = false
            $0.message = StatusMessage(.error, addressRefusal)
        }
        XCTAssertEqual(test.state.message?.phrase.text(in: .english),
                       "This e-mail address cannot be given to a user of Big Co; ask your support team")
        test.send(.people(.formFieldMoved(forward: false))) {
            $0.people!.form!.focused = .handle
            $0.people!.form!.cursor = 6
        }
        test.expectNoEffects()
        test.send(.people(.formFieldMoved(forward: false))) {
            $0.people!.form!.focused = .email
            $0.people!.form!.cursor = 17
        }
        test.expectNoEffects()
        test.send(.people(.formInput(.deleteToLineStart))) {
            $0.people!.form!.values[.email] = ""
            $0.people!.form!.cursor = 0
        }
        test.expectNoEffects()
        test.send(.people(.formInput(.insert("bianca@example.com")))) {
            $0.people!.form!.values[.email] = "bianca@example.com"
            $0.people!.form!.cursor = 18
        }
        test.expectNoEffects()
        test.send(.people(.formSubmitted)) {
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
            $0.message = nil
        }
        let bianca = NewUser(handle: "bianca", name: "Bianca", email: "bianca@example.com", role: .customer, organisationName: "Big Co")
        test.expectEffects([.people(.addUser(bianca))])
        test.run(.people(.addUser(bianca)))
        members.insert(member("bianca"), at: 0)
        var listing = PeopleListing(organisations: ["Big Co"], organisation: "Big Co", members: members, keysCounted: true)
        test.receive(.people(.changed(listing, info: PeopleNotices.added("bianca", "Big Co"), select: "bianca"))) {
            $0.people!.form = nil
            $0.people!.isBusy = false
            $0.people!.members = members
            $0.message = StatusMessage(.info, PeopleNotices.added("bianca", "Big Co"))
        }
        // The command line sees what the screen did.
        XCTAssertEqual(try store.accounts(handle: "bianca", by: erin).map(\.organisation.name), ["Big Co"])

        // Her access, then a key pasted for her.
        test.send(.people(.accessSwitched)) { $0.people!.isBusy = true }
        test.expectEffects([.people(.setAccess(handle: "bianca", organisation: "Big Co", .organisation))])
        test.run(.people(.setAccess(handle: "bianca", organisation: "Big Co", .organisation)))
        members[0].caseAccess = .organisation
        listing.members = members
        test.receive(.people(.changed(listing, info: PeopleNotices.accessChanged("bianca", .organisation), select: "bianca"))) {
            $0.people!.isBusy = false
            $0.people!.members = members
            $0.message = StatusMessage(.info, PeopleNotices.accessChanged("bianca", .organisation))
        }
        XCTAssertEqual(try store.accounts(handle: "bianca", by: erin).map(\.caseAccess), [.organisation])

        test.send(.people(.keyFormOpened)) {
            $0.people!.form = PeopleForm(purpose: .key(handle: "bianca"))
            $0.message = nil
        }
        test.expectNoEffects()
        test.send(.textPasted(Self.key + "\n")) {
            $0.people!.form!.values[.key] = Self.key
            $0.people!.form!.cursor = Self.key.count
        }
        test.send(.people(.formSubmitted)) {
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
        }
        let authorize = PeopleEffect.authorizeKey(handle: "bianca", organisation: "Big Co", key: Self.key)
        test.expectEffects([.people(authorize)])
        test.run(.people(authorize))
        members[0].keyCount = 1
        listing.members = members
        test.receive(.people(.changed(listing, info: PeopleNotices.keyAuthorized("bianca"), select: "bianca"))) {
            $0.people!.form = nil
            $0.people!.isBusy = false
            $0.people!.members = members
            $0.message = StatusMessage(.info, PeopleNotices.keyAuthorized("bianca"))
        }
        let written = try String(contentsOfFile: keysPath, encoding: .utf8)
        XCTAssertEqual(written, "command=\"/usr/bin/deskterm ssh-session --desk /srv/desk.sqlite bianca\",restrict,pty ssh-ed25519 "
                       + "AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f deskterm:bianca\n")

        // The same key for Eve is refused without naming whose it is.
        test.send(.people(.moved(by: 2))) { $0.people!.selected = 2 }
        test.expectNoEffects()
        XCTAssertEqual(test.state.people?.selectedMember?.handle, "eve")
        test.send(.people(.keyFormOpened)) {
            $0.people!.form = PeopleForm(purpose: .key(handle: "eve"))
            $0.message = nil
        }
        test.expectNoEffects()
        test.send(.textPasted(Self.key)) {
            $0.people!.form!.values[.key] = Self.key
            $0.people!.form!.cursor = Self.key.count
        }
        test.send(.people(.formSubmitted)) {
            $0.people!.form!.isSaving = true
            $0.people!.isBusy = true
        }
        let again = PeopleEffect.authorizeKey(handle: "eve", organisation: "Big Co", key: Self.key)
        test.expectEffects([.people(again)])
        test.run(.people(again))
        let keyRefusal = DeskError.refused(.model("This key cannot be added")).phrase
        test.receive(.people(.refused(keyRefusal))) {
            $0.people!.form!.isSaving = false
            $0.people!.isBusy = false
            $0.message = StatusMessage(.error, keyRefusal)
        }
        test.send(.people(.formCancelled)) {
            $0.people!.form = nil
            $0.message = nil
        }
        test.expectNoEffects()

        // Peter also works for Pro Co: listed without a key count, and his keys are not hers.
        _ = try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .own, by: f.root)
        test.send(.people(.refreshed)) { $0.people!.isLoading = true }
        test.expectEffects([.people(.load(organisation: "Big Co"))])
        test.run(.people(.load(organisation: "Big Co")))
        members.append(member("peter", keys: nil))
        listing.members = members
        test.receive(.people(.loaded(listing))) {
            $0.people!.isLoading = false
            $0.people!.members = members
        }
        test.send(.people(.moved(by: 1))) { $0.people!.selected = 3 }
        test.expectNoEffects()
        // Not counted, not hers: neither a question nor a form, nothing for the desk to refuse;
        // the screen says who manages his keys (it has the key file: "over SSH" would mislead).
        test.send(.people(.revokeRequested)) { $0.message = StatusMessage(.error, PeopleNotices.keysManagedBySupport("peter")) }
        test.expectNoEffects()
        test.send(.people(.keyFormOpened))
        test.expectNoEffects()

        // Bianca's key is revoked; her only account cannot go, Peter's Big Co one can.
        test.send(.people(.moved(by: -3))) { $0.people!.selected = 0 }
        test.expectNoEffects()
        test.send(.people(.revokeRequested)) { $0.overlay = .confirm(.revokeKeys(handle: "bianca", organisation: "Big Co")) }
        test.expectNoEffects()
        test.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            $0.people!.isBusy = true
        }
        let revokeBianca = PeopleEffect.revokeKeys(handle: "bianca", organisation: "Big Co")
        test.expectEffects([.people(revokeBianca)])
        test.run(.people(revokeBianca))
        members[0].keyCount = 0
        listing.members = members
        test.receive(.people(.changed(listing, info: PeopleNotices.keysRevoked("bianca", count: 1), select: "bianca"))) {
            $0.people!.isBusy = false
            $0.people!.members = members
            $0.message = StatusMessage(.info, PeopleNotices.keysRevoked("bianca", count: 1))
        }
        XCTAssertEqual(try String(contentsOfFile: keysPath, encoding: .utf8), "")

        test.send(.people(.removeRequested)) { $0.overlay = .confirm(.removeMember(handle: "bianca", organisation: "Big Co")) }
        test.expectNoEffects()
        test.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            $0.people!.isBusy = true
        }
        let removeBianca = PeopleEffect.removeAccount(handle: "bianca", organisation: "Big Co")
        test.expectEffects([.people(removeBianca)])
        test.run(.people(removeBianca))
        let onlyAccount = DeskError.refused(.model(
            "{organisation} is {handle}'s only account: a customer belongs to at least one organisation",
            ["handle": .text("bianca"), "organisation": .text("Big Co")])).phrase
        test.receive(.people(.refused(onlyAccount))) {
            $0.people!.isBusy = false
            $0.message = StatusMessage(.error, onlyAccount)
        }

        test.send(.people(.moved(by: 3))) { $0.people!.selected = 3 }
        test.expectNoEffects()
        test.send(.people(.removeRequested)) { $0.overlay = .confirm(.removeMember(handle: "peter", organisation: "Big Co")) }
        test.expectNoEffects()
        test.send(.confirmationAnswered(yes: true)) {
            $0.overlay = nil
            $0.people!.isBusy = true
        }
        let removePeter = PeopleEffect.removeAccount(handle: "peter", organisation: "Big Co")
        test.expectEffects([.people(removePeter)])
        test.run(.people(removePeter))
        members.removeLast()
        listing.members = members
        test.receive(.people(.changed(listing, info: PeopleNotices.removed("peter", "Big Co"), select: nil))) {
            $0.people!.isBusy = false
            $0.people!.members = members
            $0.people!.selected = 2
            $0.message = StatusMessage(.info, PeopleNotices.removed("peter", "Big Co"))
        }
        XCTAssertEqual(try store.accounts(handle: "peter", by: f.root).map(\.organisation.name), ["Pro Co"])

        // The audit: her organisation's people only; Peter's work for Pro Co is not hers.
        try store.recordAudit(handle: "eve", address: "192.0.2.9", command: "list", outcome: "ok")
        _ = try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .own, by: f.root)
        try store.recordAudit(handle: "peter", address: "192.0.2.10", command: "show 7", outcome: "ok")
        test.send(.people(.auditOpened)) {
            $0.people!.audit = []
            $0.people!.isLoading = true
        }
        test.expectEffects([.people(.loadAudit(organisation: "Big Co"))])
        let answered = test.run(.people(.loadAudit(organisation: "Big Co")))
        guard case .people(.auditLoaded(_, let entries))? = answered.first else { return XCTFail("\(answered)") }
        XCTAssertEqual(entries.map(\.handle), ["eve"])
        test.receive(.people(.auditLoaded(organisation: "Big Co", entries))) {
            $0.people!.audit = entries
            $0.people!.isLoading = false
        }
    }

    func testCustomersWhoAdministerNothingAreRefusedByTheDesk() throws {
        // Even a screen opened by mistake gets nothing: the desk refuses the listing itself.
        let runtime = DeskRuntime(store: store, viewer: f.eve)
        XCTAssertEqual(runtime.perform(.people(.load(organisation: "Big Co"))), [.people(.refused(DeskError.forbidden(Permissions.membersRefusal).phrase))])
        XCTAssertEqual(runtime.perform(.people(.setAccess(handle: "erin", organisation: "Big Co", .own))),
                       [.people(.refused(DeskError.forbidden(Permissions.membersRefusal).phrase))])
        XCTAssertEqual(try store.accounts(handle: "erin", by: f.root).map(\.caseAccess), [.organisation])
    }
}
