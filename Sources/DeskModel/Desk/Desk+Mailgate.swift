import Foundation

/// Mail in: one received mail becomes a ticket, a reply, a follow-up or an internal note,
/// through the same rules as every other front end (`insertTicket`, `insertMessage`,
/// `addAttachment`), in ONE transaction with its `mail_received` row. Automatic mail is
/// recorded, never turned into messages: an out-of-office reply must not reopen a ticket.
extension Desk {
    public func receiveMail(_ raw: Data, action: MailAction = .correspond) throws(DeskError) -> MailgateResult {
        let now = self.now
        let mail = IncomingMail.read(Array(raw), receivedAt: now)
        do {
            return try write { rows in try Self.storeMail(rows, mail, action: action, at: now) }
        } catch where Self.isRuleRefusal(error) {
            // A rule refused what the mail asks (an incident the plan lacks, a closed ticket...):
            // the mail is kept all the same, refused with the rule's reason.
            return try write { rows in
                let classification = Self.classification(of: mail, settings: MailSettings(values: try rows.deskSettingValues(prefix: "mail.")))
                return try Self.record(rows, mail, classification: classification, outcome: .refused, refusal: error.message, at: now)
            }
        }
    }

    static func storeMail(_ rows: any DeskRows, _ mail: IncomingMail, action: MailAction, at now: Date) throws -> MailgateResult {
        let settings = MailSettings(values: try rows.deskSettingValues(prefix: "mail."))
        let tokens = try Self.mailTokens(rows)
        let classification = classification(of: mail, settings: settings)
        // The MTA retries a mail it could not confirm: the second copy changes nothing.
        if !mail.headerMessageID.isEmpty, try rows.receivedMailExists(headerMessageID: mail.headerMessageID, sender: mail.sender?.address ?? "") {
            return MailgateResult(
                outcome: .duplicate, ticketNumber: nil, messageID: nil, classification: classification, receivedID: nil, refusal: nil,
                problems: [], isUnreadable: false)
        }
        guard mail.unreadable == nil, let sender = mail.sender else {
            return try record(rows, mail, classification: classification, outcome: .refused, refusal: mail.unreadable, at: now)
        }
        if classification.isAutomatic {
            return try recordAutomatic(rows, mail, classification: classification, tokens: tokens, at: now)
        }

        guard let user = try senderUser(rows, sender, settings: settings) else {
            try queueRefusal(rows, to: sender, subject: mail.subjectText, inReplyTo: mail.headerMessageID, at: now)
            return try record(rows, mail, classification: classification, outcome: .refused, refusal: "unknown sender", at: now)
        }
        let viewer = try Self.viewer(rows, user: user)
        if action == .comment && !Permissions.canAddInternalNote(viewer) {
            return try record(rows, mail, classification: classification, outcome: .refused, refusal: "only agents write internal notes", at: now)
        }
        let attachmentLimit = try settings.attachmentLimit ?? rows.deskSettings().attachmentLimit
        var problems = mail.problems
        let (files, refusedNotes) = acceptedAttachments(mail.attachments, limit: attachmentLimit)
        let body = fittedBody(mail.newText, notes: refusedNotes, problems: &problems)

        // Signed references first among equals; a number the sender may not see reads as none.
        var ticket: Ticket?
        for number in try candidateNumbers(rows, mail, settings: settings, tokens: tokens) {
            if let found = try rows.ticket(number: number, visibility: TicketVisibility(viewer)) {
                ticket = found
                break
            }
        }

        var outcome = MailOutcome.added
        var number: Int64
        var messageID: MessageID?
        if let ticket, !(ticket.status.isClosed && action == .correspond) {
            let new = NewMessage(ticketNumber: ticket.number, body: body, isInternal: action == .comment)
            let message = try insertMessage(
                rows, new, body: try checkedBody(of: new), by: viewer, at: now, clearingDraft: nil, answeringMail: mail.headerMessageID)
            number = ticket.number
            messageID = message.id
        } else {
            guard action == .correspond else {
                return try record(rows, mail, classification: classification, outcome: .refused, refusal: "an internal note needs a ticket", at: now)
            }
            let subject = fittedSubject(mail.subjectText, problems: &problems)
            var new = NewTicket(subject: subject, description: body, kind: .incident, contact: .email)
            if let closed = ticket {
                // The seeds' rule: a reply to a closed ticket opens a follow-up that references it.
                new.kind = closed.kind
                new.product = closed.product
                new.category = closed.category
                new.subcategory = closed.subcategory
                new.urgency = closed.urgency
                new.followUpOfNumber = closed.number
                outcome = .followUp
            } else {
                outcome = .created
            }
            // The free plan's rule: an incident by mail becomes a question.
            if !Permissions.kindAllowed(new.kind, plan: viewer.plan) { new.kind = .question }
            let created = try insertTicket(
                rows, new, subject: try checkedSubject(of: new), by: viewer, allowDuplicate: true, clearingDraft: nil, attaching: [],
                at: now, answeringMail: mail.headerMessageID)
            number = created.number
        }
        for file in files {
            do {
                _ = try addAttachment(
                    rows, number: number, name: try attachmentName(file.name), mediaType: file.mediaType, data: file.data, by: viewer,
                    at: now, messageID: messageID)
            } catch let error as DeskError where isRuleRefusal(error) {
                // Checked before anything is written (size, quota, name): the rest goes on.
                problems.append("attachment \(TextSafety.sanitizedLine(file.name)) refused: \(error.message)")
            }
        }
        try queueAttachmentRefusal(
            rows, attachments: mail.attachments, limit: attachmentLimit, to: user, ticketNumber: number, inReplyTo: mail.headerMessageID, at: now)
        let ticketID = try rows.ticket(number: number, visibility: .everything)?.id
        let id = try rows.insertMailReceived(MailReceived(
            id: 0, receivedAt: now, headerMessageID: mail.headerMessageID, sender: sender.address, ticketID: ticketID,
            messageID: messageID, classification: classification, outcome: outcome, problems: problems.joined(separator: "\n"),
            quoted: mail.quoted, raw: Data(mail.raw)))
        return MailgateResult(
            outcome: outcome, ticketNumber: number, messageID: messageID, classification: classification, receivedID: id, refusal: nil,
            problems: problems, isUnreadable: false)
    }

