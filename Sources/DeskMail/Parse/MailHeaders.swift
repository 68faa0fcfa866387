/// A message's header fields in order, unfolded (RFC 5322 section 2.2.3).
public struct MailHeaders: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        /// Lower case.
        public var name: String
        /// Unfolded, with RFC 2047 encoded words still encoded.
        public var value: String
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public func first(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// Parses the header block at the start of `bytes[range]`; returns the fields and where
    /// the body starts (after the blank line). Nil when the text does not start with a header
    /// field at all. A line that is neither a field nor a continuation ends the header block
    /// (a message that forgot its blank line keeps its body).
    /// Parse limits: fields after the first `maximumFields` are skipped, and a field keeps its
    /// first `maximumFieldBytes` (a hostile header block cannot take unbounded memory or time;
    /// the body still starts where the block ends).
    public static let maximumFields = 2_000
    public static let maximumFieldBytes = 128 * 1024

    public static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> (headers: MailHeaders, bodyStart: Int)? {
        var fields: [Field] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        func finish() {
            if let name = currentName, fields.count < maximumFields {
                fields.append(Field(name: name, value: headerText(currentValue)))
            }
            currentName = nil
            currentValue.removeAll(keepingCapacity: true)
        }
        func append(_ slice: ArraySlice<UInt8>) {
            let room = maximumFieldBytes - currentValue.count
            if room > 0 { currentValue.append(contentsOf: slice.prefix(room)) }
        }
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let next = min(lineEnd + 1, range.upperBound)
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            if contentEnd == lineStart {
                finish()
                return fields.isEmpty ? nil : (MailHeaders(fields), next)
            }
            let first = bytes[lineStart]
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                guard currentName != nil else { return nil }
                append(bytes[lineStart..<contentEnd])
            } else if let colon = fieldNameEnd(bytes, lineStart, contentEnd) {
                finish()
                var nameEnd = colon
                while nameEnd > lineStart, bytes[nameEnd - 1] == UInt8(ascii: " ") || bytes[nameEnd - 1] == UInt8(ascii: "\t") { nameEnd -= 1 }
                currentName = String(decoding: bytes[lineStart..<nameEnd], as: UTF8.self).lowercased()
                var valueStart = colon + 1
                while valueStart < contentEnd, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") { valueStart += 1 }
                append(bytes[valueStart..<contentEnd])
            } else {
                finish()
                return fields.isEmpty ? nil : (MailHeaders(fields), lineStart)
            }
            lineStart = next
        }
        finish()
        return fields.isEmpty ? nil : (MailHeaders(fields), range.upperBound)
    }

    /// The colon of `Name: value` (field names are printable ASCII without spaces; obsolete
    /// syntax allows spaces before the colon).
    private static func fieldNameEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var index = start
        var sawSpace = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index > start && !(sawSpace && index == start) ? index : nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                sawSpace = true
            } else if byte < 33 || byte > 126 || sawSpace {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Header bytes as text: raw 8-bit headers are UTF-8 when valid, else Windows-1252.
    public static func headerText(_ bytes: [UInt8]) -> String {
        Charsets.sniffed(bytes)
    }
}

/// A person in a From (or Sender, Reply-To) header.
public struct MailAddress: Equatable, Hashable, Sendable {
    /// The display name, decoded; may be empty.
    public var name: String
    /// The address as written (obfuscated archive forms such as `x at example.org` undone).
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// The part after the last `@`, lower case; empty without one.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }

    /// The first mailbox of an address list: `Name <a@b>`, `"Last, First" <a@b>`,
    /// `a@b (Name)`, or a bare `a@b`; encoded words decoded.
    public static func parseFirst(_ value: String) -> MailAddress? {
        for part in splitList(value) {
            if let address = parseMailbox(part) { return address }
        }
        return nil
    }

    /// Splits on commas outside quotes, angle brackets and comments.
    public static func splitList(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false, angle = 0, comment = 0, escaped = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where inQuotes || comment > 0: escaped = true; current.append(character)
            case "\"" where comment == 0: inQuotes.toggle(); current.append(character)
            case "<" where !inQuotes && comment == 0: angle += 1; current.append(character)
            case ">" where !inQuotes && comment == 0: angle = max(0, angle - 1); current.append(character)
            case "(" where !inQuotes: comment += 1; current.append(character)
            case ")" where !inQuotes: comment = max(0, comment - 1); current.append(character)
            case "," where !inQuotes && angle == 0 && comment == 0:
                parts.append(current)
                current = ""
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts.map(MailDate.trimmedASCII).filter { !$0.isEmpty }
    }

