import Foundation
import GRDB

/// The data checks of `deskterm doctor` and `deskterm verify` on a SQLite desk, and the repair
/// of what is derived from the rows.
///
/// The file is opened through one SQLite connection of its own and nothing else (principle 9),
/// without migrating it: a health check reports where the schema stands and changes nothing
/// unless asked to repair. Call it in a process that has not opened the desk otherwise.
///
/// The full-text checks are FTS5's `integrity-check` command, an INSERT: SQLite takes the write
/// lock for it, so writers wait while the word indexes are compared with the rows (about a
/// second per 100,000 messages). Everything else only reads.
public enum SQLiteHealthCheck {
    /// Checks the desk at `path`; with `repair`, rebuilds what is derived (the full-text
    /// indexes, the ticket counters, the report's aggregates, message body lengths) in one transaction and checks again.
    /// With `readOnly` (a backup being verified) nothing is written at all: the checks run in a
    /// transaction that is rolled back, and `repair` is ignored.
    public static func check(
        path: String, repair: Bool = false, readOnly: Bool = false, busyTimeout: TimeInterval = 10
    ) -> HealthReport {
        var report = HealthReport(desk: path)
        let queue: DatabaseQueue
        do {
            queue = try open(path: path, busyTimeout: busyTimeout)
        } catch {
            report.found(.couldNotCheck, HealthCheckName.open, error.phrase)
            return report
        }
        defer { try? queue.close() }
        do {
            try queue.inDatabase { db in
                guard try isDesk(db) else {
                    report.found(.couldNotCheck, HealthCheckName.open, DeskError.notADeskDatabase(path: path).phrase)
                    return
                }
                try db.inTransaction(.deferred) {
                    try runChecks(db, into: &report)
                    return .rollback
                }
                try checkWordIndexes(db, into: &report)
                guard repair, !readOnly else { return }
                try repairDerived(db, report: &report)
            }
        } catch {
            report.found(.couldNotCheck, HealthCheckName.open, StorageErrors.map(error, path: path).phrase)
        }
        return report
    }

