import Foundation

/// A plain-text message the desk sends, as values; `rendered` makes the RFC 5322 bytes
/// (headers encoded and folded, the body in UTF-8, quoted-printable when 7bit cannot carry it).
public struct OutgoingMail: Equatable, Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    /// Without angle brackets, like `MessageIDs.parse` gives them.
    public var messageID: String
    public var inReplyTo: String?
    /// The thread's ids, oldest first, without angle brackets.
    public var references: [String]
    /// Further fields in order (`Auto-Submitted`, `X-Loop`); names are ASCII field names.
    public var extraHeaders: [(name: String, value: String)]
    public var body: String
    public var date: Date

    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil, subject: String,
        messageID: String, inReplyTo: String? = nil, references: [String] = [],
        extraHeaders: [(name: String, value: String)] = [], body: String, date: Date
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
        self.body = body
        self.date = date
    }

    public static func == (left: OutgoingMail, right: OutgoingMail) -> Bool {
        left.from == right.from && left.to == right.to && left.cc == right.cc && left.replyTo == right.replyTo
            && left.subject == right.subject && left.messageID == right.messageID && left.inReplyTo == right.inReplyTo
            && left.references == right.references && left.body == right.body && left.date == right.date
            && left.extraHeaders.map(\.name) == right.extraHeaders.map(\.name)
            && left.extraHeaders.map(\.value) == right.extraHeaders.map(\.value)
    }

    /// The message as RFC 5322 bytes with CRLF line ends (`lineEnd: "\n"` for a local
    /// `sendmail`, which expects the system's line ends).
    public func rendered(lineEnd: String = "\r\n") -> [UInt8] {
        var fields: [String] = []
        fields.append(HeaderFolding.unstructured(name: "Date", value: MailDateText.rfc5322(date)))
        fields.append(HeaderFolding.addresses(name: "From", [from]))
        if !to.isEmpty { fields.append(HeaderFolding.addresses(name: "To", to)) }
        if !cc.isEmpty { fields.append(HeaderFolding.addresses(name: "Cc", cc)) }
        if let replyTo { fields.append(HeaderFolding.addresses(name: "Reply-To", [replyTo])) }
        fields.append(HeaderFolding.unstructured(name: "Subject", value: subject))
        fields.append(HeaderFolding.identifiers(name: "Message-ID", [messageID]))
        if let inReplyTo { fields.append(HeaderFolding.identifiers(name: "In-Reply-To", [inReplyTo])) }
        if !references.isEmpty { fields.append(HeaderFolding.identifiers(name: "References", references)) }
        for (name, value) in extraHeaders {
            fields.append(HeaderFolding.unstructured(name: HeaderFolding.fieldName(name), value: value))
        }
        let body = BodyEncoding.choose(for: self.body)
        fields.append("MIME-Version: 1.0")
        fields.append("Content-Type: text/plain; charset=UTF-8")
        fields.append("Content-Transfer-Encoding: \(body.transferEncoding)")
        let header = fields.joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: lineEnd)
        let text = body.lines.joined(separator: lineEnd)
        return Array((header + lineEnd + lineEnd + text + lineEnd).utf8)
    }
}
