import Foundation
import GRDB

/// Drafts are saved as they are typed, so a crash or a dropped connection loses nothing.
extension SQLiteDeskStore {
    /// A draft waits for another process's write like any write: text the composer shows is
    /// text the desk has, whatever is killed next. Only when the busy timeout runs out does the
    /// client keep it and try again (`DeskAction.draftSaveDeferred`).
    public func saveDraft(_ draft: Draft, viewer: Viewer) throws(DeskError) {
        let fields: String
        do {
            fields = String(decoding: try JSONEncoder().encode(draft.fields), as: UTF8.self)
        } catch {
            throw .invalidInput("The draft's fields cannot be stored")
        }
        try write(announcesChange: false) { db in
            if let number = draft.slot.ticketNumber {
                _ = try Self.visibleTicket(db, number: number, viewer: viewer)
            }
            try db.execute(
                sql: """
                    INSERT INTO draft(user_id, slot, subject, body, fields, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(user_id, slot) DO UPDATE SET subject = excluded.subject, body = excluded.body,
                        fields = excluded.fields, updated_at = excluded.updated_at
                    """,
                arguments: [viewer.id, draft.slot.key, draft.subject, draft.body, fields, draft.updatedAt.deskSeconds])
        }
    }

    public func draft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) -> Draft? {
        try read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT * FROM draft WHERE user_id = ? AND slot = ?", arguments: [viewer.id, slot.key])
            else { return nil }
            let fieldsText: String = row["fields"]
            let fields = (try? JSONDecoder().decode([String: String].self, from: Data(fieldsText.utf8))) ?? [:]
            return Draft(
                slot: slot, subject: row["subject"], body: row["body"], fields: fields,
                updatedAt: Date(deskSeconds: row["updated_at"]))
        }
    }

    public func deleteDraft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) {
        try write(announcesChange: false) { db in try Self.deleteDraft(db, slot, userID: viewer.id) }
    }

    static func deleteDraft(_ db: Database, _ slot: DraftSlot, userID: UserID) throws {
        try db.execute(sql: "DELETE FROM draft WHERE user_id = ? AND slot = ?", arguments: [userID, slot.key])
    }
}

extension DraftSlot {
    public var ticketNumber: Int64? {
        switch self {
        case .reply(let n), .internalNote(let n), .followUp(let n): n
        case .newTicket: nil
        }
    }
}
