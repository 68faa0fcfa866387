import Foundation

/// Each user's drafts, one per slot (deleting one is `TicketRows.deleteDraft`).
public protocol DraftRows {
    func draft(_ slot: DraftSlot, userID: UserID) throws -> Draft?
    /// Stores the draft, replacing the user's draft of the same slot.
    func upsertDraft(_ draft: Draft, userID: UserID) throws
}
