import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Every read and write is scoped by the viewer: what a customer may not see does not exist.
final class StorePermissionTests: StoreTestCase {
    /// #1 peter (Pro Co), #2 eve (Big Co), #3 pia (Pro Co), #4 erin (Big Co, closed), #5 fred (Free Co).
    override func setUpWithError() throws {
        try super.setUpWithError()
        try f.ticket("Printer jams", by: f.peter)
        try f.ticket("Export fails", by: f.eve)
        try f.ticket("Report missing", by: f.pia)
        try f.ticket("Login slow", by: f.erin)
        try f.ticket("Billing question", by: f.fred, kind: .question)
        _ = try store.changeStatus(number: 4, to: .closed, by: f.alice)
    }

    var everyone: [Viewer] { [f.alice, f.bob, f.root, f.fred, f.paula, f.peter, f.pia, f.erin, f.eve] }

    func visibleNumbers(_ viewer: Viewer) -> [Int64] {
        (1...5).filter { (try? store.ticket(number: $0, viewer: viewer)) != nil }
    }

    func testWhoSeesWhat() throws {
        XCTAssertEqual(visibleNumbers(f.alice), [1, 2, 3, 4, 5])
        XCTAssertEqual(visibleNumbers(f.root), [1, 2, 3, 4, 5])
        XCTAssertEqual(visibleNumbers(f.paula), [1, 3])      // Pro Co's contact
        XCTAssertEqual(visibleNumbers(f.peter), [1])         // own access
        XCTAssertEqual(visibleNumbers(f.pia), [3])
        XCTAssertEqual(visibleNumbers(f.erin), [2, 4])       // Big Co's contact
        XCTAssertEqual(visibleNumbers(f.eve), [2])
        XCTAssertEqual(visibleNumbers(f.fred), [5])

        // A watcher of the same organisation sees the watched ticket, and only that one more.
        try store.setWatching(number: 3, handle: "peter", watching: true, by: f.alice)
        XCTAssertEqual(visibleNumbers(f.peter), [1, 3])
        try store.setWatching(number: 3, handle: "peter", watching: false, by: f.peter)
        XCTAssertEqual(visibleNumbers(f.peter), [1])
    }

    /// The backend's visibility (`TicketVisibility` as the backend compiles it, read through
    /// `DeskRows` as every backend implements them) and `Permissions.canSee` agree for every
    /// viewer and ticket: reading one ticket, the All view, the text index and snippet texts.
    func testVisibilitySQLAgreesWithPermissions() throws {
        try store.setWatching(number: 3, handle: "peter", watching: true, by: f.alice)
        try store.setWatching(number: 4, handle: "eve", watching: true, by: f.alice)
        let tickets = try (1...5).map { try store.ticket(number: $0, viewer: f.alice) }
        let watchers = try (1...5).map { try Set(store.detail(number: $0, viewer: f.alice).watchers.map(\.id)) }
        for viewer in everyone {
            let expected = Set(tickets.indices.filter { index in
                Permissions.canSee(viewer, ticket: tickets[index], isWatcher: watchers[index].contains(viewer.id))
            }.map { tickets[$0].number })
            let visibility = TicketVisibility(viewer)
            let now = f.clock.now
            let seen = try store.storage.readRows { rows in
                var one: Set<Int64> = []
                var found: Set<Int64> = []
                for ticket in tickets {
                    if try rows.ticket(number: ticket.number, visibility: visibility) != nil { one.insert(ticket.number) }
                    let words = try XCTUnwrap(SearchWords(typed: ticket.subject))
                    let query = TicketListQuery(PageRequest(view: .all), viewer: viewer, now: now)
                    found.formUnion(try rows.indexedSearch(words, query).map(\.number))
                }
                let all = TicketListQuery(PageRequest(view: .all), viewer: viewer, now: now)
                let listed = Set(try rows.ticketPage(all).rows.map(\.number))
                var texts: Set<Int64> = []
                try rows.visitSearchableTexts(ticketIDs: tickets.map(\.id), visibility: visibility, messageLimit: 10) { id, _ in
                    texts.insert(tickets.first { $0.id == id }!.number)
                }
                return (one: one, found: found, listed: listed, texts: texts)
            }
            let name = viewer.user.handle
            XCTAssertEqual(seen.one, expected, "\(name): one ticket")
            XCTAssertEqual(seen.found, expected, "\(name): text index")
            XCTAssertEqual(seen.listed, expected, "\(name): All view")
            XCTAssertEqual(seen.texts, expected, "\(name): snippet texts")
            XCTAssertEqual(Set(visibleNumbers(viewer)), expected, "\(name): through the desk")
        }
    }