    static func open(path: String, busyTimeout: TimeInterval) throws(DeskError) -> DatabaseQueue {
        switch try DeskFile.inspect(path) {
        case .missing: throw .refused(.model("No desk at {path}", ["path": .text(path)]))
        case .empty: throw .refused(.model("{path} is an empty file, not a desk", ["path": .text(path)]))
        case .hasContent: break
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = false  // checked by `PRAGMA foreign_key_check`
        configuration.prepareDatabase { db in
            // The triggers and the CJK index call these; a repair writes through them.
            FullTextSwitch().register(in: db)
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StorageErrors.map(error, path: path)
        }
    }

    static func isDesk(_ db: Database) throws -> Bool {
        try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID
    }

    // MARK: - Checks

    private static func runChecks(_ db: Database, into report: inout HealthReport) throws {
        try checkIntegrity(db, into: &report)
        try checkForeignKeys(db, into: &report)
        try checkSchema(db, into: &report)
        try countRows(db, into: &report)
        try checkReadMarks(db, into: &report)
        try checkDerived(db, into: &report)
    }

    private static func checkIntegrity(_ db: Database, into report: inout HealthReport) throws {
        let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
        if lines != ["ok"] {
            report.found(.damaged, HealthCheckName.integrity, HealthFindingDetail.integrity(Array(lines.prefix(5))))
        }
        report.checked.append(HealthCheckName.integrity)
    }

    private static func checkForeignKeys(_ db: Database, into report: inout HealthReport) throws {
        var broken: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0], parent: String = row[2]
            broken["\(table) → \(parent)", default: 0] += 1
        }
        for (link, count) in broken.sorted(by: { $0.key < $1.key }) {
            report.found(.damaged, HealthCheckName.foreignKeys, HealthFindingDetail.brokenLinks(count, link: link))
        }
        report.checked.append(HealthCheckName.foreignKeys)
    }

    private static func checkSchema(_ db: Database, into report: inout HealthReport) throws {
        let migrator = Schema.migrator
        let known = migrator.migrations
        var applied: Set<String> = []
        if try db.tableExists("grdb_migrations") { applied = try migrator.appliedIdentifiers(db) }
        let standing = SchemaStanding(
            applied: applied.count, known: known.count,
            pending: known.filter { !applied.contains($0) },
            unknown: applied.subtracting(known).sorted())
        report.schema = standing
        if !standing.unknown.isEmpty {
            report.found(.schema, HealthCheckName.schema, HealthFindingDetail.unknownMigrations(standing.unknown))
        }
        report.checked.append(HealthCheckName.schema)
    }

    private static let countedTables = ["ticket": "tickets", "message": "messages", "user": "users", "organisation": "organisations", "attachment": "attachments"]

    private static func countRows(_ db: Database, into report: inout HealthReport) throws {
        for (table, name) in countedTables {
            guard try db.tableExists(table) else { continue }
            report.rows[name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
    }

    private static func checkDerived(_ db: Database, into report: inout HealthReport) throws {
        for (index, name) in CJKIndex.all {
            guard try db.tableExists(index.table) else { continue }
            let (missing, extra) = try CJKIndex.difference(db, index)
            if missing + extra > 0 {
                report.found(.derived, name, HealthFindingDetail.cjkIndex(ofTickets: index.table == CJKIndex.ticket.table, missing: missing, extra: extra))
            }
            report.checked.append(name)
        }
        if try db.tableExists("ticket_count") {
            for (key, stored, recounted) in try counterDifferences(db) {
                report.found(.derived, HealthCheckName.counters, HealthFindingDetail.counter(key, stored: stored, recount: recounted))
            }
            report.checked.append(HealthCheckName.counters)
        }
        if try db.tableExists("report_day") {
            let days = try Int.fetchOne(db, sql: ReportSchema.differingDays) ?? 0
            if days > 0 { report.found(.derived, HealthCheckName.reportAggregates, HealthFindingDetail.reportDays(days)) }
            let responses = try Int.fetchOne(db, sql: ReportSchema.differingFirstResponses) ?? 0
            if responses > 0 { report.found(.derived, HealthCheckName.reportAggregates, HealthFindingDetail.firstResponses(responses)) }
            report.checked.append(HealthCheckName.reportAggregates)
        }
        if try db.columns(in: "message").contains(where: { $0.name == "body_length" }) {
            let wrong = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE body_length IS NOT NULL AND body_length != length(body)") ?? 0
            if wrong > 0 {
                report.found(.derived, HealthCheckName.bodyLengths, HealthFindingDetail.bodyLengths(wrong))
            }
            report.checked.append(HealthCheckName.bodyLengths)
        }
    }

    /// The word indexes, in a transaction of their own that takes the write lock at once: FTS5's
    /// `integrity-check` is an INSERT, and a read transaction could not become a write one after
    /// another process committed (SQLITE_BUSY_SNAPSHOT, without waiting).
    private static func checkWordIndexes(_ db: Database, into report: inout HealthReport) throws {
        try db.inTransaction(.immediate) {
            for (table, name) in [("ticket_fts", HealthCheckName.ticketText), ("message_fts", HealthCheckName.messageText)] {
                try checkWordIndex(db, table: table, name: name, into: &report)
            }
            return .rollback
        }
    }

    /// FTS5 compares an external-content index with the rows it indexes; a difference is
    /// SQLITE_CORRUPT_VTAB.
    private static func checkWordIndex(_ db: Database, table: String, name: String, into report: inout HealthReport) throws {
        guard try db.tableExists(table) else { return }
        do {
            try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('integrity-check', 1)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            report.found(.derived, name, HealthFindingDetail.wordIndex(ofTickets: table == "ticket_fts", table: table))
        }
        report.checked.append(name)
    }

    /// (key, stored value or nil when the row is missing, recount) for each counter that is off.
    static func counterDifferences(_ db: Database) throws -> [(String, Int64?, Int64)] {
        let recount = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM ticket),
                   (SELECT COUNT(*) FROM ticket WHERE is_closed = 0),
                   (SELECT COUNT(*) FROM ticket WHERE assignee_id IS NULL AND is_closed = 0)
            """)!
        let expected: [String: Int64] = ["all": recount[0], "open": recount[1], "unassignedOpen": recount[2]]
        let stored = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, n FROM ticket_count").map { row -> (String, Int64) in (row[0], row[1]) })
        return CountSchema.keys.compactMap { key -> (String, Int64?, Int64)? in
            let value = expected[key]!
            return stored[key] == value ? nil : (key, stored[key], value)
        }
    }

    /// A read mark names the last message the user was shown, of that ticket and at that time,
    /// or (0, 0) for "no message". Anything else would show tickets read or unread at random.
    private static func checkReadMarks(_ db: Database, into report: inout HealthReport) throws {
        guard try db.tableExists("ticket_read") else { return }
        let wrong = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM ticket_read r
            WHERE r.marked_unread NOT IN (0, 1)
               OR (r.seen_message_id = 0 AND r.seen_at != 0)
               OR (r.seen_message_id != 0 AND NOT EXISTS (
                    SELECT 1 FROM message m WHERE m.id = r.seen_message_id AND m.ticket_id = r.ticket_id AND m.created_at = r.seen_at))
            """) ?? 0
        if wrong > 0 {
            report.found(.damaged, HealthCheckName.readMarks, HealthFindingDetail.readMarks(wrong))
        }
        report.checked.append(HealthCheckName.readMarks)
    }

    // MARK: - Repair

    /// Rebuilds each derived structure a check found wrong, in one IMMEDIATE transaction, then
    /// runs those checks again and marks the findings they no longer make as repaired. A
    /// damaged file is left alone: rebuilding from rows SQLite cannot read makes it worse.
    private static func repairDerived(_ db: Database, report: inout HealthReport) throws {
        let wrong = Set(report.findings.filter { $0.kind == .derived }.map(\.check))
        guard !wrong.isEmpty, !report.hasFinding(HealthCheckName.integrity) else { return }
        try db.inTransaction(.immediate) {
            if wrong.contains(HealthCheckName.ticketText) { try db.execute(sql: "INSERT INTO ticket_fts(ticket_fts) VALUES('rebuild')") }
            if wrong.contains(HealthCheckName.messageText) { try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES('rebuild')") }
            for (index, name) in CJKIndex.all where wrong.contains(name) { try CJKIndex.rebuild(db, index) }
            if wrong.contains(HealthCheckName.counters) { try db.execute(sql: CountSchema.recount) }
            if wrong.contains(HealthCheckName.reportAggregates) {
                for statement in ReportSchema.recount { try db.execute(sql: statement) }
            }
            if wrong.contains(HealthCheckName.bodyLengths) {
                try db.execute(sql: "UPDATE message SET body_length = length(body) WHERE body_length IS NOT NULL AND body_length != length(body)")
            }
            // Open clients reload what they show (tab counts).
            try db.execute(sql: "UPDATE desk_change SET counter = counter + 1 WHERE id = 1")
            return .commit
        }
        var again = HealthReport(desk: report.desk)
        try db.inTransaction(.deferred) {
            try checkDerived(db, into: &again)
            return .rollback
        }
        try checkWordIndexes(db, into: &again)
        for index in report.findings.indices where report.findings[index].kind == .derived {
            report.findings[index].repaired = !again.hasFinding(report.findings[index].check)
        }
    }
}

