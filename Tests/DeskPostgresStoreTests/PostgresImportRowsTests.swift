import DeskModel
import DeskPostgres
import Foundation
import XCTest

@testable import DeskPostgresStore

/// The rows an import reads and writes on PostgreSQL, as on SQLite.
final class PostgresImportRowsTests: XCTestCase {
    private var db: PostgresConnection!

    override func setUpWithError() throws {
        db = try ScratchDatabase(self).connectToDesk()
    }

    private var rows: PostgresRows { PostgresRows(db: db, forWrite: true) }

    func testPeopleAndOrganisationsOldestFirstNamesComparedIgnoringASCIICase() throws {
        let acme = try rows.insertImportedOrganisation(name: "Acme Été", plan: .pro, tier: .priority)
        let zeta = try rows.insertImportedOrganisation(name: "Zeta", plan: .free, tier: .standard)
        XCTAssertEqual(try rows.organisation(matchingName: "ACME Été"), Organisation(id: acme, name: "Acme Été", plan: .pro, tier: .priority))
        // Only ASCII letters fold, as SQLite's NOCASE: "É" is another name than "é".
        XCTAssertNil(try rows.organisation(matchingName: "acme ÉTÉ"))
        XCTAssertEqual(try rows.knownOrganisations().map(\.id), [acme, zeta])

        let zed = try rows.insertImportedUser(
            handle: "zed", name: "Zed", email: "zed@acme.test", role: .customer, organisationID: acme, caseAccess: .organisation)
        let amy = try rows.insertImportedUser(handle: "amy", name: "Amy", email: "", role: .agent, organisationID: nil, caseAccess: .own)
        XCTAssertEqual(try rows.knownUsers(), [
            User(id: zed, handle: "zed", name: "Zed", email: "zed@acme.test", role: .customer, organisationID: acme, caseAccess: .organisation),
            User(id: amy, handle: "amy", name: "Amy", email: "", role: .agent, organisationID: nil, caseAccess: .own),
        ])

        try rows.linkImportAuthor(key: "zed@acme.test", userID: zed, replacing: false)
        try rows.linkImportAuthor(key: "zed@acme.test", userID: amy, replacing: false)
        try rows.linkImportAuthor(key: "amy", userID: zed, replacing: false)
        try rows.linkImportAuthor(key: "amy", userID: amy, replacing: true)
        XCTAssertEqual(try rows.knownImportAuthors().map { "\($0.key)=\($0.userID)" }, ["amy=\(amy)", "zed@acme.test=\(zed)"])
    }

    func testAnImportSourceIsFoundByItsExternalIDWhichIsUnique() throws {
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        let ticket = try DeskRows.ticket(db, requester: camille)
        let other = try DeskRows.ticket(db, requester: camille)
        let reply = try DeskRows.message(db, ticket: ticket.id, author: camille, body: "Again")

        XCTAssertNil(try rows.importSource(externalID: "<a@x>"))
        try rows.insertImportSource(ImportSourceRow(externalID: "<a@x>", ticketID: ticket.id, messageID: nil))
        XCTAssertEqual(try rows.importSource(externalID: "<a@x>"), ImportSourceRow(externalID: "<a@x>", ticketID: ticket.id, messageID: nil))
        try rows.insertImportSource(ImportSourceRow(externalID: "<b@x>", ticketID: ticket.id, messageID: reply))
        XCTAssertEqual(try rows.importSource(externalID: "<b@x>")?.messageID, reply)
        XCTAssertThrowsError(try rows.insertImportSource(ImportSourceRow(externalID: "<a@x>", ticketID: other.id, messageID: nil)))
    }

    func testImportSourcesAreFoundManyAtOnceBeyondOneStatementsThousandIDs() throws {
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        let ticket = try DeskRows.ticket(db, requester: camille)
        let reply = try DeskRows.message(db, ticket: ticket.id, author: camille, body: "Again")
        for index in 0..<1_200 {
            try rows.insertImportSource(ImportSourceRow(externalID: "m-\(index)", ticketID: ticket.id, messageID: index == 7 ? reply : nil))
        }
        let asked = (0..<1_300).map { "m-\($0)" }.reversed()
        let found = try rows.importSources(externalIDs: Array(asked))
        XCTAssertEqual(Set(found.map(\.externalID)), Set((0..<1_200).map { "m-\($0)" }), "the 100 ids the desk lacks are left out")
        XCTAssertEqual(found.count, 1_200)
        XCTAssertEqual(found.first { $0.externalID == "m-7" }, ImportSourceRow(externalID: "m-7", ticketID: ticket.id, messageID: reply))
        XCTAssertEqual(found.first { $0.externalID == "m-8" }, ImportSourceRow(externalID: "m-8", ticketID: ticket.id, messageID: nil))
        XCTAssertEqual(try rows.importSources(externalIDs: []), [])
    }

