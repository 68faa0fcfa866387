import GRDB
import XCTest
@testable import DeskModel

/// The outline is read column by column straight from SQLite; every field of every kind of
/// message must come out as the whole history has it, for staff and for customers alike.
final class StoreHistoryOutlineTests: StoreTestCase {
    /// Replies answering earlier ones, an internal note and a reply to it, events written by the
    /// desk (typed, and one stored before events were typed), non-ASCII text everywhere.
    private func mixedHistory() throws {
        try f.ticket("Imprimante bloquée", by: f.peter)
        f.clock.advance(by: 60)
        let question = try f.reply(1, "Ça bloque encore 🖨", by: f.peter)
        f.clock.advance(by: 60)
        let note = try f.note(1, "Firmware bug, see KB-12", by: f.alice)
        f.clock.advance(by: 60)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "Answering the note", inReplyToID: note.id), by: f.alice)
        f.clock.advance(by: 60)
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "Try the update", inReplyToID: question.id), by: f.alice)
        f.clock.advance(by: 60)
        _ = try store.changeStatus(number: 1, to: .pending, by: f.alice)
        f.clock.advance(by: 60)
        _ = try store.assign(number: 1, to: "alice", by: f.alice)
        try f.sql { db in
            try db.execute(sql: """
                INSERT INTO message(ticket_id, kind, author_id, body, created_at, in_reply_to_id)
                SELECT id, 'systemEvent', NULL, 'Reopened by an old desk', created_at + 1000, NULL FROM ticket WHERE number = 1
                """)
        }
        f.clock.advance(by: 2000)
        try f.reply(1, "Works now, thanks", by: f.peter)
    }

    func testTheOutlineIsTheWholeHistoryWithoutBodiesForStaffAndCustomers() throws {
        try mixedHistory()
        for viewer in [f.alice, f.peter] {
            let whole = try store.detail(number: 1, viewer: viewer)
            XCTAssertTrue(whole.messages.contains { $0.kind == .systemEvent && $0.event != nil })
            XCTAssertTrue(whole.messages.contains { $0.kind == .systemEvent && $0.event == nil })
            XCTAssertTrue(whole.messages.contains { $0.inReplyToID != nil })
            XCTAssertEqual(whole.messages.contains { $0.kind == .internalNote }, viewer.isStaff)

            let outline = try store.detail(number: 1, viewer: viewer, bodies: .nearEnds(count: 1))
            var expected = whole
            let bodied = whole.messages.filter { $0.kind != .systemEvent }
            expected.unloadedBodies = BodyLengths(Dictionary(uniqueKeysWithValues: bodied.dropFirst().dropLast().map { ($0.id, $0.body.count) }))
            for index in expected.messages.indices where expected.unloadedBodies[expected.messages[index].id] != nil {
                expected.messages[index].body = ""
            }
            XCTAssertEqual(outline, expected, "viewer \(viewer.user.handle)")
        }
    }

    func testACustomersOutlineHasNoRowForANoteNorALinkToIt() throws {
        try mixedHistory()
        let staff = try store.detail(number: 1, viewer: f.alice, bodies: .nearEnds(count: 0))
        let note = try XCTUnwrap(staff.messages.first { $0.kind == .internalNote })
        XCTAssertEqual(staff.messages.first { $0.inReplyToID == note.id }.map(\.kind), .reply)

        let customer = try store.detail(number: 1, viewer: f.peter, bodies: .nearEnds(count: 0))
        XCTAssertEqual(customer.messages.count, staff.messages.count - 1)
        XCTAssertFalse(customer.messages.contains { $0.id == note.id || $0.inReplyToID == note.id })
        XCTAssertNil(customer.unloadedBodies[note.id])
        XCTAssertEqual(customer.unloadedBodies.count, staff.unloadedBodies.count - 1)
    }
}