/// The CJK index's two contentless tables: which rows they hold, against which they should.
enum CJKIndex {
    struct Table {
        let table: String
        let rows: String
        let expected: String
    }

    static let ticket = Table(table: "ticket_cjk", rows: "tickets", expected: "SELECT id FROM ticket WHERE deskterm_has_cjk(subject, description)")
    static let message = Table(table: "message_cjk", rows: "messages", expected: "SELECT id FROM message WHERE deskterm_has_cjk(body)")
    static let all = [(ticket, HealthCheckName.ticketCJK), (message, HealthCheckName.messageCJK)]

    /// A contentless table cannot be scanned; its `instance` vocabulary lists the rows it indexes.
    static func difference(_ db: Database, _ index: Table) throws -> (missing: Int, extra: Int) {
        let vocabulary = "temp.doctor_\(index.table)_rows"
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS \(vocabulary) USING fts5vocab(main, \(index.table), instance)")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS \(vocabulary)") }
        let indexed = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT doc FROM \(vocabulary)"))
        let expected = Set(try Int64.fetchAll(db, sql: index.expected))
        return (expected.subtracting(indexed).count, indexed.subtracting(expected).count)
    }

    static func rebuild(_ db: Database, _ index: Table) throws {
        try db.execute(sql: "INSERT INTO \(index.table)(\(index.table)) VALUES('delete-all')")
        let statements = CJKSchema.indexStatements()
        try db.execute(sql: index.table == ticket.table ? statements[0] : statements[1])
    }
}