    /// Automatic mail is kept beside the ticket its signed references prove (a bounce: the
    /// ticket of the mail that bounced), never added to it.
    static func recordAutomatic(
        _ rows: any DeskRows, _ mail: IncomingMail, classification: MailClassification, tokens: MailTokens, at now: Date
    ) throws -> MailgateResult {
        var ids = mail.references
        if case .bounce(let original?) = classification { ids.insert(original, at: 0) }
        var number = ids.lazy.compactMap { tokens.ticket(fromMessageID: $0) }.first
        if number == nil { number = try rows.ticketNumber(receivedMessageIDs: ids) }
        let ticket = try number.flatMap { try rows.ticket(number: $0, visibility: .everything) }
        let id = try rows.insertMailReceived(MailReceived(
            id: 0, receivedAt: now, headerMessageID: mail.headerMessageID, sender: mail.sender?.address ?? "", ticketID: ticket?.id,
            messageID: nil, classification: classification, outcome: .recorded, problems: mail.problems.joined(separator: "\n"),
            quoted: mail.quoted, raw: Data(mail.raw)))
        // A bounce of one of our notifications: staff see on the ticket that it did not arrive.
        if case .bounce(let original?) = classification { _ = try recordBounce(rows, originalMessageID: original, at: now) }
        return MailgateResult(
            outcome: .recorded, ticketNumber: ticket?.number, messageID: nil, classification: classification, receivedID: id,
            refusal: nil, problems: mail.problems, isUnreadable: false)
    }

    /// Keeps a mail that becomes nothing in the desk (refused or unreadable), raw and all.
    static func record(
        _ rows: any DeskRows, _ mail: IncomingMail, classification: MailClassification, outcome: MailOutcome, refusal: String?,
        at now: Date
    ) throws -> MailgateResult {
        var problems = mail.problems
        if let refusal { problems.insert(refusal, at: 0) }
        let id = try rows.insertMailReceived(MailReceived(
            id: 0, receivedAt: now, headerMessageID: mail.headerMessageID, sender: mail.sender?.address ?? "", ticketID: nil,
            messageID: nil, classification: classification, outcome: outcome, problems: problems.joined(separator: "\n"),
            quoted: mail.quoted, raw: Data(mail.raw)))
        return MailgateResult(
            outcome: outcome, ticketNumber: nil, messageID: nil, classification: classification, receivedID: id, refusal: refusal,
            problems: mail.problems, isUnreadable: mail.unreadable != nil)
    }

    static func classification(of mail: IncomingMail, settings: MailSettings) -> MailClassification {
        guard let headers = mail.headers else { return .person }
        return MailClassifier.classify(mail.raw, headers: headers, body: mail.bodyRange, deskAddress: settings.address)
    }

