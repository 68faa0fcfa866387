import DeskMail
import Foundation

/// Notification mail: written to the outbox inside the transaction of the change that causes
/// it, so a change that fails sends nothing and a change that commits cannot lose its mail.
/// A desk without `mail.address` sends no mail at all.
extension Desk {
    /// Queues the mail `change` causes. `author` nil: the desk itself (auto-close).
    /// `receivedMessageID`: the Message-ID of the mail that caused the change, not yet recorded
    /// in `mail_received` (the gateway records it once the ticket exists), so that the answer
    /// threads under the sender's own mail.
    static func queueNotifications(
        _ rows: any DeskRows, _ change: MailChange, author: User?, at now: Date, answeringMail receivedMessageID: String? = nil
    ) throws {
        guard let identity = try OutgoingIdentity(rows) else { return }
        let ticket = change.ticket
        let requester = try rows.user(id: ticket.requesterID)
        let watchers = try rows.watchers(ticketID: ticket.id)
        let assignee = try ticket.assigneeID.flatMap { try rows.user(id: $0) }
        let candidates = NotificationRecipients.candidates(change, author: author, requester: requester, watchers: watchers, assignee: assignee)
        guard !candidates.isEmpty else { return }
        let settings = try rows.deskSettings()
        var thread: MailThread?
        var names: [UserID: String] = [:]
        func name(_ id: UserID?) throws -> String {
            guard let id else { return settings.name }
            if let known = names[id] { return known }
            let found = try rows.user(id: id).map { $0.name.isEmpty ? $0.handle : $0.name } ?? "?"
            names[id] = found
            return found
        }
        for candidate in candidates {
            let user = candidate.user
            guard MailOutRules.isDeliverable(user.email) else { continue }
            // Never mail what the recipient could not read in the desk.
            guard Permissions.canSee(try Self.viewer(rows, user: user), ticket: ticket, isWatcher: watchers.contains { $0.id == user.id }) else { continue }
            let preferences = try rows.mailPreferences(userID: user.id)
            guard preferences[candidate.event.rawValue] ?? candidate.event.isWantedByDefault(role: user.role, contact: ticket.contact) else { continue }
            if candidate.event == .created && ticket.followUpOfID == nil {
                // At most one acknowledgement per sender per interval (automatic mail never
                // becomes a ticket: the mail gateway records it and stops). A follow-up's is
                // always sent: it tells the sender their reply to a closed ticket opened a new one.
                if identity.acknowledgementInterval > 0, try rows.hasOutboxMail(
                    recipient: MailOutRules.normalised(user.email), event: candidate.event.rawValue,
                    since: now.addingTimeInterval(-identity.acknowledgementInterval)) { continue }
            }
            if thread == nil {
                var ids = try rows.mailThreadIDs(ticketID: ticket.id)
                if let receivedMessageID, !receivedMessageID.isEmpty { ids.append(receivedMessageID) }
                thread = MailThread(ids: ids)
            }
            let text = NotificationText(
                event: candidate.event, ticket: ticket, subjectTag: identity.subjectTag, reader: user.role, readerID: user.id,
                language: try MailOutRules.language(rows, userID: user.id),
                actor: author.map { $0.name.isEmpty ? $0.handle : $0.name },
                news: try news(rows, change, author: name),
                history: try history(rows, change, reader: user, author: name),
                autoCloseDate: candidate.event == .solutionProposed ? now.addingTimeInterval(TimeInterval(settings.autoCloseDays) * 86_400) : nil,
                automaticallyClosed: { if case .autoClosed = change { true } else { false } }(),
                followUpOf: try ticket.followUpOfID.flatMap { try rows.ticketNumber(id: $0) })
            let kind = candidate.event.rawValue
            let headerID = identity.messageID(ticket: ticket.number, kind: kind)
            let automatic = candidate.event.isAutomatic(hasNews: text.news != nil, readerIsStaff: user.role.isStaff)
            var extra: [(name: String, value: String)] = []
            if automatic { extra.append(("Auto-Submitted", "auto-generated")) }
            extra.append(("X-Loop", identity.address.address))
            let mail = OutgoingMail(
                from: identity.address, to: [MailAddress(name: user.name, address: user.email)],
                replyTo: MailAddress(name: identity.address.name, address: identity.replyAddress(ticket: ticket.number)),
                subject: text.subject, messageID: headerID, inReplyTo: thread?.inReplyTo, references: thread?.references ?? [],
                extraHeaders: extra, body: text.body, date: now)
            _ = try rows.insertOutboxMail(OutboxInsert(
                ticketID: ticket.id, messageID: change.messageID, recipientID: user.id, recipient: MailOutRules.normalised(user.email),
                event: kind, headerID: headerID, data: mail.rendered(), createdAt: now))
        }
    }

