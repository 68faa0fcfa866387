import Foundation

/// Exporting, still run by the SQLite backend (issue #10; importing runs in `Desk+Import.swift`).
extension Desk {
    public func exportTicket(number: Int64, viewer: Viewer) throws(DeskError) -> ExportedTicket {
        try sqliteStore.exportTicket(number: number, viewer: viewer)
    }
}
