import Foundation
import XCTest

@testable import DeskModel

/// The directory's rules as `Desk` runs them: what an organisation and a user may be, the
/// desk's settings, and who a handle is.
final class DeskDirectoryTests: StoreTestCase {
    func testOrganisationNamesAreTrimmedUniqueIgnoringCaseAndListedByName() throws {
        let acme = try store.addOrganisation(NewOrganisation(name: "  acme \n", plan: .trial, tier: .standard))
        XCTAssertEqual(acme.name, "acme")
        XCTAssertEqual(acme.plan, .trial)
        XCTAssertDeskError(
            try store.addOrganisation(NewOrganisation(name: "PRO CO", plan: .free, tier: .standard)), .duplicateOrganisation("PRO CO"))
        XCTAssertDeskError(
            try store.addOrganisation(NewOrganisation(name: " \t", plan: .free, tier: .standard)),
            .refused(.model("An organisation needs a name")))
        XCTAssertDeskError(
            try store.addOrganisation(NewOrganisation(name: "Evil\u{1B}[2J", plan: .free, tier: .standard)),
            .refused(.model("An organisation name cannot contain control characters")))
        // By name ignoring case: "acme" before "Big Co".
        XCTAssertEqual(try store.organisations().map(\.name), ["acme", "Big Co", "Free Co", "Pro Co"])
        XCTAssertEqual(try store.organisations().first, acme)
    }

    func testAUserNeedsAFreeValidHandleANameAndTheRightOrganisation() throws {
        func add(_ handle: String, name: String = "Someone", role: Role = .customer, org: String? = "Pro Co") throws -> User {
            try store.addUser(NewUser(handle: handle, name: name, email: "\(handle)@example.com", role: role, organisationName: org))
        }
        XCTAssertDeskError(try add("peter"), .duplicateHandle("peter"))
        XCTAssertDeskError(try add("Peter2"), .invalidHandle("Peter2"))
        XCTAssertDeskError(try add("9lives"), .invalidHandle("9lives"))
        XCTAssertDeskError(try add("quinn", name: "  "), .refused(.model("A user needs a name")))
        XCTAssertDeskError(
            try add("quinn", name: "Quinn\u{7}"), .refused(.model("A user's name and email cannot contain control characters")))
        XCTAssertDeskError(try add("quinn", org: "No Such Co"), .organisationNotFound(name: "No Such Co"))
        XCTAssertDeskError(try add("quinn", org: nil), .refused(.model("A customer belongs to an organisation: give --org NAME")))
        XCTAssertDeskError(try add("quinn", role: .agent), .refused(.model("Only customers belong to an organisation")))
        XCTAssertEqual(try store.users().count, 9, "nothing refused was stored")

        // The organisation is found ignoring case; staff always have their own access only.
        let quinn = try add("quinn", name: " Quinn ", org: "pro co")
        XCTAssertEqual(quinn.name, "Quinn")
        XCTAssertEqual(quinn.organisationID, f.proCo.id)
        let agent = try store.addUser(NewUser(
            handle: "zoe", name: "Zoe", email: "zoe@example.com", role: .agent, caseAccess: .organisation))
        XCTAssertEqual(agent.caseAccess, .own)
        XCTAssertEqual(
            try store.users().map(\.handle),
            ["alice", "bob", "erin", "eve", "fred", "paula", "peter", "pia", "quinn", "root", "zoe"])
        XCTAssertEqual(try store.users().first { $0.handle == "quinn" }, quinn)
    }

    func testAViewerCarriesTheirOrganisationsPlan() throws {
        // The viewer carries their accounts too: here the primary one alone.
        XCTAssertEqual(try store.viewer(handle: "fred"), Viewer(
            user: f.fred.user, plan: .free,
            accounts: [Account(organisation: f.freeCo, caseAccess: .own, isAdministrator: false, isPrimary: true)]))
        XCTAssertEqual(try store.viewer(handle: "erin").plan, .enterprise)
        XCTAssertNil(try store.viewer(handle: "alice").plan)
        XCTAssertDeskError(try store.viewer(handle: "nobody"), .userNotFound(handle: "nobody"))
    }

    func testSettingsAreCheckedAndReadBack() throws {
        XCTAssertEqual(try store.settings(), DeskSettings())
        let changed = DeskSettings(name: "Acme help", autoCloseDays: 9, attachmentLimit: 1000, attachmentQuota: 5000)
        try store.updateSettings(changed)
        XCTAssertEqual(try store.settings(), changed)
        XCTAssertEqual(try f.reopen().settings(), changed)

        var refused = changed
        refused.attachmentQuota = 0
        XCTAssertDeskError(try store.updateSettings(refused), .refused(.model("the attachment quota must be positive")))
        refused = changed
        refused.autoCloseDays = 36_501
        XCTAssertDeskError(try store.updateSettings(refused), .refused(.model("auto-close takes at most {days} days", ["days": .quantity(36_500)])))
        XCTAssertEqual(try store.settings(), changed)
    }

    func testTheGeneratorsTicketMarksAreReadFromTheSettings() throws {
        XCTAssertNil(store.longThreadTicket())
        XCTAssertNil(store.longestThreadTicket())
        try f.sql { db in
            try db.execute(sql: "INSERT INTO desk_setting(key, value) VALUES ('long_thread_ticket', '7'), ('longest_thread_ticket', '12')")
        }
        XCTAssertEqual(store.longThreadTicket(), 7)
        XCTAssertEqual(store.longestThreadTicket(), 12)
    }
}
