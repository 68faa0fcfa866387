/// RFC 2047 encoded words in headers: `=?charset?B?...?=` and `=?charset?Q?...?=`.
///
/// Whitespace between two encoded words is dropped (RFC 2047 section 6.2), and adjacent words
/// in the same charset are decoded together, so a multi-byte character split across two words
/// (which some mailers do) comes out whole. A malformed word is left as it is.
public enum EncodedWords {
    public static func decode(_ value: String) -> String {
        guard hasEncodedWordStart(value) else { return value }
        let bytes = Array(value.utf8)
        enum Piece {
            case text([UInt8])
            case word(charset: String, bytes: [UInt8])
        }
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"),
               let (charset, decoded, end) = parseWord(bytes, at: index) {
                if !text.isEmpty { pieces.append(.text(text)); text = [] }
                pieces.append(.word(charset: charset, bytes: decoded))
                index = end
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }

        var output = ""
        var pendingCharset: String?
        var pendingBytes: [UInt8] = []
        func flush() {
            if let charset = pendingCharset { output += Charsets.decode(pendingBytes, charset: charset) }
            pendingCharset = nil
            pendingBytes = []
        }
        for (position, piece) in pieces.enumerated() {
            switch piece {
            case .word(let charset, let decoded):
                if let pending = pendingCharset, Charsets.canonicalName(pending) != Charsets.canonicalName(charset) { flush() }
                pendingCharset = pendingCharset ?? charset
                pendingBytes += decoded
            case .text(let raw):
                let isWhitespace = raw.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
                let betweenWords: Bool = {
                    guard position > 0, position + 1 < pieces.count else { return false }
                    if case .word = pieces[position - 1], case .word = pieces[position + 1] { return true }
                    return false
                }()
                if isWhitespace && betweenWords { continue }
                flush()
                output += String(decoding: raw, as: UTF8.self)
            }
        }
        flush()
        return output
    }

    public static func hasEncodedWordStart(_ value: String) -> Bool {
        var previousWasEquals = false
        for byte in value.utf8 {
            if previousWasEquals && byte == UInt8(ascii: "?") { return true }
            previousWasEquals = byte == UInt8(ascii: "=")
        }
        return false
    }

    /// `=?charset?enc?text?=` starting at `start`: the charset, the decoded bytes and the index after `?=`.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (String, [UInt8], Int)? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            if bytes[index] <= 0x20 || bytes[index] >= 0x7F { return nil }
            index += 1
        }
        guard index < bytes.count, index > charsetStart else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        index += 1
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") else { return nil }
        let encoding = bytes[index] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        index += 2
        let textStart = index
        while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")) {
            if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\n") { return nil }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
        let encoded = bytes[textStart..<index]
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            let result = TransferEncoding.base64(encoded)
            guard result.invalidCharacters == 0 else { return nil }
            decoded = result.bytes
        } else {
            decoded = TransferEncoding.quotedPrintable(encoded, underscoreIsSpace: true)
        }
        return (charset, decoded, index + 2)
    }

    /// Encodes a header value for export: as it is when it is printable ASCII, else as UTF-8
    /// base64 encoded words short enough for one line each.
    public static func encode(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + TransferEncoding.base64Encode(chunk, lineLength: .max) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + TransferEncoding.base64Encode(chunk, lineLength: .max) + "?=") }
        return words.joined(separator: "\n ")
    }
}
