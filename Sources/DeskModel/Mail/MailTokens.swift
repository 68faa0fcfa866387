import Foundation

/// Signed references that prove which ticket a mail is about without trusting its subject:
/// the plus-address a customer replies to (`support+42-<sig>@desk.test`) and the Message-IDs
/// the desk sends (`<42.reply.<unique>.<sig>@desk.test>`), whose In-Reply-To/References in a
/// reply point back without a table lookup. The signature is the first 10 hex digits of
/// HMAC-SHA256 under the desk's `mail.secret`.
public struct MailTokens: Sendable {
    /// 40 bits: guessing a ticket's token takes about 10^12 tries.
    static let signatureLength = 10

    let secret: [UInt8]
    public let localPart: String
    public let domain: String

    /// `address` is the desk's `mail.address`; `secretHex` its `mail.secret`.
    public init(address: String, secretHex: String) {
        let at = address.lastIndex(of: "@")
        localPart = at.map { String(address[..<$0]) } ?? address
        domain = at.map { String(address[address.index(after: $0)...]) } ?? "localhost"
        secret = Self.bytes(fromHex: secretHex)
    }

    func signature(_ text: String) -> String {
        String(HMACSHA256.hexCode(key: secret, message: text).prefix(Self.signatureLength))
    }

    /// `LOCAL+<number>-<sig>@DOMAIN`: replies sent there land on ticket `number`.
    public func replyAddress(ticket number: Int64) -> String {
        "\(localPart)+\(number)-\(signature("ticket:\(number)"))@\(domain)"
    }

    /// A new Message-ID (angle brackets included) for mail about ticket `number`; `kind` says
    /// what the mail is (`ack`, `reply`, `closed`...; letters and digits).
    public func messageID(ticket number: Int64, kind: String, unique: String = UUID().uuidString.lowercased()) -> String {
        let core = "\(number).\(kind).\(unique)"
        return "<\(core).\(signature("mid:\(core)"))@\(domain)>"
    }

    /// The ticket a Message-ID of ours names, when its signature holds (with or without brackets).
    public func ticket(fromMessageID raw: String) -> Int64? {
        var id = raw.trimmingCharacters(in: .whitespaces)
        if id.hasPrefix("<") && id.hasSuffix(">") { id = String(id.dropFirst().dropLast()) }
        guard let at = id.lastIndex(of: "@"), id[id.index(after: at)...].lowercased() == domain.lowercased() else { return nil }
        let left = id[..<at]
        guard let dot = left.lastIndex(of: ".") else { return nil }
        let core = String(left[..<dot])
        let given = String(left[left.index(after: dot)...])
        guard let numberText = core.split(separator: ".", omittingEmptySubsequences: false).first,
              let number = Int64(numberText), number > 0,
              Self.constantTimeEqual(given, signature("mid:\(core)"))
        else { return nil }
        return number
    }

    /// The ticket a signed plus-address of ours names, when its signature holds.
    public func ticket(fromAddress raw: String) -> Int64? {
        let address = raw.trimmingCharacters(in: .whitespaces)
        guard let at = address.lastIndex(of: "@"), address[address.index(after: at)...].lowercased() == domain.lowercased() else {
            return nil
        }
        let local = address[..<at]
        guard let plus = local.lastIndex(of: "+"), local[..<plus].lowercased() == localPart.lowercased() else { return nil }
        let tag = local[local.index(after: plus)...]
        guard let dash = tag.firstIndex(of: "-"), let number = Int64(tag[..<dash]), number > 0,
              Self.constantTimeEqual(String(tag[tag.index(after: dash)...]).lowercased(), signature("ticket:\(number)"))
        else { return nil }
        return number
    }

    /// A comparison whose time does not tell how many leading characters matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    static func bytes(fromHex hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for byte in hex.utf8 {
            guard let value = TransferEncoding.hexValue(byte) else { continue }
            if let first = high { bytes.append(first << 4 | value); high = nil } else { high = value }
        }
        return bytes
    }

    /// 32 random bytes in hex: a new desk's `mail.secret`.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
