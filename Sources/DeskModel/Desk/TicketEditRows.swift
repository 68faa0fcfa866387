import Foundation

/// The row write of a ticket edit.
public protocol TicketEditRows {
    /// Stores the ticket's own fields and triage key as `ticket` holds them, and moves both
    /// update times to `time` (never backwards): customers see edits.
    func updateTicketFields(_ ticket: Ticket, touchingAt time: Date) throws
}
