import Foundation

/// The five case views (tabs) of DESIGN.md section 2.
public enum CaseView: String, CaseIterable, Codable, Sendable {
    case recent, active, mine, open, all

    /// In English (`titlePhrase`).
    public var title: String { titlePhrase.englishText }
}

extension CaseView: LenientlyParsable {}

public enum SortKey: String, CaseIterable, Codable, Sendable {
    /// Arrival time (in Recent: the time the viewer last opened the case).
    case created
    /// Last update.
    case updated
    /// The agents' triage key (see `Triage`).
    case triage
    /// The earliest service-level due time, soonest first (agents; `TicketDue`).
    case due

    /// The next key for the `s` key in the client.
    public var next: SortKey {
        let all = SortKey.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The next key for a viewer of `role`: customers are not shown due times, so their cycle
    /// leaves the due-soon order out.
    public func next(for role: Role) -> SortKey {
        let following = next
        return following == .due && !role.isStaff ? following.next : following
    }
}

extension SortKey: LenientlyParsable {}

/// A total order over tickets: the key, then the ticket id. `reversed` flips both.
/// The natural direction is newest first for times and most pressing first for triage.
public struct TicketOrder: Equatable, Codable, Sendable {
    public var key: SortKey
    public var reversed: Bool

    public init(key: SortKey = .created, reversed: Bool = false) {
        self.key = key
        self.reversed = reversed
    }

    public static let newestFirst = TicketOrder()

    /// True when the display order is descending in the key.
    public var isDescending: Bool {
        let natural = key != .triage && key != .due
        return reversed ? !natural : natural
    }

    /// The order in words for a view: Recent's "created" key is the time the viewer last
    /// opened the case.
    /// In English (`labelPhrase(in:)`).
    public func label(in view: CaseView) -> String { labelPhrase(in: view).englishText }

    /// In English, outside the Recent view.
    public var label: String { labelPhrase(in: .all).englishText }
}

/// Where a page starts: after (or before) one row in the view's order. Opaque outside the
/// backends: a front end takes it from a row it was given (`TicketSummary.cursor`) or makes it
/// at a ticket (`at(_:orderedBy:)`), and never reads or builds what is inside.
public struct PageCursor: Equatable, Codable, Sendable {
    /// The row's value of the order's key as the backend sorts it, then its id.
    package let sortValue: Int64
    package let ticketID: TicketID

    package init(sortValue: Int64, ticketID: TicketID) {
        self.sortValue = sortValue
        self.ticketID = ticketID
    }

    /// The cursor at a row found elsewhere (a search result, whose own sort value is its rank),
    /// in an order by `key` of a view that is not Recent.
    public static func at(_ row: TicketSummary, orderedBy key: SortKey) -> PageCursor {
        PageCursor(
            sortValue: sortValue(key, created: row.createdAt, updated: row.updatedAt, triage: row.triageKey, due: row.dueAtSeconds),
            ticketID: row.id)
    }

    /// The cursor at a ticket as the viewer read it, in an order by `key` of a view that is
    /// not Recent.
    public static func at(_ ticket: Ticket, orderedBy key: SortKey, due: TicketDue? = nil) -> PageCursor {
        PageCursor(
            sortValue: sortValue(
                key, created: ticket.createdAt, updated: ticket.updatedAt, triage: ticket.triageKey,
                due: due?.dueAtSeconds ?? TicketDue.neverSeconds),
            ticketID: ticket.id)
    }

    private static func sortValue(_ key: SortKey, created: Date, updated: Date, triage: Int64, due: Int64) -> Int64 {
        switch key {
        case .created: created.deskSeconds
        case .updated: updated.deskSeconds
        case .triage: triage
        case .due: due
        }
    }
}

public enum PageDirection: String, Equatable, Codable, Sendable {
    /// Rows that follow the cursor in display order (or the first rows without a cursor).
    case forward
    /// Rows that precede the cursor in display order (or the last rows without a cursor).
    case backward
}

public struct PageRequest: Equatable, Sendable {
    public var view: CaseView
    public var order: TicketOrder
    public var cursor: PageCursor?
    public var direction: PageDirection
    public var limit: Int
    /// Include the cursor's own row (re-reading a window from its first row).
    public var inclusive: Bool = false
    /// Narrows the view (`status:open assignee:me`); empty keeps the whole view.
    public var filter: TicketFilter

    public init(
        view: CaseView, order: TicketOrder = .newestFirst, cursor: PageCursor? = nil,
        direction: PageDirection = .forward, limit: Int = 50, filter: TicketFilter = TicketFilter()
    ) {
        self.view = view
        self.filter = filter
        self.order = order
        self.cursor = cursor
        self.direction = direction
        self.limit = limit
    }
}

/// One row of a case list: what the list pane and `deskterm list` show.
public struct TicketSummary: Equatable, Codable, Sendable {
    public var id: TicketID
    public var number: Int64
    public var subject: String
    public var kind: TicketKind
    public var status: TicketStatus
    public var urgency: Urgency
    public var requesterHandle: String
    public var requesterName: String
    public var organisationName: String?
    public var assigneeHandle: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var triageKey: Int64
    /// The earliest running service-level due time; nil when none runs (closed, waiting on
    /// the customer, imported before service levels). Filled for staff only.
    public var dueAt: Date?
    /// The value of the order's key for this row as the backend sorts it (for a search
    /// result, its rank): the cursor of the next page, opaque outside the backends.
    package var sortValue: Int64
    /// The state of the ticket's open call-back request, nil when none is open (customers:
    /// only a request of their own). Filled by `Desk.page` for the list's marker.
    public var callback: CallbackState?

    public var cursor: PageCursor { PageCursor(sortValue: sortValue, ticketID: id) }

    var dueAtSeconds: Int64 { dueAt?.deskSeconds ?? TicketDue.neverSeconds }

    public init(
        id: TicketID, number: Int64, subject: String, kind: TicketKind, status: TicketStatus,
        urgency: Urgency, requesterHandle: String, requesterName: String, organisationName: String?,
        assigneeHandle: String?, createdAt: Date, updatedAt: Date, triageKey: Int64, sortValue: Int64
    ) {
        self.id = id
        self.number = number
        self.subject = subject
        self.kind = kind
        self.status = status
        self.urgency = urgency
        self.requesterHandle = requesterHandle
        self.requesterName = requesterName
        self.organisationName = organisationName
        self.assigneeHandle = assigneeHandle
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.triageKey = triageKey
        self.sortValue = sortValue
    }
}

public struct TicketPage: Equatable, Sendable {
    /// Rows in display order, whatever the direction they were read in.
    public var rows: [TicketSummary]
    /// True when more rows exist beyond this page in the direction read.
    public var hasMore: Bool
    /// The rows that are unread for the viewer (`UnreadSQL`).
    public var unreadIDs: Set<TicketID>

    public init(rows: [TicketSummary], hasMore: Bool, unreadIDs: Set<TicketID> = []) {
        self.rows = rows
        self.hasMore = hasMore
        self.unreadIDs = unreadIDs
    }
}
