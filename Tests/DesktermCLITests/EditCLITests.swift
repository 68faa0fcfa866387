import DeskModel
import Foundation
import XCTest

/// `deskterm edit` (#13), on the command line and over SSH.
final class EditCLITests: XCTestCase {
    func testRequesterEditsOwnTicketAndTheHistoryShowsOldAndNewValues() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--urgency", "low", "--body-file", "-"], user: "ann", stdin: "It jams."),
                        "Created ticket #1\n")
        assertSucceeded(
            desk.run(["edit", "1", "--subject", "Printer jams on tray 2", "--urgency", "critical", "--description", "-"],
                     user: "ann", stdin: "Tray 2 jams on every page."),
            "#1 edited: subject, description, urgency\n")
        let ticket = try desk.ticket(1, as: "bob")
        XCTAssertEqual([ticket.subject, ticket.description, ticket.urgency], ["Printer jams on tray 2", "Tray 2 jams on every page.", "critical"])
        XCTAssertEqual(ticket.messages.map(\.summary), [
            "systemEvent ann: Edited by ann: subject “Printer jams” → “Printer jams on tray 2”",
            "systemEvent ann: Edited by ann: description “It jams.” → “Tray 2 jams on every page.”",
            "systemEvent ann: Edited by ann: urgency low → critical",
        ])
        // The event's facts for scripts.
        let json = desk.run(["show", "1", "--format", "json"], user: "ann").stdout
        XCTAssertTrue(json.contains(#""field" : "urgency""#), json)
        XCTAssertTrue(json.contains(#""kind" : "edited""#), json)
        // Over SSH too, with the description from standard input.
        let ssh = desk.ssh("edit 1 --contact email --product Printers", as: "ann")
        XCTAssertEqual(ssh.stdout, "#1 edited: product, contact\n", "\(ssh)")
        XCTAssertEqual(try desk.ticket(1, as: "ann").contact, "email")
    }

    func testRefusals() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "x"), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Label blank", "--body-file", "-"], user: "olga", stdin: "x"), "Created ticket #2\n")
        // Carl sees Acme's tickets as its support contact, but did not open this one.
        assertRefused(desk.run(["edit", "1", "--urgency", "serious"], user: "carl"),
                      "Only the requester of ticket #1 may edit it; reply to it instead")
        assertRefused(desk.run(["edit", "2", "--urgency", "serious"], user: "ann"), "Ticket #2 not found")
        assertRefused(desk.run(["edit", "1", "--kind", "incident"], user: "ann"), "The kind of ticket #1 is set by the support team")
        assertRefused(desk.run(["edit", "1", "--subject", "Printer jams"], user: "ann"),
                      "Nothing to change on ticket #1: it already has these values")
        assertRefused(desk.run(["edit", "1"], user: "ann"),
                      "Give at least one field to change: --subject, --description, --kind, --product, --category, --subcategory, --urgency or --contact")
        assertSucceeded(desk.run(["edit", "1", "--kind", "incident"], user: "bob"), "#1 edited: kind\n")
        assertSucceeded(desk.run(["status", "1", "closed"], user: "bob"), "#1 is now closed\n")
        assertRefused(desk.run(["edit", "1", "--subject", "Again"], user: "bob"),
                      "Ticket #1 is closed and can no longer be edited; open a follow-up instead")
        // Over SSH, the description never comes from one of the server's files.
        let ssh = desk.ssh("edit 2 --description /etc/passwd", as: "olga")
        XCTAssertEqual(ssh.status, 2, "\(ssh)")
        XCTAssertEqual(ssh.stderr, "deskterm: --description takes only - over SSH: the text comes from standard input\n")
        XCTAssertEqual(try desk.ticket(2, as: "olga").description, "x")
    }
}
