import Foundation

/// Readable plain text from the HTML of a mail that has no text/plain version: paragraphs
/// and line breaks kept, lists as `- item`, quotes as `> `, links as `text <url>`, entities
/// decoded, scripts, styles and the head dropped, whitespace collapsed outside `<pre>`.
///
/// Linear in the input whatever its shape: nesting deeper than a reader can follow is drawn
/// at a fixed depth, and the text stops at `outputLimit` characters with a marker.
public enum HTMLText {
    /// Quotes nested deeper than this are drawn with this many `> `.
    public static let deepestDrawnQuote = 10
    /// Lists nested deeper than this are indented like this level.
    public static let deepestDrawnList = 10
    /// A few MB of text is more than anyone reads in one description.
    public static let defaultOutputLimit = 4_000_000
    /// Ends a text cut at the limit, on a line of its own.
    public static let truncationMarker = "[… truncated]"

    public static func text(from html: String, outputLimit: Int = defaultOutputLimit) -> String {
        var writer = Writer(limit: outputLimit)
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var skipUntil: String? // inside <script>, <style>, <head>, <title>
        var links: [String] = [] // hrefs of open <a>, their text spans are the writer's
        var listKinds: [Bool] = [] // true for <ol>
        var listCounters: [Int] = []
        // After a tag runs to the end of the input unterminated, quoted values may no longer
        // hide a `>` (else every later `<` would scan to the end again: quadratic); after a
        // second one no `>` is left, so no later `<` can start a tag.
        var tagScan = TagScanMode.normal

        while index < scalars.count && !writer.isFull {
            let scalar = scalars[index]
            if scalar == "<" {
                // Comments and declarations.
                if matches(scalars, index, "<!--") {
                    index = find(scalars, from: index + 4, "-->").map { $0 + 3 } ?? scalars.count
                    continue
                }
                let read: TagRead = tagScan == .noTagEndLeft ? .notATag : readTag(scalars, from: index, mode: tagScan)
                guard case .tag(let tag) = read else {
                    if case .unterminated = read { tagScan = tagScan == .normal ? .quotesStopAtTagEnd : .noTagEndLeft }
                    if skipUntil == nil { writer.text("<") }
                    index += 1
                    continue
                }
                index = tag.end
                if let skipping = skipUntil {
                    if tag.closing && tag.name == skipping { skipUntil = nil }
                    continue
                }
                switch tag.name {
                case "script", "style", "head", "title", "template":
                    if !tag.closing && !tag.selfClosing { skipUntil = tag.name }
                case "br":
                    writer.lineBreak()
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "dl", "address", "figure", "fieldset", "form":
                    writer.paragraphBreak()
                case "div", "tr", "section", "article", "header", "footer", "nav", "aside", "main", "dt", "dd", "center", "caption", "tbody", "thead", "tfoot":
                    writer.lineBreak()
                case "ul", "ol":
                    if tag.closing {
                        if !listKinds.isEmpty { listKinds.removeLast(); listCounters.removeLast() }
                    } else {
                        listKinds.append(tag.name == "ol")
                        listCounters.append(0)
                    }
                    writer.lineBreak()
                case "li":
                    writer.lineBreak()
                    if !tag.closing {
                        let indent = String(repeating: "  ", count: max(0, min(listKinds.count, deepestDrawnList) - 1))
                        if listKinds.last == true {
                            listCounters[listCounters.count - 1] += 1
                            writer.raw(indent + "\(listCounters[listCounters.count - 1]). ")
                        } else {
                            writer.raw(indent + "- ")
                        }
                    }
                case "td", "th":
                    if !tag.closing { writer.cellBreak() }
                case "blockquote":
                    writer.paragraphBreak()
                    writer.quoteDepth = max(0, writer.quoteDepth + (tag.closing ? -1 : 1))
                case "pre":
                    writer.paragraphBreak()
                    writer.preformatted = !tag.closing
                case "hr":
                    writer.lineBreak()
                    writer.raw("----")
                    writer.lineBreak()
                case "a":
                    if tag.closing {
                        if let href = links.popLast() {
                            // Text longer than the href (allowing for canonically equivalent
                            // spellings) cannot equal it: not worth building.
                            let shown = writer.closeSpan(ifVisibleAtMost: (href.unicodeScalars.count + 7) * 4)
                            if !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:"),
                               shown.map({ $0 != href && "mailto:" + $0 != href }) ?? true {
                                writer.text(" <\(href)>")
                            }
                        }
                    } else if !tag.selfClosing {
                        links.append(decodeEntities(tag.attributes["href"] ?? ""))
                        writer.openSpan()
                    }
                case "img":
                    if let alt = tag.attributes["alt"], !alt.isEmpty { writer.text("[\(decodeEntities(alt))]") }
                default:
                    break
                }
                continue
            }
            if skipUntil != nil { index += 1; continue }
            if scalar == "&" {
                let (decoded, end) = entity(scalars, at: index)
                writer.text(decoded)
                index = end
                continue
            }
            writer.text(scalar)
            index += 1
        }
        return writer.finish()
    }

