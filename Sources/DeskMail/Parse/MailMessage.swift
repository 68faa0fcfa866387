import Foundation

/// What threading needs from a message, read from its headers alone (the first pass of an
/// import: cheap, so a whole mailbox can be threaded before any body is decoded).
public struct MailEnvelope: Equatable, Sendable {
    public var headers: MailHeaders
    /// `<id>` from Message-ID, or `sha256:...` of the raw message when it has none.
    public var externalID: String
    public var hasMessageID: Bool
    /// In-Reply-To, then References from the nearest ancestor back, without repeats.
    public var parentCandidates: [String]
    /// The decoded subject, whitespace collapsed.
    public var subjectText: String
    public var subject: MailSubject
    public var from: MailAddress
    public var date: Date
    /// Which header the date came from.
    public var dateSource: DateSource

    public enum DateSource: String, Equatable, Sendable {
        case dateHeader, envelope, received
    }

    /// Reads the headers of the message in `bytes[range]`. `envelopeDate` and
    /// `envelopeSender` come from the mbox `From ` line (or a maildir file's name): the
    /// fallbacks for a missing or broken Date or From header.
    public static func read(
        _ bytes: [UInt8], _ range: Range<Int>, envelopeDate: Date?, envelopeSender: String?
    ) -> Result<MailEnvelope, MailContentError> {
        var start = range.lowerBound
        // A maildir file converted from mbox may still start with its `From ` line.
        if range.count > 5, bytes[start] == UInt8(ascii: "F"), bytes[start + 1] == UInt8(ascii: "r"), bytes[start + 2] == UInt8(ascii: "o"),
           bytes[start + 3] == UInt8(ascii: "m"), bytes[start + 4] == UInt8(ascii: " ") {
            while start < range.upperBound, bytes[start] != UInt8(ascii: "\n") { start += 1 }
            start = min(start + 1, range.upperBound)
        }
        guard let (headers, _) = MailHeaders.parse(bytes, start..<range.upperBound) else {
            return .failure(MailContentError(reason: "not a mail message: it does not start with header fields"))
        }
        let mailFields: Set<String> = [
            "from", "date", "subject", "message-id", "to", "cc", "received", "return-path", "sender", "reply-to",
            "in-reply-to", "references", "mime-version", "content-type", "delivered-to", "x-mailer", "user-agent",
        ]
        guard headers.fields.contains(where: { mailFields.contains($0.name) }) else {
            return .failure(MailContentError(reason: "not a mail message: none of its header fields is a mail header"))
        }

        let sources = ["from", "sender", "reply-to", "return-path"].compactMap { headers.first($0) }
        guard let from = sources.lazy.compactMap({ MailAddress.parseFirst($0) }).first(where: { !$0.address.isEmpty })
            ?? envelopeSender.flatMap({ MailAddress.parseFirst($0) })
        else {
            return .failure(MailContentError(reason: "no sender: no From, Sender or Reply-To header and no envelope sender"))
        }

        var date: Date?
        var dateSource = DateSource.dateHeader
        if let value = headers.first("date") { date = MailDate.parse(value) }
        if date == nil, let envelopeDate {
            date = envelopeDate
            dateSource = .envelope
        }
        if date == nil {
            for received in headers.all("received") {
                if let semicolon = received.lastIndex(of: ";"), let parsed = MailDate.parse(String(received[received.index(after: semicolon)...])) {
                    date = parsed
                    dateSource = .received
                    break
                }
            }
        }
        guard let date else {
            let given = headers.first("date").map { " (Date: \(UnsafeScalars.printableLine(String($0.prefix(60)))))" } ?? ""
            return .failure(MailContentError(reason: "no usable date\(given): no readable Date header, envelope date or Received header"))
        }

        let messageID = MessageIDs.parse(headers.first("message-id")).first
        let externalID = messageID.map { "<\($0)>" } ?? "sha256:" + SHA256.hexDigest(Data(bytes[range]))
        var candidates: [String] = []
        var seen = Set<String>()
        for id in MessageIDs.parse(headers.first("in-reply-to")) + MessageIDs.parse(headers.all("references").joined(separator: " ")).reversed() {
            let external = "<\(id)>"
            if external != externalID, seen.insert(external).inserted { candidates.append(external) }
        }
        let subjectText = collapseWhitespace(EncodedWords.decode(headers.first("subject") ?? ""))
        return .success(MailEnvelope(
            headers: headers, externalID: externalID, hasMessageID: messageID != nil, parentCandidates: candidates,
            subjectText: subjectText, subject: MailSubject(subjectText), from: from, date: date, dateSource: dateSource))
    }
}

/// A whole message: its envelope and its content.
public struct MailMessage: Equatable, Sendable {
    public var envelope: MailEnvelope
    public var content: MailContent

    /// Reads a message's headers and walks its MIME tree. `bytes` should already have mbox
    /// quoting undone (`Mbox.unescaped`).
    public static func read(
        _ bytes: [UInt8], envelopeDate: Date? = nil, envelopeSender: String? = nil
    ) -> Result<MailMessage, MailContentError> {
        let envelope: MailEnvelope
        switch MailEnvelope.read(bytes, 0..<bytes.count, envelopeDate: envelopeDate, envelopeSender: envelopeSender) {
        case .success(let value): envelope = value
        case .failure(let error): return .failure(error)
        }
        return content(bytes).map { MailMessage(envelope: envelope, content: $0) }
    }

    /// The content alone (the second pass of an import, once threads are known).
    public static func content(_ bytes: [UInt8]) -> Result<MailContent, MailContentError> {
        var start = 0
        if bytes.count > 5, bytes[0] == UInt8(ascii: "F"), bytes[1] == UInt8(ascii: "r"), bytes[2] == UInt8(ascii: "o"),
           bytes[3] == UInt8(ascii: "m"), bytes[4] == UInt8(ascii: " ") {
            while start < bytes.count, bytes[start] != UInt8(ascii: "\n") { start += 1 }
            start = min(start + 1, bytes.count)
        }
        guard let (headers, bodyStart) = MailHeaders.parse(bytes, start..<bytes.count) else {
            return .failure(MailContentError(reason: "not a mail message"))
        }
        do {
            return .success(try MIMEWalker.content(bytes, headers: headers, body: bodyStart..<bytes.count))
        } catch {
            return .failure(error)
        }
    }
}
