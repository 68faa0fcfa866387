import Foundation
import XCTest

@testable import DeskModel

/// A customer administrator cannot pre-register someone else's address (mailgate maps a sender
/// to the oldest user with it), nor one outside the organisation's mail domain; a desk admin can.
final class StorePortalUserAddressTests: StoreTestCase {
    private let refusal = DeskError.refused(.model(
        "This e-mail address cannot be given to a user of {organisation}; ask your support team", ["organisation": .text("Big Co")]))

    private func newUser(_ handle: String, _ email: String) -> NewUser {
        NewUser(handle: handle, name: handle.capitalized, email: email, role: .customer, organisationName: "Big Co")
    }

    func testACustomerAdministratorCannotTakeAnotherUsersAddressOrOneOutsideTheMailDomain() throws {
        try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.root)
        let erin = try store.viewer(handle: "erin")
        let users = try f.count("user")
        // Staff or another organisation's customer: the address is taken, in any case.
        XCTAssertDeskError(try store.addPortalUser(newUser("mallory", "peter@example.com"), by: erin), refusal)
        XCTAssertDeskError(try store.addPortalUser(newUser("mallory", "ALICE@Example.com"), by: erin), refusal)
        XCTAssertEqual(try f.count("user"), users, "nothing added")
        _ = try store.addPortalUser(newUser("bianca", "bianca@elsewhere.example"), by: erin)

        // With a mail domain, only its addresses; the same sentence as a taken one.
        try store.setOrganisationMailDomain(name: "Big Co", domain: "big.example", by: f.root)
        XCTAssertDeskError(try store.addPortalUser(newUser("victor", "victor@othercorp.example"), by: erin), refusal)
        XCTAssertDeskError(try store.addPortalUser(newUser("victor", "victor@big.example.evil"), by: erin), refusal)
        XCTAssertDeskError(try store.addPortalUser(newUser("victor", "bianca@elsewhere.example"), by: erin), refusal)
        XCTAssertEqual(try store.addPortalUser(newUser("victor", "Victor@BIG.example"), by: erin).email, "Victor@BIG.example")
        XCTAssertEqual(try f.count("user"), users + 2)

        // A desk admin decides for themself.
        _ = try store.addPortalUser(newUser("vera", "peter@example.com"), by: f.root)
    }
}
