import DeskModel

/// The list's "who" column: staff read the requester and organisation; a customer who sees the
/// organisation's tickets (organisation access) reads whose ticket each one is; a customer who
/// sees only their own reads who handles it. A customer with several accounts also reads each
/// ticket's organisation (the account it is filed under).
enum ListWhoColumn {
    static func title(_ viewer: Viewer, _ language: Language) -> String {
        let phrase: Phrase
        if viewer.isStaff || (showsRequester(viewer) && viewer.hasSeveralAccounts) {
            phrase = .client("REQUESTER · ORG")
        } else if viewer.hasSeveralAccounts {
            phrase = .client("ASSIGNEE · ORG")
        } else {
            phrase = showsRequester(viewer) ? .client("REQUESTER") : .client("ASSIGNEE")
        }
        return phrase.text(in: language)
    }

    static func value(_ row: TicketSummary, viewer: Viewer, _ language: Language) -> String {
        let organisation = row.organisationName.map { " · " + $0 } ?? ""
        if viewer.isStaff { return row.requesterHandle + organisation }
        let who = showsRequester(viewer) ? row.requesterHandle : (row.assigneeHandle ?? UIStrings.unassigned(language))
        return viewer.hasSeveralAccounts ? who + organisation : who
    }

    /// A customer with several accounts reads "who · organisation": wider than a handle alone.
    static func width(_ viewer: Viewer) -> Int? {
        !viewer.isStaff && viewer.hasSeveralAccounts ? 22 : nil
    }

    static func showsRequester(_ viewer: Viewer) -> Bool {
        viewer.user.role == .customer && !viewer.wholeOrganisations.isEmpty
    }
}
