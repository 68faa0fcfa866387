import XCTest
@testable import DeskModel

final class StoreDetailTests: StoreTestCase {
    /// The detail can name everyone it shows, also an uploader who wrote no message.
    func testTheDetailKnowsEveryUploader() throws {
        let ticket = try f.ticket("Scanner offline", by: f.paula)
        let attachment = try store.attach(number: ticket.number, name: "scan.log", mediaType: "text/plain", data: Data("x".utf8), by: f.bob)
        let detail = try store.detail(number: ticket.number, viewer: f.alice)
        XCTAssertEqual(detail.messages.map(\.authorID), [])
        XCTAssertEqual(detail.attachments.map(\.id), [attachment.id])
        XCTAssertEqual(detail.authors[f.bob.id]?.handle, "bob")
        XCTAssertEqual(Set(detail.authors.keys), [f.paula.id, f.bob.id])
    }
}

/// Links to what the viewer may not see are dropped, so the link cannot tell it exists.
final class StoreHiddenLinkTests: StoreTestCase {
    func testAPublicReplyToAnInternalNoteShowsNoParentToCustomers() throws {
        try f.ticket("Printer jams", by: f.peter)
        let note = try f.note(1, "Firmware bug, known", by: f.alice)
        let reply = try store.addMessage(NewMessage(ticketNumber: 1, body: "A fix is coming", inReplyToID: note.id), by: f.alice)
        let answer = try store.addMessage(NewMessage(ticketNumber: 1, body: "Thanks", inReplyToID: reply.id), by: f.peter)

        let staffView = try store.detail(number: 1, viewer: f.alice).messages
        XCTAssertEqual(staffView.first { $0.id == reply.id }?.inReplyToID, note.id)
        let customerView = try store.detail(number: 1, viewer: f.peter).messages
        XCTAssertFalse(customerView.contains { $0.id == note.id })
        XCTAssertEqual(customerView.first { $0.id == reply.id }?.inReplyToID, nil)
        // Links between visible messages stay.
        XCTAssertEqual(customerView.first { $0.id == answer.id }?.inReplyToID, reply.id)
        XCTAssertFalse(customerView.contains { $0.inReplyToID == note.id })
    }
}