    /// Decodes character references in attribute values and text.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&" {
                let (decoded, end) = entity(scalars, at: index)
                output += decoded
                index = end
            } else {
                output.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return output
    }

    // MARK: - Output

    private struct Writer {
        let limit: Int
        private var output: [Unicode.Scalar] = []
        /// Something was dropped at the limit.
        private(set) var isFull = false
        var pendingSpace = false
        var pendingNewlines = 0
        var atLineStart = true
        var quoteDepth = 0
        var preformatted = false
        /// The open links' texts, each by its first visible (not blank) scalar once it has one.
        private var spans: [Int?] = []
        /// How many of the innermost spans have no visible scalar yet: they get the next one.
        private var spansAwaitingVisible = 0
        private var lastVisible = -1

        init(limit: Int) {
            self.limit = max(0, limit)
        }

        mutating func openSpan() {
            spans.append(nil)
            spansAwaitingVisible += 1
        }

        /// The text written since the matching `openSpan`, trimmed of blanks like
        /// `trimmingCharacters(in: .whitespaces)`; nil when it is longer than `maximum`.
        mutating func closeSpan(ifVisibleAtMost maximum: Int) -> String? {
            guard let popped = spans.popLast() else { return "" }
            guard let first = popped else {
                spansAwaitingVisible -= 1
                return ""
            }
            guard lastVisible - first < maximum else { return nil }
            return String(String.UnicodeScalarView(output[first...lastVisible]))
        }

        mutating func text(_ text: String) {
            for scalar in text.unicodeScalars { self.text(scalar) }
        }

        mutating func text(_ scalar: Unicode.Scalar) {
            if preformatted {
                if scalar == "\n" { hardNewline(); return }
                if scalar == "\r" { return }
                emit(scalar)
                return
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = true // dropped at the start of a line
                return
            }
            emit(scalar == "\u{A0}" ? " " : scalar)
        }

        mutating func raw(_ text: String) {
            for scalar in text.unicodeScalars { emit(scalar) }
        }

        /// Every scalar goes out through here: the limit and the link spans are kept here only.
        private mutating func append(_ scalar: Unicode.Scalar) {
            guard output.count < limit else {
                isFull = true
                return
            }
            // Blank as `CharacterSet.whitespaces` counts it: space separators and tab.
            if scalar != "\t" && scalar.properties.generalCategory != .spaceSeparator {
                let position = output.count
                while spansAwaitingVisible > 0 {
                    spans[spans.count - spansAwaitingVisible] = position
                    spansAwaitingVisible -= 1
                }
                lastVisible = position
            }
            output.append(scalar)
        }

        private mutating func appendQuotePrefix() {
            for _ in 0..<min(quoteDepth, HTMLText.deepestDrawnQuote) {
                append(">")
                append(" ")
            }
        }

        private mutating func emit(_ scalar: Unicode.Scalar) {
            if pendingNewlines > 0 && !output.isEmpty {
                for _ in 0..<pendingNewlines { append("\n") }
                atLineStart = true
            }
            pendingNewlines = 0
            if atLineStart {
                appendQuotePrefix()
                pendingSpace = false
                atLineStart = false
            } else if pendingSpace {
                append(" ")
            }
            pendingSpace = false
            append(scalar)
        }

        private mutating func hardNewline() {
            if pendingNewlines > 0 && !output.isEmpty {
                for _ in 0..<pendingNewlines { append("\n") }
            }
            pendingNewlines = 0
            if atLineStart { appendQuotePrefix() }
            append("\n")
            atLineStart = true
            pendingSpace = false
        }

        mutating func lineBreak() {
            if atLineStart && pendingNewlines > 0 { return }
            pendingNewlines = max(pendingNewlines, 1)
            atLineStart = true
            pendingSpace = false
        }

        mutating func paragraphBreak() {
            pendingNewlines = output.isEmpty ? 0 : 2
            atLineStart = true
            pendingSpace = false
        }

        mutating func cellBreak() {
            if !atLineStart { append("\t") }
            pendingSpace = false
        }

        func finish() -> String {
            // Trailing spaces on lines and blank lines at the end go.
            let lines = String(String.UnicodeScalarView(output)).split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line.removeLast() }
                return line
            }
            var result = lines.joined(separator: "\n")
            while result.hasSuffix("\n") { result.removeLast() }
            if isFull { result += (result.isEmpty ? "" : "\n") + HTMLText.truncationMarker }
            return result
        }
    }

    // MARK: - Tags and entities

    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        var end: Int
    }

    private enum TagScanMode {
        case normal
        /// A quoted attribute value ends at `>` too, so a scan never passes a `>`.
        case quotesStopAtTagEnd
        /// No `>` is left in the input: a `<` is text.
        case noTagEndLeft
    }

    private enum TagRead {
        case tag(Tag)
        /// `<` not followed by a tag name: text.
        case notATag
        /// The input ends inside the tag: text too.
        case unterminated
    }

    private static func readTag(_ s: [Unicode.Scalar], from start: Int, mode: TagScanMode) -> TagRead {
        var index = start + 1
        guard index < s.count else { return .notATag }
        var closing = false
        if s[index] == "/" { closing = true; index += 1 }
        if index < s.count, s[index] == "!" || s[index] == "?" {
            // <!DOCTYPE ...>, <?xml ...?>
            guard let end = find(s, from: index, ">") else { return .unterminated }
            return .tag(Tag(name: "!", closing: false, selfClosing: true, attributes: [:], end: end + 1))
        }
        let nameStart = index
        while index < s.count, s[index].properties.isAlphabetic || ("0"..."9").contains(s[index]) || s[index] == ":" || s[index] == "-" { index += 1 }
        guard index > nameStart else { return .notATag }
        let name = String(String.UnicodeScalarView(s[nameStart..<index])).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < s.count {
            let c = s[index]
            if c == ">" { return .tag(Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: index + 1)) }
            if c == "/" { selfClosing = true; index += 1; continue }
            if c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1; continue }
            // attribute name
            let attrStart = index
            while index < s.count, s[index] != "=", s[index] != ">", s[index] != " ", s[index] != "\t", s[index] != "\n", s[index] != "\r", s[index] != "/" { index += 1 }
            let attrName = String(String.UnicodeScalarView(s[attrStart..<index])).lowercased()
            while index < s.count, s[index] == " " || s[index] == "\t" || s[index] == "\n" || s[index] == "\r" { index += 1 }
            var value = ""
            if index < s.count, s[index] == "=" {
                index += 1
                while index < s.count, s[index] == " " || s[index] == "\t" || s[index] == "\n" || s[index] == "\r" { index += 1 }
                if index < s.count, s[index] == "\"" || s[index] == "'" {
                    let quote = s[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < s.count, s[index] != quote, mode == .normal || s[index] != ">" { index += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<index]))
                    if index < s.count, s[index] == quote { index += 1 }
                } else {
                    let valueStart = index
                    while index < s.count, s[index] != " ", s[index] != ">", s[index] != "\t", s[index] != "\n" { index += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<index]))
                }
            }
            if !attrName.isEmpty { attributes[attrName] = value }
            selfClosing = false
        }
        return .unterminated
    }

    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (String, Int) {
        var index = start + 1
        var name = ""
        while index < s.count, index - start <= 32, s[index] != ";", s[index].properties.isAlphabetic || ("0"..."9").contains(s[index]) || s[index] == "#" {
            name.unicodeScalars.append(s[index])
            index += 1
        }
        let hasSemicolon = index < s.count && s[index] == ";"
        let end = hasSemicolon ? index + 1 : index
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            if let value, let scalar = Unicode.Scalar(value), value != 0 { return (String(scalar), end) }
            return ("\u{FFFD}", end)
        }
        if let value = namedEntities[name] ?? (hasSemicolon ? namedEntities[name.lowercased()] : nil) {
            return (value, end)
        }
        return ("&", start + 1)
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "bull": "•", "middot": "·", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§",
        "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "micro": "µ", "para": "¶",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â",
        "auml": "ä", "aring": "å", "atilde": "ã", "ccedil": "ç", "iacute": "í", "igrave": "ì", "icirc": "î",
        "iuml": "ï", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "otilde": "õ", "oslash": "ø",
        "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "ntilde": "ñ", "szlig": "ß", "yacute": "ý",
        "Eacute": "É", "Egrave": "È", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "Ccedil": "Ç", "Aring": "Å",
        "Oslash": "Ø", "Ntilde": "Ñ", "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼", "frac34": "¾",
    ]

    private static func matches(_ s: [Unicode.Scalar], _ index: Int, _ literal: String) -> Bool {
        var i = index
        for scalar in literal.unicodeScalars {
            guard i < s.count, s[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private static func find(_ s: [Unicode.Scalar], from start: Int, _ literal: String) -> Int? {
        var index = start
        while index < s.count {
            if matches(s, index, literal) { return index }
            index += 1
        }
        return nil
    }
}