    public static func parseMailbox(_ text: String) -> MailAddress? {
        // Group syntax `Team: a@b, c@d;` starts with a display name and a colon outside quotes.
        var text = text
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let address = deobfuscate(String(text[text.index(after: open)..<close]))
            var name = MailDate.trimmedASCII(String(text[..<open]))
            if name.isEmpty {
                let rest = String(text[text.index(after: close)...])
                name = comments(in: rest).joined(separator: " ")
            }
            name = displayName(name)
            guard !address.isEmpty || !name.isEmpty else { return nil }
            return MailAddress(name: name, address: address)
        }
        let names = comments(in: text)
        text = removingComments(text)
        let address = deobfuscate(text)
        guard !address.isEmpty else { return nil }
        return MailAddress(name: displayName(names.joined(separator: " ")), address: address)
    }

    /// Quotes removed, escapes undone, encoded words decoded, whitespace collapsed.
    public static func displayName(_ raw: String) -> String {
        var name = MailDate.trimmedASCII(raw)
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
            name = String(name.dropFirst().dropLast())
        }
        if name.utf8.contains(UInt8(ascii: "\\")) {
            name = name.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        name = EncodedWords.decode(name)
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        return collapseWhitespace(name)
    }

    public static func comments(in text: String) -> [String] {
        var result: [String] = []
        var depth = 0
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" && depth == 0 { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if character == "(" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { result.append(current); current = "" } else { current.append(character) }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return result.map(MailDate.trimmedASCII).filter { !$0.isEmpty }
    }

    public static func removingComments(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" && depth > 0 { depth -= 1; continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    /// Undoes what it can of the address obfuscation of public list archives: `user at
    /// example.org`, and the R archives' `u@er @end|ng |rom ex@mp|e@org` and `u@er m@iii@g oii
    /// ex@mp|e@org`, which also turn some letters and the dots into `@` (in the domain, which
    /// starts after the marker, they can only have been dots). Whitespace, quotes and a
    /// `<mailto:...>` echo are dropped.
    public static func deobfuscate(_ raw: String) -> String {
        var text = MailDate.trimmedASCII(raw)
        if !text.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 34 || $0 == 60 || $0 == 62 || $0 == 13 || $0 == 10 || $0 == 58 }) {
            return text // the usual case: a plain address
        }
        if let echo = text.firstIndex(of: "<") { text = String(text[..<echo]) } // `a at b<mailto:a at b>`
        if text.hasPrefix("mailto:") { text.removeFirst(7) }
        for (marker, dotsMangled) in [(" @end|ng |rom ", true), (" m@iii@g oii ", true), (" at ", false)] {
            guard let range = text.range(of: marker) else { continue }
            let local = text[..<range.lowerBound]
            var domain = String(text[range.upperBound...])
            if dotsMangled { domain = domain.replacingOccurrences(of: "@", with: ".") }
            text = local + "@" + domain
            break
        }
        text.removeAll { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" }
        return text
    }
}

/// Message-ID, In-Reply-To and References values.
public enum MessageIDs {
    /// The ids in a header, without angle brackets, in order. Tokens without brackets count
    /// when they look like an id (contain `@`); text such as `(Bob's message of ...)` is ignored.
    public static func parse(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        let bytes = Array(value.utf8)
        var ids: [String] = []
        var index = 0
        var sawBracket = false
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            sawBracket = true
            var close = index + 1
            while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
            guard close < bytes.count else { break }
            let inside = bytes[(index + 1)..<close].filter { $0 != 32 && $0 != 9 && $0 != 13 && $0 != 10 }
            if !inside.isEmpty { ids.append(String(decoding: inside, as: UTF8.self)) }
            index = close + 1
        }
        if !sawBracket {
            for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) where token.contains("@") {
                ids.append(String(token))
            }
        }
        return ids
    }
}

/// Whether `collapseWhitespace` would return `text` as it is, decided on scalars without
/// breaking it into characters: no white space but single spaces between words, each followed
/// by printable ASCII (so the space is a character of its own; a combining mark after it would
/// make it part of another). Anything else takes the character-by-character path.
private func isCollapsed(_ text: String) -> Bool {
    var started = false
    var afterSpace = false
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if afterSpace {
            guard (0x21...0x7E).contains(value) else { return false }
            afterSpace = false
        } else if value == 0x20 {
            guard started else { return false }
            afterSpace = true
        } else if (0x09...0x0D).contains(value) || nonASCIIWhiteSpace.contains(value) {
            return false
        }
        started = true
    }
    return !afterSpace
}

/// Unicode's White_Space scalars above ASCII (a stable list: the property never changes).
private let nonASCIIWhiteSpace: Set<UInt32> = [
    0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
]

public func collapseWhitespace(_ text: String) -> String {
    // ASCII fast path: most subjects and names.
    let utf8 = text.utf8
    if text.isASCIIOnly {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 11 || byte == 12 {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(32) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        // Equal counts are not enough: a tab between two words became a space.
        return bytes.elementsEqual(utf8) ? text : String(decoding: bytes, as: UTF8.self)
    }
    if isCollapsed(text) { return text }
    return collapsedByCharacters(text)
}

/// What `collapseWhitespace` means, character by character; its shortcuts must agree with it.
func collapsedByCharacters(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text {
        if character.isWhitespace {
            pendingSpace = !result.isEmpty
        } else {
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
    }
    return result
}
