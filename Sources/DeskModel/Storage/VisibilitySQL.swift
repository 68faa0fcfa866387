import GRDB

/// The permission rule of `Permissions.canSee`, written in SQL over `ticket` aliased `t`.
/// Used wherever one ticket is read by number and to filter search hits.
enum VisibilitySQL {
    static func predicate(_ viewer: Viewer) -> (sql: String, arguments: StatementArguments) {
        predicate(TicketVisibility(viewer))
    }

    static func predicate(_ visibility: TicketVisibility) -> (sql: String, arguments: StatementArguments) {
        guard case .customer(let userID, let organisationIDs) = visibility else { return ("1", []) }
        var sql = "(t.requester_id = ? OR EXISTS (SELECT 1 FROM watcher w WHERE w.ticket_id = t.id AND w.user_id = ?)"
        var arguments: StatementArguments = [userID, userID]
        if organisationIDs.count == 1 {
            sql += " OR t.organisation_id = ?"
            arguments += [organisationIDs[0]]
        } else if !organisationIDs.isEmpty {
            // Each account seen whole (several accounts per person).
            sql += " OR t.organisation_id IN (\(Array(repeating: "?", count: organisationIDs.count).joined(separator: ", ")))"
            arguments += StatementArguments(organisationIDs)
        }
        return (sql + ")", arguments)
    }
}

extension SQLiteDeskStore {
    /// The ticket with this number if the viewer may see it; otherwise the same "not found"
    /// as for a number that does not exist.
    static func visibleTicket(_ db: Database, number: Int64, viewer: Viewer) throws -> Ticket {
        let visibility = VisibilitySQL.predicate(viewer)
        let row = try Row.fetchOne(
            db, sql: "SELECT t.* FROM ticket t WHERE t.number = ? AND \(visibility.sql)",
            arguments: [number] + visibility.arguments)
        guard let row else { throw DeskError.ticketNotFound(number: number) }
        return RowDecoding.ticket(row, seenBy: viewer)
    }

    static func isWatcher(_ db: Database, ticketID: TicketID, userID: UserID) throws -> Bool {
        try Row.fetchOne(
            db, sql: "SELECT 1 FROM watcher WHERE ticket_id = ? AND user_id = ?",
            arguments: [ticketID, userID]) != nil
    }
}
