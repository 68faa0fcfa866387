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
