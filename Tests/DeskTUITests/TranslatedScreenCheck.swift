import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// Every screen test of this target draws through this `Renderer`, which shadows DeskTUI's
/// here: it returns DeskTUI's grid unchanged, and draws the same state again in French and
/// Japanese (or, for a state already in another language, in that one) and fails the test
/// when English from the catalogues shows on that screen outside user content
/// (`EnglishLeak`). So every screen of the screen tests is also checked translated.
///
/// Skipped: histories longer than `DetailLayout.layOutWholeUpTo` or with bodies still to
/// read, whose tests measure how much layout a frame does (the extra renders would count).
enum Renderer {
    static func render(_ state: DeskState, size: TerminalSize, keymap: Keymap = .standard, restricted: Bool = false,
                       file: StaticString = #filePath, line: UInt = #line) -> Grid {
        let grid = DeskTUI.Renderer.render(state, size: size, keymap: keymap, restricted: restricted)
        if let open = state.openTicket, open.thread.count > DetailLayout.layOutWholeUpTo || !open.detail.unloadedBodies.isEmpty {
            return grid
        }
        for language in state.language == .english ? [Language.french, .japanese] : [state.language] {
            var translated = state
            translated.language = language
            let screen = DeskTUI.Renderer.render(translated, size: size, keymap: keymap, restricted: restricted)
            let leaks = EnglishLeak.find(in: screen, state: translated)
            if !leaks.isEmpty {
                XCTFail("English on the \(language.nativeName) screen (\(size.columns)x\(size.rows)): \(leaks.map { "\"\($0)\"" }.joined(separator: ", "))\n"
                        + screen.text, file: file, line: line)
            }
        }
        return grid
    }
}

/// English text from the catalogues on a translated screen.
///
/// The rule: each English entry (msgid and msgid_plural) of the DeskTUI and DeskModel
/// catalogues whose translation in the screen's language differs from it is cut at its
/// `{placeholders}` into fragments, trimmed of spaces and punctuation. A fragment counts as
/// English on screen where it appears whole-word and case-sensitive, unless
///   - it is the last word of a row that reaches the screen's edge (perhaps cut there),
///   - it has fewer than 4 letters ("Rec", "go": too short to tell from other text),
///   - every word of it is also a word of that language's translations ("Ticket", "Agent",
///     "Note", "Status", "Portal" are French or German too),
///   - every word of it is user content: a word of any text the state holds (subjects,
///     bodies, names, what was typed),
///   - or every word of it is user content or typed as it is in every language (command
///     names, `me`, `none`, sort keys, search conditions and their values), and it shows only
///     where words are typed: on the command line, or written as typed (`:assign`, `status:`,
///     `created|updated`, `'open'`, a list of accepted values) — "r reply" on the bottom line
///     is English, ":reply" is not.
/// Placeholders (`{status}`) are not words of a translation.
enum EnglishLeak {
    static func find(in grid: Grid, state: DeskState) -> [String] {
        // A row filled to the last column may end in a word cut by the edge: its last word is
        // left out, as nothing tells "close" from a cut "closed".
        let rows = (0..<grid.height).map { y -> String in
            let row = grid.rowText(y)
            guard DisplayWidth.of(row.replacingTrailingSpaces()) >= grid.width else { return row }
            return String(row.reversed().drop { $0.isLetter }.reversed())
        }
        let screen = rows.joined(separator: "\n")
        let language = state.language
        guard language != .english else { return [] }
        let catalogue = Entries.load(language)
        let exempt = catalogue.translatedWords.union(userWords(state))
        let typedRows = Set(commandLineRows(grid, state: state))
        let exemptOrTyped = exempt.union(typedWords)
        // A fragment shown whole-word has each of its words among the screen's words: a set
        // lookup first keeps the string search for the few that may be there.
        let screenWords = words(screen)
        var leaks: [String] = []
        for fragment in catalogue.englishFragments where !leaks.contains(fragment) {
            let words = Self.words(fragment)
            guard words.isSubset(of: screenWords), fragment.filter(\.isLetter).count >= 4, !words.isSubset(of: exempt) else { continue }
            if words.isSubset(of: exemptOrTyped) {
                let untyped = rows.enumerated().contains { y, row in
                    !typedRows.contains(y) && containsWholeWord(row, fragment, unless: isWrittenAsTyped)
                }
                if untyped { leaks.append(fragment) }
                continue
            }
            if containsWholeWord(screen, fragment) { leaks.append(fragment) }
        }
        return leaks
    }

