import Foundation
import XCTest

@testable import DeskModel

/// Customer administrators on every backend: Erin administers Big Co and manages its portal
/// users, their access, keys and audit; never another organisation's, never staff.
final class StoreCustomerAdministratorTests: StoreTestCase {
    private let membersRefusal = DeskError.forbidden(.model(
        "only admins and the organisation's customer administrators manage its portal users", context: "not allowed"))

    private func erinAdministersBigCo() throws -> Viewer {
        try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.root)
        let erin = try store.viewer(handle: "erin")
        XCTAssertTrue(Permissions.isCustomerAdministrator(erin))
        XCTAssertEqual(erin.accounts.map(\.isAdministrator), [true])
        return erin
    }

    func testOnlyDeskAdminsNameAdministrators() throws {
        let refusal = DeskError.forbidden(.model("only admins name customer administrators", context: "not allowed"))
        XCTAssertDeskError(try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.alice), refusal)
        XCTAssertDeskError(try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.erin), refusal)
        let erin = try erinAdministersBigCo()
        XCTAssertDeskError(try store.setAdministrator(handle: "eve", organisation: "Big Co", administrator: true, by: erin), refusal)
        XCTAssertEqual(try f.count("organisation_administrator"), 1)
    }

    func testAnAdministratorManagesTheirOrganisationsPortalUsers() throws {
        let erin = try erinAdministersBigCo()
        let added = try store.addPortalUser(NewUser(
            handle: "bianca", name: "Bianca", email: "bianca@big.example", role: .customer, organisationName: "Big Co"), by: erin)
        XCTAssertEqual(added.organisationID, f.bigCo.id)
        // A customer of another organisation is not hers to bring in: she could then authorise
        // his keys and be him at Pro Co. A desk admin adds him.
        XCTAssertDeskError(try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .own, by: erin), .userNotFound(handle: "peter"))
        _ = try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .own, by: f.root)
        // Nor are his keys hers, nor his audit: he also works for Pro Co.
        XCTAssertDeskError(try store.checkKeyManagement(handle: "peter", by: erin), .userNotFound(handle: "peter"))
        try store.recordAudit(handle: "peter", address: "192.0.2.9", command: "show 7", outcome: "ok")
        XCTAssertFalse(try store.organisationAudit(organisation: "Big Co", by: erin, limit: 10).contains { $0.handle == "peter" })
        XCTAssertTrue(try store.organisationAudit(organisation: "Big Co", by: f.root, limit: 10).contains { $0.handle == "peter" })
        try store.setAccountAccess(handle: "bianca", organisation: "Big Co", caseAccess: .organisation, by: erin)
        try store.setAccountAccess(handle: "peter", organisation: "Big Co", caseAccess: .organisation, by: erin)
        XCTAssertEqual(try store.members(organisation: "Big Co", by: erin).map { "\($0.user.handle):\($0.account.caseAccess.rawValue)" },
                       ["bianca:organisation", "erin:organisation", "eve:own", "peter:organisation"])
        // Peter's Pro Co account is not Erin's business: she sees only his Big Co one.
        XCTAssertEqual(try store.accounts(handle: "peter", by: erin).map(\.organisation.name), ["Big Co"])
        XCTAssertEqual(try store.viewer(handle: "peter").user.caseAccess, .own, "his Pro Co access unchanged")
        // Watching a Big Co ticket he did not request goes with the account: watching grants sight.
        let bigCoTicket = try f.ticket("Big Co printer", by: f.eve)
        try store.setWatching(number: bigCoTicket.number, handle: "peter", watching: true, by: f.alice)
        let watches = try f.count("watcher")
        try store.removeAccount(handle: "peter", organisation: "Big Co", by: erin)
        XCTAssertEqual(try f.count("watcher"), watches - 1)
        XCTAssertEqual(try store.accounts(handle: "peter", by: nil).map(\.organisation.name), ["Pro Co"])
    }

    func testNeverAnotherOrganisationNorStaff() throws {
        let erin = try erinAdministersBigCo()
        // Another organisation, existing or not, reads the same.
        for organisation in ["Pro Co", "No Such Org"] {
            XCTAssertDeskError(try store.members(organisation: organisation, by: erin), membersRefusal)
            XCTAssertDeskError(try store.addAccount(handle: "eve", organisation: organisation, caseAccess: .own, by: erin), membersRefusal)
            XCTAssertDeskError(try store.setAccountAccess(handle: "paula", organisation: organisation, caseAccess: .own, by: erin), membersRefusal)
            XCTAssertDeskError(try store.addPortalUser(NewUser(
                handle: "mallory", name: "M", email: "", role: .customer, organisationName: organisation), by: erin), membersRefusal)
        }
        // People outside Big Co, and staff, read like handles that do not exist.
        XCTAssertDeskError(try store.setAccountAccess(handle: "paula", organisation: "Big Co", caseAccess: .own, by: erin), .userNotFound(handle: "paula"))
        XCTAssertDeskError(try store.removeAccount(handle: "paula", organisation: "Big Co", by: erin), .userNotFound(handle: "paula"))
        XCTAssertDeskError(try store.accounts(handle: "paula", by: erin), .userNotFound(handle: "paula"))
        XCTAssertDeskError(try store.addAccount(handle: "alice", organisation: "Big Co", caseAccess: .own, by: erin), .userNotFound(handle: "alice"))
        XCTAssertDeskError(try store.addPortalUser(NewUser(handle: "agent2", name: "A", email: "", role: .agent, organisationName: "Big Co"), by: erin), membersRefusal)
        XCTAssertDeskError(try store.checkKeyManagement(handle: "paula", by: erin), .userNotFound(handle: "paula"))
        XCTAssertDeskError(try store.checkKeyManagement(handle: "alice", by: erin), .userNotFound(handle: "alice"))
        XCTAssertNoThrow(try store.checkKeyManagement(handle: "eve", by: erin))
        // Customers who administer nothing, and agents, manage no one.
        for actor in [f.eve, f.paula, f.alice] {
            XCTAssertDeskError(try store.members(organisation: "Big Co", by: actor), membersRefusal)
            XCTAssertDeskError(try store.removeAccount(handle: "eve", organisation: "Big Co", by: actor), membersRefusal)
        }
        XCTAssertDeskError(try store.checkKeyManagement(handle: "eve", by: f.paula), .forbidden(.model(
            "only admins and customer administrators authorise SSH keys", context: "not allowed")))
        XCTAssertEqual(try f.count("user"), 9, "nothing was added")
    }

    func testTheOrganisationsAuditHoldsOnlyItsMembers() throws {
        let erin = try erinAdministersBigCo()
        try store.recordAudit(handle: "eve", address: "192.0.2.1", command: "list", outcome: "ok")
        f.clock.advance(by: 60)
        try store.recordAudit(handle: "paula", address: "192.0.2.2", command: "list", outcome: "ok")
        f.clock.advance(by: 60)
        try store.recordAudit(handle: "erin", address: "192.0.2.3", command: "show 1", outcome: "ok")
        XCTAssertEqual(try store.organisationAudit(organisation: "Big Co", by: erin, limit: 10).map(\.handle), ["erin", "eve"])
        XCTAssertEqual(try store.organisationAudit(organisation: "Big Co", by: erin, limit: 1).map(\.handle), ["erin"])
        XCTAssertDeskError(try store.organisationAudit(organisation: "Pro Co", by: erin, limit: 10), membersRefusal)
        XCTAssertEqual(try store.organisationAudit(organisation: "Pro Co", by: f.root, limit: 10).map(\.handle), ["paula"])
    }
}
