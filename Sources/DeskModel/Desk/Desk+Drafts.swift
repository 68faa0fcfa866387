import Foundation

/// Drafts are saved as they are typed, so a crash or a dropped connection loses nothing. They
/// are private to their writer: saving or deleting one announces no desk change.
extension Desk {
    /// A draft waits for another process's write like any write: text the composer shows is
    /// text the desk has, whatever is killed next. Only when the busy timeout runs out does the
    /// client keep it and try again (`DeskAction.draftSaveDeferred`). A draft of a ticket the
    /// viewer cannot see is refused as that ticket is: not found.
    public func saveDraft(_ draft: Draft, viewer: Viewer) throws(DeskError) {
        try write(StorageWrite(announcesChange: false)) { rows in
            if let number = draft.slot.ticketNumber {
                _ = try Self.visibleTicket(rows, number: number, viewer: viewer)
            }
            try rows.upsertDraft(draft, userID: viewer.id)
        }
    }

    public func draft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) -> Draft? {
        try read { rows in try rows.draft(slot, userID: viewer.id) }
    }

    public func deleteDraft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) {
        try write(StorageWrite(announcesChange: false)) { rows in try rows.deleteDraft(slot, userID: viewer.id) }
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
