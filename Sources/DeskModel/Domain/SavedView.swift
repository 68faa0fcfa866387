/// A view a user named and kept: one of the case views narrowed by a filter
/// (`urgent` = All with `status:open urgency:critical`). Each user has their own.
public struct SavedView: Equatable, Sendable {
    public var name: String
    /// The case view it narrows.
    public var view: CaseView
    /// The conditions as typed. They are read again each time the view is used, so `me` is
    /// whoever uses it and `updated:<7d` counts back from that moment.
    public var filterText: String

    public init(name: String, view: CaseView = .all, filterText: String) {
        self.name = name
        self.view = view
        self.filterText = filterText
    }

    /// The filter, read again (it was checked when saved).
    public func filter() throws(DeskError) -> TicketFilter {
        try SavedViewRules.conditions(filterText)
    }
}
