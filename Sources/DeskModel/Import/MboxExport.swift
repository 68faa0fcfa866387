import Foundation

/// Writes tickets as a standard mbox (mboxrd quoting), one message per public reply, so a
/// ticket can be read in any mail client with its thread intact: the description is the first
/// message, each reply carries `In-Reply-To` and `References` to the message it answers (or to
/// the first one). Imported messages keep their original `Message-ID`; others get
/// `<ticket-N.M@deskterm.invalid>`. Attachments become MIME parts of their message (of the first
/// message when they belong to none). System events are left out; internal notes too unless
/// asked for (they are then marked `X-Deskterm-Internal-Note: yes`).
public enum MboxExport {
    public static let host = "deskterm.invalid"

    public static func render(_ tickets: [ExportedTicket], includeInternalNotes: Bool = false) -> String {
        var output = ""
        for ticket in tickets { output += render(ticket, includeInternalNotes: includeInternalNotes) }
        return output
    }

    public static func render(_ exported: ExportedTicket, includeInternalNotes: Bool = false) -> String {
        let detail = exported.detail
        let ticket = detail.ticket
        let rootID = exported.rootSource.flatMap(messageIDValue) ?? "<ticket-\(ticket.number)@\(host)>"
        let kept = detail.messages.filter { $0.kind == .reply || ($0.kind == .internalNote && includeInternalNotes) }
        let keptIDs = Set(kept.map(\.id))
        let byID = Dictionary(detail.messages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func mailID(_ message: Message) -> String {
            exported.messageSources[message.id].flatMap(messageIDValue) ?? "<ticket-\(ticket.number).\(message.id)@\(host)>"
        }
        /// Exported ancestors, nearest first.
        func ancestors(_ message: Message) -> [Message] {
            var chain: [Message] = []
            var seen: Set<MessageID> = [message.id]
            var current = message.inReplyToID
            while let id = current, seen.insert(id).inserted, let parent = byID[id] {
                if keptIDs.contains(id) { chain.append(parent) }
                current = parent.inReplyToID
            }
            return chain
        }
        var attachmentsByMessage: [MessageID?: [Attachment]] = [:]
        for attachment in detail.attachments {
            if let owner = attachment.messageID, byID[owner] != nil {
                guard keptIDs.contains(owner) else { continue }
                attachmentsByMessage[owner, default: []].append(attachment)
            } else {
                attachmentsByMessage[nil, default: []].append(attachment)
            }
        }

        var output = ""
        output += mail(
            author: detail.requester, date: ticket.createdAt, subject: ticket.subject, messageID: rootID,
            inReplyTo: nil, references: [], ticket: ticket, note: false, body: ticket.description,
            attachments: attachmentsByMessage[nil] ?? [], data: exported.attachmentData)
        for message in kept {
            let chain = ancestors(message)
            let parentID = chain.first.map(mailID) ?? rootID
            let references = [rootID] + chain.reversed().map(mailID)
            let author = message.authorID.flatMap { detail.authors[$0] }
            output += mail(
                author: author, date: message.createdAt, subject: "Re: " + ticket.subject, messageID: mailID(message),
                inReplyTo: parentID, references: references, ticket: ticket, note: message.kind == .internalNote,
                body: message.body, attachments: attachmentsByMessage[message.id] ?? [], data: exported.attachmentData)
        }
        return output
    }

    private static func messageIDValue(_ source: String) -> String? {
        source.hasPrefix("<") && source.hasSuffix(">") ? source : nil
    }

    private static func mail(
        author: User?, date: Date, subject: String, messageID: String, inReplyTo: String?, references: [String],
        ticket: Ticket, note: Bool, body: String, attachments: [Attachment], data: [AttachmentID: Data]
    ) -> String {
        let address = author.map { $0.email.isEmpty || $0.email.contains(" ") ? "\($0.handle)@\(host)" : $0.email } ?? "desk@\(host)"
        var lines: [String] = []
        lines.append("From \(address) \(MailDate.asctime(date))")
        lines.append("From: " + mailbox(name: author?.name ?? "desk", address: address))
        lines.append("Date: " + MailDate.format(date))
        lines.append("Subject: " + EncodedWords.encode(oneLine(subject)))
        lines.append("Message-ID: " + messageID)
        if let inReplyTo { lines.append("In-Reply-To: " + inReplyTo) }
        if !references.isEmpty { lines.append("References: " + references.joined(separator: "\n ")) }
        lines.append("X-Deskterm-Ticket: #\(ticket.number)")
        if note { lines.append("X-Deskterm-Internal-Note: yes") }
        lines.append("MIME-Version: 1.0")
        let text = body.hasSuffix("\n") ? body : body + "\n"
        if attachments.isEmpty {
            lines.append("Content-Type: text/plain; charset=utf-8")
            lines.append("Content-Transfer-Encoding: 8bit")
            lines.append("")
            return lines.joined(separator: "\n") + "\n" + quoted(text) + "\n"
        }
        let boundary = "deskterm-" + String(SHA256.hexDigest(Data(messageID.utf8)).prefix(24))
        lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        lines.append("--" + boundary)
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: 8bit")
        lines.append("")
        var result = lines.joined(separator: "\n") + "\n" + quoted(text)
        for attachment in attachments {
            var part: [String] = ["--" + boundary]
            part.append("Content-Type: \(attachment.mediaType.isEmpty ? "application/octet-stream" : oneLine(attachment.mediaType))")
            part.append("Content-Transfer-Encoding: base64")
            part.append("Content-Disposition: attachment; " + fileNameParameter(attachment.name))
            part.append("")
            part.append(TransferEncoding.base64Encode([UInt8](data[attachment.id] ?? Data())))
            result += part.joined(separator: "\n") + "\n"
        }
        result += "--" + boundary + "--\n\n"
        return result
    }

    private static func mailbox(name: String, address: String) -> String {
        let clean = oneLine(name)
        if clean.isEmpty { return "<\(address)>" }
        if clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return EncodedWords.encode(clean) + " <\(address)>"
    }

    /// `filename="..."` for ASCII names, RFC 2231 `filename*=UTF-8''...` otherwise.
    private static func fileNameParameter(_ name: String) -> String {
        let clean = oneLine(name)
        if clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "filename=\"\(clean)\""
        }
        var encoded = ""
        for byte in clean.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return "filename*=UTF-8''\(encoded)"
    }

    private static func oneLine(_ text: String) -> String {
        collapseWhitespace(TextSafety.sanitizedLine(text))
    }

    /// mboxrd: a line that reads `From ` after any number of `>` gets one more `>`.
    static func quoted(_ text: String) -> String {
        guard text.contains("From ") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let stripped = line.drop { $0 == ">" }
            return stripped.hasPrefix("From ") ? ">" + line : String(line)
        }.joined(separator: "\n")
    }
}
