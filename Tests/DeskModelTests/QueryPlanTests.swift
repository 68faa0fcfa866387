import GRDB
import XCTest
@testable import DeskModel

/// List navigation must cost the same at every desk size: every page is read through an
/// index, never by scanning or sorting the ticket table, and a screen loads a page bounded by
/// its height. These tests read SQLite's own query plans.
final class QueryPlanTests: StoreTestCase {
    private func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try f.sql { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    /// A full scan of a table reads as "SCAN t" with no index after it.
    private func fullScans(_ lines: [String]) -> [String] {
        lines.filter { line in
            line.hasPrefix("SCAN ") && !line.contains(" USING ") && !line.hasPrefix("SCAN (subquery")
                && !line.contains("CO-ROUTINE") && !line.hasPrefix("SCAN p") && line != "SCAN CONSTANT ROW"
        }
    }

    /// Branch subqueries (`CO-ROUTINE (subquery-N)` ... `SCAN (subquery-N)`) that read the
    /// ticket table alone and still sort.
    private func sortedTicketBranches(_ lines: [String]) -> [String] {
        var offending: [String] = []
        var block: [String]?
        for line in lines {
            if line.hasPrefix("CO-ROUTINE (subquery-") {
                block = []
            } else if line.hasPrefix("SCAN (subquery-"), let current = block {
                let readsTickets = current.contains { $0.hasPrefix("SEARCH t ") || $0.hasPrefix("SCAN t ") }
                let boundedJoin = current.contains { $0.hasPrefix("SEARCH rv") || $0.hasPrefix("SCAN rv") || $0.hasPrefix("SEARCH w ") || $0.hasPrefix("SCAN w ") }
                if readsTickets && !boundedJoin && current.contains(where: { $0.contains("TEMP B-TREE FOR ORDER BY") }) {
                    offending.append(current.joined(separator: " / "))
                }
                block = nil
            } else {
                block?.append(line)
            }
        }
        return offending
    }

    private var viewers: [(String, Viewer)] {
        [("agent", f.alice), ("organisation contact", f.paula), ("customer", f.peter)]
    }

    func testEveryListPageIsAnIndexRangeForEveryViewerViewOrderAndDirection() throws {
        // Some rows, so the planner sees a real desk (an empty table can plan anything).
        for index in 0..<30 {
            _ = try f.ticket("Subject \(index)", by: [f.paula, f.peter, f.erin][index % 3])
        }
        var checked = 0
        for (name, viewer) in viewers {
            for view in CaseView.allCases {
                // The due-soon order is the agents' (customers are refused it).
                for key in SortKey.allCases where key != .due || viewer.isStaff {
                    for reversed in [false, true] {
                        for direction in [PageDirection.forward, .backward] {
                            for cursor in [nil, PageCursor(sortValue: 1_700_000_000, ticketID: 15)] {
                                let request = PageRequest(
                                    view: view, order: TicketOrder(key: key, reversed: reversed), cursor: cursor,
                                    direction: direction, limit: 40)
                                let query = ListQuery(TicketListQuery(request, viewer: viewer, now: f.clock.now)).sql()
                                let lines = try plan(query.sql, query.arguments)
                                XCTAssertEqual(fullScans(lines), [], "\(name) \(view) \(key) reversed=\(reversed) \(direction):\n\(lines.joined(separator: "\n"))")
                                // Each branch over the ticket table reads in index order: no sort
                                // of ticket rows. Sorting happens only over bounded sets: the
                                // union of branch pages, a user's recent list, watched tickets.
                                XCTAssertEqual(sortedTicketBranches(lines), [], "\(name) \(view) \(key):\n\(lines.joined(separator: "\n"))")
                                checked += 1
                            }
                        }
                    }
                }
            }
        }
        // Agents have the due-soon order too.
        XCTAssertEqual(checked, (5 * 4 + 2 * 5 * 3) * 2 * 2 * 2)
    }

    func testFilteredPagesStayIndexRangesInTheViewsOrder() throws {
        for index in 0..<30 {
            _ = try f.ticket("Subject \(index)", by: [f.paula, f.peter, f.erin][index % 3])
        }
        let filters = [
            "status:open", "status:new,pending urgency:>=serious", "kind:incident -status:closed",
            "assignee:me", "assignee:none", "assignee:alice,bob", "-assignee:alice", "requester:peter",
            #"org:"Pro Co""#, #"org:"Pro Co","Big Co""#, "watching:me", "updated:<7d", "created:>2d updated:<1w",
            "created:>=2024-01-01", #"status:open urgency:critical assignee:me org:"Pro Co" kind:incident updated:<7d"#,
        ]
        var checked = 0
        for (name, viewer) in viewers {
            for text in filters {
                let filter = try TicketQuery.parse(text).filter
                for view in CaseView.allCases {
                    for key in SortKey.allCases where key != .due || viewer.isStaff {
                        for cursor in [nil, PageCursor(sortValue: 1_700_000_000, ticketID: 15)] {
                            let request = PageRequest(
                                view: view, order: TicketOrder(key: key), cursor: cursor, limit: 40, filter: filter)
                            let query = try f.sql { db in try SQLiteRows(db: db).listQuery(TicketListQuery(request, viewer: viewer, now: f.clock.now)).sql() }
                            let lines = try plan(query.sql, query.arguments)
                            let context = "\(name) \(text) \(view) \(key):\n\(lines.joined(separator: "\n"))"
                            XCTAssertEqual(fullScans(lines), [], context)
                            XCTAssertEqual(sortedTicketBranches(lines), [], context)
                            checked += 1
                        }
                    }
                }
            }
        }
        // Agents have the due-soon order too.
        XCTAssertEqual(checked, (4 + 2 * 3) * filters.count * 5 * 2)
    }

    func testTheAgentsBigCountsReadCountersNotRows() throws {
        for view in [CaseView.all, .open] {
            let query = ListQuery(TicketListQuery(PageRequest(view: view), viewer: f.alice, now: f.clock.now)).countSQL()
            let lines = try plan(query.sql, query.arguments)
            XCTAssertEqual(lines.filter { $0.contains(" t ") || $0.hasSuffix(" t") || $0.contains("ticket ") && !$0.contains("ticket_count") }, [], "\(view): \(lines)")
            XCTAssertTrue(lines.contains { $0.contains("ticket_count") }, "\(view): \(lines)")
        }
        let active = ListQuery(TicketListQuery(PageRequest(view: .active), viewer: f.alice, now: f.clock.now)).countSQL()
        let lines = try plan(active.sql, active.arguments)
        XCTAssertEqual(fullScans(lines), [], "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("SEARCH t USING") && $0.contains("(assignee_id=? AND is_closed=?)") }, "\(lines)")
    }

    func testCountersFollowEveryChange() throws {
        let first = try f.ticket("One", by: f.paula)
        _ = try f.ticket("Two", by: f.peter)
        _ = try store.assign(number: first.number, to: "alice", by: f.alice)
        _ = try store.changeStatus(number: first.number, to: .closed, by: f.alice)
        for viewer in [f.alice, f.bob] {
            let counts = try store.counts(viewer: viewer)
            for view in [CaseView.all, .open, .active, .mine] {
                let rows = try store.page(PageRequest(view: view, limit: 1000), viewer: viewer).rows.count
                XCTAssertEqual(counts[view], rows, "\(viewer.user.handle) \(view)")
            }
        }
    }

    /// Customers order by the time of what they see (`public_updated_at`): their pages read
    /// its indexes, never the staff's `updated_at` ones.
    func testCustomersUpdatedPagesReadThePublicTimeIndexes() throws {
        for index in 0..<30 {
            _ = try f.ticket("Subject \(index)", by: [f.paula, f.peter, f.erin][index % 3])
        }
        let expected: [(Viewer, CaseView, [String])] = [
            (f.peter, .mine, ["ticket_list_requester_id_public_updated_at"]),
            (f.peter, .all, ["ticket_list_requester_id_public_updated_at"]),
            (f.peter, .open, ["ticket_list_requester_id_is_closed_public_updated_at"]),
            (f.paula, .all, ["ticket_list_requester_id_public_updated_at", "ticket_list_organisation_id_public_updated_at"]),
            (f.paula, .open, ["ticket_list_requester_id_is_closed_public_updated_at", "ticket_list_organisation_id_is_closed_public_updated_at"]),
        ]
        for (viewer, view, indexes) in expected {
            for filter in ["", "updated:<7d"] {
                let request = PageRequest(
                    view: view, order: TicketOrder(key: .updated), limit: 40, filter: try TicketQuery.parse(filter).filter)
                let query = try f.sql { db in try SQLiteRows(db: db).listQuery(TicketListQuery(request, viewer: viewer, now: f.clock.now)).sql() }
                let lines = try plan(query.sql, query.arguments)
                let context = "\(viewer.user.handle) \(view) \(filter):\n\(lines.joined(separator: "\n"))"
                for index in indexes {
                    XCTAssertTrue(lines.contains { $0.contains(" INDEX \(index) (") }, context)
                }
                XCTAssertFalse(lines.contains { $0.contains("_updated_at") && !$0.contains("public_updated_at") }, context)
            }
        }
    }

    func testAutoCloseFindsIdlePendingTicketsThroughAnIndex() throws {
        let lines = try plan("SELECT * FROM ticket WHERE status = 'pending' AND public_updated_at <= ? ORDER BY number", [1_700_000_000])
        XCTAssertTrue(lines.contains { $0.contains("USING INDEX ticket_pending_public_updated (status=? AND public_updated_at<?)") }, "\(lines)")
    }

    func testAScreenLoadsAPageBoundedByItsHeight() {
        for rows in [12, 24, 40, 50, 100] {
            var state = DeskState(deskName: "d", viewer: f.alice, size: TerminalSize(columns: 100, rows: rows))
            let effects = DeskReducer.reduce(into: &state, .started)
            guard case .loadPage(let request, _)? = effects.first else { return XCTFail("no page read at \(rows) rows") }
            XCTAssertEqual(request.limit, 2 * (rows - 3), "rows \(rows)")
            XCTAssertEqual(state.windowLimit, 6 * (rows - 3))
        }
    }
}
