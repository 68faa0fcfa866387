import Foundation
import XCTest

@testable import DeskModel

/// Mail replies honour every account: a reply by mail lands on a ticket of the sender's second
/// organisation when that account sees it whole, and opens a new ticket once it does not.
final class StoreAccountMailTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.setMailSetting(key: MailSettings.addressKey, value: "support@desk.test", by: nil)
    }

    func testAReplyByMailReachesATicketOfTheSendersOtherOrganisation() throws {
        let eves = try f.ticket("Printer jam", by: f.eve)
        let hidden = try store.receiveMail(
            TestMail.make(from: "peter@example.com", subject: "Re: [Desk #\(eves.number)] Printer jam", body: "Same here.\n"), action: .correspond)
        XCTAssertEqual(hidden.outcome, .created, "Big Co is not his yet")

        _ = try store.addAccount(handle: "peter", organisation: "Big Co", caseAccess: .organisation, by: nil)
        let added = try store.receiveMail(
            TestMail.make(from: "peter@example.com", subject: "Re: [Desk #\(eves.number)] Printer jam", body: "Still jammed.\n"), action: .correspond)
        XCTAssertEqual(added.outcome, .added)
        XCTAssertEqual(added.ticketNumber, eves.number)
        let reply = try XCTUnwrap(try store.detail(number: eves.number, viewer: f.alice).messages.last { $0.kind == .reply })
        XCTAssertEqual(reply.body, "Still jammed.")
        XCTAssertEqual(reply.authorID, f.peter.id)

        try store.setAccountAccess(handle: "peter", organisation: "Big Co", caseAccess: .own, by: nil)
        let own = try store.receiveMail(
            TestMail.make(from: "peter@example.com", subject: "Re: [Desk #\(eves.number)] Printer jam", body: "Hello?\n"), action: .correspond)
        XCTAssertEqual(own.outcome, .created, "own access in Big Co: Eve's ticket is hidden again")
    }
}
