/// Content-Transfer-Encoding decoders (RFC 2045): quoted-printable and base64, both lenient
/// in the ways real mail needs and explicit about what they could not read.
public enum TransferEncoding {
    /// Quoted-printable: `=XX` escapes (either case), `=` at end of line joins lines, trailing
    /// spaces before a line break are dropped. A `=` not followed by two hex digits is kept as
    /// it is (mail clients do the same). With `underscoreIsSpace` it decodes the Q encoding of
    /// RFC 2047 headers.
    public static func quotedPrintable<C: Collection>(_ input: C, underscoreIsSpace: Bool = false) -> [UInt8] where C.Element == UInt8 {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpaces = 0 // spaces and tabs not yet known to be trailing
        var spaceBytes: [UInt8] = []
        func flushSpaces() {
            if pendingSpaces > 0 { output.append(contentsOf: spaceBytes) }
            pendingSpaces = 0
            spaceBytes.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                pendingSpaces += 1
                spaceBytes.append(byte)
                index += 1
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                // Trailing whitespace on an encoded line is padding, not text.
                pendingSpaces = 0
                spaceBytes.removeAll(keepingCapacity: true)
                output.append(byte)
                index += 1
            case UInt8(ascii: "="):
                flushSpaces()
                // Soft line break: `=` then optional whitespace then the line end.
                var look = index + 1
                while look < bytes.count, bytes[look] == UInt8(ascii: " ") || bytes[look] == UInt8(ascii: "\t") { look += 1 }
                if look < bytes.count, bytes[look] == UInt8(ascii: "\r") || bytes[look] == UInt8(ascii: "\n") {
                    index = look + (bytes[look] == UInt8(ascii: "\r") && look + 1 < bytes.count && bytes[look + 1] == UInt8(ascii: "\n") ? 2 : 1)
                    continue
                }
                if look >= bytes.count {
                    index = bytes.count // `=` at the very end: a soft break with no line after it
                    continue
                }
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "_") where underscoreIsSpace:
                flushSpaces()
                output.append(UInt8(ascii: " "))
                index += 1
            default:
                flushSpaces()
                output.append(byte)
                index += 1
            }
        }
        flushSpaces()
        return output
    }

    /// The result of decoding base64.
    public struct Base64Result: Equatable, Sendable {
        public var bytes: [UInt8]
        /// Characters that are neither base64 nor whitespace (they are ignored).
        public var invalidCharacters: Int
        /// Sextets left over at the end that do not make a whole byte, or data after padding.
        public var truncated: Bool

        /// Decoding was clean enough to trust: no stray characters beyond the odd one.
        public var isUsable: Bool { invalidCharacters == 0 || invalidCharacters * 50 < bytes.count }
    }

    /// Base64, skipping line breaks and whitespace. Stray characters are skipped and counted;
    /// a missing `=` padding is tolerated; a final lone sextet (which cannot make a byte) is
    /// reported as truncation.
    public static func base64<C: Collection>(_ input: C) -> Base64Result where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var invalid = 0
        var sawPadding = false
        var dataAfterPadding = false
        for byte in input {
            let value = base64Table[Int(byte)]
            if value < 64 {
                if sawPadding { dataAfterPadding = true }
                accumulator = accumulator << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                    accumulator &= (1 << UInt32(bits)) - 1
                }
            } else if value == 64 {
                sawPadding = true
            } else if value == 65 {
                continue // whitespace
            } else {
                invalid += 1
            }
        }
        return Base64Result(bytes: output, invalidCharacters: invalid, truncated: bits >= 6 || dataAfterPadding)
    }

    /// Standard base64 with line breaks every 76 characters (for export).
    public static func base64Encode(_ bytes: [UInt8], lineLength: Int = 76) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4 / 3 + bytes.count / 57 + 4)
        var column = 0
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
            column += 4
            if column >= lineLength && index < bytes.count {
                output.append(UInt8(ascii: "\n"))
                column = 0
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// 0...63 the sextet, 64 padding, 65 whitespace, 255 anything else.
    private static let base64Table: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(char)] = UInt8(index)
        }
        // URL-safe alphabet, seen in the wild.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        table[Int(UInt8(ascii: "="))] = 64
        for space in [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0B, 0x0C] {
            table[Int(space)] = 65
        }
        return table
    }()
}
