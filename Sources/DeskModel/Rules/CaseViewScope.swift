import Foundation

/// Where one part of a case view finds its tickets: a set an index serves directly.
public enum ViewSource: Equatable, Sendable {
    case everyTicket
    case assigned(to: UserID)
    case unassigned
    case requested(by: UserID)
    case watched(by: UserID)
    case organisation(OrganisationID)
    /// The tickets the user opened lately (Recent), ordered by when; still within what the
    /// reader's visibility lets be seen.
    case recentlyViewed(by: UserID)
}

/// One part of a case view; a view is the union of its parts (`CaseView.branches(for:)`).
public struct ViewBranch: Equatable, Sendable {
    public var source: ViewSource
    /// Only tickets that are not closed.
    public var openOnly: Bool

    public init(_ source: ViewSource, openOnly: Bool = false) {
        self.source = source
        self.openOnly = openOnly
    }
}

extension CaseView {
    /// The view for this viewer (DESIGN.md section 2): an agent's Mine is what is assigned to
    /// them, a customer's what they requested. A customer's parts all lie inside what they may
    /// see (`TicketVisibility`), by construction.
    public func branches(for viewer: Viewer) -> [ViewBranch] {
        let me = viewer.id
        if self == .recent { return [ViewBranch(.recentlyViewed(by: me))] }
        if viewer.isStaff {
            switch self {
            case .all: return [ViewBranch(.everyTicket)]
            case .open: return [ViewBranch(.everyTicket, openOnly: true)]
            case .mine: return [ViewBranch(.assigned(to: me))]
            case .active: return [ViewBranch(.assigned(to: me), openOnly: true), ViewBranch(.unassigned, openOnly: true)]
            case .recent: return []
            }
        }
        var seen: [ViewSource] = [.requested(by: me), .watched(by: me)]
        for organisation in viewer.wholeOrganisations {
            seen.append(.organisation(organisation))
        }
        switch self {
        case .mine: return [ViewBranch(.requested(by: me))]
        case .active: return [ViewBranch(.requested(by: me), openOnly: true), ViewBranch(.watched(by: me), openOnly: true)]
        case .open: return seen.map { ViewBranch($0, openOnly: true) }
        case .all: return seen.map { ViewBranch($0) }
        case .recent: return []
        }
    }
}

/// Who reads a list, as the values the rules derive from the viewer: a backend compiles them
/// and never decides anything from a role.
public struct ListReader: Equatable, Sendable {
    /// `me` in a filter; whose read marks and Recent are read.
    public var userID: UserID
    public var visibility: TicketVisibility
    /// A name in a filter that names nothing is an error (staff, who may list everyone anyway);
    /// for a customer it matches nothing, as an error would tell them what exists.
    public var reportsUnknownNames: Bool

    public init(userID: UserID, visibility: TicketVisibility, reportsUnknownNames: Bool) {
        self.userID = userID
        self.visibility = visibility
        self.reportsUnknownNames = reportsUnknownNames
    }

    public init(_ viewer: Viewer) {
        self.init(userID: viewer.id, visibility: TicketVisibility(viewer), reportsUnknownNames: viewer.isStaff)
    }
}

/// A page, count or filtered search as a backend receives it: the view's parts, the reader,
/// the order, cursor and limit, and a filter whose words are already read for the reader.
public struct TicketListQuery: Equatable, Sendable {
    public var branches: [ViewBranch]
    public var reader: ListReader
    /// Order, cursor, direction, limit and filter (its `view` is described by `branches`).
    public var page: PageRequest
    /// The time relative filters (`updated:<7d`) are read against.
    public var now: Date

    public init(branches: [ViewBranch], reader: ListReader, page: PageRequest, now: Date) {
        self.branches = branches
        self.reader = reader
        self.page = page
        self.now = now
    }

    /// The request's view as the viewer sees it, with the filter's status words read for them.
    public init(_ request: PageRequest, viewer: Viewer, now: Date) {
        var page = request
        page.filter = request.filter.readFor(viewer.role)
        self.init(branches: request.view.branches(for: viewer), reader: ListReader(viewer), page: page, now: now)
    }

    /// Recent is ordered by when each ticket was viewed, not by a ticket column.
    public var isRecent: Bool {
        branches.contains { if case .recentlyViewed = $0.source { true } else { false } }
    }
}

extension TicketFilter {
    /// The filter with its status words as this role reads them (`FilterCondition.statuses`).
    func readFor(_ role: Role) -> TicketFilter {
        var read = self
        for index in read.clauses.indices {
            if case .status(let wanted) = read.clauses[index].condition {
                read.clauses[index].condition = .status(FilterCondition.statuses(wanted, seenBy: role))
            }
        }
        return read
    }
}
