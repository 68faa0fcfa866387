import DeskModel

/// The permission rule of `Permissions.canSee` (SQLite's `VisibilitySQL`) in PostgreSQL, over
/// `ticket` aliased `t`: the lists, counts and searches apply it in the query that reads.
enum PostgresListVisibility {
    static func predicate(_ visibility: TicketVisibility) -> PostgresQueryFragment {
        guard case .customer(let userID, let organisationID) = visibility else { return .always }
        var condition = PostgresQueryFragment(
            "(t.requester_id = ? OR EXISTS (SELECT 1 FROM watcher w WHERE w.ticket_id = t.id AND w.user_id = ?)",
            [.int(userID), .int(userID)])
        if let organisationID { condition = condition + PostgresQueryFragment(" OR t.organisation_id = ?", [.int(organisationID)]) }
        return condition + PostgresQueryFragment(")")
    }
}
