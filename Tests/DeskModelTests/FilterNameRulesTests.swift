import Foundation
import XCTest

@testable import DeskModel

/// The rules that turn a filter's names into ids (`FilterNames`) run once, over whatever a
/// backend looks up (`FilterNameLookup`); the store tests prove both backends' lookups agree.
final class FilterNameRulesTests: XCTestCase {
    /// Rows as a backend would hold them, counting the lookups asked of it.
    private final class Rows: FilterNameLookup {
        var users = ["alice": UserID(1), "bob": 2]
        let organisationRows: [(id: OrganisationID, name: String)] = [(10, "Librairie Étoile"), (11, "Café"), (12, "Cafe"), (13, "Big Co")]
        private(set) var indexedLookups = 0
        private(set) var fullReads = 0

        func userID(handle: String) throws -> UserID? { users[handle] }
        func organisationID(nameIgnoringASCIICase name: String) throws -> OrganisationID? {
            indexedLookups += 1
            return organisationRows.first { asciiLowercased($0.name) == asciiLowercased(name) }?.id
        }
        func organisations() throws -> [(id: OrganisationID, name: String)] {
            fullReads += 1
            return organisationRows
        }
        /// What NOCASE folds: ASCII letters only.
        private func asciiLowercased(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
        }
    }

    private let staff = ListReader(userID: 1, visibility: .everything, reportsUnknownNames: true)
    private let customer = ListReader(userID: 7, visibility: .customer(userID: 7, organisationID: nil), reportsUnknownNames: false)

    func testPeopleMeNoOneAndHandles() throws {
        let names = FilterNames(lookup: Rows(), reader: staff)
        let found = try names.userIDs([.me, .handle("bob"), .nobody])
        XCTAssertEqual(found.ids, [1, 2])
        XCTAssertTrue(found.nobody)
        XCTAssertThrowsError(try names.userIDs([.handle("nosuch")])) { XCTAssertEqual($0 as? DeskError, .userNotFound(handle: "nosuch")) }
        // A customer learns nothing from a name that names no one: it matches nothing.
        let forCustomer = try FilterNames(lookup: Rows(), reader: customer).userIDs([.handle("nosuch"), .me])
        XCTAssertEqual(forCustomer.ids, [7])
        XCTAssertFalse(forCustomer.nobody)
    }

    func testOrganisationsByTheIndexFirstThenWithoutAccentsReadingTheTableOnce() throws {
        let rows = Rows()
        let names = FilterNames(lookup: rows, reader: staff)
        XCTAssertEqual(try names.organisationIDs(["big co", "CAFE"]), [13, 12], "ASCII case: the index alone")
        XCTAssertEqual(rows.fullReads, 0)
        XCTAssertEqual(try names.organisationIDs(["librairie etoile", "CAFÉ", "ｂｉｇ ｃｏ"]), [10, 11, 12, 13],
                       "accents and width: every organisation that folds the same, from one read of the table")
        XCTAssertEqual(rows.fullReads, 1)
        XCTAssertThrowsError(try names.organisationIDs(["No Such Co"])) {
            XCTAssertEqual($0 as? DeskError, .organisationNotFound(name: "No Such Co"))
        }
        XCTAssertEqual(try FilterNames(lookup: Rows(), reader: customer).organisationIDs(["No Such Co"]), [])
    }
}

/// The same names on every backend (the conformance suite): an organisation name that folds
/// to several organisations matches them all, on SQLite as on PostgreSQL.
final class StoreFilterNameTests: StoreTestCase {
    func testANameThatFoldsToSeveralOrganisationsMatchesThemAllAndCaseAloneOnlyOne() throws {
        for name in ["Café", "Cafe"] {
            _ = try store.addOrganisation(NewOrganisation(name: name, plan: .pro, tier: .standard))
            let handle = name == "Café" ? "cora" : "carl"
            _ = try store.addUser(NewUser(handle: handle, name: name, email: "\(handle)@example.com", role: .customer, organisationName: name))
            try f.ticket("Question from \(handle)", by: try store.viewer(handle: handle))
        }
        func numbers(_ filter: String) throws -> [Int64] {
            let query = try TicketQuery.parse(filter)
            return try store.page(PageRequest(view: .all, limit: 100, filter: query.filter), viewer: f.alice).rows.map(\.number)
        }
        XCTAssertEqual(try numbers("org:cafe"), [2], "ASCII case alone: the one named so")
        XCTAssertEqual(try numbers("org:CAFÉ"), [2, 1], "accents: both")
        XCTAssertEqual(try numbers("org:café"), [1], "exactly one name")
    }
}
