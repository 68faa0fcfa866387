import Foundation

/// RFC 2047 encoded words for text that is not printable ASCII: UTF-8, in the Q encoding
/// when it is shorter (mostly Latin text stays half readable) and B otherwise (CJK). Each
/// word holds whole characters, so every word decodes on its own to valid UTF-8.
enum EncodedWordWriter {
    /// Short enough that a field name and the word fit on one 76-column line.
    static let wordLimit = 60

    static func words(_ text: String, phrase: Bool) -> [String] {
        let bytes = Array(text.utf8)
        let unsafe = bytes.filter { !isQSafe($0) && $0 != UInt8(ascii: " ") }.count
        let qLength = bytes.count + 2 * unsafe
        let bLength = (bytes.count + 2) / 3 * 4
        return qLength <= bLength ? qWords(text) : bWords(text)
    }

    /// Letters, digits and `!*+-/`: what the Q encoding may leave as it is even in a display name.
    static func isQSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"): true
        default: false
        }
    }

    static func qEncoded(_ bytes: some Sequence<UInt8>) -> String {
        var result = ""
        for byte in bytes {
            if byte == UInt8(ascii: " ") {
                result += "_"
            } else if isQSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "=" + hex(byte)
            }
        }
        return result
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    static let qPrefix = "=?UTF-8?Q?", bPrefix = "=?UTF-8?B?", suffix = "?="

    static func qWords(_ text: String) -> [String] {
        let room = wordLimit - qPrefix.count - suffix.count
        return chunks(text, fits: { bytes in qEncoded(bytes).count <= room }).map { qPrefix + qEncoded($0) + suffix }
    }

    static func bWords(_ text: String) -> [String] {
        let room = wordLimit - bPrefix.count - suffix.count
        return chunks(text, fits: { bytes in (bytes.count + 2) / 3 * 4 <= room })
            .map { bPrefix + Data($0).base64EncodedString() + suffix }
    }

    /// The text's UTF-8 cut between characters (between scalars for a character too long for
    /// one word) into the longest pieces that `fits` accepts.
    static func chunks(_ text: String, fits: ([UInt8]) -> Bool) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        func add(_ unit: [UInt8]) {
            if fits(current + unit) {
                current += unit
            } else {
                if !current.isEmpty { pieces.append(current) }
                current = unit
            }
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if fits(bytes) {
                add(bytes)
            } else {
                for scalar in character.unicodeScalars { add(Array(String(scalar).utf8)) }
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
