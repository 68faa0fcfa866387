import GRDB
import GRDBSQLite

/// The report's aggregates (`ReportRows`): the kept per-day counts (`report_day`), ranges of
/// the report's covering indexes (`ReportSchema`), or one agent's `(assignee_id, is_closed, …)` range.
extension SQLiteRows: ReportRows {
    /// `?1` and `?2` are the period; `?3` the organisation when one is given.
    private func period(_ from: Int64, _ to: Int64, _ organisationID: OrganisationID?) -> (restriction: String, arguments: StatementArguments) {
        guard let organisationID else { return ("", [from, to]) }
        return (" AND t.organisation_id = ?3", [from, to, organisationID])
    }

    /// The chart and the busiest organisations in one pass over the period's kept rows, in
    /// day order, summed here: SQLite's `GROUP BY organisation_id` sorted a year's 600,000 rows
    /// of a large desk first, and a second pass read them all again. Names and open counts
    /// are read for the few organisations shown only.
    func reportActivity(from: Int64, to: Int64, organisationID: OrganisationID?, busiest limit: Int) throws -> ReportActivity {
        let (restriction, arguments) = period(from, to, organisationID)
        // In the column's own order (NOCASE), which breaks ties between the busiest.
        var names: [Int64: (order: Int, name: String)] = [:]
        if organisationID == nil {
            for (order, row) in try Row.fetchAll(db, sql: "SELECT id, name FROM organisation ORDER BY name").enumerated() {
                names[row[0]] = (order, row[1])
            }
        }
        var opened = ReportIDTable(largestID: names.keys.max() ?? 0, count: names.count, empty: 0)
        var days = [(opened: Int, closed: Int)](repeating: (0, 0), count: Int((to - from + 86_399) / 86_400))
        try eachRow("""
            SELECT day - ?1 / 86400, organisation_id, opened, closed FROM report_day t
            WHERE day >= ?1 / 86400 AND day < (?2 + 86399) / 86400\(restriction)
            """, arguments) { raw in
            let day = Int(sqlite3_column_int64(raw, 0))
            guard days.indices.contains(day) else { return }
            let count = Int(sqlite3_column_int64(raw, 2))
            days[day].opened += count
            days[day].closed += Int(sqlite3_column_int64(raw, 3))
            if organisationID == nil, count != 0 { opened[sqlite3_column_int64(raw, 1)] += count }
        }
        var activity = ReportActivity()
        for (day, counts) in days.enumerated() where counts != (0, 0) { activity.perDay[day] = counts }
        guard organisationID == nil else { return activity }
        let busiest = opened.entries { $0 > 0 }.compactMap { id, count in
            id == 0 ? nil : names[id].map { (id: id, order: $0.order, name: $0.name, opened: count) }
        }
        .sorted { ($0.opened, $1.order) > ($1.opened, $0.order) }
        .prefix(limit)
        activity.busiest = try busiest.map { organisation in
            let open = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM ticket WHERE organisation_id = ? AND is_closed = 0", arguments: [organisation.id]) ?? 0
            return (organisation.name, organisation.opened, open)
        }
        return activity
    }

