import DeskModel

/// The list's "who" column: staff read the requester and organisation; a customer who sees the
/// organisation's tickets (organisation access) reads whose ticket each one is; a customer who
/// sees only their own reads who handles it.
enum ListWhoColumn {
    static func title(_ viewer: Viewer, _ language: Language) -> String {
        let phrase = viewer.isStaff ? Phrase.client("REQUESTER · ORG") : showsRequester(viewer) ? Phrase.client("REQUESTER") : Phrase.client("ASSIGNEE")
        return phrase.text(in: language)
    }

    static func value(_ row: TicketSummary, viewer: Viewer, _ language: Language) -> String {
        if viewer.isStaff { return row.requesterHandle + (row.organisationName.map { " · " + $0 } ?? "") }
        return showsRequester(viewer) ? row.requesterHandle : (row.assigneeHandle ?? UIStrings.unassigned(language))
    }

    static func showsRequester(_ viewer: Viewer) -> Bool {
        viewer.user.role == .customer && viewer.user.caseAccess == .organisation
    }
}
