import Foundation

/// Subjects as threads see them.
///
/// Reply and forward prefixes (`Re:`, `RE:`, `Re[2]:`, `Re^2:`, `Fwd:`, `Fw:`, `AW:`, `WG:`,
/// `TR:`, `SV:`, `VS:`, `Antw:`, `RIF:`, `R:` ...) and list tags in brackets (`[R]`,
/// `[R-pkgs]`, `[SPAM]`) are stripped from the front, repeatedly and in any mix; whitespace is
/// collapsed. The thread key is that text in lower case.
public struct MailSubject: Equatable, Sendable {
    /// For people: prefixes and tags gone, original case.
    public var display: String
    /// For matching threads by subject: `display` lower-cased.
    public var key: String
    /// True when a reply or forward prefix was stripped (the message answers something).
    public var isReply: Bool

    public init(_ raw: String) {
        // NUL cannot be stored (PostgreSQL refuses it): the key is kept beside the ticket.
        let withoutNul = raw.utf8Holds(0) ? String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != "\u{0}" })) : raw
        var text = collapseWhitespace(withoutNul)
        var isReply = false
        while true {
            let before = text
            text = Self.stripTag(text)
            if let (stripped, reply) = Self.stripPrefix(text) {
                text = stripped
                if reply { isReply = true }
            }
            // A pasted "Subject: Re: ..." inside the subject.
            if text.hasPrefix("Subject:") { text = String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces) }
            if text == before { break }
        }
        display = text
        key = text.lowercased()
        self.isReply = isReply
    }

    /// Reply prefixes in the languages mail clients write them.
    public static let replyPrefixes: Set<String> = ["re", "aw", "sv", "vs", "antw", "rif", "ref", "réf", "odp", "res", "ynt"]
    /// Forward prefixes: stripped, but a forwarded message starts a thread of its own.
    public static let forwardPrefixes: Set<String> = ["fwd", "fw", "wg", "tr", "enc", "rv", "doorst", "vl"]

    /// `Re:`, `Re[3]:`, `Re^2:`, `Re :` at the start (and whether it is a reply), or nil.
    private static func stripPrefix(_ text: String) -> (String, Bool)? {
        var index = text.startIndex
        while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
        guard index > text.startIndex else { return nil }
        let word = text[text.startIndex..<index].lowercased()
        let isReply = replyPrefixes.contains(word)
        guard isReply || forwardPrefixes.contains(word) else { return nil }
        var cursor = index
        // Counters: [2] or ^2
        if cursor < text.endIndex, text[cursor] == "[" {
            guard let close = text[cursor...].firstIndex(of: "]"), text[text.index(after: cursor)..<close].allSatisfy(\.isNumber) else { return nil }
            cursor = text.index(after: close)
        } else if cursor < text.endIndex, text[cursor] == "^" {
            cursor = text.index(after: cursor)
            while cursor < text.endIndex, text[cursor].isNumber { cursor = text.index(after: cursor) }
        }
        while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
        guard cursor < text.endIndex, text[cursor] == ":" || text[cursor] == "：" else { return nil }
        cursor = text.index(after: cursor)
        return (String(text[cursor...]).trimmingCharacters(in: .whitespaces), isReply)
    }

    /// A leading `[tag]` of at most 40 characters.
    private static func stripTag(_ text: String) -> String {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return text }
        let inner = text[text.index(after: text.startIndex)..<close]
        guard inner.count <= 40, !inner.contains("[") else { return text }
        // "[2]:" would be a reply counter without a prefix; keep such oddities simple.
        return String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
    }
}