    func testAnotherOrganisationsTicketIsReportedExactlyLikeANonexistentOne() throws {
        let hidden: Int64 = 2     // Big Co's, asked by peter of Pro Co
        let colleague: Int64 = 3  // Pro Co's but not peter's
        let missing: Int64 = 99
        let attachment = try store.attach(number: hidden, name: "a.txt", mediaType: "text/plain", data: Data("a".utf8), by: f.eve)
        _ = try store.changeStatus(number: hidden, to: .closed, by: f.alice) // closed must not leak either
        let before = try store.changeToken()

        func errors(_ number: Int64, _ viewer: Viewer) -> [DeskError?] {
            [
                deskError(try store.ticket(number: number, viewer: viewer)),
                deskError(try store.detail(number: number, viewer: viewer)),
                deskError(try f.reply(number, "hello", by: viewer)),
                deskError(try f.note(number, "hello", by: viewer)),
                deskError(try store.changeStatus(number: number, to: .closed, by: viewer)),
                deskError(try store.changeStatus(number: number, to: .open, by: viewer)),
                deskError(try store.assign(number: number, to: "alice", by: viewer)),
                deskError(try store.setWatching(number: number, handle: viewer.user.handle, watching: true, by: viewer)),
                deskError(try store.setWatching(number: number, handle: "ghost", watching: true, by: viewer)),
                deskError(try store.attach(number: number, name: "b.txt", mediaType: "text/plain", data: Data("b".utf8), by: viewer)),
                deskError(try store.recordViewed(number: number, viewer: viewer)),
                deskError(try store.saveDraft(Draft(slot: .reply(ticketNumber: number), body: "x", updatedAt: f.clock.now), viewer: viewer)),
                deskError(try f.ticket("Continue", by: viewer, followUpOf: number)),
            ]
        }
        for viewer in [f.peter, f.pia, f.fred, f.paula] {
            for number in [hidden, colleague, missing] where !visibleNumbers(viewer).contains(number) {
                let got = errors(number, viewer)
                XCTAssertEqual(got, Array(repeating: DeskError.ticketNotFound(number: number), count: got.count),
                               "\(viewer.user.handle) #\(number)")
            }
        }
        // Same wording, only the number differs.
        XCTAssertEqual(DeskError.ticketNotFound(number: hidden).message, "Ticket #2 not found")
        XCTAssertEqual(DeskError.ticketNotFound(number: missing).message, "Ticket #99 not found")
        // An attachment of a hidden ticket is reported like one that does not exist.
        XCTAssertDeskError(try store.attachmentData(id: attachment.id, viewer: f.peter), .refused(.model("No attachment {id}", ["id": .number(attachment.id)])))
        XCTAssertDeskError(try store.attachmentData(id: 999, viewer: f.peter), .refused(.model("No attachment {id}", ["id": .number(999)])))
        // Nothing was written by any of the refused calls.
        XCTAssertEqual(try store.changeToken(), before)
        XCTAssertEqual(try f.count("ticket"), 5)
        XCTAssertEqual(try f.count("draft"), 0)
        XCTAssertEqual(try f.count("recent_view"), 0)
        XCTAssertEqual(try f.count("attachment"), 1)
    }

