import Foundation
import GRDB

/// A `TicketFilter` as one SQL condition over `ticket` aliased `t`, values as arguments.
///
/// It is always ANDed to a query that already keeps to what the viewer may see (a view's
/// branches, `VisibilitySQL`), so it can only narrow. Every page must stay an index range in
/// the view's order (`ListQuery`), so a condition may steer the planner only where any index
/// it picks still reads in that order: one person or organisation (every list index on those
/// columns ends in each sort column) or a time range on the sort column itself. Every other
/// condition is written on `+column`, which SQLite never serves from an index, and is checked
/// on the rows the view's index yields.
struct FilterSQL {
    var sql: String
    var arguments: StatementArguments

    static let none = FilterSQL(sql: "1", arguments: [])

    var isEmpty: Bool { sql == "1" }

    /// `orderColumn`: the ticket column the page reads in index order (nil: none, as in Recent).
    /// The filter's status words are already read for the reader (`TicketListQuery`).
    static func compile(
        _ filter: TicketFilter, reader: ListReader, now: Date, db: Database, orderColumn: String?
    ) throws -> FilterSQL {
        guard !filter.isEmpty else { return .none }
        let names = FilterNames(lookup: SQLiteFilterNameLookup(db: db), reader: reader)
        var parts: [String] = []
        var arguments: StatementArguments = []
        for clause in filter.clauses {
            var condition = try Self.condition(
                clause.condition, names: names, visibility: reader.visibility, now: now,
                orderColumn: clause.negated ? nil : orderColumn, indexable: !clause.negated)
            // NULL (an unassigned ticket, no organisation) is "not this one", not "unknown".
            if clause.negated { condition.sql = "NOT COALESCE((\(condition.sql)), 0)" }
            parts.append("(\(condition.sql))")
            arguments += condition.arguments
        }
        return FilterSQL(sql: parts.joined(separator: " AND "), arguments: arguments)
    }

    private static func condition(
        _ condition: FilterCondition, names: FilterNames, visibility: TicketVisibility, now: Date, orderColumn: String?,
        indexable: Bool
    ) throws -> FilterSQL {
        switch condition {
        case .status(let statuses):
            return oneOf("+t.status", statuses.map(\.rawValue))
        case .urgency(let urgencies):
            return oneOf("+t.urgency", urgencies.map(\.rawValue))
        case .kind(let kinds):
            return oneOf("+t.kind", kinds.map(\.rawValue))
        case .assignee(let people):
            let found = try names.userIDs(people)
            return person("assignee_id", found.ids, orNull: found.nobody, indexable: indexable)
        case .requester(let people):
            return person("requester_id", try names.userIDs(people).ids, orNull: false, indexable: indexable)
        case .watcher(let people):
            let ids = try names.userIDs(people).ids
            guard !ids.isEmpty else { return FilterSQL(sql: "0", arguments: []) }
            return FilterSQL(
                sql: "EXISTS (SELECT 1 FROM watcher fw WHERE fw.ticket_id = t.id AND fw.user_id IN (\(placeholders(ids.count))))",
                arguments: StatementArguments(ids))
        case .organisation(let organisations):
            return person("organisation_id", try names.organisationIDs(organisations), orNull: false, indexable: indexable)
        case .updated(let range):
            let column = PublicUpdateTimeSchema.updatedColumn(seenBy: visibility)
            return time(column, range, now: now, indexable: orderColumn == column)
        case .created(let range):
            return time("created_at", range, now: now, indexable: orderColumn == "created_at")
        case .callback(let states):
            let names = states.map(\.rawValue).sorted()
            guard !names.isEmpty else { return FilterSQL(sql: "0", arguments: []) }
            var arguments = StatementArguments(names)
            var own = ""
            if case .customer(let userID, _) = visibility {
                own = " AND fc.requester_id = ?"
                arguments += [userID]
            }
            return FilterSQL(
                sql: "EXISTS (SELECT 1 FROM callback_request fc WHERE fc.ticket_id = t.id AND fc.state IN (\(placeholders(names.count)))\(own))",
                arguments: arguments)
        }
    }

    private static func oneOf(_ column: String, _ values: [String]) -> FilterSQL {
        guard !values.isEmpty else { return FilterSQL(sql: "0", arguments: []) }
        return FilterSQL(sql: "\(column) IN (\(placeholders(values.count)))", arguments: StatementArguments(values.sorted()))
    }

    /// A column of ids: one id may use the list indexes on it; several, or "or none", may not
    /// (an IN list or an OR over an index breaks its order).
    private static func person(_ column: String, _ ids: [Int64], orNull: Bool, indexable: Bool) -> FilterSQL {
        let ids = Array(Set(ids)).sorted()
        switch (ids.count, orNull) {
        case (0, false): return FilterSQL(sql: "0", arguments: [])
        case (0, true): return FilterSQL(sql: "+t.\(column) IS NULL", arguments: [])
        case (1, false) where indexable: return FilterSQL(sql: "t.\(column) = ?", arguments: [ids[0]])
        default:
            let list = "+t.\(column) IN (\(placeholders(ids.count)))"
            return FilterSQL(sql: orNull ? "+t.\(column) IS NULL OR \(list)" : list, arguments: StatementArguments(ids))
        }
    }

    private static func time(_ column: String, _ range: TimeRange, now: Date, indexable: Bool) -> FilterSQL {
        let name = indexable ? "t.\(column)" : "+t.\(column)"
        var parts: [String] = []
        var arguments: StatementArguments = []
        if let from = range.from {
            parts.append("\(name) >= ?")
            arguments += [from.date(now: now).deskSeconds]
        }
        if let until = range.until {
            parts.append("\(name) < ?")
            arguments += [until.date(now: now).deskSeconds]
        }
        return FilterSQL(sql: parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments: arguments)
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
