import DeskMail
import Foundation

/// Who the desk's mail is from and how its replies find their ticket: the desk's address
/// (`mail.address`, named after the desk), the subject tag, and the signed Message-IDs and
/// plus-addresses of `MailTokens`. Nil when the desk has no address: it sends no mail.
struct OutgoingIdentity {
    var address: MailAddress
    var subjectTag: String
    var acknowledgementInterval: TimeInterval
    var tokens: MailTokens

    init?(_ rows: any DeskRows) throws {
        let values = try rows.deskSettingValues(prefix: "mail.")
        let settings = MailSettings(values: values)
        guard MailOutRules.isDeliverable(settings.address) else { return nil }
        tokens = try Desk.mailTokens(rows)
        address = MailAddress(name: try rows.deskSettings().name, address: settings.address)
        subjectTag = settings.subjectTag
        acknowledgementInterval = TimeInterval(settings.acknowledgementInterval)
    }

    /// A new Message-ID, without its angle brackets.
    func messageID(ticket: Int64, kind: String) -> String {
        tokens.messageID(ticket: ticket, kind: kind).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
    }

    func replyAddress(ticket: Int64) -> String {
        tokens.replyAddress(ticket: ticket)
    }
}
