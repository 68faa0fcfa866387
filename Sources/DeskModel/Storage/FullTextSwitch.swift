import Foundation
import GRDB

/// The full-text insert triggers fire only when `deskterm_fts_live()` is true. Every desk
/// connection defines it, true unless this process is in a bulk write that indexes its new
/// rows in one statement at the end of the same transaction: row-by-row indexing made an
/// import spend two thirds of its time in FTS5, one `INSERT ... SELECT` takes a fifth of that.
/// Other processes are unaffected: their connections answer true.
final class FullTextSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var deferred = false

    var isLive: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !deferred
    }

    /// Defines the functions the full-text triggers call (the CJK index's too).
    func register(in db: Database) {
        db.add(function: DatabaseFunction("deskterm_fts_live", argumentCount: 0, pure: false) { [self] _ in
            isLive
        })
        CJKSchema.registerFunctions(in: db)
    }

    /// Runs `body` (inside a write transaction) with row-by-row indexing off, then indexes the
    /// tickets and messages it inserted, in the word index and the CJK index.
    func deferIndexing<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let ticketsBefore = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM ticket") ?? 0
        let messagesBefore = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM message") ?? 0
        set(deferred: true)
        defer { set(deferred: false) }
        let result = try body()
        try db.execute(
            sql: "INSERT INTO ticket_fts(rowid, subject, description) SELECT id, subject, description FROM ticket WHERE id > ?",
            arguments: [ticketsBefore])
        try db.execute(sql: "INSERT INTO message_fts(rowid, body) SELECT id, body FROM message WHERE id > ?", arguments: [messagesBefore])
        for statement in CJKSchema.indexStatements(ticketsAfter: ticketsBefore, messagesAfter: messagesBefore) {
            try db.execute(sql: statement)
        }
        return result
    }

    private func set(deferred value: Bool) {
        lock.lock()
        deferred = value
        lock.unlock()
    }
}
