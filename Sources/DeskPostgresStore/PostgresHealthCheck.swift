import DeskModel
import DeskPostgres
import Foundation

/// `deskterm doctor` on a PostgreSQL desk: what is meaningful there. The schema's steps against
/// this binary's, the ticket counters and the report's aggregates against a recount (`--repair` recounts them), read marks,
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
                    try checkReportAggregates(db, into: &report)
                }
                let repairs = [(HealthCheckName.counters, PostgresSchema.recountTicketsSQL), (HealthCheckName.reportAggregates, PostgresSchema.recountReportsSQL)]
                    .filter { report.hasFinding($0.0) }
                guard repair, !repairs.isEmpty else { return }
                try db.transaction(.readCommitted) { db in
                    for (_, recount) in repairs { _ = try db.query(recount) }
                }
                var again = HealthReport(desk: report.desk)
                try db.transaction(.repeatableReadReadOnly) { db in
                    try checkCounters(db, into: &again)
                    try checkReportAggregates(db, into: &again)
                }
                for index in report.findings.indices where repairs.contains(where: { $0.0 == report.findings[index].check }) {
                    report.findings[index].repaired = !again.hasFinding(report.findings[index].check)
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

    /// The report's kept aggregates (`pg15-reports`) against a recount from the tickets and their history.
    private static func checkReportAggregates(_ db: PostgresConnection, into report: inout HealthReport) throws {
        guard try db.query("SELECT to_regclass('report_day') IS NOT NULL")[0].decode(Bool.self, at: 0) else { return }
        let recountedDays = """
            SELECT day, organisation_id, sum(opened)::bigint AS opened, sum(closed)::bigint AS closed FROM (
                SELECT created_at / 86400 AS day, coalesce(organisation_id, 0) AS organisation_id, 1 AS opened, 0 AS closed FROM ticket
                UNION ALL
                SELECT updated_at / 86400, coalesce(organisation_id, 0), 0, 1 FROM ticket WHERE status = 'closed'
            ) c GROUP BY day, organisation_id
            """
        let days = try db.query("""
            WITH recounted AS (\(recountedDays)),
                 kept AS (SELECT day, organisation_id, opened, closed FROM report_day WHERE opened <> 0 OR closed <> 0)
            SELECT count(*) FROM (
                SELECT day, organisation_id FROM (SELECT * FROM recounted EXCEPT SELECT * FROM kept) a
                UNION SELECT day, organisation_id FROM (SELECT * FROM kept EXCEPT SELECT * FROM recounted) b) c
            """)[0].decode(Int.self, at: 0)
        if days > 0 { report.found(.derived, HealthCheckName.reportAggregates, HealthFindingDetail.reportDays(days)) }
        let responses = try db.query("""
            SELECT count(*) FROM ticket t LEFT JOIN (
                SELECT m.ticket_id, min(m.created_at) AS at FROM message m JOIN "user" u ON u.id = m.author_id
                WHERE m.kind = 'reply' AND u.role <> 'customer' GROUP BY m.ticket_id) r ON r.ticket_id = t.id
            WHERE t.first_response_at IS DISTINCT FROM r.at
            """)[0].decode(Int.self, at: 0)
        if responses > 0 { report.found(.derived, HealthCheckName.reportAggregates, HealthFindingDetail.firstResponses(responses)) }
        report.checked.append(HealthCheckName.reportAggregates)
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
