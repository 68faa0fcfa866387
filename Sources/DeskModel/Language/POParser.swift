import Foundation

/// Reads gettext `.po` text (our own parser: Glibc does not export libintl, and Foundation on
/// Linux cannot pick a language's strings). Strict: anything it does not understand is an
/// error naming the file and line, so a broken catalogue is found by its test, not by a user.
public enum POParser {
    public static func parse(_ text: String, file: String) throws -> POFile {
        var parser = State(file: file)
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            try parser.read(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine, line: number)
        }
        try parser.finishEntry(line: number)
        return POFile(header: parser.header, entries: parser.entries)
    }

    private enum Field: Equatable {
        case context, id, pluralID, translation(Int)
    }

    private struct Pending {
        var context: String?
        var id: String?
        var pluralID: String?
        var translations: [Int: String] = [:]
        var line: Int
    }

    private struct State {
        let file: String
        var header: [String: String] = [:]
        var entries: [POEntry] = []
        var seen: Set<String> = []
        var pending: Pending?
        var field: Field?

        func failure(_ line: Int, _ reason: String) -> POParseError {
            POParseError(file: file, line: line, reason: reason)
        }

        mutating func read(_ line: Substring, line number: Int) throws {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                try finishEntry(line: number)
                return
            }
            if trimmed.hasPrefix("#") {
                // A comment ends the strings of the entry before it only at a blank line or a new
                // keyword; comments between entries belong to the next one and say nothing here.
                return
            }
            if trimmed.hasPrefix("\"") {
                guard let field else { throw failure(number, "a string continues no keyword") }
                let text = try unquote(trimmed, line: number)
                append(text, to: field)
                return
            }
            let keyword = String(trimmed.prefix { $0 != " " && $0 != "\t" })
            let rest = trimmed.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            let newField = try field(named: keyword, line: number)
            // gettext lets entries follow each other without a blank line: a msgctxt or msgid
            // after the last entry's msgstr starts the next one.
            if newField == .context || newField == .id, pending?.translations.isEmpty == false { try finishEntry(line: number) }
            if pending == nil { pending = Pending(line: number) }
            try place(newField, line: number)
            field = newField
            append(try unquote(rest, line: number), to: newField)
        }

        func field(named keyword: String, line: Int) throws -> Field {
            switch keyword {
            case "msgctxt": return .context
            case "msgid": return .id
            case "msgid_plural": return .pluralID
            case "msgstr": return .translation(-1)
            default:
                if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                   let index = Int(keyword.dropFirst(7).dropLast()), index >= 0, index < 10 {
                    return .translation(index)
                }
                throw failure(line, "unknown keyword '\(keyword.prefix(30))'")
            }
        }

        /// Checks the keyword comes where gettext allows it, and that it is not repeated.
        mutating func place(_ field: Field, line: Int) throws {
            guard let entry = pending else { return }
            switch field {
            case .context:
                if entry.context != nil || entry.id != nil { throw failure(line, "msgctxt after the entry's msgid") }
                pending?.context = ""
            case .id:
                if entry.id != nil { throw failure(line, "a second msgid in one entry (a blank line must separate entries)") }
                pending?.id = ""
            case .pluralID:
                if entry.id == nil { throw failure(line, "msgid_plural before msgid") }
                if entry.pluralID != nil { throw failure(line, "a second msgid_plural") }
                if !entry.translations.isEmpty { throw failure(line, "msgid_plural after msgstr") }
                pending?.pluralID = ""
            case .translation(let index):
                if entry.id == nil { throw failure(line, "msgstr before msgid") }
                if index == -1, entry.pluralID != nil { throw failure(line, "a plural entry needs msgstr[0], msgstr[1]…, not msgstr") }
                if index >= 0, entry.pluralID == nil { throw failure(line, "msgstr[\(index)] in an entry without msgid_plural") }
                let key = max(index, 0)
                if entry.translations[key] != nil { throw failure(line, "msgstr\(index >= 0 ? "[\(index)]" : "") given twice") }
                if index > 0, entry.translations[index - 1] == nil { throw failure(line, "msgstr[\(index)] before msgstr[\(index - 1)]") }
                pending?.translations[key] = ""
            }
        }

        mutating func append(_ text: String, to field: Field) {
            switch field {
            case .context: pending?.context? += text
            case .id: pending?.id? += text
            case .pluralID: pending?.pluralID? += text
            case .translation(let index): pending?.translations[max(index, 0)]? += text
            }
        }

        mutating func finishEntry(line: Int) throws {
            defer { pending = nil; field = nil }
            guard let entry = pending else { return }
            guard let id = entry.id else { throw failure(entry.line, "an entry without msgid") }
            guard !entry.translations.isEmpty else { throw failure(entry.line, "msgid \"\(id.prefix(40))\" has no msgstr") }
            let translations = (0..<entry.translations.count).map { entry.translations[$0] ?? "" }
            if id.isEmpty, entry.context == nil {
                guard entries.isEmpty, header.isEmpty else { throw failure(entry.line, "a second header (an entry with an empty msgid)") }
                header = Self.headerFields(translations[0])
                return
            }
            let key = (entry.context ?? "") + "\u{4}" + id
            guard seen.insert(key).inserted else { throw failure(entry.line, "msgid \"\(id.prefix(40))\" given twice\(entry.context.map { " in context \"\($0)\"" } ?? "")") }
            entries.append(POEntry(context: entry.context, id: id, pluralID: entry.pluralID, translations: translations, line: entry.line))
        }

        static func headerFields(_ text: String) -> [String: String] {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return fields
        }

        /// A C-style quoted string, alone on the rest of its line.
        func unquote(_ text: Substring, line: Int) throws -> String {
            guard text.first == "\"" else { throw failure(line, "expected a quoted string") }
            var result = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" {
                    let after = text[text.index(after: index)...]
                    guard after.allSatisfy({ $0 == " " || $0 == "\t" }) else { throw failure(line, "text after the closing quote") }
                    return result
                }
                if character == "\\" {
                    index = text.index(after: index)
                    guard index < text.endIndex else { break }
                    switch text[index] {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "\"": result.append("\"")
                    case "\\": result.append("\\")
                    default: throw failure(line, "unknown escape \\\(text[index])")
                    }
                } else {
                    result.append(character)
                }
                index = text.index(after: index)
            }
            throw failure(line, "a string without its closing quote")
        }
    }
}