    func testThreadsRepliesAndTheTicketAnImportUpdates() throws {
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")
        let nadia = try DeskRows.user(db, handle: "nadia", role: "agent")
        let now = DeskRows.now
        let ticket = try DeskRows.ticket(db, requester: camille)
        let older = try DeskRows.ticket(db, requester: camille)
        try db.execute("UPDATE ticket SET created_at = $2 - 100, updated_at = $2 - 10 WHERE id = $1", [.int(older.id), .int(now)])

        try rows.saveImportThread(ticketID: older.id, subjectKey: "printer")
        try rows.saveImportThread(ticketID: ticket.id, subjectKey: "scanner")
        try rows.saveImportThread(ticketID: ticket.id, subjectKey: "printer")
        let at = { (seconds: Int64) in Date(timeIntervalSince1970: TimeInterval(seconds)) }
        // The most recently updated first; a ticket created later or idle before the window is not the thread.
        XCTAssertEqual(try rows.importThreadTicket(subjectKey: "printer", createdBy: at(now), updatedSince: at(now - 50)), ticket.id)
        XCTAssertEqual(try rows.importThreadTicket(subjectKey: "printer", createdBy: at(now - 1), updatedSince: at(now - 50)), older.id)
        XCTAssertNil(try rows.importThreadTicket(subjectKey: "printer", createdBy: at(now - 1), updatedSince: at(now - 5)))
        XCTAssertNil(try rows.importThreadTicket(subjectKey: "scanner", createdBy: at(now), updatedSince: at(0)))

        XCTAssertNil(try rows.lastReply(ticketID: ticket.id))
        XCTAssertFalse(try rows.hasReply(ticketID: ticket.id, byAuthorWithRoleIn: [.customer, .agent]))
        let question = try rows.insertImportedReply(ticketID: ticket.id, authorID: camille, body: "Hello", createdAt: at(now + 5).addingTimeInterval(0.7))
        let answer = try rows.insertImportedReply(ticketID: ticket.id, authorID: nadia, body: "Hi", createdAt: at(now + 5))
        try rows.setReplyParent(messageID: answer, parentID: question)
        XCTAssertEqual(
            try db.query("SELECT in_reply_to_id, created_at, kind FROM message WHERE id = $1", [.int(answer)])[0].decode(Int64?.self, at: 0),
            question)
        // Whole seconds, and of two replies in one second the later row is the last.
        XCTAssertEqual(try rows.lastReply(ticketID: ticket.id), ImportedReplyRow(createdAt: at(now + 5), authorRole: .agent))
        XCTAssertTrue(try rows.hasReply(ticketID: ticket.id, byAuthorWithRoleIn: [.agent, .admin]))
        XCTAssertFalse(try rows.hasReply(ticketID: ticket.id, byAuthorWithRoleIn: [.admin]))
        XCTAssertFalse(try rows.hasReply(ticketID: ticket.id, byAuthorWithRoleIn: []))

        try rows.updateImportedTicket(ticket.id, status: .awaitingCustomer, assigneeID: nadia, updatedAt: at(now + 5), publicUpdatedAt: at(now + 4))
        XCTAssertEqual(try rows.importedTicket(id: ticket.id), ImportedTicketRow(
            id: ticket.id, status: .awaitingCustomer, requesterID: camille, assigneeID: nadia, createdAt: at(now),
            updatedAt: at(now + 5), publicUpdatedAt: at(now + 4)))
        try rows.updateImportedTicket(ticket.id, status: .open, assigneeID: nil, updatedAt: at(now + 6), publicUpdatedAt: at(now + 6))
        XCTAssertEqual(try rows.importedTicket(id: ticket.id)?.assigneeID, nil)
        XCTAssertNil(try rows.importedTicket(id: ticket.id + 100))

        // A ticket the import opened: status, assignee, times, due times and triage key at once.
        let due = TicketDue(firstResponseDue: at(now + 3_600), resolutionDue: at(now + 86_400), firstResponseLeft: nil, resolutionLeft: 120)
        try rows.finishImportedTicket(
            ticket.id, status: .awaitingCustomer, assigneeID: nadia, updatedAt: at(now + 7), publicUpdatedAt: at(now + 7), due: due, triageKey: 42,
            firstResponseAt: at(now + 2))
        XCTAssertEqual(try rows.importedTicket(id: ticket.id), ImportedTicketRow(
            id: ticket.id, status: .awaitingCustomer, requesterID: camille, assigneeID: nadia, createdAt: at(now),
            updatedAt: at(now + 7), publicUpdatedAt: at(now + 7)))
        let clock = try db.query(
            "SELECT first_response_due, resolution_due, first_response_left, resolution_left, due_at, triage_key, first_response_at FROM ticket WHERE id = $1",
            [.int(ticket.id)])[0]
        XCTAssertEqual(try (0..<7).map { try clock.decode(Int64?.self, at: $0) }, [
            now + 3_600, now + 86_400, nil, 120, now + 3_600, 42, now + 2,
        ])
    }
}
