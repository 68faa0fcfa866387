import Foundation

/// A `Content-Type` or `Content-Disposition` value: the lower-case value and its parameters,
/// with RFC 2231 continuations and charsets (`filename*0*=UTF-8''%C3%A9...`) and the
/// non-standard but common RFC 2047 words in quoted names (`name="=?UTF-8?B?...?="`) decoded.
public struct MIMEField: Equatable, Sendable {
    public var value: String
    public var parameters: [String: String]

    public static func parse(_ raw: String?) -> MIMEField {
        guard let raw else { return MIMEField(value: "", parameters: [:]) }
        let pieces = splitParameters(raw)
        let value = MailDate.trimmedASCII(pieces.first ?? "").lowercased()
        var plain: [String: String] = [:]
        // name -> (index -> (value, isEncoded))
        var extended: [String: [Int: (String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = MailDate.trimmedASCII(String(piece[..<equals])).lowercased()
            var text = MailDate.trimmedASCII(String(piece[piece.index(after: equals)...]))
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            } else if text.hasPrefix("\"") {
                text = String(text.dropFirst()) // unterminated quote
            }
            guard !name.isEmpty else { continue }
            var encoded = false
            if name.hasSuffix("*") { encoded = true; name.removeLast() }
            if let star = name.lastIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                extended[String(name[..<star]), default: [:]][index] = (text, encoded)
            } else if encoded {
                extended[name, default: [:]][0] = (text, true)
            } else {
                plain[name] = text
            }
        }
        var parameters = plain
        for (name, segments) in extended {
            var bytes: [UInt8] = []
            var charset: String?
            for index in segments.keys.sorted() {
                guard let segment = segments[index] else { continue }
                var text = segment.0
                let encoded = segment.1
                if encoded {
                    if index == segments.keys.min() {
                        // charset'language'value
                        let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if parts.count == 3 {
                            charset = String(parts[0])
                            text = String(parts[2])
                        }
                    }
                    bytes += percentDecoded(text)
                } else {
                    bytes += Array(text.utf8)
                }
            }
            parameters[name] = Charsets.decode(bytes, charset: charset ?? "utf-8")
        }
        for key in ["name", "filename"] {
            if let text = parameters[key], EncodedWords.hasEncodedWordStart(text) { parameters[key] = EncodedWords.decode(text) }
        }
        return MIMEField(value: value, parameters: parameters)
    }

