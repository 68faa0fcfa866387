import Foundation
import GRDB

/// A draft's form fields are stored as one JSON object.
extension SQLiteRows: DraftRows {
    func draft(_ slot: DraftSlot, userID: UserID) throws -> Draft? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM draft WHERE user_id = ? AND slot = ?", arguments: [userID, slot.key])
        else { return nil }
        let fieldsText: String = row["fields"]
        let fields = (try? JSONDecoder().decode([String: String].self, from: Data(fieldsText.utf8))) ?? [:]
        return Draft(
            slot: slot, subject: row["subject"], body: row["body"], fields: fields,
            updatedAt: Date(deskSeconds: row["updated_at"]))
    }

    func upsertDraft(_ draft: Draft, userID: UserID) throws {
        let fields: String
        do {
            fields = String(decoding: try JSONEncoder().encode(draft.fields), as: UTF8.self)
        } catch {
            throw DeskError.draftFieldsNotStorable
        }
        try db.execute(
            sql: """
                INSERT INTO draft(user_id, slot, subject, body, fields, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(user_id, slot) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                    fields = excluded.fields, updated_at = excluded.updated_at
                """,
            arguments: [userID, draft.slot.key, draft.subject, draft.body, fields, draft.updatedAt.deskSeconds])
    }
}

extension SQLiteDeskStore {
    /// `TicketRows.deleteDraft`, also used by the workflow still run here (a sent reply
    /// deletes its draft in the same transaction).
    static func deleteDraft(_ db: Database, _ slot: DraftSlot, userID: UserID) throws {
        try db.execute(sql: "DELETE FROM draft WHERE user_id = ? AND slot = ?", arguments: [userID, slot.key])
    }
}
