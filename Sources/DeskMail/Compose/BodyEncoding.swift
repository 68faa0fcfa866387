/// The body's transfer encoding: 7bit when every line is ASCII and short enough (at most 998
/// octets), otherwise quoted-printable over UTF-8 with lines of at most 76 characters, soft
/// breaks never inside an `=XX` escape, and whitespace at a line's end escaped so that no
/// transport can strip it.
struct BodyEncoding {
    var transferEncoding: String
    var lines: [String]

    static func choose(for text: String) -> BodyEncoding {
        let lines = normalisedLines(text)
        if lines.allSatisfy({ line in line.utf8.count <= 998 && line.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 } }) {
            return BodyEncoding(transferEncoding: "7bit", lines: lines)
        }
        return BodyEncoding(transferEncoding: "quoted-printable", lines: lines.flatMap(quotedPrintable))
    }

    /// Any line end (CRLF, CR, LF, Unicode separators) becomes a line break.
    static func normalisedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && lastWasCR { lastWasCR = false; continue }
            lastWasCR = scalar == "\r"
            if scalar == "\r" || scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                lines.append(line)
                line = ""
            } else {
                line.unicodeScalars.append(scalar)
            }
        }
        lines.append(line)
        return lines
    }

    static let qpLimit = 76

    /// One text line as quoted-printable lines: soft breaks (`=`) keep each under 76.
    static func quotedPrintable(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            tokens.append(literal ? String(Unicode.Scalar(byte)) : "=" + EncodedWordWriter.hex(byte))
        }
        // A line starting "From " or "." stays readable but cannot be mangled by an mbox or SMTP.
        if let first = tokens.first, first == "." || (first == "F" && line.hasPrefix("From ")) {
            tokens[0] = "=" + EncodedWordWriter.hex(bytes[0])
        }
        var output: [String] = []
        var current = ""
        for token in tokens {
            // Leave room for the soft-break `=`.
            if current.count + token.count > qpLimit - 1 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output
    }
}