    /// Splits on `;` outside quotes.
    private static func splitParameters(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in raw {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && inQuotes { escaped = true; current.append(character); continue }
            if character == "\"" { inQuotes.toggle() }
            if character == ";" && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = TransferEncoding.hexValue(bytes[index + 1]), let low = TransferEncoding.hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}

/// A file carried by a message.
public struct MailAttachment: Equatable, Sendable {
    public var name: String
    public var mediaType: String
    public var data: Data

    public init(name: String, mediaType: String, data: Data) {
        self.name = name
        self.mediaType = mediaType
        self.data = data
    }
}

/// What a message says and carries, once its MIME structure is walked.
public struct MailContent: Equatable, Sendable {
    public var text: String
    public var attachments: [MailAttachment]
    /// Parts that could not be read (an attachment in bad base64...): the message is kept.
    public var problems: [String]
    /// The multipart structure ended before its closing boundary (a truncated message).
    public var truncated: Bool

    public init(text: String, attachments: [MailAttachment], problems: [String], truncated: Bool) {
        self.text = text
        self.attachments = attachments
        self.problems = problems
        self.truncated = truncated
    }
}

/// Why a message's content cannot be imported.
public struct MailContentError: Error, Equatable, Sendable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// Walks a message's MIME tree.
///
/// - `multipart/alternative` shows its text/plain version; without one, its text/html
///   version turned into text (or a nested multipart holding one).
/// - `multipart/mixed`, `related`, `signed`, `report` and unknown multiparts: inline text
///   parts make the body (joined by blank lines), every other part is an attachment, with its
///   `filename` or `name` (or a made-up `part-N.ext`).
/// - `message/rfc822` parts are attachments (`subject.eml`).
/// - A multipart that ends without its closing boundary keeps the parts it has (truncated);
///   one with no boundary or no part at all cannot be read, nor can a text part in bad base64.
public enum MIMEWalker {
    public static let maximumDepth = 24

    public static func content(_ bytes: [UInt8], headers: MailHeaders, body: Range<Int>) throws(MailContentError) -> MailContent {
        var walker = State()
        try walker.walk(bytes, headers: headers, body: body, depth: 0, isTop: true)
        let text = walker.texts.joined(separator: "\n\n")
        return MailContent(text: text, attachments: walker.attachments, problems: walker.problems, truncated: walker.truncated)
    }

    private struct State {
        var texts: [String] = []
        var attachments: [MailAttachment] = []
        var problems: [String] = []
        var truncated = false
        var partCounter = 0

        mutating func walk(_ bytes: [UInt8], headers: MailHeaders, body: Range<Int>, depth: Int, isTop: Bool, defaultType: String = "text/plain") throws(MailContentError) {
            guard depth < MIMEWalker.maximumDepth else { throw MailContentError(reason: "MIME parts nested more than \(MIMEWalker.maximumDepth) deep") }
            let contentType = MIMEField.parse(headers.first("content-type"))
            var type = !contentType.value.utf8.contains(UInt8(ascii: "/")) ? defaultType : contentType.value
            if type == "text" { type = "text/plain" }
            let disposition = MIMEField.parse(headers.first("content-disposition"))
            let fileName = disposition.parameters["filename"] ?? contentType.parameters["name"]
            let encoding = MailDate.trimmedASCII(headers.first("content-transfer-encoding") ?? "").lowercased()

            if type.hasPrefix("multipart/") {
                guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                    if isTop { throw MailContentError(reason: "\(type) without a boundary") }
                    problems.append("\(type) part without a boundary was left out")
                    return
                }
                let split = MultipartSplitter.split(bytes, body, boundary: boundary)
                if split.truncated { truncated = true }
                guard !split.parts.isEmpty else {
                    if isTop { throw MailContentError(reason: "\(type) whose boundary \"\(boundary)\" never occurs") }
                    problems.append("\(type) part whose boundary never occurs was left out")
                    return
                }
                let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
                let parts: [(MailHeaders, Range<Int>)] = split.parts.map { range in MultipartSplitter.headersAndBody(bytes, range) }
                if type == "multipart/alternative" {
                    try walkAlternative(bytes, parts, depth: depth)
                } else {
                    for (partHeaders, partBody) in parts {
                        try walk(bytes, headers: partHeaders, body: partBody, depth: depth + 1, isTop: false, defaultType: childDefault)
                    }
                }
                return
            }

            let isText = type == "text/plain" || type == "text/html"
            let isInlineText = isText && disposition.value != "attachment" && (fileName == nil || (texts.isEmpty && disposition.value == "inline"))
            if isInlineText {
                let decoded = decodeTransfer(bytes[body], encoding: encoding)
                if let problem = decoded.problem { throw MailContentError(reason: "the \(type) part is \(problem)") }
                var text = Charsets.decode(decoded.bytes, charset: contentType.parameters["charset"])
                if type == "text/html" { text = HTMLText.text(from: text) }
                texts.append(text)
                return
            }

            // Everything else is a file.
            partCounter += 1
            let decoded = decodeTransfer(bytes[body], encoding: encoding)
            var name = fileName.map(MIMEWalker.cleanFileName) ?? ""
            if type == "message/rfc822" && name.isEmpty {
                let inner = MailHeaders.parse(bytes, body)?.headers.first("subject").map { EncodedWords.decode($0) } ?? ""
                name = MIMEWalker.cleanFileName(inner.isEmpty ? "message" : inner) + ".eml"
            }
            if name.isEmpty { name = "part-\(partCounter)" + MIMEWalker.fileExtension(for: type) }
            if let problem = decoded.problem {
                problems.append("attachment \(name) left out: it is \(problem)")
                return
            }
            attachments.append(MailAttachment(name: name, mediaType: type, data: Data(decoded.bytes)))
        }

        /// The text/plain version when there is one, else an HTML or multipart version.
        mutating func walkAlternative(_ bytes: [UInt8], _ parts: [(MailHeaders, Range<Int>)], depth: Int) throws(MailContentError) {
            func type(_ headers: MailHeaders) -> String {
                let value = MIMEField.parse(headers.first("content-type")).value
                return value.isEmpty ? "text/plain" : value
            }
            let choice = parts.first { type($0.0) == "text/plain" }
                ?? parts.first { type($0.0).hasPrefix("multipart/") }
                ?? parts.first { type($0.0) == "text/html" }
                ?? parts.last
            guard let (headers, body) = choice else { return }
            try walk(bytes, headers: headers, body: body, depth: depth + 1, isTop: false)
        }
    }

    /// Decoded bytes, or why they cannot be trusted.
    public static func decodeTransfer(_ raw: ArraySlice<UInt8>, encoding: String) -> (bytes: [UInt8], problem: String?) {
        switch encoding {
        case "base64":
            let result = TransferEncoding.base64(raw)
            if !result.isUsable { return (result.bytes, "not valid base64 (\(result.invalidCharacters) stray characters)") }
            return (result.bytes, nil)
        case "quoted-printable":
            return (TransferEncoding.quotedPrintable(raw), nil)
        default:
            return (Array(raw), nil)
        }
    }

    /// A file name without folders or control characters (its length is the importer's to
    /// check, with a warning, against `FieldLimits`).
    public static func cleanFileName(_ raw: String) -> String {
        var name = raw.replacingOccurrences(of: "\\", with: "/")
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        name = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && UnsafeScalars.placeholder(for: $0) == nil }.map(Character.init))
        name = name.trimmingCharacters(in: .whitespaces)
        if name == "." || name == ".." { name = "" }
        return name
    }

    public static func fileExtension(for type: String) -> String {
        switch type {
        case "application/pdf": ".pdf"
        case "image/png": ".png"
        case "image/jpeg", "image/jpg": ".jpg"
        case "image/gif": ".gif"
        case "text/plain": ".txt"
        case "text/html": ".html"
        case "text/csv": ".csv"
        case "text/calendar": ".ics"
        case "application/zip": ".zip"
        case "application/json": ".json"
        case "application/xml", "text/xml": ".xml"
        case "message/rfc822": ".eml"
        case "application/pgp-signature": ".asc"
        case "message/delivery-status": ".txt"
        default: ".bin"
        }
    }
}

