import Foundation

@testable import DeskModel

/// Mails as MTAs deliver them, for the mailgate tests.
enum TestMail {
    static func make(
        from: String = "peter@example.com", to: String = "support@desk.test", subject: String = "Printer on fire",
        body: String = "The printer on floor 2 is on fire.\n", messageID: String? = nil, headers: [String] = []
    ) -> Data {
        var lines = [
            "Return-Path: <\(from)>", "From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: Fri, 01 Mar 2024 09:00:00 +0000",
            "Message-ID: \(messageID ?? "<\(UUID().uuidString)@client.example.com>")", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
        ]
        lines += headers
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
    }

    /// A mail with one attachment of `size` bytes.
    static func withAttachment(from: String = "peter@example.com", subject: String, size: Int, name: String = "log.bin") -> Data {
        let data = Data((0..<size).map { UInt8($0 % 251) })
        let text = """
            From: \(from)
            To: support@desk.test
            Subject: \(subject)
            Date: Fri, 01 Mar 2024 09:00:00 +0000
            Message-ID: <\(UUID().uuidString)@client.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            See the attached log.
            --b1
            Content-Type: application/octet-stream; name="\(name)"
            Content-Disposition: attachment; filename="\(name)"
            Content-Transfer-Encoding: base64

            \(data.base64EncodedString(options: .lineLength76Characters))
            --b1--

            """
        return Data(text.utf8)
    }
}
