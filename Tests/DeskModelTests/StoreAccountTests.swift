import Foundation
import XCTest

@testable import DeskModel

/// Several accounts per person on every backend: what each account lets be seen, filing under
/// one, plan rules per account, narrowing by organisation, and removing an account.
final class StoreAccountTests: StoreTestCase {
    /// Peter (Pro Co, own) also belongs to Big Co with organisation access and to Free Co.
    private func givePeterMoreAccounts() throws -> Viewer {
        _ = try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .organisation, by: nil)
        _ = try store.addAccount(handle: "peter", organisation: "free co", caseAccess: .own, by: f.root)
        return try store.viewer(handle: "peter")
    }

    func testEachAccountShowsWhatItsOwnAccessAllows() throws {
        let eves = try f.ticket("Printer jam", by: f.eve)
        let freds = try f.ticket("Billing", by: f.fred, kind: .question)
        let pias = try f.ticket("VPN down", by: f.pia)
        XCTAssertDeskError(try store.ticket(number: eves.number, viewer: f.peter), .ticketNotFound(number: eves.number))

        let peter = try givePeterMoreAccounts()
        XCTAssertEqual(peter.accounts.map(\.organisation.name), ["Pro Co", "Free Co", "Big Co"], "the primary, then by organisation")
        XCTAssertEqual(peter.accounts.map(\.isPrimary), [true, false, false])
        XCTAssertEqual(peter.wholeOrganisations, [f.bigCo.id])
        // Big Co whole (organisation access); Free Co and Pro Co only his own (none here).
        XCTAssertEqual(try f.numbers(.all, peter), [eves.number])
        XCTAssertEqual(try f.numbers(.open, peter), [eves.number])
        XCTAssertEqual(try store.counts(viewer: peter)[.all], 1)
        XCTAssertEqual(try store.ticket(number: eves.number, viewer: peter).subject, "Printer jam")
        XCTAssertEqual(try f.searchNumbers("printer", peter), [eves.number])
        // Hidden tickets of his other accounts answer like missing ones.
        XCTAssertDeskError(try store.ticket(number: freds.number, viewer: peter), .ticketNotFound(number: freds.number))
        XCTAssertDeskError(try store.ticket(number: pias.number, viewer: peter), .ticketNotFound(number: pias.number))
        XCTAssertEqual(try f.searchNumbers("billing", peter), [])
        // Watching a ticket of one of his organisations is allowed now.
        try store.setWatching(number: eves.number, handle: "peter", watching: true, by: peter)
    }

    func testFilingChoosesTheAccountAndItsPlanDecidesTheKind() throws {
        let peter = try givePeterMoreAccounts()
        func file(_ kind: TicketKind, under organisation: String?) throws -> Ticket {
            try store.createTicket(
                NewTicket(subject: "Down \(kind) \(organisation ?? "-")", description: "It broke.", kind: kind, organisationName: organisation),
                by: peter, allowDuplicate: true)
        }
        XCTAssertEqual(try file(.incident, under: nil).organisationID, f.proCo.id, "the primary account by default")
        XCTAssertEqual(try file(.incident, under: "BIG CO").organisationID, f.bigCo.id)
        // Free Co's plan refuses incidents even though his other accounts allow them.
        XCTAssertDeskError(try file(.incident, under: "Free Co"), .incidentNotInPlan(organisation: "Free Co"))
        XCTAssertEqual(try file(.question, under: "Free Co").organisationID, f.freeCo.id)
        // An organisation he does not belong to, existing or not, is refused the same way.
        for name in ["Nowhere Ltd", "Pro Co "] {
            XCTAssertDeskError(try file(.question, under: name), .refused(.model(
                "{handle} has no account with {organisation}", ["handle": .text("peter"), "organisation": .text(name)])))
        }
        XCTAssertDeskError(
            try store.createTicket(NewTicket(subject: "x", description: "y", kind: .question, organisationName: "Big Co"), by: f.pia, allowDuplicate: true),
            .refused(.model("{handle} has no account with {organisation}", ["handle": .text("pia"), "organisation": .text("Big Co")])))
        XCTAssertEqual(try f.count("ticket"), 3, "refusals wrote nothing")
        // Erin sees Peter's Big Co ticket through her organisation; Pia (Pro Co) does not.
        let bigCoTicket = try XCTUnwrap(try f.numbers(.all, f.erin).first)
        XCTAssertDeskError(try store.ticket(number: bigCoTicket, viewer: f.pia), .ticketNotFound(number: bigCoTicket))
        XCTAssertEqual(try f.numbers(.all, f.paula).count, 1, "Paula sees Pro Co's, not Big Co's or Free Co's")
    }

    func testTheViewNarrowsToOneAccountWithOrg() throws {
        let peter = try givePeterMoreAccounts()
        let own = try f.ticket("Mine at Pro", by: peter)
        let eves = try f.ticket("Eve's", by: f.eve)
        func narrowed(_ filter: String) throws -> [Int64] {
            let request = PageRequest(view: .all, order: .newestFirst, limit: 100, filter: try TicketQuery.parse(filter).filter)
            return try store.page(request, viewer: peter).rows.map(\.number)
        }
        XCTAssertEqual(try narrowed(""), [eves.number, own.number])
        XCTAssertEqual(try narrowed("org:\"Big Co\""), [eves.number])
        XCTAssertEqual(try narrowed("org:\"Pro Co\""), [own.number])
        XCTAssertEqual(try store.page(PageRequest(view: .all, limit: 10), viewer: peter).rows.map(\.organisationName), ["Big Co", "Pro Co"])
    }

    func testRemovingAnAccountHidesItsTicketsAgain() throws {
        _ = try givePeterMoreAccounts()
        let eves = try f.ticket("Printer jam", by: f.eve)
        try store.removeAccount(handle: "peter", organisation: "Big Co", by: nil)
        let peter = try store.viewer(handle: "peter")
        XCTAssertEqual(peter.accounts.map(\.organisation.name), ["Pro Co", "Free Co"])
        XCTAssertDeskError(try store.ticket(number: eves.number, viewer: peter), .ticketNotFound(number: eves.number))
        XCTAssertEqual(try f.numbers(.all, peter), [])
        // The primary account removed: the next one takes its place.
        try store.removeAccount(handle: "peter", organisation: "Pro Co", by: nil)
        let moved = try store.viewer(handle: "peter")
        XCTAssertEqual(moved.user.organisationID, f.freeCo.id)
        XCTAssertEqual(moved.accounts.map(\.organisation.name), ["Free Co"])
        XCTAssertEqual(moved.plan, .free)
        XCTAssertDeskError(try store.removeAccount(handle: "peter", organisation: "Free Co", by: nil), .refused(.model(
            "{organisation} is {handle}'s only account: a customer belongs to at least one organisation",
            ["handle": .text("peter"), "organisation": .text("Free Co")])))
    }

    func testAccountsAreForCustomersAndNotTwice() throws {
        XCTAssertDeskError(try store.addAccount(handle: "alice", organisation: "Big Co", caseAccess: .own, by: nil),
                           .refused(.model("Only customers belong to an organisation")))
        XCTAssertDeskError(try store.addAccount(handle: "peter", organisation: "Pro Co", caseAccess: .own, by: nil), .refused(.model(
            "{handle} already has an account with {organisation}", ["handle": .text("peter"), "organisation": .text("Pro Co")])))
        XCTAssertDeskError(try store.addAccount(handle: "peter", organisation: "Nope", caseAccess: .own, by: nil), .organisationNotFound(name: "Nope"))
        XCTAssertDeskError(try store.addAccount(handle: "nobody", organisation: "Big Co", caseAccess: .own, by: nil), .userNotFound(handle: "nobody"))
        XCTAssertEqual(try f.count("account"), 0)
    }
}
