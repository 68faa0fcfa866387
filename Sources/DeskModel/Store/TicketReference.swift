/// "#42 Printer jams": how a ticket is named when copied (`y`), for the ticket a command
/// applies to. The subject is made safe to show and to paste: no control characters.
public enum TicketReference {
    public static func text(_ state: DeskState) -> String? {
        guard let number = DeskReducer.currentTicketNumber(state) else { return nil }
        let subject: String?
        if let open = state.openTicket, open.detail.ticket.number == number {
            subject = open.detail.ticket.subject
        } else {
            subject = state.list.rows.first { $0.number == number }?.subject
        }
        return subject.map { "#\(number) \(TextSafety.sanitizedLine($0))" }
    }
}
