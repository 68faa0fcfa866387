import Foundation
import GRDB

/// Drafts are saved as they are typed, so a crash or a dropped connection loses nothing.
extension SQLiteDeskStore {
    public func saveDraft(_ draft: Draft, viewer: Viewer) throws(DeskError) {
        try saveDraft(draft, viewer: viewer, waitsForWriters: true)
    }

    /// How long a draft saved as the user types waits for another process's write: ordinary
    /// writes take milliseconds, so the draft is in the desk before the keystroke shows; one
    /// longer write (an import batch) is not allowed to freeze typing beyond this.
    public static let draftSaveWait: TimeInterval = 1

    /// With `waitsForWriters: false` the save waits at most `draftSaveWait` and then fails with
    /// `databaseBusy`; the client keeps the draft and tries again a moment later.
    public func saveDraft(_ draft: Draft, viewer: Viewer, waitsForWriters: Bool) throws(DeskError) {
        let fields: String
        do {
            fields = String(decoding: try JSONEncoder().encode(draft.fields), as: UTF8.self)
        } catch {
            throw .invalidInput("The draft's fields cannot be stored")
        }
        try write(announcesChange: false, waitingAtMost: waitsForWriters ? nil : Self.draftSaveWait) { db in
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
