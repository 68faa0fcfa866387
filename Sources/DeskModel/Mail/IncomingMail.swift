import Foundation

/// A received mail, read once before the mailgate's transaction: everything the rules need
/// and every problem met on the way. Nothing here can fail: a mail that cannot be read is
/// still kept (raw) and reported.
struct IncomingMail {
    var raw: [UInt8]
    var headers: MailHeaders?
    var bodyRange: Range<Int>
    var sender: MailAddress?
    /// `<id>`, or empty when the mail has none.
    var headerMessageID: String
    /// The decoded subject, tags and reply prefixes kept (the tag names the ticket).
    var subjectText: String
    /// In-Reply-To then References, nearest first, with brackets.
    var references: [String]
    /// To, Cc and Delivered-To addresses: a signed plus-address may be among them.
    var recipients: [String]
    var newText: String
    var quoted: String
    var attachments: [MailAttachment]
    var problems: [String]
    /// Why the mail can never become a ticket (not a message, no sender); nil when it can.
    var unreadable: String?

    static func read(_ raw: [UInt8], receivedAt now: Date) -> IncomingMail {
        var mail = IncomingMail(
            raw: raw, headers: nil, bodyRange: raw.count..<raw.count, sender: nil, headerMessageID: "", subjectText: "",
            references: [], recipients: [], newText: "", quoted: "", attachments: [], problems: [], unreadable: nil)
        switch MailEnvelope.read(raw, 0..<raw.count, envelopeDate: now, envelopeSender: nil) {
        case .failure(let error):
            mail.unreadable = error.reason
            if let (headers, bodyStart) = MailHeaders.parse(raw, 0..<raw.count) {
                mail.headers = headers
                mail.bodyRange = bodyStart..<raw.count
                mail.headerMessageID = MessageIDs.parse(headers.first("message-id")).first.map { "<\($0)>" } ?? ""
            }
            return mail
        case .success(let envelope):
            mail.headers = envelope.headers
            mail.sender = envelope.from
            mail.headerMessageID = envelope.hasMessageID ? envelope.externalID : ""
            mail.subjectText = envelope.subjectText
            mail.references = envelope.parentCandidates
        }
        let headers = mail.headers ?? MailHeaders()
        mail.bodyRange = MailHeaders.parse(raw, 0..<raw.count).map { $0.bodyStart..<raw.count } ?? raw.count..<raw.count
        mail.recipients = ["to", "cc", "delivered-to", "x-original-to"].flatMap { headers.all($0) }
            .flatMap(MailAddress.splitList).compactMap { MailAddress.parseFirst($0)?.address }
        let text: String
        switch MailMessage.content(raw) {
        case .success(let content):
            text = content.text
            mail.attachments = content.attachments
            mail.problems = content.problems
            if content.truncated { mail.problems.append("the message ends before its last MIME boundary (truncated)") }
        case .failure(let error):
            // Stored as well as it can be: the body's bytes as text.
            mail.problems.append("the body could not be read (\(error.reason)); it is kept as it came")
            text = String(decoding: raw[mail.bodyRange], as: UTF8.self)
        }
        // Mail ends lines with CRLF; the desk stores LF.
        let lines = FieldLimits.withoutNul(text).text.replacingOccurrences(of: "\r\n", with: "\n")
        let split = QuotedHistory.split(lines)
        // A mail that is all quote (a bare forward) keeps everything as its text.
        if split.newText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            mail.newText = split.quoted.isEmpty ? split.newText : lines
        } else {
            mail.newText = split.newText
            mail.quoted = split.quoted
        }
        return mail
    }
}
