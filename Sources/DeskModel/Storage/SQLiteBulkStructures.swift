import GRDB

/// What a bulk load of a SQLite desk turns off while rows go in, and builds once at the end:
/// the list indexes, the history indexes, the full-text and CJK triggers, the counter triggers
/// and the report's aggregates. Used by the bulk generator, by `deskterm copy` and by a bulk
/// import (`SQLiteDeskStore.bulkImport`).
enum SQLiteBulkStructures {
    /// What an import into a desk that may already hold rows needs kept or done differently.
    struct Import {
        /// The rows already in the desk, which are in the full-text indexes already: only the
        /// rows after them are indexed (the desk's own ones, not the whole desk again).
        var ticketsBefore: Int64
        var messagesBefore: Int64
    }

    static let fullTextTables = ["ticket_fts", "message_fts", "ticket_cjk", "message_cjk"]
    /// FTS5's own default (`FTS5_DEFAULT_HASHSIZE`), and the size measured best for a bulk build:
    /// 200,000 tickets' full-text index in 3.0 s instead of 5.5 s, and the import's peak memory
    /// 217 MB instead of 420 MB (fewer, larger segments to merge).
    static let defaultHashSize = 1_048_576
    static let bulkHashSize = 33_554_432

    /// `import` keeps `message_ticket`: the import asks for the replies of a ticket it continues.
    static func drop(_ db: Database, import: Import? = nil) throws {
        for index in Schema.listIndexes + PublicUpdateTimeSchema.indexes + ServiceLevelSchema.namedIndexes + ReportSchema.namedIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        if `import` == nil { try db.execute(sql: "DROP INDEX IF EXISTS message_ticket") }
        try db.execute(sql: "DROP INDEX IF EXISTS message_outline")
        for name in Schema.ftsTriggerNames + CJKSchema.triggerNames + CountSchema.triggerNames + ReportSchema.triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    }

    /// Builds everything `drop` removed, over the rows now in the desk; `progress` gets each
    /// step's phase, its position and the number of steps.
    static func build(_ db: Database, import: Import? = nil, progress: (String, Int, Int) -> Void) throws {
        var steps: [(String, String)] = (Schema.listIndexes + PublicUpdateTimeSchema.indexes + ServiceLevelSchema.namedIndexes).map { ("indexes", $0.create) }
        if `import` == nil { steps.append(("indexes", "CREATE INDEX message_ticket ON message(ticket_id, created_at)")) }
        steps.append(("indexes", MessageBodyLengthSchema.outlineIndex))
        // FTS5 writes its pending terms out as a new segment each time they pass its hash size
        // (1 MiB by default) and merges segments as it goes: a larger one while the indexes are
        // filled halves their build, and the default comes back before the commit.
        steps += fullTextTables.map { ("full-text index", "INSERT INTO \($0)(\($0), rank) VALUES ('hashsize', \(bulkHashSize))") }
        if let `import` {
            steps.append(("full-text index", """
                INSERT INTO ticket_fts(rowid, subject, description) SELECT id, subject, description FROM ticket WHERE id > \(`import`.ticketsBefore)
                """))
            steps.append(("full-text index", "INSERT INTO message_fts(rowid, body) SELECT id, body FROM message WHERE id > \(`import`.messagesBefore)"))
            steps += CJKSchema.indexStatements(ticketsAfter: `import`.ticketsBefore, messagesAfter: `import`.messagesBefore).map { ("full-text index", $0) }
        } else {
            steps.append(("full-text index", "INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')"))
            steps.append(("full-text index", "INSERT INTO message_fts(message_fts) VALUES ('rebuild')"))
            steps += CJKSchema.indexStatements().map { ("full-text index", $0) }
        }
        steps += fullTextTables.map { ("full-text index", "INSERT INTO \($0)(\($0), rank) VALUES ('hashsize', \(defaultHashSize))") }
        steps += Schema.ftsTriggers.map { ("triggers", $0) }
        steps += CJKSchema.triggers.map { ("triggers", $0) }
        steps += CountSchema.triggers.map { ("triggers", $0) }
        steps.append(("counts", CountSchema.recount))
        // The report's aggregates before their indexes, so the first-response backfill maintains none.
        steps += (`import` == nil ? ReportSchema.recount : ReportSchema.recountDays).map { ("counts", $0) }
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
