import Foundation

/// Ticket numbers: sequential per desk, one more than the highest so far, reserved by the
/// backend for the creating transaction. Every way a ticket is made (opened, imported) numbers
/// it here.
extension Desk {
    static func nextTicketNumber(_ rows: any DeskRows) throws -> Int64 {
        try rows.reserveTicketNumber()
    }
}
