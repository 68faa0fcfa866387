import Foundation

/// HMAC-SHA256 (RFC 2104) over `SHA256`: the signature of the desk's mail tokens.
public enum HMACSHA256 {
    static let blockSize = 64

    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? SHA256.digest(Data(key)) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        var inner = SHA256.Stream()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256.Stream()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finish())
        return outer.finish()
    }

    public static func hexCode(key: [UInt8], message: String) -> String {
        authenticationCode(key: key, message: Array(message.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
