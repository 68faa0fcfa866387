import Foundation

/// An article's Markdown as terminal text: one pure reading shared by the client and the
/// command line. Headings, list items, quotes, rules and code blocks become lines of their
/// own kind; emphasis markers (`**`, `*`, `__`, `_`, backticks) are dropped where they pair
/// up; a link becomes its text with a numbered footnote (`text[1]`, then `[1] https://…`).
/// Paragraph lines are joined (the screen wraps them); code keeps its lines as written. Every
/// line is sanitised (`TextSafety`): an article cannot send a control sequence to a terminal.
public struct MarkdownText: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        /// A list item; `marker` is `•` or the item's number (`3.`).
        case listItem(marker: String)
        case quote
        case code
        case rule
        case blank
        case footnote
    }

    public struct Line: Equatable, Sendable {
        public var kind: Kind
        public var text: String
        /// Nesting of list items (0 for the outermost).
        public var depth: Int

        public init(_ kind: Kind, _ text: String, depth: Int = 0) {
            self.kind = kind
            self.text = text
            self.depth = depth
        }

        /// The line as plain text: list markers and quote bars in place, indented by depth.
        public var plain: String {
            let indent = String(repeating: "  ", count: depth)
            switch kind {
            case .listItem(let marker): return indent + marker + " " + text
            case .quote: return "│ " + text
            case .code: return "    " + text
            case .rule: return String(repeating: "─", count: 20)
            default: return indent + text
            }
        }
    }

    public var lines: [Line]
    /// The links' addresses, footnote 1 first.
    public var links: [String]

    public init(_ markdown: String) {
        var reader = Reader()
        reader.read(TextSafety.sanitizedBlock(markdown))
        lines = reader.lines
        links = reader.links
        if !links.isEmpty {
            lines.append(Line(.blank, ""))
            for (index, link) in links.enumerated() { lines.append(Line(.footnote, "[\(index + 1)] \(link)")) }
        }
    }

    /// Every line as plain text (the command line's `kb show`).
    public var plainText: String { lines.map(\.plain).joined(separator: "\n") }

    private struct Reader {
        var lines: [Line] = []
        var links: [String] = []
        var paragraph: [String] = []
        var fence: String?

        mutating func read(_ text: String) {
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = String(raw).replacingOccurrences(of: "\t", with: "    ")
                if let open = fence {
                    if line.trimmingLeadingSpaces().hasPrefix(open) { fence = nil } else { lines.append(Line(.code, line)) }
                    continue
                }
                let trimmed = line.trimmingLeadingSpaces()
                let indent = line.count - trimmed.count
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    endParagraph()
                    fence = String(trimmed.prefix(3))
                    continue
                }
                if trimmed.isEmpty {
                    endParagraph()
                    if lines.last.map({ $0.kind != .blank }) == true { lines.append(Line(.blank, "")) }
                    continue
                }
                if let level = Self.headingLevel(trimmed) {
                    endParagraph()
                    let title = trimmed.dropFirst(level).trimming([" ", "#"])
                    lines.append(Line(.heading(level: level), inline(title)))
                    continue
                }
                if Self.isRule(trimmed) {
                    endParagraph()
                    lines.append(Line(.rule, ""))
                    continue
                }
                if trimmed.hasPrefix(">") {
                    endParagraph()
                    lines.append(Line(.quote, inline(String(trimmed.dropFirst()).trimmingLeadingSpaces())))
                    continue
                }
                if let (marker, rest) = Self.listItem(trimmed) {
                    endParagraph()
                    lines.append(Line(.listItem(marker: marker), inline(rest), depth: indent / 2))
                    continue
                }
                // A line under a list item, indented, continues it.
                if indent >= 2, paragraph.isEmpty, let last = lines.last, case .listItem = last.kind {
                    lines[lines.count - 1].text += " " + inline(trimmed)
                    continue
                }
                paragraph.append(trimmed)
            }
            endParagraph()
            while lines.last?.kind == .blank { lines.removeLast() }
        }

        mutating func endParagraph() {
            guard !paragraph.isEmpty else { return }
            lines.append(Line(.paragraph, inline(paragraph.joined(separator: " "))))
            paragraph = []
        }

        static func headingLevel(_ line: String) -> Int? {
            let hashes = line.prefix(while: { $0 == "#" }).count
            guard (1...6).contains(hashes) else { return nil }
            let rest = line.dropFirst(hashes)
            return rest.isEmpty || rest.first == " " ? hashes : nil
        }

        static func isRule(_ line: String) -> Bool {
            let compact = line.filter { $0 != " " }
            guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
            return compact.allSatisfy { $0 == first }
        }

        static func listItem(_ line: String) -> (String, String)? {
            if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
                return ("•", String(line.dropFirst(2)).trimmingLeadingSpaces())
            }
            let digits = line.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            let rest = line.dropFirst(digits.count)
            guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
            return (digits + ".", String(rest.dropFirst(2)).trimmingLeadingSpaces())
        }

        /// Inline Markdown: escapes, code spans, links and images, emphasis.
        mutating func inline(_ text: String) -> String {
            let characters = Array(text)
            var output = ""
            var index = 0
            while index < characters.count {
                let character = characters[index]
                switch character {
                case "\\" where index + 1 < characters.count && characters[index + 1].isASCIIPunctuation:
                    output.append(characters[index + 1])
                    index += 2
                case "`":
                    let run = characters[index...].prefix(while: { $0 == "`" }).count
                    let fence = String(repeating: "`", count: run)
                    let rest = String(characters[(index + run)...])
                    if let close = rest.range(of: fence) {
                        output += rest[..<close.lowerBound].trimming([" "])
                        index += run + rest.distance(from: rest.startIndex, to: close.upperBound)
                    } else {
                        output += fence
                        index += run
                    }
                case "[", "!" where index + 1 < characters.count && characters[index + 1] == "[":
                    let start = character == "!" ? index + 1 : index
                    if let (label, url, end) = Self.link(characters, at: start) {
                        let shown = inline(label)
                        if shown == url || url.isEmpty {
                            output += shown.isEmpty ? url : shown
                        } else {
                            output += (shown.isEmpty ? url : shown) + "[\(footnote(url))]"
                        }
                        index = end
                    } else {
                        output.append(character)
                        index += 1
                    }
                case "<":
                    let rest = String(characters[(index + 1)...])
                    if let close = rest.firstIndex(of: ">"), Self.isAddress(rest[..<close]) {
                        output += rest[..<close]
                        index += 2 + rest.distance(from: rest.startIndex, to: close)
                    } else {
                        output.append(character)
                        index += 1
                    }
                case "*", "_":
                    let run = characters[index...].prefix(while: { $0 == character }).count
                    let marker = Array(repeating: character, count: min(run, 2))
                    if isOpening(characters, at: index, run: run),
                       let close = Self.closing(marker, in: characters, after: index + marker.count) {
                        output += inline(String(characters[(index + marker.count)..<close]))
                        index = close + marker.count
                    } else {
                        output += String(characters[index..<(index + run)])
                        index += run
                    }
                default:
                    output.append(character)
                    index += 1
                }
            }
            return output
        }

        /// `_` inside a word (`snake_case`) is not emphasis; a marker followed by a space is not.
        func isOpening(_ characters: [Character], at index: Int, run: Int) -> Bool {
            guard index + run < characters.count, !characters[index + run].isWhitespace else { return false }
            if characters[index] == "_", index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { return false }
            return true
        }

        static func closing(_ marker: [Character], in characters: [Character], after start: Int) -> Int? {
            var index = start + 1
            while index + marker.count <= characters.count {
                if Array(characters[index..<(index + marker.count)]) == marker, !characters[index - 1].isWhitespace {
                    let after = index + marker.count
                    let followedByWord = after < characters.count && (characters[after].isLetter || characters[after].isNumber)
                    if marker.first != "_" || !followedByWord { return index }
                }
                index += 1
            }
            return nil
        }

        /// `[label](url "title")` starting at `start`: the label, the address and the index after it.
        static func link(_ characters: [Character], at start: Int) -> (String, String, Int)? {
            var depth = 0
            var index = start
            var labelEnd: Int?
            while index < characters.count {
                if characters[index] == "[" { depth += 1 }
                if characters[index] == "]" {
                    depth -= 1
                    if depth == 0 { labelEnd = index; break }
                }
                index += 1
            }
            guard let labelEnd, labelEnd + 1 < characters.count, characters[labelEnd + 1] == "(" else { return nil }
            guard let close = characters[(labelEnd + 2)...].firstIndex(of: ")") else { return nil }
            let inside = String(characters[(labelEnd + 2)..<close]).trimming([" "])
            let url = inside.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            return (String(characters[(start + 1)..<labelEnd]), url.trimming(["<", ">"]), close + 1)
        }

        static func isAddress(_ text: Substring) -> Bool {
            (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:")) && !text.contains(" ")
        }

        mutating func footnote(_ url: String) -> Int {
            if let known = links.firstIndex(of: url) { return known + 1 }
            links.append(url)
            return links.count
        }
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String { String(drop(while: { $0 == " " })) }

    func trimming(_ set: Set<Character>) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}

private extension Substring {
    func trimming(_ set: Set<Character>) -> String { String(self).trimming(set) }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIPunctuation: Bool { isASCII && isPunctuation || "`*_{}[]()#+-.!<>|~\\".contains(self) }
}
