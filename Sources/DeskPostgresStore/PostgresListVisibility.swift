import DeskModel

/// The permission rule of `Permissions.canSee` (SQLite's `VisibilitySQL`) in PostgreSQL, over
/// `ticket` aliased `t`: the lists, counts and searches apply it in the query that reads.
enum PostgresListVisibility {
    static func predicate(_ visibility: TicketVisibility) -> PostgresQueryFragment {
        guard case .customer(let userID, let organisationIDs) = visibility else { return .always }
        var condition = PostgresQueryFragment(
            "(t.requester_id = ? OR EXISTS (SELECT 1 FROM watcher w WHERE w.ticket_id = t.id AND w.user_id = ?)",
            [.int(userID), .int(userID)])
        if organisationIDs.count == 1 {
            condition = condition + PostgresQueryFragment(" OR t.organisation_id = ?", [.int(organisationIDs[0])])
        } else if !organisationIDs.isEmpty {
            // Each account seen whole (several accounts per person).
            let marks = Array(repeating: "?", count: organisationIDs.count).joined(separator: ", ")
            condition = condition + PostgresQueryFragment(" OR t.organisation_id IN (\(marks))", organisationIDs.map { .int($0) })
        }
        return condition + PostgresQueryFragment(")")
    }
}
