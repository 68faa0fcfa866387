import Foundation

/// Read marks and the viewer's own rows (saved views, drafts, Recent) still run by the SQLite
/// backend (issue #10: the rules move into `Desk`).
extension Desk {
    @discardableResult
    public func markRead(number: Int64, throughMessage: MessageID?, viewer: Viewer) throws(DeskError) -> Bool {
        try sqliteStore.markRead(number: number, throughMessage: throughMessage, viewer: viewer)
    }
    public func markUnread(number: Int64, viewer: Viewer) throws(DeskError) { try sqliteStore.markUnread(number: number, viewer: viewer) }
    public func recordViewed(number: Int64, viewer: Viewer) throws(DeskError) { try sqliteStore.recordViewed(number: number, viewer: viewer) }

    public func saveView(_ saved: SavedView, viewer: Viewer) throws(DeskError) { try sqliteStore.saveView(saved, viewer: viewer) }
    public func savedViews(viewer: Viewer) throws(DeskError) -> [SavedView] { try sqliteStore.savedViews(viewer: viewer) }
    public func savedView(named name: String, viewer: Viewer) throws(DeskError) -> SavedView {
        try sqliteStore.savedView(named: name, viewer: viewer)
    }
    public func deleteSavedView(named name: String, viewer: Viewer) throws(DeskError) {
        try sqliteStore.deleteSavedView(named: name, viewer: viewer)
    }

    public func saveDraft(_ draft: Draft, viewer: Viewer) throws(DeskError) { try sqliteStore.saveDraft(draft, viewer: viewer) }
    public func draft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) -> Draft? { try sqliteStore.draft(slot, viewer: viewer) }
    public func deleteDraft(_ slot: DraftSlot, viewer: Viewer) throws(DeskError) { try sqliteStore.deleteDraft(slot, viewer: viewer) }
}
