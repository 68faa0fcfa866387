/// A change of the desk that may send mail (`Desk.queueNotifications`), with its author.
enum MailChange {
    case created(Ticket)
    /// A public reply or an internal note (which never leaves the desk), with the status it led to.
    case message(Ticket, Message, statusAfter: TicketStatus)
    // `Ticket` is as it was before the change: its status tells whether the reply moved it.
    case statusChanged(Ticket, to: TicketStatus)
    case autoClosed(Ticket)

    var ticket: Ticket {
        switch self {
        case .created(let ticket), .message(let ticket, _, _), .statusChanged(let ticket, _), .autoClosed(let ticket): ticket
        }
    }
}
