import DeskModel
import DeskPostgres
import Foundation

/// `deskterm doctor` on a PostgreSQL desk: what is meaningful there. The schema's steps against
/// this binary's, the ticket counters against a recount (`--repair` recounts them), read marks,
/// row counts. Nothing else needs a check of ours: the search words and body lengths are
/// generated columns PostgreSQL computes from the rows (they cannot disagree with them), foreign
/// keys are enforced in every transaction, and the server's files are the server's; its
/// indexes are checked by amcheck (`bt_index_check`, as a superuser; `scripts/torture` does).
/// The desk is not migrated.
public enum PostgresHealthCheck {
    public static func check(address: PostgresDeskAddress, repair: Bool) -> HealthReport {
        var report = HealthReport(desk: address.description)
        do {
            let storage = try PostgresDeskStorage(address: address)
            try storage.withConnection { db in
                guard let applied = try PostgresMigrator.appliedSteps(db) else {
                    report.found(.couldNotCheck, HealthCheckName.open, HealthFindingDetail.noDesk(in: address.description))
                    return
                }
                try db.transaction(.repeatableReadReadOnly) { db in
                    try checkSchema(applied: applied, into: &report)
                    try countRows(db, into: &report)
                    try checkReadMarks(db, into: &report)
                    try checkCounters(db, into: &report)
                }
                guard repair, report.hasFinding(HealthCheckName.counters) else { return }
                try db.transaction(.readCommitted) { db in try db.execute(PostgresSchema.recountTicketsSQL) }
                var again = HealthReport(desk: report.desk)
                try db.transaction(.repeatableReadReadOnly) { db in try checkCounters(db, into: &again) }
                for index in report.findings.indices where report.findings[index].check == HealthCheckName.counters {
                    report.findings[index].repaired = !again.hasFinding(HealthCheckName.counters)
                }
            }
        } catch {
            report.found(.couldNotCheck, HealthCheckName.open, error.phrase)
        }
        return report
    }

    private static func checkSchema(applied: [String], into report: inout HealthReport) throws {
        let known = PostgresSchema.steps.map(\.name)
        let standing = SchemaStanding(
            applied: applied.count, known: known.count,
            pending: known.filter { !applied.contains($0) }, unknown: applied.filter { !known.contains($0) })
        report.schema = standing
        if !standing.unknown.isEmpty {
            report.found(.schema, HealthCheckName.schema, HealthFindingDetail.unknownSteps(standing.unknown))
        }
        report.checked.append(HealthCheckName.schema)
    }

    private static func countRows(_ db: PostgresConnection, into report: inout HealthReport) throws {
        for (table, name) in [("ticket", "tickets"), ("message", "messages"), ("\"user\"", "users"), ("organisation", "organisations"), ("attachment", "attachments")] {
            report.rows[name] = try db.query("SELECT count(*) FROM \(table)")[0].decode(Int.self, at: 0)
        }
    }

    private static func checkCounters(_ db: PostgresConnection, into report: inout HealthReport) throws {
        let recount = try db.query("""
            SELECT (SELECT count(*) FROM ticket), (SELECT count(*) FROM ticket WHERE NOT is_closed),
                   (SELECT count(*) FROM ticket WHERE NOT is_closed AND assignee_id IS NULL)
            """)[0]
        let expected: [String: Int64] = [
            "all": try recount.decode(Int64.self, at: 0), "open": try recount.decode(Int64.self, at: 1),
            "unassignedOpen": try recount.decode(Int64.self, at: 2),
        ]
        var stored: [String: Int64] = [:]
        for row in try db.query("SELECT key, n FROM ticket_count") {
            stored[try row.decode(String.self, at: 0)] = try row.decode(Int64.self, at: 1)
        }
        for key in PostgresSchema.ticketCountKeys where stored[key] != expected[key] {
            report.found(.derived, HealthCheckName.counters, HealthFindingDetail.counter(key, stored: stored[key], recount: expected[key]!))
        }
        report.checked.append(HealthCheckName.counters)
    }

    private static func checkReadMarks(_ db: PostgresConnection, into report: inout HealthReport) throws {
        let wrong = try db.query("""
            SELECT count(*) FROM ticket_read r
            WHERE (r.seen_message_id = 0 AND r.seen_at <> 0)
               OR (r.seen_message_id <> 0 AND NOT EXISTS (
                    SELECT 1 FROM message m WHERE m.id = r.seen_message_id AND m.ticket_id = r.ticket_id AND m.created_at = r.seen_at))
            """)[0].decode(Int.self, at: 0)
        if wrong > 0 {
            report.found(.damaged, HealthCheckName.readMarks, HealthFindingDetail.readMarks(wrong))
        }
        report.checked.append(HealthCheckName.readMarks)
    }
}
