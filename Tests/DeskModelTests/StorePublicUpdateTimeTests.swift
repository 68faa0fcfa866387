import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Customers read the time of the last change they may see, never `updated_at`: an internal
/// note (or a file on one) must not move a ticket in their lists, their UPDATED column, their
/// `updated:` filters or the auto-close of their pending tickets. Staff keep the full time.
final class StorePublicUpdateTimeTests: StoreTestCase {
    private let day = StoreFixture.day
    private let start = StoreFixture.start

    /// #1 by peter on day 0, #2 by peter on day 2; now is day 5.
    private func twoTickets() throws {
        try f.ticket("Printer jams", by: f.peter)
        f.clock.set(start + 2 * day)
        try f.ticket("VPN drops", by: f.peter)
        f.clock.set(start + 5 * day)
    }

    private struct Seen: Equatable {
        var order: [Int64]
        var updated: [Int64: Date]
        var recentlyUpdated: [Int64]
        var recentlyUpdatedCount: Int
        var shown: Date
        var searched: [Int64: Date]
    }

    /// Everything a viewer reads of the update times: the order by update, the times on the
    /// rows, `updated:<2d` (with its count), ticket #1 shown, and a search's rows.
    private func seen(by viewer: Viewer) throws -> Seen {
        let byUpdate = TicketOrder(key: .updated)
        let page = try store.page(PageRequest(view: .all, order: byUpdate, limit: 100), viewer: viewer)
        let recent = PageRequest(view: .all, order: byUpdate, limit: 100, filter: try TicketQuery.parse("updated:<2d").filter)
        let found = try store.search("printer", viewer: viewer, limit: 10)
        return Seen(
            order: page.rows.map(\.number),
            updated: Dictionary(uniqueKeysWithValues: page.rows.map { ($0.number, $0.updatedAt) }),
            recentlyUpdated: try store.page(recent, viewer: viewer).rows.map(\.number),
            recentlyUpdatedCount: try store.count(recent, viewer: viewer, upTo: 100),
            shown: try store.detail(number: 1, viewer: viewer).ticket.updatedAt,
            searched: Dictionary(uniqueKeysWithValues: found.map { ($0.number, $0.updatedAt) }))
    }

    func testAnInternalNoteChangesNothingACustomerReadsOfUpdateTimes() throws {
        try twoTickets()
        let before = try seen(by: f.peter)
        XCTAssertEqual(before.order, [2, 1])
        XCTAssertEqual(before.updated, [1: start, 2: start + 2 * day])
        XCTAssertEqual(before.recentlyUpdated, [])
        let organisationBefore = try seen(by: f.paula)

        try f.note(1, "Customer is on the old firmware", by: f.alice)
        _ = try store.addMessage(
            NewMessage(ticketNumber: 1, body: "Log attached", isInternal: true), by: f.alice, clearingDraft: nil,
            attaching: [NewAttachment(name: "log.txt", mediaType: "text/plain", data: Data("log".utf8))])

        XCTAssertEqual(try seen(by: f.peter), before)
        XCTAssertEqual(try seen(by: f.paula), organisationBefore)
        // Staff see the note's time.
        let staff = try seen(by: f.alice)
        XCTAssertEqual(staff.order, [1, 2])
        XCTAssertEqual(staff.updated[1], start + 5 * day)
        XCTAssertEqual(staff.recentlyUpdated, [1])
        XCTAssertEqual(staff.shown, start + 5 * day)
    }

    func testChangesACustomerSeesMoveTheirUpdateTime() throws {
        try twoTickets()
        try f.note(1, "hidden", by: f.alice)
        f.clock.set(start + 6 * day)
        try f.reply(1, "Which model?", by: f.alice)
        XCTAssertEqual(try seen(by: f.peter).updated[1], start + 6 * day)
        f.clock.set(start + 7 * day)
        _ = try store.assign(number: 2, to: "bob", by: f.bob)
        XCTAssertEqual(try seen(by: f.peter).updated[2], start + 7 * day)
        f.clock.set(start + 8 * day)
        _ = try store.changeStatus(number: 1, to: .awaitingCustomer, by: f.alice)
        f.clock.set(start + 9 * day)
        _ = try store.attach(number: 2, name: "photo.png", mediaType: "image/png", data: Data("png".utf8), by: f.peter)
        let seen = try seen(by: f.peter)
        XCTAssertEqual(seen.updated, [1: start + 8 * day, 2: start + 9 * day])
        XCTAssertEqual(seen.order, [2, 1])
        XCTAssertEqual(seen.recentlyUpdated, [2, 1])
        // A note after them moves only the staff's time.
        f.clock.set(start + 10 * day)
        try f.note(1, "still hidden", by: f.alice)
        XCTAssertEqual(try self.seen(by: f.peter).updated, [1: start + 8 * day, 2: start + 9 * day])
        XCTAssertEqual(try self.seen(by: f.alice).updated, [1: start + 10 * day, 2: start + 9 * day])
    }

