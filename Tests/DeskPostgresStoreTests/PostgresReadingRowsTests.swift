import DeskModel
import DeskPostgres
import Foundation
import XCTest

@testable import DeskPostgresStore

/// The reading rows of one ticket on PostgreSQL: orders, the outline with bodies near its
/// ends, and what a customer never receives.
final class PostgresReadingRowsTests: XCTestCase {
    private var db: PostgresConnection!
    private var agent: Int64 = 0
    private var customer: Int64 = 0
    private var ticket: (id: Int64, number: Int64) = (0, 0)

    override func setUpWithError() throws {
        db = try ScratchDatabase(self).connectToDesk()
        agent = try DeskRows.user(db, handle: "nadia", role: "agent")
        customer = try DeskRows.user(db, handle: "camille", role: "customer")
        ticket = try DeskRows.ticket(db, requester: customer)
    }

    private var rows: PostgresRows { PostgresRows(db: db, forWrite: false) }
    private let customerView = TicketVisibility.customer(userID: 0, organisationID: nil)

    /// A message by `author` (the agent by default); events have none.
    @discardableResult
    private func message(
        _ kind: String, body: String, at seconds: Int64, author: Int64? = nil, parent: Int64? = nil, event: String? = nil
    ) throws -> Int64 {
        try db.query(
            """
            INSERT INTO message (ticket_id, kind, author_id, body, created_at, in_reply_to_id, event)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            [.int(ticket.id), .text(kind), .optional(kind == "systemEvent" ? nil : author ?? agent, PostgresValue.int), .text(body), .int(seconds),
             .optional(parent, PostgresValue.int), .optional(event, PostgresValue.text)])[0].decode(at: 0)
    }

    func testTheWholeHistoryIsInTimeOrderThenByIdWithoutNotesForACustomer() throws {
        let late = try message("reply", body: "Second", at: 200)
        let first = try message("reply", body: "First", at: 100, author: customer)
        let note = try message("internalNote", body: "Secret", at: 150)
        let tie = try message("reply", body: "Same second", at: 200, parent: first)

        let staff = try rows.history(ticketID: ticket.id, visibility: .everything, bodies: .all)
        XCTAssertEqual(staff.messages.map(\.id), [first, note, late, tie])
        XCTAssertEqual(staff.messages.map(\.body), ["First", "Secret", "Second", "Same second"])
        XCTAssertEqual(staff.messages[3].inReplyToID, first)
        XCTAssertEqual(staff.messages[0].authorID, customer)
        XCTAssertEqual(staff.messages[0].createdAt, Date(timeIntervalSince1970: 100))
        XCTAssertEqual(staff.unloadedBodies, [:])

        let shown = try rows.history(ticketID: ticket.id, visibility: customerView, bodies: .all)
        XCTAssertEqual(shown.messages.map(\.id), [first, late, tie])
    }

    func testTheOutlineCarriesTheBodiesNearItsEndsEventsWholeAndTheLengthOfTheRest() throws {
        let event = SystemEvent.statusChanged(from: .new, to: .open, actor: "nadia")
        var replies: [Int64] = []
        for index in 0..<7 {
            replies.append(try message("reply", body: "Réponse \(index)", at: 100 + Int64(index)))
            if index == 3 { try message("systemEvent", body: "Status: open", at: 103, event: event.payload) }
        }
        let history = try rows.history(ticketID: ticket.id, visibility: .everything, bodies: .nearEnds(count: 2))

        XCTAssertEqual(history.messages.map(\.body), ["Réponse 0", "Réponse 1", "", "", "Status: open", "", "Réponse 5", "Réponse 6"])
        XCTAssertEqual(history.messages[4].event, event)
        XCTAssertEqual(history.messages[4].authorID, nil)
        // Characters, not bytes: "Réponse 2" is 9 characters, 10 bytes.
        XCTAssertEqual(history.unloadedBodies, [replies[2]: 9, replies[3]: 9, replies[4]: 9])

        let short = try rows.history(ticketID: ticket.id, visibility: .everything, bodies: .nearEnds(count: 4))
        XCTAssertEqual(short.unloadedBodies, [:])
        XCTAssertEqual(short.messages.map(\.body), try rows.history(ticketID: ticket.id, visibility: .everything, bodies: .all).messages.map(\.body))
    }

    func testACustomerNeverReceivesANoteNotEvenAsAnOutlineRowOrABody() throws {
        let reply = try message("reply", body: "Public", at: 100)
        let note = try message("internalNote", body: "Secret", at: 101)
        for index in 0..<5 { try message("reply", body: "More \(index)", at: 102 + Int64(index)) }

        let outline = try rows.history(ticketID: ticket.id, visibility: customerView, bodies: .nearEnds(count: 1))
        XCTAssertFalse(outline.messages.contains { $0.id == note })
        XCTAssertNil(outline.unloadedBodies[note])
        XCTAssertEqual(outline.messages.count, 6)
        XCTAssertEqual(outline.unloadedBodies.count, 4)

        XCTAssertEqual(try rows.messageBodies(ticketID: ticket.id, ids: [reply, note], visibility: customerView), [reply: "Public"])
        XCTAssertEqual(
            try rows.messageBodies(ticketID: ticket.id, ids: [reply, note], visibility: .everything), [reply: "Public", note: "Secret"])
    }

    func testBodiesAreReadOnlyFromTheTicketAsked() throws {
        let reply = try message("reply", body: "Mine", at: 100)
        let other = try DeskRows.ticket(db, requester: agent)
        let foreign = try DeskRows.message(db, ticket: other.id, author: agent, body: "Not this ticket's")
        XCTAssertEqual(try rows.messageBodies(ticketID: ticket.id, ids: [reply, foreign], visibility: .everything), [reply: "Mine"])
        XCTAssertEqual(try rows.messageBodies(ticketID: ticket.id, ids: [], visibility: .everything), [:])
    }

    func testFilesOnNotesAreLeftOutForCustomersAndBytesComeBackExactly() throws {
        let note = try message("internalNote", body: "See log", at: 100)
        let reply = try message("reply", body: "Screenshot", at: 100)
        func attach(_ name: String, message: Int64?, at seconds: Int64, data: Data) throws -> Int64 {
            try db.query(
                """
                INSERT INTO attachment (ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
                VALUES ($1, $2, $3, 'application/octet-stream', $4, 'ab', $5, $6, $7) RETURNING id
                """,
                [.int(ticket.id), .optional(message, PostgresValue.int), .text(name), .int(Int64(data.count)), .int(agent),
                 .int(seconds), .bytes(data)])[0].decode(at: 0)
        }
        let log = try attach("log.txt", message: note, at: 100, data: Data("log".utf8))
        let screenshot = try attach("screen.png", message: reply, at: 100, data: Data([0, 1, 0, 255]))
        let loose = try attach("form.pdf", message: nil, at: 90, data: Data())

        let staff = try rows.attachments(ticketID: ticket.id, visibility: .everything)
        XCTAssertEqual(staff.map(\.id), [loose, log, screenshot])
        XCTAssertEqual(staff[2], Attachment(
            id: screenshot, ticketID: ticket.id, messageID: reply, name: "screen.png", mediaType: "application/octet-stream",
            size: 4, sha256: "ab", uploaderID: agent, createdAt: Date(timeIntervalSince1970: 100)))
        XCTAssertEqual(try rows.attachments(ticketID: ticket.id, visibility: customerView).map(\.id), [loose, screenshot])
        XCTAssertEqual(try rows.attachmentBytes(id: screenshot), Data([0, 1, 0, 255]))
        XCTAssertEqual(try rows.attachmentBytes(id: loose), Data())
        XCTAssertNil(try rows.attachmentBytes(id: screenshot + 100))
    }

    func testWatchersByHandleNumbersAndImportSources() throws {
        let zoe = try DeskRows.user(db, handle: "zoe", role: "customer")
        for user in [zoe, agent, customer] {
            try db.execute("INSERT INTO watcher (ticket_id, user_id) VALUES ($1, $2)", [.int(ticket.id), .int(user)])
        }
        XCTAssertEqual(try rows.watchers(ticketID: ticket.id).map(\.handle), ["camille", "nadia", "zoe"])
        XCTAssertEqual(try rows.watchers(ticketID: ticket.id)[2], User(
            id: zoe, handle: "zoe", name: "zoe", email: "zoe@example.com", role: .customer, organisationID: nil, caseAccess: .own))

        XCTAssertEqual(try rows.ticketNumber(id: ticket.id), ticket.number)
        XCTAssertNil(try rows.ticketNumber(id: ticket.id + 100))

        let reply = try message("reply", body: "Imported", at: 100)
        try db.execute("INSERT INTO import_source (external_id, ticket_id, message_id) VALUES ('<root@x>', $1, NULL)", [.int(ticket.id)])
        try db.execute("INSERT INTO import_source (external_id, ticket_id, message_id) VALUES ('<r@x>', $1, $2)", [.int(ticket.id), .int(reply)])
        let sources = try rows.importSources(ticketID: ticket.id)
        XCTAssertEqual(sources.ticket, "<root@x>")
        XCTAssertEqual(sources.messages, [reply: "<r@x>"])
    }
}
