import GRDB

/// What a bulk load of a fresh SQLite desk turns off while rows go in, and builds once at the
/// end: the list indexes, the history indexes, the full-text and CJK triggers, the counter
/// triggers and the report's aggregates. Used by the bulk generator and by `deskterm copy`.
enum SQLiteBulkStructures {
    static func drop(_ db: Database) throws {
        for index in Schema.listIndexes + PublicUpdateTimeSchema.indexes + ServiceLevelSchema.namedIndexes + ReportSchema.namedIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        try db.execute(sql: "DROP INDEX IF EXISTS message_ticket")
        try db.execute(sql: "DROP INDEX IF EXISTS message_outline")
        for name in Schema.ftsTriggerNames + CJKSchema.triggerNames + CountSchema.triggerNames + ReportSchema.triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    }

    /// Builds everything `drop` removed, over the rows now in the desk; `progress` gets each
    /// step's phase, its position and the number of steps.
    static func build(_ db: Database, progress: (String, Int, Int) -> Void) throws {
        var steps: [(String, String)] = (Schema.listIndexes + PublicUpdateTimeSchema.indexes + ServiceLevelSchema.namedIndexes).map { ("indexes", $0.create) }
        steps.append(("indexes", "CREATE INDEX message_ticket ON message(ticket_id, created_at)"))
        steps.append(("indexes", MessageBodyLengthSchema.outlineIndex))
        steps.append(("full-text index", "INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')"))
        steps.append(("full-text index", "INSERT INTO message_fts(message_fts) VALUES ('rebuild')"))
        steps += CJKSchema.indexStatements().map { ("full-text index", $0) }
        steps += Schema.ftsTriggers.map { ("triggers", $0) }
        steps += CJKSchema.triggers.map { ("triggers", $0) }
        steps += CountSchema.triggers.map { ("triggers", $0) }
        steps.append(("counts", CountSchema.recount))
        // The report's aggregates before their indexes, so the first-response backfill maintains none.
        steps += ReportSchema.recount.map { ("counts", $0) }
        steps += ReportSchema.namedIndexes.map { ("indexes", $0.create) }
        steps += ReportSchema.triggers.map { ("triggers", $0) }
        steps.append(("statistics", "PRAGMA analysis_limit = 1000"))
        steps.append(("statistics", "ANALYZE"))
        for (index, step) in steps.enumerated() {
            progress(step.0, index, steps.count)
            try db.execute(sql: step.1)
        }
        progress("done", steps.count, steps.count)
    }
}