    /// The bottom row while the command line is open, and the completion list above it.
    static func commandLineRows(_ grid: Grid, state: DeskState) -> [Int] {
        guard state.commandLine != nil else { return [] }
        let bottom = grid.height - 1
        return state.commandLine?.completion == nil ? [bottom] : [bottom, bottom - 1]
    }

    /// A word next to the marks of typed text: `:assign`, `status:`, `created|updated`, `'open'`,
    /// `[keys]`, or in a list of the values a refusal accepts (`(statuses: new, open, pending)`).
    static func isWrittenAsTyped(before: Character?, after: Character?) -> Bool {
        let marks: Set<Character> = [":", "|", "'", "\"", "«", "»", "„", "“", "[", "]", "=", "-", "「", "」", ",", "(", ")", "（", "）", "、", "："]
        return before.map(marks.contains) == true || after.map(marks.contains) == true
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.split { !$0.isLetter }.map(String.init))
    }

    /// Whether `fragment` shows as whole words, leaving out occurrences `exempt` says are fine.
    static func containsWholeWord(_ text: String, _ fragment: String,
                                  unless exempt: (_ before: Character?, _ after: Character?) -> Bool = { _, _ in false }) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: fragment) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false), !exempt(before, after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    /// Words typed as they are in every language.
    static let typedWords: Set<String> = CommandLineTable.commands.reduce(into: Set(["me", "none"])) { $0.formUnion(words($1.name)) }
        .union(words(UIStrings.sortKeys)).union(words(UIStrings.conditionWords))
        // The values a search condition takes (`status:pending`), which its errors list.
        .union((TicketStatus.allCases.map(\.rawValue) + Urgency.allCases.map(\.rawValue) + TicketKind.allCases.map(\.rawValue)
                + CaseView.allCases.map(\.rawValue)).flatMap { words($0) })

    /// The words of every text the state holds (reached by reflection), leaving out phrases,
    /// which are the desk's own words and are what is being checked.
    static func userWords(_ state: DeskState) -> Set<String> {
        var words: Set<String> = []
        func visit(_ value: Any) {
            // A phrase is the catalogues' text, except a verbatim one: text from outside them
            // (an error the desk passed on, a path) is content like a subject.
            if let phrase = value as? Phrase {
                if phrase.domain == .verbatim { visit(phrase.arguments) }
                return
            }
            if let text = value as? String {
                words.formUnion(Self.words(text))
                return
            }
            for child in Mirror(reflecting: value).children { visit(child.value) }
        }
        visit(state)
        return words
    }

    /// One language's entries, read once from the source tree's catalogues.
    struct Entries {
        var englishFragments: [String]
        var translatedWords: Set<String>

        nonisolated(unsafe) static var cache: [Language: Entries] = [:]
        static let lock = NSLock()

        static func load(_ language: Language) -> Entries {
            lock.withLock {
                if let known = cache[language] { return known }
                let sources = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("Sources")
                var entries = Entries(englishFragments: [], translatedWords: [])
                for target in ["DeskTUI", "DeskModel"] {
                    let url = sources.appendingPathComponent(target).appendingPathComponent("Catalogues").appendingPathComponent("\(language.rawValue).po")
                    guard let text = try? String(contentsOf: url, encoding: .utf8), let file = try? POParser.parse(text, file: url.lastPathComponent) else { continue }
                    for entry in file.entries {
                        for translation in entry.translations {
                            entries.translatedWords.formUnion(EnglishLeak.words(withoutPlaceholders(translation)))
                        }
                        for english in [entry.id] + (entry.pluralID.map { [$0] } ?? []) where !entry.translations.contains(english) {
                            entries.englishFragments += fragments(english)
                        }
                    }
                }
                cache[language] = entries
                return entries
            }
        }

        /// The translation with its `{placeholders}` taken out: their names are not its words.
        static func withoutPlaceholders(_ template: String) -> String {
            fragments(template).joined(separator: " ")
        }

        /// The literal parts of a template between its placeholders, trimmed.
        static func fragments(_ template: String) -> [String] {
            var parts: [String] = []
            var current = ""
            var rest = template[...]
            while let open = rest.firstIndex(of: "{") {
                current += rest[..<open]
                if let close = rest[open...].firstIndex(of: "}") {
                    parts.append(current)
                    current = ""
                    rest = rest[rest.index(after: close)...]
                } else {
                    current += rest[open...]
                    rest = ""
                }
            }
            parts.append(current + rest)
            let edges = CharacterSet.letters.inverted
            return parts.map { $0.trimmingCharacters(in: edges) }.filter { !$0.isEmpty }
        }
    }
}
