import DeskModel
import Foundation
import XCTest

/// What customers may see and do: other organisations' tickets do not exist for them, and
/// internal notes never reach them, not even through search.
final class PermissionCLITests: XCTestCase {
    /// ann (Acme, own cases) opens #1; bob answers publicly and leaves an internal note;
    /// carl (Acme, organisation access) opens #2.
    private func deskWithNotes() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "It jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["reply", "1", "--internal"], user: "bob", stdin: "The quokka driver is to blame."), "Note 1 added to #1 (new)\n")
        assertSucceeded(desk.run(["reply", "1"], user: "bob", stdin: "A public answer about toner."), "Reply 2 sent to #1 (open)\n")
        assertSucceeded(desk.run(["new", "--subject", "Invoice copy", "--body-file", "-"], user: "carl", stdin: "Please."), "Created ticket #2\n")
        return desk
    }

    func testAnotherOrganisationsTicketLooksExactlyLikeAMissingOne() throws {
        let desk = try deskWithNotes()
        let attachment = try desk.write("note.txt", "hello")
        func probes(_ number: String) -> [[String]] {
            [
                ["show", number], ["show", number, "--format", "json"], ["reply", number], ["reply", number, "--in-reply-to", "2"],
                ["status", number, "closed"], ["watch", number], ["unwatch", number], ["attach", number, attachment],
                ["new", "--subject", "Follow", "--follow-up-of", number, "--body-file", "-"], ["list", "--after", number],
            ]
        }
        let before = try desk.ticket(1, as: "bob")
        for (existing, missing) in zip(probes("1"), probes("99")) {
            let seen = desk.run(existing, user: "olga", stdin: "Let me in")
            let unseen = desk.run(missing, user: "olga", stdin: "Let me in")
            assertRefused(seen, "Ticket #1 not found")
            assertRefused(unseen, "Ticket #99 not found")
            XCTAssertEqual(seen.stderr.replacingOccurrences(of: "#1 ", with: "#N "), unseen.stderr.replacingOccurrences(of: "#99 ", with: "#N "), "\(existing)")
        }
        // ann sees only her own cases; carl, the organisation's contact, sees ann's too.
        assertRefused(desk.run(["show", "2"], user: "ann"), "Ticket #2 not found")
        XCTAssertEqual(try desk.ticket(1, as: "carl").requester, "ann")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "olga"), [])
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "ann"), [1])
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "carl"), [2, 1])

        // olga's attempts left no trace.
        let after = try desk.ticket(1, as: "bob")
        XCTAssertEqual(after, before)
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [2, 1])
    }

    func testCustomersNeverSeeInternalNotes() throws {
        let desk = try deskWithNotes()
        for customer in ["ann", "carl"] {
            let json = desk.run(["show", "1", "--format", "json"], user: customer)
            XCTAssertEqual(json.status, 0, "\(json)")
            XCTAssertFalse(json.stdout.contains("quokka"), json.stdout)
            XCTAssertFalse(json.stdout.contains("internalNote"), json.stdout)
            let ticket = try JSONDecoder.desk.decode(TicketJSON.self, from: json.stdoutData)
            // New and open are both "Open" to a customer: the event says the ticket was taken.
            XCTAssertEqual(ticket.history, ["reply bob: A public answer about toner.", "systemEvent bob: Taken in hand by bob"])
            XCTAssertEqual(ticket.messages.map(\.id), [2, 3])

            let text = desk.run(["show", "1"], user: customer)
            XCTAssertEqual(text.status, 0)
            XCTAssertFalse(text.stdout.contains("quokka"), text.stdout)
            XCTAssertFalse(text.stdout.contains("INTERNAL"), text.stdout)
            XCTAssertTrue(text.stdout.contains("History (2 messages)"), text.stdout)
        }
        let agent = try desk.ticket(1, as: "bob")
        XCTAssertEqual(agent.history, [
            "internalNote bob: The quokka driver is to blame.",
            "reply bob: A public answer about toner.",
            "systemEvent bob: Status New → Open by bob",
        ])
        let text = desk.run(["show", "1"], user: "dora")
        XCTAssertTrue(text.stdout.contains("History (3 messages)"), text.stdout)
        XCTAssertTrue(text.lines.contains { $0.hasPrefix("● [1] Bob Agent (agent) · ") && $0.hasSuffix(" INTERNAL NOTE") }, text.stdout)
        XCTAssertTrue(text.lines.contains("  The quokka driver is to blame."), text.stdout)
    }

    func testSearchRespectsWhatTheViewerMaySee() throws {
        let desk = try deskWithNotes()
        assertSucceeded(desk.run(["search", "quokka"], user: "ann"), "No tickets match\n")
        assertSucceeded(desk.run(["search", "quokka"], user: "carl"), "No tickets match\n")
        XCTAssertEqual(try searchNumbers(desk, "quokka", as: "bob"), [1])
        XCTAssertEqual(try searchNumbers(desk, "quok", as: "dora"), [1]) // the last word is a prefix
        // Public replies are found by customers who may see the ticket, and only by them.
        XCTAssertEqual(try searchNumbers(desk, "toner", as: "ann"), [1])
        XCTAssertEqual(try searchNumbers(desk, "toner", as: "olga"), [])
        XCTAssertEqual(try searchNumbers(desk, "invoice", as: "ann"), [])
        XCTAssertEqual(try searchNumbers(desk, "invoice", as: "carl"), [2])

        let table = desk.run(["search", "quokka"], user: "bob", columns: 80)
        XCTAssertEqual(table.status, 0)
        XCTAssertEqual(normalizingAges(table.stdout), """
            #  STATUS  URGENCY  SUBJECT       REQUESTER  ORGANISATION  UPDATED  DUE
            1  Open    none     Printer jams  ann        Acme Corp AGE AGE

            """)
        // Query syntax is plain text, never an FTS error.
        assertSucceeded(desk.run(["search", "\"AND* :("], user: "bob"), "No tickets match\n")
    }

    func testSearchIgnoresAccents() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Réunion à l'école", "--body-file", "-"], user: "ann", stdin: "Salle fermée."), "Created ticket #1\n")
        assertSucceeded(desk.run(["new", "--subject", "Ecole primaire", "--body-file", "-"], user: "carl", stdin: "Inscription."), "Created ticket #2\n")
        XCTAssertEqual(try searchNumbers(desk, "ecole", as: "bob"), [2, 1])
        XCTAssertEqual(try searchNumbers(desk, "ÉCOLE", as: "bob"), [2, 1])
        XCTAssertEqual(try searchNumbers(desk, "ecole", as: "ann"), [1])
        XCTAssertEqual(try searchNumbers(desk, "fermee", as: "ann"), [1])
        let json = try JSONDecoder.desk.decode(TicketListJSON.self, from: desk.run(["search", "ecole", "--format", "json"], user: "ann").stdoutData)
        XCTAssertEqual(json.query, "ecole")
        XCTAssertEqual(json.tickets.map(\.subject), ["Réunion à l'école"])
    }

    private func searchNumbers(_ desk: TempDesk, _ query: String, as user: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Int64] {
        let result = desk.run(["search", query, "--format", "json"], user: user)
        XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
        return try JSONDecoder.desk.decode(TicketListJSON.self, from: result.stdoutData).tickets.map(\.number)
    }
}
