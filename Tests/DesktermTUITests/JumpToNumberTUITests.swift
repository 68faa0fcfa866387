import DeskModel
import Foundation
import XCTest

/// Going to a ticket by number in the real client: `#` digits Enter, `#N` in search, and a
/// number the customer may not see answering like one that does not exist.
final class JumpToNumberTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    func testHashDigitsEnterOpenTheTicketAndAMissingOneIsSaid() throws {
        let all = try desk.list(view: "all", as: "sam").numbers
        let target = try XCTUnwrap(all.dropFirst(5).first)
        let subject = String(asDrawn(try desk.ticket(target).subject).prefix(12))
        try client.start()
        try client.waitForList()
        client.press("#")
        try client.wait(forText: "Go to ticket #")
        client.type(String(target))
        try client.wait(forText: "Go to ticket #\(target)")
        client.press("Enter")
        try client.wait(for: "ticket #\(target) open") { $0.contains("#\(target) \(subject)") }

        // A number no ticket has.
        client.press("#")
        client.type("99999")
        client.press("Enter")
        try client.wait(for: "the missing ticket") { $0.bottomLine.contains("No ticket #99999") }

        // `#N` in search offers the ticket; Enter goes there.
        client.press("Escape")
        client.press("/")
        client.type("#\(target)")
        try client.wait(forText: "Enter: go to ticket #\(target)")
        client.press("Enter")
        try client.wait(for: "ticket #\(target) from search") { $0.contains("#\(target) \(subject)") && !$0.contains("Search:") }
    }

    func testACustomerGoingToAnotherOrganisationsTicketHearsItDoesNotExist() throws {
        let customer = "meg"
        let mine = Set(try desk.list(view: "all", as: customer).numbers)
        let hidden = try XCTUnwrap(try desk.list(view: "all", as: "sam").numbers.first { !mine.contains($0) })
        try client.start(user: customer)
        try client.waitForList()
        client.press("#")
        client.type(String(hidden))
        client.press("Enter")
        try client.wait(for: "the hidden ticket") { $0.bottomLine.contains("No ticket #\(hidden)") }
        client.press("#")
        client.type("99999")
        client.press("Enter")
        try client.wait(for: "the missing ticket") { $0.bottomLine.contains("No ticket #99999") }
    }
}
