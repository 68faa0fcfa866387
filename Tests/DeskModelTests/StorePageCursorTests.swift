import Foundation
import XCTest

@testable import DeskModel

extension StoreViewTests {
    /// A cursor made at a ticket found elsewhere (a search result the client follows into the
    /// list, `deskterm list --after`) is exactly the cursor the backend gives that row, in every
    /// order of every view but Recent and for every viewer (customers order by the public
    /// update time), so the page read from it starts at that row.
    func testCursorsMadeAtATicketAreTheRowsOwn() throws {
        try buildTiedWorld()
        for viewer in everyone {
            for view in CaseView.allCases where view != .recent {
                for order in Self.orders {
                    let label = "\(viewer.user.handle) \(view) \(order.label)"
                    let rows = try store.page(PageRequest(view: view, order: order, limit: 1000), viewer: viewer).rows
                    for (index, row) in rows.enumerated() {
                        XCTAssertEqual(PageCursor.at(row, orderedBy: order.key), row.cursor, "#\(row.number) \(label)")
                        let ticket = try store.ticket(number: row.number, viewer: viewer)
                        let cursor = PageCursor.at(ticket, orderedBy: order.key)
                        XCTAssertEqual(cursor, row.cursor, "#\(row.number) \(label)")
                        var request = PageRequest(view: view, order: order, cursor: cursor, limit: 2)
                        request.inclusive = true
                        XCTAssertEqual(
                            try store.page(request, viewer: viewer).rows.map(\.number), rows[index..<min(rows.count, index + 2)].map(\.number),
                            "from #\(row.number) \(label)")
                    }
                }
            }
        }
    }
}
