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

/// How the mail gateway tells the rules that the change comes from mail classified as
/// automatic (an auto-reply, a bounce, a list): nothing is sent back to its sender, not even
/// the acknowledgement of a new ticket.
public enum AutomaticMailOrigin {
    @TaskLocal public static var isAutomatic = false
}