    func testCustomerDetailHasNoInternalNotesNorTheirAttachments() throws {
        let question = try f.reply(1, "Which model?", by: f.alice)
        let note = try f.note(1, "Known firmware bug, see KB-12", by: f.bob)
        let answer = try f.reply(1, "The LX-200", by: f.peter)
        let publicFile = try store.attach(number: 1, name: "log.txt", mediaType: "text/plain", data: Data("log".utf8), by: f.peter)
        // The public API attaches to the ticket; a file on a note is set up directly.
        let noteFile = try f.sql { db -> AttachmentID in
            try db.execute(
                sql: """
                    INSERT INTO attachment(ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
                    VALUES (?, ?, 'kb12.pdf', 'application/pdf', 6, ?, ?, ?, ?)
                    """,
                arguments: [note.ticketID, note.id, SHA256.hexDigest(Data("secret".utf8)), f.bob.id,
                            f.clock.now.deskSeconds, Data("secret".utf8)])
            return db.lastInsertedRowID
        }
        let replyFile = try f.sql { db -> AttachmentID in
            try db.execute(
                sql: """
                    INSERT INTO attachment(ticket_id, message_id, name, media_type, size, sha256, uploader_id, created_at, data)
                    VALUES (?, ?, 'photo.png', 'image/png', 3, ?, ?, ?, ?)
                    """,
                arguments: [answer.ticketID, answer.id, SHA256.hexDigest(Data("png".utf8)), f.peter.id,
                            f.clock.now.deskSeconds, Data("png".utf8)])
            return db.lastInsertedRowID
        }

        let agentView = try store.detail(number: 1, viewer: f.alice)
        XCTAssertEqual(agentView.messages.map(\.id), [question.id, note.id, answer.id, question.id + 1].sorted())
        XCTAssertEqual(agentView.attachments.map(\.id), [publicFile.id, noteFile, replyFile])
        XCTAssertEqual(Set(agentView.authors.keys), [f.alice.id, f.bob.id, f.peter.id])

        for customer in [f.peter, f.paula] {
            let detail = try store.detail(number: 1, viewer: customer)
            XCTAssertEqual(detail.messages.map(\.kind), [.reply, .systemEvent, .reply])
            XCTAssertEqual(detail.messages.map(\.body), ["Which model?", "Status New → Open by alice", "The LX-200"])
            XCTAssertFalse(detail.messages.contains { $0.kind == .internalNote })
            XCTAssertEqual(detail.attachments.map(\.id), [publicFile.id, replyFile])
            XCTAssertEqual(detail.attachments.map(\.name), ["log.txt", "photo.png"])
            // bob wrote only the note: he is not even named.
            XCTAssertEqual(Set(detail.authors.keys), [f.alice.id, f.peter.id])
            XCTAssertEqual(try store.attachmentData(id: publicFile.id, viewer: customer), Data("log".utf8))
            XCTAssertEqual(try store.attachmentData(id: replyFile, viewer: customer), Data("png".utf8))
            // The note's file cannot be fetched by id either.
            XCTAssertDeskError(try store.attachmentData(id: noteFile, viewer: customer), .refused(.model("No attachment {id}", ["id": .number(noteFile)])))
        }
        XCTAssertEqual(try store.attachmentData(id: noteFile, viewer: f.alice), Data("secret".utf8))
    }

    func testOrganisationContactSeesTheOrganisationOwnAccessOnlyTheirsAndWatched() throws {
        try store.setWatching(number: 3, handle: "peter", watching: true, by: f.alice)
        XCTAssertEqual(try f.numbers(.all, f.paula), [3, 1])
        XCTAssertEqual(try f.numbers(.all, f.peter), [3, 1])
        XCTAssertEqual(try f.numbers(.all, f.pia), [3])
        XCTAssertEqual(try f.numbers(.all, f.erin), [4, 2])
        XCTAssertEqual(try f.numbers(.all, f.eve), [2])
        // The contact acts on colleagues' tickets like on their own.
        try f.reply(3, "Same here", by: f.paula)
        XCTAssertEqual(try store.detail(number: 3, viewer: f.pia).messages.map(\.body), ["Same here"])
        // A watcher replies too (requester side).
        try f.reply(1, "Checking", by: f.alice, intent: .askCustomer)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try f.reply(1, "Answering for peter", by: f.pia)
        XCTAssertEqual(try f.status(1), .open)
    }

    func testWatcherFromAnotherOrganisationIsRefused() throws {
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "eve", watching: true, by: f.alice),
                           .refused(.model("{handle} is not in the ticket's organisation and cannot watch it", ["handle": .text("eve")])))
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "erin", watching: true, by: f.root),
                           .refused(.model("{handle} is not in the ticket's organisation and cannot watch it", ["handle": .text("erin")])))
        XCTAssertDeskError(try store.setWatching(number: 5, handle: "peter", watching: true, by: f.alice),
                           .refused(.model("{handle} is not in the ticket's organisation and cannot watch it", ["handle": .text("peter")])))
        // Erin cannot even find it.
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "erin", watching: true, by: f.erin),
                           .ticketNotFound(number: 1))
        XCTAssertEqual(try f.count("watcher"), 0)
        XCTAssertEqual(try f.numbers(.all, f.eve), [2])
        // Same organisation and staff are fine.
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).watchers.map(\.handle), ["bob", "pia"])
    }

    func testCustomersCannotAssign() throws {
        XCTAssertDeskError(try store.assign(number: 1, to: "alice", by: f.peter), .forbidden(Notices.onlyAgentsAssign))
        XCTAssertDeskError(try store.assign(number: 3, to: nil, by: f.paula), .forbidden(Notices.onlyAgentsAssign))
        XCTAssertNil(try store.ticket(number: 1, viewer: f.alice).assigneeID)
    }
}