    /// Steps a statement of its own straight through the C API, `body` reading each row's
    /// columns: through `Row` the reading cost several times what SQLite spends on a range.
    private func eachRow(_ sql: String, _ arguments: StatementArguments, _ body: (SQLiteStatement) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body(raw)
        }
    }

    func reportBacklog(organisationID: OrganisationID?) throws -> [(status: TicketStatus, urgency: Urgency, count: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?"
        let arguments: StatementArguments = organisationID.map { [$0] } ?? []
        return try Row.fetchAll(db, sql: """
            SELECT t.status, t.urgency, COUNT(*) FROM ticket t INDEXED BY ticket_report_backlog
            WHERE t.is_closed = 0\(restriction) GROUP BY t.status, t.urgency
            """, arguments: arguments).compactMap { row in
            guard let status = TicketStatus(rawValue: row[0]), let urgency = Urgency(rawValue: row[1]) else { return nil }
            return (status, urgency, row[2])
        }
    }

    /// Rows of (organisation id, urgency, start, end): a year of a large desk is a million of
    /// them, so the columns are read straight from the statement (through `Row` and a string
    /// per urgency the reading cost several times what SQLite spends on the range).
    private func timings(_ sql: String, _ arguments: StatementArguments) throws -> [ReportTiming] {
        let tiers = try ReportTierLookup(db)
        var timings: [ReportTiming] = []
        try eachRow(sql, arguments) { raw in
            let organisationID = sqlite3_column_type(raw, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(raw, 0)
            timings.append(ReportTiming(
                tier: organisationID.flatMap(tiers.tier), urgency: ReportUrgencyColumn.urgency(raw, 1),
                start: sqlite3_column_int64(raw, 2), end: sqlite3_column_int64(raw, 3)))
        }
        return timings
    }

    func reportFirstResponses(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.first_response_at FROM ticket t INDEXED BY ticket_report_opened
            WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.first_response_at IS NOT NULL\(restriction)
            """, arguments)
    }

    func reportResolutions(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [ReportTiming] {
        let (restriction, arguments) = period(from, to, organisationID)
        return try timings("""
            SELECT t.organisation_id, t.urgency, t.created_at, t.updated_at FROM ticket t INDEXED BY ticket_report_closed
            WHERE t.status = 'closed' AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction)
            """, arguments)
    }

    func reportAgentLoad(from: Int64, to: Int64, organisationID: OrganisationID?) throws -> [(handle: String, open: Int, closed: Int)] {
        let restriction = organisationID == nil ? "" : " AND t.organisation_id = ?3"
        let arguments: StatementArguments = organisationID.map { [from, to, $0] } ?? [from, to]
        return try Row.fetchAll(db, sql: """
            SELECT u.handle,
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.is_closed = 0\(restriction)),
                (SELECT COUNT(*) FROM ticket t WHERE t.assignee_id = u.id AND t.is_closed = 1
                    AND t.updated_at >= ?1 AND t.updated_at < ?2\(restriction))
            FROM user u WHERE u.role != 'customer' ORDER BY u.handle
            """, arguments: arguments).map { row in (row[0], row[1], row[2]) }
    }
}

/// Organisations' tiers, read once per report.
private struct ReportTierLookup {
    private var tiers: ReportIDTable<SupportTier?>

    init(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, tier FROM organisation")
        tiers = ReportIDTable(largestID: rows.lazy.map { $0[0] as Int64 }.max() ?? 0, count: rows.count, empty: nil)
        for row in rows { tiers[row[0]] = SupportTier(rawValue: row[1]) }
    }

    func tier(_ organisationID: Int64) -> SupportTier? { tiers[organisationID] }
}

/// The urgency column read as bytes: anything unknown is `.none`, as `Urgency(rawValue:)`
/// with a default reads it.
private enum ReportUrgencyColumn {
    static func urgency(_ statement: SQLiteStatement, _ column: Int32) -> Urgency {
        guard let text = sqlite3_column_text(statement, column) else { return .none }
        let length = Int(sqlite3_column_bytes(statement, column))
        guard length > 0 else { return .none }
        let candidate: Urgency
        switch text[0] {
        case UInt8(ascii: "l"): candidate = .low
        case UInt8(ascii: "s"): candidate = .serious
        case UInt8(ascii: "c"): candidate = .critical
        default: return .none
        }
        return candidate.rawValue.utf8.elementsEqual(UnsafeBufferPointer(start: text, count: length)) ? candidate : .none
    }
}

/// Values by organisation id, for a million look-ups a report: by position when the ids are
/// dense (they are row ids), so no hashing; in a dictionary otherwise.
struct ReportIDTable<Value> {
    private let empty: Value
    private var byPosition: [Value]
    private var byID: [Int64: Value] = [:]

    init(largestID: Int64, count: Int, empty: Value) {
        self.empty = empty
        let dense = largestID >= 0 && largestID <= Int64(count) * 4 + 1_024
        byPosition = [Value](repeating: empty, count: dense ? Int(largestID) + 1 : 0)
    }

    subscript(id: Int64) -> Value {
        get { id >= 0 && id < Int64(byPosition.count) ? byPosition[Int(id)] : byID[id] ?? empty }
        set {
            if id >= 0 && id < Int64(byPosition.count) { byPosition[Int(id)] = newValue } else { byID[id] = newValue }
        }
    }

    /// Every id and its value, where `isSet` says the value is one.
    func entries(where isSet: (Value) -> Bool) -> [(id: Int64, value: Value)] {
        byPosition.indices.compactMap { isSet(byPosition[$0]) ? (Int64($0), byPosition[$0]) : nil }
            + byID.compactMap { isSet($0.value) ? ($0.key, $0.value) : nil }
    }
}