    /// The tickets the mail names, in the order they are believed: the subject tag, then its
    /// references (signed Message-IDs of ours, then mail received before), then a signed
    /// plus-address among its recipients.
    static func candidateNumbers(_ rows: any DeskRows, _ mail: IncomingMail, settings: MailSettings, tokens: MailTokens) throws -> [Int64] {
        var numbers: [Int64] = []
        if let tagged = SubjectTag.ticketNumber(in: mail.subjectText, tag: settings.subjectTag) { numbers.append(tagged) }
        numbers += mail.references.compactMap { tokens.ticket(fromMessageID: $0) }
        if let received = try rows.ticketNumber(receivedMessageIDs: mail.references) { numbers.append(received) }
        numbers += mail.recipients.compactMap { tokens.ticket(fromAddress: $0) }
        var seen = Set<Int64>()
        return numbers.filter { seen.insert($0).inserted }
    }

    /// The user the sender's address belongs to; an unknown sender becomes a customer of the
    /// organisation owning their mail domain when the desk says so (`mail.unknown_senders`).
    static func senderUser(_ rows: any DeskRows, _ sender: MailAddress, settings: MailSettings) throws -> User? {
        let address = sender.address.trimmingCharacters(in: .whitespaces)
        if let user = try rows.user(email: address) { return user }
        guard settings.unknownSenders == .customer, let at = address.lastIndex(of: "@"),
              let organisation = try rows.organisation(mailDomain: String(address[address.index(after: at)...])),
              FieldLimits.length(address) <= FieldLimits.limit(for: .email), !TextSafety.containsControlCharacters(address)
        else { return nil }
        let handle = try freeHandle(rows, hint: String(address[..<at]))
        var name = TextSafety.sanitizedLine(sender.name).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = handle }
        name = FieldLimits.clipped(name, as: .userName) ?? name
        let stored = UserInsert(handle: handle, name: name, email: address, role: .customer, organisationID: organisation.id, caseAccess: .own)
        let id = try rows.insertUser(stored)
        return User(id: id, handle: handle, name: name, email: address, role: .customer, organisationID: organisation.id, caseAccess: .own)
    }

    /// A handle made from the address's local part, `-2`, `-3`... when taken.
    static func freeHandle(_ rows: any DeskRows, hint: String) throws -> String {
        var taken = Set<String>()
        while true {
            let candidate = ImportRules.uniqueHandle([hint], taken: taken)
            if try rows.user(handle: candidate) == nil { return candidate }
            taken.insert(candidate)
        }
    }

    /// The files within the mail's attachment limit, and a line for each one refused.
    static func acceptedAttachments(_ attachments: [MailAttachment], limit: Int64) -> ([MailAttachment], [String]) {
        var accepted: [MailAttachment] = []
        var notes: [String] = []
        for file in attachments {
            if Int64(file.data.count) > limit {
                notes.append(AttachmentRefusalNote.line(name: file.name, size: file.data.count, limit: limit))
            } else {
                accepted.append(file)
            }
        }
        return (accepted, notes)
    }

    static func fittedBody(_ text: String, notes: [String], problems: inout [String]) -> String {
        var body = FieldLimits.withoutNul(text).text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { body = "(no text)" }
        if !notes.isEmpty { body += "\n\n" + notes.joined(separator: "\n") }
        if let clipped = FieldLimits.clipped(body, as: .messageBody) {
            problems.append("the text was cut to \(FieldLimits.grouped(FieldLimits.limit(for: .messageBody))) characters; the whole mail is kept")
            body = clipped
        }
        return body
    }

    static func fittedSubject(_ text: String, problems: inout [String]) -> String {
        var subject = MailSubject(text).display.trimmingCharacters(in: .whitespacesAndNewlines)
        subject = TextSafety.sanitizedLine(subject)
        if subject.isEmpty { subject = "(no subject)" }
        if let clipped = FieldLimits.clipped(subject, as: .subject) {
            problems.append("the subject was cut to \(FieldLimits.limit(for: .subject)) characters")
            subject = clipped
        }
        return subject
    }

    /// Refusals by the rules, as opposed to a desk that cannot be written now (busy, locked,
    /// unreachable: the MTA tries again later).
    static func isRuleRefusal(_ error: Error) -> Bool {
        guard let error = error as? DeskError else { return false }
        switch error {
        case .ticketNotFound, .messageNotFound, .userNotFound, .organisationNotFound, .duplicateHandle, .duplicateOrganisation,
             .invalidHandle, .ticketClosed, .transitionRefused, .notAllowed, .incidentNotInPlan, .invalidInput, .attachmentTooLarge,
             .attachmentQuotaExceeded, .textTooLong, .followUpOfOpenTicket, .possibleDuplicate, .textHasNul:
            return true
        default:
            return false
        }
    }
}
