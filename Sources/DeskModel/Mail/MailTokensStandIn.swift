import DeskMail
import Foundation

// STAND-IN until h-mail-in's MailTokens (Sources/DeskModel/Mail/MailTokens.swift) is merged:
// written to the contract's formats so that mail out can be built and tested; delete on merge.
struct MailTokens {
    var address: String
    var secret: [UInt8]

    init?(_ rows: any DeskRows) throws {
        guard let address = try rows.deskSettingValue(key: "mail.address"), address.contains("@") else { return nil }
        self.address = address
        if let hex = try rows.deskSettingValue(key: "mail.secret"), let bytes = Self.bytes(hex: hex) {
            secret = bytes
        } else {
            var generator = SystemRandomNumberGenerator()
            secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try rows.setDeskSettingValue(key: "mail.secret", value: secret.map { String(format: "%02x", $0) }.joined())
        }
    }

    var localPart: String { String(address[..<address.lastIndex(of: "@")!]) }
    var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    func replyAddress(ticket: Int64) -> String {
        "\(localPart)+\(ticket)-\(signature("ticket:\(ticket)"))@\(domain)"
    }

    func messageID(ticket: Int64, kind: String) -> String {
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return "\(ticket).\(kind).\(unique).\(signature("mid:\(ticket).\(kind).\(unique)"))@\(domain)"
    }

    func signature(_ text: String) -> String {
        String(hmac(Array(text.utf8)).map { String(format: "%02x", $0) }.joined().prefix(10))
    }

    func hmac(_ message: [UInt8]) -> [UInt8] {
        var key = secret.count > 64 ? SHA256.digest(Data(secret)) : secret
        key += [UInt8](repeating: 0, count: 64 - key.count)
        let inner = SHA256.digest(Data(key.map { $0 ^ 0x36 } + message))
        return SHA256.digest(Data(key.map { $0 ^ 0x5c } + inner))
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        return stride(from: 0, to: 64, by: 2).compactMap { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16) }
    }
}
