import XCTest
@testable import DeskModel

/// The client opens a ticket with an outline of its history and the bodies near its ends; the
/// rest is read by id as the reader comes near. Both reads keep the permission rules.
final class StoreHistoryPagingTests: StoreTestCase {
    /// Ticket #1 with ten replies (alternating customer and agent) and an internal note after the fifth.
    private func history() throws -> [Message] {
        try f.ticket("Printer jams", by: f.peter)
        var added: [Message] = []
        for index in 1...10 {
            f.clock.advance(by: 60)
            added.append(try f.reply(1, "Reply \(index) " + String(repeating: "é", count: index), by: index.isMultiple(of: 2) ? f.alice : f.peter))
            if index == 5 { added.append(try f.note(1, "Known firmware bug", by: f.alice)) }
        }
        return added
    }

    func testTheOutlineHoldsEveryMessageWithTheBodiesNearItsEndsAndTheLengthOfTheOthers() throws {
        _ = try history()
        let whole = try store.detail(number: 1, viewer: f.alice)
        let outline = try store.detail(number: 1, viewer: f.alice, bodies: .nearEnds(count: 3))
        let bodied = Array(whole.messages.filter { $0.kind != .systemEvent })
        XCTAssertEqual(bodied.count, 11)
        let unread = bodied[3..<8]
        XCTAssertEqual(outline.unloadedBodies, BodyLengths(Dictionary(uniqueKeysWithValues: unread.map { ($0.id, $0.body.count) })))
        // Everything else is the same detail, the unread bodies empty.
        var expected = whole
        for index in expected.messages.indices where outline.unloadedBodies[expected.messages[index].id] != nil {
            expected.messages[index].body = ""
        }
        expected.unloadedBodies = outline.unloadedBodies
        XCTAssertEqual(outline, expected)
        // The bodies read later are the ones left out.
        XCTAssertEqual(
            try store.messageBodies(number: 1, ids: Array(outline.unloadedBodies.keys), viewer: f.alice),
            Dictionary(uniqueKeysWithValues: unread.map { ($0.id, $0.body) }))
    }

    func testAShortHistoryComesWhole() throws {
        _ = try history()
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice, bodies: .client), try store.detail(number: 1, viewer: f.alice))
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter, bodies: .client), try store.detail(number: 1, viewer: f.peter))
    }

    func testCustomersNeitherSeeInternalNotesInTheOutlineNorReadTheirBodies() throws {
        let added = try history()
        let note = try XCTUnwrap(added.first { $0.kind == .internalNote })
        let outline = try store.detail(number: 1, viewer: f.peter, bodies: .nearEnds(count: 2))
        XCTAssertFalse(outline.messages.contains { $0.id == note.id })
        XCTAssertNil(outline.unloadedBodies[note.id])
        XCTAssertEqual(outline.messages.filter { $0.kind == .reply }.count, 10)
        let reply = added[6]
        XCTAssertEqual(try store.messageBodies(number: 1, ids: [note.id, reply.id], viewer: f.peter), [reply.id: reply.body])
        XCTAssertEqual(try store.messageBodies(number: 1, ids: [note.id], viewer: f.alice), [note.id: "Known firmware bug"])
    }

    func testBodiesOfATicketTheViewerMayNotSeeAreNotFound() throws {
        let added = try history()
        XCTAssertDeskError(try store.messageBodies(number: 1, ids: [added[0].id], viewer: f.eve), .ticketNotFound(number: 1))
        // An id of another ticket reads nothing through this one.
        try f.ticket("Other", by: f.eve)
        let other = try f.reply(2, "Eve's own words", by: f.eve)
        XCTAssertEqual(try store.messageBodies(number: 1, ids: [other.id], viewer: f.alice), [:])
    }
}