/// Finds the body parts of a multipart body.
enum MultipartSplitter {
    struct Result {
        var parts: [Range<Int>]
        var truncated: Bool
    }

    /// Parts between `--boundary` lines; the line break before a delimiter belongs to it. A
    /// body that ends before `--boundary--` keeps what it has and is marked truncated.
    public static func split(_ bytes: [UInt8], _ range: Range<Int>, boundary: String) -> Result {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if bytes[lineStart] == UInt8(ascii: "-"), lineEnd - lineStart >= delimiter.count, startsWith(bytes, lineStart, delimiter) {
                var after = lineStart + delimiter.count
                var isClose = false
                if after + 1 < lineEnd, bytes[after] == UInt8(ascii: "-"), bytes[after + 1] == UInt8(ascii: "-") {
                    isClose = true
                    after += 2
                }
                // Only whitespace may follow the delimiter on its line.
                var rest = after
                while rest < lineEnd, bytes[rest] == UInt8(ascii: " ") || bytes[rest] == UInt8(ascii: "\t") || bytes[rest] == UInt8(ascii: "\r") { rest += 1 }
                if rest == lineEnd {
                    if let start = partStart {
                        var end = lineStart
                        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                        parts.append(start..<max(start, end))
                    }
                    if isClose { return Result(parts: parts, truncated: false) }
                    partStart = min(lineEnd + 1, range.upperBound)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart {
            parts.append(start..<max(start, range.upperBound))
            return Result(parts: parts, truncated: true)
        }
        return Result(parts: parts, truncated: false)
    }

    /// A part's own headers (possibly none) and body.
    public static func headersAndBody(_ bytes: [UInt8], _ range: Range<Int>) -> (MailHeaders, Range<Int>) {
        if range.isEmpty { return (MailHeaders(), range) }
        if bytes[range.lowerBound] == UInt8(ascii: "\n") { return (MailHeaders(), (range.lowerBound + 1)..<range.upperBound) }
        if bytes[range.lowerBound] == UInt8(ascii: "\r"), range.count > 1, bytes[range.lowerBound + 1] == UInt8(ascii: "\n") {
            return (MailHeaders(), (range.lowerBound + 2)..<range.upperBound)
        }
        if let (headers, bodyStart) = MailHeaders.parse(bytes, range) { return (headers, bodyStart..<range.upperBound) }
        return (MailHeaders(), range)
    }

    public static func startsWith(_ bytes: [UInt8], _ index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
