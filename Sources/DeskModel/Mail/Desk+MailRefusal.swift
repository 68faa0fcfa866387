import DeskMail
import Foundation

/// The polite answer to mail from an address the desk does not know (when
/// `mail.unknown_senders` refuses it, or no organisation has the sender's mail domain): in the
/// desk's language, threaded to the refused mail, at most one per sender per acknowledgement
/// interval, and never to automatic mail (the mail gateway stops before this for those).
extension Desk {
    static func queueRefusal(_ rows: any DeskRows, to sender: MailAddress, subject: String, inReplyTo headerMessageID: String, at now: Date) throws {
        guard let identity = try OutgoingIdentity(rows), MailOutRules.isDeliverable(sender.address) else { return }
        let recipient = MailOutRules.normalised(sender.address)
        // Never answer ourselves: a refusal of our own mail would loop.
        guard recipient != MailOutRules.normalised(identity.address.address) else { return }
        let event = "refused"
        if identity.acknowledgementInterval > 0,
           try rows.hasOutboxMail(recipient: recipient, event: event, since: now.addingTimeInterval(-identity.acknowledgementInterval)) {
            return
        }
        let language = try rows.deskSettingValue(key: MailOutSettingKey.language).flatMap { Language(rawValue: $0) } ?? .english
        let parent = headerMessageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        let headerID = identity.messageID(ticket: 0, kind: event)
        let body = [
            Phrase.mail("Your message could not be accepted: this address is not known to the help desk.", context: "mail"),
            Phrase.mail("Please write from the address your organisation registered with us, or ask your organisation's support contact to add you.", context: "mail"),
        ].map { $0.text(in: language) }.joined(separator: "\n\n") + "\n"
        let mail = OutgoingMail(
            from: identity.address, to: [sender], subject: "Re: " + subject, messageID: headerID,
            inReplyTo: parent.isEmpty ? nil : parent, references: parent.isEmpty ? [] : [parent],
            extraHeaders: [("Auto-Submitted", "auto-replied"), ("X-Loop", identity.address.address)], body: body, date: now)
        _ = try rows.insertOutboxMail(OutboxInsert(
            ticketID: nil, messageID: nil, recipientID: nil, recipient: recipient, event: event, headerID: headerID,
            data: mail.rendered(), createdAt: now))
    }
}
