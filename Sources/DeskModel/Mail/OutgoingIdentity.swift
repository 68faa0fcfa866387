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
        guard let tokens = try MailTokens(rows) else { return nil }
        self.tokens = tokens
        address = MailAddress(name: try rows.deskSettings().name, address: tokens.address)
        subjectTag = try rows.deskSettingValue(key: "mail.subject_tag").flatMap { $0.isEmpty ? nil : $0 } ?? "Desk"
        acknowledgementInterval = try rows.deskSettingValue(key: MailOutSettingKey.acknowledgementInterval).flatMap(TimeInterval.init) ?? 600
    }

    func messageID(ticket: Int64, kind: String) throws -> String {
        tokens.messageID(ticket: ticket, kind: kind)
    }

    func replyAddress(ticket: Int64) throws -> String {
        tokens.replyAddress(ticket: ticket)
    }
}