    /// Keyset paging for a customer walks the public order: a cursor taken from their rows
    /// continues where the page stopped, even past tickets with later hidden activity.
    func testACustomersPagesFollowThePublicOrder() throws {
        for index in 0..<5 {
            f.clock.set(start + Double(index) * day)
            try f.ticket("Ticket \(index)", by: f.peter)
        }
        f.clock.set(start + 6 * day)
        try f.note(1, "hidden", by: f.alice)
        try f.note(2, "hidden", by: f.alice)
        let order = TicketOrder(key: .updated)
        var numbers: [Int64] = []
        var cursor: PageCursor?
        repeat {
            let page = try store.page(PageRequest(view: .mine, order: order, cursor: cursor, limit: 2), viewer: f.peter)
            numbers += page.rows.map(\.number)
            cursor = page.hasMore ? page.rows.last?.cursor : nil
        } while cursor != nil
        XCTAssertEqual(numbers, [5, 4, 3, 2, 1])
    }

    /// Pending means waiting for the customer: only what they see restarts the wait, or a
    /// ticket staying open past the deadline would tell them a note was written.
    func testANoteDoesNotDelayAutoClose() throws {
        try f.ticket("Pending", by: f.peter)
        try f.reply(1, "Fixed?", by: f.alice, intent: .proposeSolution)
        f.clock.set(start + 3 * day)
        try f.note(1, "waiting on them", by: f.alice)
        f.clock.set(start + 5 * day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
    }

    /// A desk written before the column existed gets it from its history: the newest public
    /// message or file, never a note's time.
    func testTheMigrationFillsTheTimeFromPublicHistory() throws {
        try twoTickets()
        try f.reply(2, "On it", by: f.alice)
        f.clock.set(start + 6 * day)
        try f.note(1, "hidden", by: f.alice)
        try f.note(2, "hidden", by: f.alice)
        f.clock.set(start + 7 * day)
        _ = try store.attach(number: 1, name: "a.txt", mediaType: "text/plain", data: Data("a".utf8), by: f.peter)
        f.clock.set(start + 8 * day)
        try f.note(1, "hidden again", by: f.alice)
        try f.sql { db in
            try db.execute(sql: "UPDATE ticket SET public_updated_at = 0")
            try db.execute(sql: PublicUpdateTimeSchema.backFill)
        }
        let times = try f.sql { db in
            try Row.fetchAll(db, sql: "SELECT number, updated_at, public_updated_at FROM ticket ORDER BY number")
                .map { [$0["number"], $0["updated_at"], $0["public_updated_at"]] as [Int64] }
        }
        XCTAssertEqual(times, [
            [1, (start + 8 * day).deskSeconds, (start + 7 * day).deskSeconds],
            [2, (start + 6 * day).deskSeconds, (start + 5 * day).deskSeconds],
        ])
    }

    /// The generator writes the public time itself: it must equal what the history gives, on
    /// The generator records the ticket with the longest thread (the benchmark opens it): a
    /// new ticket, which keeps only its first message, is never the one recorded.
    func testTheDemoGeneratorRecordsATicketWithTheLongestThread() throws {
        // Small desks of many seeds: in some, the first ticket drawn with the most messages is new.
        for seed in UInt64(1)...20 {
            let file = f.directory.appendingPathComponent("longest-\(seed).sqlite").path
            let built = try BulkDesk.build(path: file, options: BulkDesk.Options(tickets: 300, messagesPerTicket: 4, seed: seed, now: start + 400 * day))
            let bulk = try Desk.open(address: file, clock: .fixed(start + 400 * day))
            let (recorded, longest) = try bulk.sqliteStore!.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message m JOIN ticket t ON t.id = m.ticket_id WHERE t.number = ?", arguments: [built.longestThreadTicket])!,
                 try Int.fetchOne(db, sql: "SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM message GROUP BY ticket_id)")!)
            }
            XCTAssertEqual(recorded, longest, "seed \(seed)")
            XCTAssertEqual(bulk.longestThreadTicket(), built.longestThreadTicket)
        }
    }

    /// a desk with notes after the last public message.
    func testTheDemoGeneratorWritesThePublicTimeItsHistoryGives() throws {
        let file = f.directory.appendingPathComponent("bulk.sqlite").path
        _ = try BulkDesk.build(path: file, options: BulkDesk.Options(tickets: 400, messagesPerTicket: 4, seed: 7, now: start + 400 * day))
        let bulk = try Desk.open(address: file, clock: .fixed(start + 400 * day))
        let counts = try bulk.sqliteStore!.read { db in
            try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS tickets,
                    SUM(public_updated_at < updated_at) AS noteLast,
                    SUM(public_updated_at != MAX(created_at,
                        COALESCE((SELECT MAX(m.created_at) FROM message m
                                  WHERE m.ticket_id = ticket.id AND m.kind != 'internalNote'), 0))) AS wrong
                FROM ticket
                """)!
        }
        XCTAssertEqual(counts["tickets"] as Int64, 400)
        XCTAssertGreaterThan(counts["noteLast"] as Int64, 0, "some thread ends with a note")
        XCTAssertEqual(counts["wrong"] as Int64, 0)
    }
}
