import Foundation

/// Case views: pages, counts and unread marks, each described to the backend as the viewer's
/// view (`TicketListQuery`) so that visibility is applied where the rows are read.
extension Desk {
    public func page(_ request: PageRequest, viewer: Viewer) throws(DeskError) -> TicketPage {
        guard request.limit > 0 else { throw .refused(.model("A page needs at least one row")) }
        if request.order.key == .due && !viewer.isStaff { throw .forbidden(.model("the due-soon order is for agents", context: "not allowed")) }
        let now = self.now
        let query = TicketListQuery(request, viewer: viewer, now: now)
        return try read { rows in
            let page = try rows.ticketPage(query)
            let unread = try rows.unreadTickets(among: page.rows.map(\.id), reader: query.reader, now: now)
            // Due times are the desk's internal targets: customers' rows carry none.
            var shown = viewer.isStaff ? page.rows : page.rows.map { $0.withDue(seconds: nil) }
            try Self.markCallbacks(&shown, rows: rows, viewer: viewer)
            return TicketPage(rows: shown, hasMore: page.hasMore, unreadIDs: unread)
        }
    }

    /// The open call-back request of each row, as this viewer may know of it: staff every
    /// request, a customer their own only (`CallbackPrivacy`), so a colleague's request leaves
    /// no mark. One query per page of rows.
    static func markCallbacks(_ shown: inout [TicketSummary], rows: any DeskRows, viewer: Viewer) throws {
        let callbacks = try rows.openCallbackStates(among: shown.map(\.id), requesterID: viewer.isStaff ? nil : viewer.id)
        for index in shown.indices { shown[index].callback = callbacks[shown[index].id] }
    }

    public func counts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] {
        let now = self.now
        return try read { rows in
            var counts: [CaseView: Int] = [:]
            for view in CaseView.allCases {
                counts[view] = try rows.ticketCount(TicketListQuery(PageRequest(view: view), viewer: viewer, now: now), upTo: nil)
            }
            return counts
        }
    }

    /// How many tickets the request's view and filter hold, counting no further than `cap`
    /// (a filter may leave no counter to read, and counting must stay bounded).
    public func count(_ request: PageRequest, viewer: Viewer, upTo cap: Int) throws(DeskError) -> Int {
        guard cap > 0 else { return 0 }
        let query = TicketListQuery(request, viewer: viewer, now: now)
        return try read { rows in try rows.ticketCount(query, upTo: cap) }
    }

    public func unreadCounts(viewer: Viewer) throws(DeskError) -> [CaseView: Int] {
        let now = self.now
        let views = CaseView.allCases.map { (view: $0, branches: $0.branches(for: viewer)) }
        return try read { rows in try rows.unreadCounts(views, reader: ListReader(viewer), now: now) }
    }
}
