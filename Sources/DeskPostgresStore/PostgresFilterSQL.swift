import DeskModel
import DeskPostgres
import Foundation

/// A `TicketFilter` as one PostgreSQL condition over `ticket` aliased `t` (SQLite's
/// `FilterSQL`, the same conditions). It is always ANDed to a query that already keeps to what
/// the viewer may see, so it can only narrow. A negated clause treats NULL (an unassigned
/// ticket, no organisation) as "not this one", not "unknown".
enum PostgresFilterSQL {
    static func compile(_ filter: TicketFilter, reader: ListReader, now: Date, db: PostgresConnection) throws -> PostgresQueryFragment {
        guard !filter.isEmpty else { return .always }
        let names = FilterNames(lookup: PostgresFilterNameLookup(db: db), reader: reader)
        var parts: [PostgresQueryFragment] = []
        for clause in filter.clauses {
            var condition = try Self.condition(clause.condition, names: names, visibility: reader.visibility, now: now)
            condition.sql = clause.negated ? "NOT COALESCE((\(condition.sql)), false)" : "(\(condition.sql))"
            parts.append(condition)
        }
        return parts.dropFirst().reduce(parts[0]) { $0.and($1) }
    }

    private static func condition(
        _ condition: FilterCondition, names: FilterNames, visibility: TicketVisibility, now: Date
    ) throws -> PostgresQueryFragment {
        switch condition {
        case .status(let statuses): return oneOf("t.status", statuses.map(\.rawValue))
        case .urgency(let urgencies): return oneOf("t.urgency", urgencies.map(\.rawValue))
        case .kind(let kinds): return oneOf("t.kind", kinds.map(\.rawValue))
        case .assignee(let people):
            let found = try names.userIDs(people)
            return person("assignee_id", found.ids, orNull: found.nobody)
        case .requester(let people):
            return person("requester_id", try names.userIDs(people).ids, orNull: false)
        case .watcher(let people):
            let ids = Array(Set(try names.userIDs(people).ids)).sorted()
            guard !ids.isEmpty else { return .never }
            return PostgresQueryFragment(
                "EXISTS (SELECT 1 FROM watcher fw WHERE fw.ticket_id = t.id AND fw.user_id IN (\(PostgresQueryFragment.placeholders(ids.count))))",
                ids.map(PostgresValue.int))
        case .organisation(let organisations):
            return person("organisation_id", try names.organisationIDs(organisations), orNull: false)
        case .updated(let range):
            return time(PublicUpdateTimeSchema.updatedColumn(seenBy: visibility), range, now: now)
        case .created(let range):
            return time("created_at", range, now: now)
        case .callback(let states):
            let names = states.map(\.rawValue).sorted()
            guard !names.isEmpty else { return .never }
            var values = names.map(PostgresValue.text)
            var own = ""
            if case .customer(let userID, _) = visibility {
                own = " AND fc.requester_id = ?"
                values.append(.int(userID))
            }
            return PostgresQueryFragment(
                "EXISTS (SELECT 1 FROM callback_request fc WHERE fc.ticket_id = t.id AND fc.state IN (\(PostgresQueryFragment.placeholders(names.count)))\(own))",
                values)
        }
    }

    private static func oneOf(_ column: String, _ values: [String]) -> PostgresQueryFragment {
        guard !values.isEmpty else { return .never }
        return PostgresQueryFragment(
            "\(column) IN (\(PostgresQueryFragment.placeholders(values.count)))", values.sorted().map(PostgresValue.text))
    }

    private static func person(_ column: String, _ ids: [Int64], orNull: Bool) -> PostgresQueryFragment {
        let ids = Array(Set(ids)).sorted()
        switch (ids.count, orNull) {
        case (0, false): return .never
        case (0, true): return PostgresQueryFragment("t.\(column) IS NULL")
        default:
            let list = "t.\(column) IN (\(PostgresQueryFragment.placeholders(ids.count)))"
            return PostgresQueryFragment(orNull ? "t.\(column) IS NULL OR \(list)" : list, ids.map(PostgresValue.int))
        }
    }

    private static func time(_ column: String, _ range: TimeRange, now: Date) -> PostgresQueryFragment {
        var parts: [String] = []
        var values: [PostgresValue] = []
        if let from = range.from {
            parts.append("t.\(column) >= ?")
            values.append(.int(from.date(now: now).deskSeconds))
        }
        if let until = range.until {
            parts.append("t.\(column) < ?")
            values.append(.int(until.date(now: now).deskSeconds))
        }
        return parts.isEmpty ? .always : PostgresQueryFragment(parts.joined(separator: " AND "), values)
    }
}
