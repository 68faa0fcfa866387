import DeskModel

/// The list's "who" column: staff read the requester and organisation; a customer who sees the
/// organisation's tickets (organisation access) reads whose ticket each one is; a customer who
/// sees only their own reads who handles it.
enum ListWhoColumn {
    static func title(_ viewer: Viewer) -> String {
        if viewer.isStaff { return "REQUESTER · ORG" }
        return showsRequester(viewer) ? "REQUESTER" : "ASSIGNEE"
    }

    static func value(_ row: TicketSummary, viewer: Viewer) -> String {
        if viewer.isStaff { return row.requesterHandle + (row.organisationName.map { " · " + $0 } ?? "") }
        return showsRequester(viewer) ? row.requesterHandle : (row.assigneeHandle ?? UIStrings.unassigned)
    }

    static func showsRequester(_ viewer: Viewer) -> Bool {
        viewer.user.role == .customer && viewer.user.caseAccess == .organisation
    }
}
