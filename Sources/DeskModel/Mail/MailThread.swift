/// The thread headers of a ticket's next mail: In-Reply-To the latest mail of the ticket and
/// References its first and latest ones (sent by the desk and received from people), so that
/// mail clients file every notification of a ticket in one thread.
struct MailThread {
    /// RFC 5322 lets References be trimmed in the middle; the first and the latest ids are
    /// what threading needs.
    static let referenceLimit = 10

    var inReplyTo: String?
    var references: [String]

    init(ids: [String]) {
        var seen = Set<String>()
        let unique = ids.filter { seen.insert($0).inserted }
        inReplyTo = unique.last
        references = unique.count <= Self.referenceLimit
            ? unique
            : [unique[0]] + unique.suffix(Self.referenceLimit - 1)
    }

    init(_ rows: any DeskRows, ticketID: TicketID) throws {
        self.init(ids: try rows.mailThreadIDs(ticketID: ticketID))
    }
}
