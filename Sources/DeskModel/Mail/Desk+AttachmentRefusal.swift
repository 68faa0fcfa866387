import DeskMail
import Foundation

/// Telling a sender that files of their mail were left out for being over the attachment
/// limit (the message itself reached the ticket, with a note for agents). The answer goes to
/// the sender in their language, threaded under their mail, with the ticket's reply address so
/// that a smaller file sent back lands on the same ticket. Automatic mail never gets here (the
/// gateway records it and stops first), our own address is never answered, and a sender hears
/// it at most once per acknowledgement interval, like every other automatic answer.
extension Desk {
    /// The outbox's name for these answers (`deskterm mail queue`, the rate limit).
    static let attachmentRefusedEvent = "attachmentRefused"

    static func queueAttachmentRefusal(
        _ rows: any DeskRows, attachments: [MailAttachment], limit: Int64, to user: User, ticketNumber: Int64,
        inReplyTo headerMessageID: String, at now: Date
    ) throws {
        let refused = attachments.filter { Int64($0.data.count) > limit }
        guard !refused.isEmpty, let identity = try OutgoingIdentity(rows), MailOutRules.isDeliverable(user.email),
              let ticket = try rows.ticket(number: ticketNumber, visibility: .everything) else { return }
        let recipient = MailOutRules.normalised(user.email)
        guard recipient != MailOutRules.normalised(identity.address.address) else { return }
        if identity.acknowledgementInterval > 0, try rows.hasOutboxMail(
            recipient: recipient, event: attachmentRefusedEvent, since: now.addingTimeInterval(-identity.acknowledgementInterval)) {
            return
        }
        let language = try MailOutRules.language(rows, userID: user.id)
        let parent = headerMessageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        let headerID = identity.messageID(ticket: ticket.number, kind: attachmentRefusedEvent)
        let mail = OutgoingMail(
            from: identity.address, to: [MailAddress(name: user.name, address: user.email)],
            replyTo: MailAddress(name: identity.address.name, address: identity.replyAddress(ticket: ticket.number)),
            subject: SubjectTag.tagged(ticket.subject, number: ticket.number, tag: identity.subjectTag), messageID: headerID,
            inReplyTo: parent.isEmpty ? nil : parent, references: parent.isEmpty ? [] : [parent],
            extraHeaders: [("Auto-Submitted", "auto-replied"), ("X-Loop", identity.address.address)],
            body: AttachmentRefusalText(ticket: ticket.reference, files: refused, limit: limit).body(in: language), date: now)
        _ = try rows.insertOutboxMail(OutboxInsert(
            ticketID: ticket.id, messageID: nil, recipientID: user.id, recipient: recipient, event: attachmentRefusedEvent,
            headerID: headerID, data: mail.rendered(), createdAt: now))
    }
}

/// The words of that answer: what was left out and why, each file with its size, and what to do.
struct AttachmentRefusalText {
    var ticket: String
    var files: [MailAttachment]
    var limit: Int64

    func body(in language: Language) -> String {
        let headline = Phrase.mail(
            one: "Your message was added to ticket {reference}, but this file was left out because it is larger than the limit of {limit}:",
            other: "Your message was added to ticket {reference}, but these {count} files were left out because they are larger than the limit of {limit}:",
            count: files.count, context: "mail", ["reference": .text(ticket), "limit": .text(ByteSize.text(limit, in: language))])
        // A file's name comes from the sender's mail: control characters out.
        let list = files.map { "  - \(TextSafety.sanitizedLine($0.name)) (\(ByteSize.text(Int64($0.data.count), in: language)))" }
        let advice = Phrase.mail(
            one: "To add it, please reply to this e-mail with a smaller file, for example compressed or split into parts.",
            other: "To add them, please reply to this e-mail with smaller files, for example compressed or split into parts.",
            count: files.count, context: "mail")
        return [headline.text(in: language) + "\n\n" + list.joined(separator: "\n"), advice.text(in: language)].joined(separator: "\n\n") + "\n"
    }
}

extension Phrase {
    /// Declares a counted mail phrase: `one` and `other` are the English forms.
    static func mail(one: StaticString, other: StaticString, count: Int, context: StaticString? = nil,
                     _ arguments: [String: PhraseArgument] = [:]) -> Phrase {
        Phrase(domain: .mail, english: one.description, englishPlural: other.description, count: count,
               context: context?.description, arguments: arguments)
    }
}
