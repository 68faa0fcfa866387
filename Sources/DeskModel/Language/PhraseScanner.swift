import Foundation

/// A phrase as declared in the sources: what the catalogue must translate.
public struct DeclaredPhrase: Hashable, Sendable {
    public var context: String?
    public var english: String
    public var englishPlural: String?
    /// `file:line` of the first declaration.
    public var place: String
}

/// Finds the phrases a target declares by reading its sources, like xgettext: every call
/// `.MARKER("…")`, `.MARKER("…", context: "…")` or `.MARKER(one: "…", other: "…", …)`.
/// The declaring functions take `StaticString`, so every call has literals this can read; a
/// call it cannot read is reported rather than skipped.
public enum PhraseScanner {
    public static func scan(sources: URL, marker: String) throws -> (phrases: [DeclaredPhrase], problems: [String]) {
        var phrases: [String: DeclaredPhrase] = [:]
        var problems: [String] = []
        let files = (FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let result = scan(text, marker: marker, file: file.lastPathComponent)
            problems += result.problems
            for phrase in result.phrases {
                let key = Catalogue.key(phrase.context, phrase.english)
                if let known = phrases[key], known.englishPlural != phrase.englishPlural {
                    problems.append("\(phrase.place): \"\(phrase.english)\" is declared with another plural at \(known.place)")
                }
                if phrases[key] == nil { phrases[key] = phrase }
            }
        }
        return (phrases.values.sorted { $0.place < $1.place }, problems)
    }

    public static func scan(_ text: String, marker: String, file: String) -> (phrases: [DeclaredPhrase], problems: [String]) {
        var phrases: [DeclaredPhrase] = []
        var problems: [String] = []
        let call = Array(".\(marker)(".unicodeScalars)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        while index < scalars.count {
            if scalars[index] == "\n" { line += 1 }
            if scalars[index] == call[0], index + call.count <= scalars.count, Array(scalars[index..<index + call.count]) == call {
                var reader = Reader(scalars: scalars, index: index + call.count)
                let place = "\(file):\(line)"
                if let phrase = reader.phrase(place: place) {
                    phrases.append(phrase)
                } else {
                    problems.append("\(place): a .\(marker)( call whose English is not a plain string literal")
                }
                index += call.count
                continue
            }
            index += 1
        }
        return (phrases, problems)
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index: Int

        mutating func phrase(place: String) -> DeclaredPhrase? {
            skipBlanks()
            if take("one:") {
                guard let one = literal(), take(","), take("other:"), let other = literal() else { return nil }
                _ = take(",")
                guard take("count:") else { return nil }
                skipArgument()
                return DeclaredPhrase(context: context(), english: one, englishPlural: other, place: place)
            }
            guard let english = literal() else { return nil }
            return DeclaredPhrase(context: context(), english: english, englishPlural: nil, place: place)
        }

        /// A `context: "…"` argument right after the English, if any.
        mutating func context() -> String? {
            let start = index
            if take(","), take("context:"), let context = literal() { return context }
            index = start
            return nil
        }

        mutating func skipBlanks() {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }

        mutating func take(_ word: String) -> Bool {
            skipBlanks()
            let word = Array(word.unicodeScalars)
            guard index + word.count <= scalars.count, Array(scalars[index..<index + word.count]) == word else { return false }
            index += word.count
            return true
        }

        /// Skips an expression up to the next top-level `,` or `)`.
        mutating func skipArgument() {
            var depth = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "(" || scalar == "[" { depth += 1 }
                if scalar == ")" || scalar == "]" {
                    if depth == 0 { return }
                    depth -= 1
                }
                if scalar == ",", depth == 0 { return }
                index += 1
            }
        }

        /// A one-line Swift string literal with the escapes a StaticString allows.
        mutating func literal() -> String? {
            skipBlanks()
            guard index < scalars.count, scalars[index] == "\"" else { return nil }
            if index + 2 < scalars.count, scalars[index + 1] == "\"", scalars[index + 2] == "\"" { return nil }
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\"":
                    return String(text)
                case "\n":
                    return nil
                case "\\":
                    guard index < scalars.count else { return nil }
                    let escaped = scalars[index]
                    index += 1
                    switch escaped {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "0": text.append("\0")
                    case "\"", "\\", "'": text.append(escaped)
                    case "u":
                        guard index < scalars.count, scalars[index] == "{" else { return nil }
                        var hex = ""
                        index += 1
                        while index < scalars.count, scalars[index] != "}" { hex.unicodeScalars.append(scalars[index]); index += 1 }
                        index += 1
                        guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                        text.append(decoded)
                    default:
                        return nil
                    }
                default:
                    text.append(scalar)
                }
            }
            return nil
        }
    }
}
