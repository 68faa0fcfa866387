import Foundation

/// The check every catalogue of a domain must pass, for the domain's test to call:
///
///     XCTAssertEqual(try CatalogueAudit.problems(sources: sourceFolder, catalogues: sourceFolder.appendingPathComponent("Catalogues"), marker: "model"), [])
///
/// `sources` is the target's source folder, scanned for the phrases it declares with
/// `.MARKER(…)` (see `PhraseScanner`); `catalogues` holds one `<tag>.po` per language but
/// English. A problem is reported for a catalogue that is missing or unreadable, a phrase the
/// code uses and a catalogue lacks or leaves untranslated, an entry no code uses, placeholders
/// that differ from the English (`{number}`, in any order), plural forms missing or in excess
/// for the language, and a `Plural-Forms` header that disagrees with `Language.pluralForm`.
public enum CatalogueAudit {
    public static func problems(sources: URL, catalogues: URL, marker: String) throws -> [String] {
        let (declared, scanProblems) = try PhraseScanner.scan(sources: sources, marker: marker)
        var problems = scanProblems
        if declared.isEmpty { problems.append("no .\(marker)( phrase found under \(sources.lastPathComponent)") }
        for language in Language.allCases where language != .english {
            let url = catalogues.appendingPathComponent("\(language.rawValue).po")
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(bytes: data, encoding: .utf8) else {
                problems.append("\(url.lastPathComponent): missing or not UTF-8")
                continue
            }
            do {
                problems += check(try POParser.parse(text, file: url.lastPathComponent), language: language, declared: declared)
            } catch {
                problems.append("\(error)")
            }
        }
        return problems
    }

    /// The number of forms a counted phrase has in `language`'s catalogue.
    public static func pluralFormCount(_ language: Language) -> Int {
        Set((0...200).map(language.pluralForm(for:))).count
    }

    static func check(_ file: POFile, language: Language, declared: [DeclaredPhrase]) -> [String] {
        let name = "\(language.rawValue).po"
        var problems: [String] = []
        let forms = pluralFormCount(language)
        if file.pluralCount != forms {
            problems.append("\(name): Plural-Forms must say nplurals=\(forms); it says \(file.header["Plural-Forms"] ?? "nothing")")
        }
        var entries: [String: POEntry] = [:]
        for entry in file.entries { entries[Catalogue.key(entry.context, entry.id)] = entry }
        let used = Set(declared.map { Catalogue.key($0.context, $0.english) })
        for phrase in declared {
            let label = "\"\(phrase.english)\"" + (phrase.context.map { " (context \"\($0)\")" } ?? "")
            guard let entry = entries[Catalogue.key(phrase.context, phrase.english)] else {
                problems.append("\(name): missing \(label), used at \(phrase.place)")
                continue
            }
            let at = "\(name):\(entry.line): \(label)"
            if entry.pluralID != phrase.englishPlural {
                problems.append("\(at): msgid_plural must be \(phrase.englishPlural.map { "\"\($0)\"" } ?? "absent")")
                continue
            }
            let expectedCount = phrase.englishPlural == nil ? 1 : forms
            if entry.translations.count != expectedCount {
                problems.append("\(at): \(expectedCount) msgstr form(s) expected, \(entry.translations.count) given")
            }
            let english = PhraseTemplate.placeholders(in: phrase.english).union(PhraseTemplate.placeholders(in: phrase.englishPlural ?? ""))
            for (index, translation) in entry.translations.enumerated() {
                if translation.isEmpty {
                    problems.append("\(at): msgstr\(phrase.englishPlural == nil ? "" : "[\(index)]") is empty")
                    continue
                }
                let names = PhraseTemplate.placeholders(in: translation)
                // A counted phrase's form may leave the count unsaid ("un nouveau message").
                let required = phrase.englishPlural == nil ? english : english.subtracting(["count"])
                if !names.isSubset(of: english) || !required.isSubset(of: names) {
                    problems.append("\(at): placeholders \(names.sorted()) differ from the English \(english.sorted())")
                }
            }
        }
        for entry in file.entries where !used.contains(Catalogue.key(entry.context, entry.id)) {
            problems.append("\(name):\(entry.line): \"\(entry.id)\" is used nowhere in the code")
        }
        return problems
    }
}
