import Foundation

/// The words of one notification mail, for one reader, in their language: the subject
/// `[Tag #N] subject`, then the news (what happened and the new message), then a short
/// history of earlier messages (for customers, public replies only).
struct NotificationText {
    struct Entry {
        var author: String
        /// Who wrote it: its own author reads it without the refusal notes (see `ownText`).
        var authorID: UserID?
        var date: Date
        var body: String
    }

    var event: MailNotificationEvent
    var ticket: Ticket
    var subjectTag: String
    var reader: Role
    var readerID: UserID
    var language: Language
    /// Who made the change (a name); nil for the desk itself (auto-close).
    var actor: String?
    /// The new message (a reply, the description of a new ticket), if the change has one.
    var news: Entry?
    /// Newest first.
    var history: [Entry]
    /// When a pending ticket closes by itself unless the customer answers.
    var autoCloseDate: Date?
    var automaticallyClosed = false
    /// The closed ticket a new one continues (a customer's reply to a closed ticket opens one).
    var followUpOf: Int64?

    var subject: String {
        "[\(subjectTag) #\(ticket.number)] " + ticket.subject
    }

    var body: String {
        var paragraphs: [String] = [headline.text(in: language)]
        if event == .created, let followUpOf {
            paragraphs.append(Phrase.mail("It continues ticket #{number}, which is closed.", context: "mail", ["number": .number(followUpOf)])
                .text(in: language))
        }
        if let news {
            paragraphs.append(Phrase.mail("{author} wrote on {date}:", context: "mail",
                                          ["author": .text(news.author), "date": .text(DateText.minute(news.date, in: language))])
                .text(in: language) + "\n\n" + ownText(news))
        }
        paragraphs += closingLines.map { $0.text(in: language) }
        if !history.isEmpty {
            var earlier = ["-- ", Phrase.mail("Earlier messages", context: "mail").text(in: language) + ":"].joined(separator: "\n")
            for entry in history {
                let heading = Phrase.mail("On {date}, {author} wrote:", context: "mail",
                                          ["author": .text(entry.author), "date": .text(DateText.minute(entry.date, in: language))])
                earlier += "\n\n" + heading.text(in: language) + "\n" + Self.quoted(ownText(entry))
            }
            paragraphs.append(earlier)
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    var reference: PhraseArgument { .text(ticket.reference) }

    var headline: Phrase {
        let actor = PhraseArgument.text(self.actor ?? "")
        switch event {
        case .created:
            return .mail("We have received your request. Its reference number is {reference}.", context: "mail", ["reference": reference])
        case .reply:
            return .mail("{actor} replied on ticket {reference}.", context: "mail", ["actor": actor, "reference": reference])
        case .actionRequired:
            return .mail("Ticket {reference} needs information from you before it can continue.", context: "mail", ["reference": reference])
        case .solutionProposed:
            return .mail("A solution has been proposed for ticket {reference}.", context: "mail", ["reference": reference])
        case .closed:
            return automaticallyClosed
                ? .mail("Ticket {reference} was closed automatically: the proposed solution had no answer.", context: "mail", ["reference": reference])
                : .mail("Ticket {reference} has been closed.", context: "mail", ["reference": reference])
        case .newTicket:
            return .mail("New ticket {reference} (status: {status}).", context: "mail",
                         ["reference": reference, "status": .phrase(ticket.status.labelPhrase(for: .agent))])
        case .customerReply:
            return .mail("{actor} replied on ticket {reference} (status: {status}).", context: "mail",
                         ["actor": actor, "reference": reference, "status": .phrase(ticket.status.labelPhrase(for: .agent))])
        }
    }

    /// What the reader may do next.
    var closingLines: [Phrase] {
        switch event {
        case .solutionProposed:
            var lines: [Phrase] = []
            if let autoCloseDate {
                lines.append(.mail("Without an answer from you, the ticket will close by itself on {date}.", context: "mail",
                                   ["date": .text(DateText.minute(autoCloseDate, in: language))]))
            }
            lines.append(.mail("If the problem persists, please reply to this e-mail.", context: "mail"))
            return lines
        case .closed:
            return reader.isStaff ? [] : [.mail("A reply to this e-mail opens a follow-up ticket.", context: "mail")]
        case .newTicket, .customerReply:
            return []
        case .created, .reply, .actionRequired:
            return reader.isStaff ? [] : [.mail("To answer, please reply to this e-mail.", context: "mail")]
        }
    }

    /// A message as this reader is shown it: a customer who wrote it reads it without the
    /// desk's notes about the files refused from it (they had a mail of their own about them);
    /// anyone else (agents, other customers of the organisation, watchers) reads the notes,
    /// as they would on the ticket: nobody else told them.
    func ownText(_ entry: Entry) -> String {
        let text = Self.clean(entry.body)
        return !reader.isStaff && entry.authorID == readerID ? AttachmentRefusalNote.withoutNotes(text) : text
    }

    /// Control characters out (a mail reader may be a terminal); line ends kept.
    static func clean(_ text: String) -> String {
        TextSafety.sanitizedBlock(text.replacingOccurrences(of: "\r\n", with: "\n")).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An earlier message, quoted and cut to its first lines so the history stays short.
    static let historyLines = 12

    static func quoted(_ text: String) -> String {
        let lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false)
        var kept = lines.prefix(historyLines).map { $0.isEmpty ? ">" : "> " + $0 }
        if lines.count > historyLines { kept.append("> […]") }
        return kept.joined(separator: "\n")
    }
}