    /// The new message of the change: a reply, or a new ticket's description.
    private static func news(_ rows: any DeskRows, _ change: MailChange, author: (UserID?) throws -> String) throws -> NotificationText.Entry? {
        switch change {
        case .created(let ticket):
            return NotificationText.Entry(author: try author(ticket.requesterID), authorID: ticket.requesterID, date: ticket.createdAt, body: ticket.description)
        case .message(_, let message, _):
            return NotificationText.Entry(author: try author(message.authorID), authorID: message.authorID, date: message.createdAt, body: message.body)
        case .statusChanged, .autoClosed:
            return nil
        }
    }

    /// The messages before the change's own, newest first, as the reader may see them:
    /// replies (and, for staff, internal notes), then the ticket's description.
    private static func history(
        _ rows: any DeskRows, _ change: MailChange, reader: User, author: (UserID?) throws -> String
    ) throws -> [NotificationText.Entry] {
        if case .created = change { return [] }
        let ticket = change.ticket
        let visibility = TicketVisibility(Viewer(user: reader))
        let messages = try rows.history(ticketID: ticket.id, visibility: visibility, bodies: .nearEnds(count: MailOutRules.historyLength + 1)).messages
        var entries: [NotificationText.Entry] = []
        for message in messages.reversed() where message.id != change.messageID && message.kind != .systemEvent && !message.body.isEmpty {
            guard entries.count < MailOutRules.historyLength else { break }
            entries.append(NotificationText.Entry(author: try author(message.authorID), authorID: message.authorID, date: message.createdAt, body: message.body))
        }
        if entries.count < MailOutRules.historyLength {
            entries.append(NotificationText.Entry(author: try author(ticket.requesterID), authorID: ticket.requesterID, date: ticket.createdAt, body: ticket.description))
        }
        return entries
    }
}

extension MailChange {
    var messageID: MessageID? {
        if case .message(_, let message, _) = self { return message.id }
        return nil
    }
}

extension MailNotificationEvent {
    /// `Auto-Submitted: auto-generated` (RFC 3834) on what no person wrote for this reader:
    /// acknowledgements, status news without a message, and the copies agents get.
    func isAutomatic(hasNews: Bool, readerIsStaff: Bool) -> Bool {
        switch self {
        case .created, .newTicket, .customerReply: true
        default: !hasNews || readerIsStaff
        }
    }
}

/// The small rules around addresses, languages and history lengths.
enum MailOutRules {
    static let historyLength = 3

    /// An address a mail system can take: one `@`, no whitespace or control characters, no brackets.
    static func isDeliverable(_ address: String) -> Bool {
        let scalars = address.unicodeScalars
        return scalars.filter { $0 == "@" }.count == 1 && !address.hasPrefix("@") && !address.hasSuffix("@")
            && scalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"<>(),;:\"[]\\".unicodeScalars.contains($0) }
    }

    /// Addresses compare without case (the rate limit counts one sender once).
    static func normalised(_ address: String) -> String { address.lowercased() }

    /// The recipient's stored language, else the desk's (`mail.language`), else English.
    static func language(_ rows: any DeskRows, userID: UserID) throws -> Language {
        if let tag = try rows.userSettingValues(userID: userID)[UserSettings.languageName], let language = Language(rawValue: tag) {
            return language
        }
        return try rows.deskSettingValue(key: MailOutSettingKey.language).flatMap { Language(rawValue: $0) } ?? .english
    }
}

/// Desk settings mail out reads besides mail-in's (`deskterm mail settings set KEY VALUE`).
public enum MailOutSettingKey {
    /// The language of mail to users who chose none (a language tag; English when unset).
    public static let language = "mail.language"
    /// Seconds between two acknowledgements to the same sender (default 600).
    public static let acknowledgementInterval = "mail.ack_interval"
}
