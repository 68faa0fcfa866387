@testable import DeskModel
import XCTest

/// Every refusal the desk's rules give reaches a translated screen in its reader's language;
/// `message` stays English for the command line and logs.
final class RefusalTranslationTests: XCTestCase {
    static let sources = ModelCatalogueTests.sources

    /// The folders whose refusals a screen can show (the client's store, the desk's rules,
    /// settings and languages) or a command prints in its reader's language (mail settings, the
    /// knowledge base, backup, restore, verify): they raise phrase-carrying refusals only.
    static let screenFolders = ["Desk", "Rules", "Store", "Domain", "Language", "History", "CommandLine", "Mail", "Articles", "Operations"]

    func testNoRuleAScreenCanShowRaisesAnEnglishOnlyRefusal() throws {
        var found: [String] = []
        for folder in Self.screenFolders {
            for (file, text) in try Self.swiftFiles(in: folder) {
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    // The enum's own declarations and the phrase of the English-only cases.
                    if code.hasPrefix("case ") || code.hasPrefix("///") { continue }
                    if code.contains("invalidInput(") || code.contains("notAllowed(\"") {
                        found.append("\(folder)/\(file):\(number + 1): \(code)")
                    }
                }
            }
        }
        XCTAssertEqual(found, [], "raise .refused(.model(…)) or .forbidden(.model(…)) instead:\n" + found.joined(separator: "\n"))
    }

    func testEveryRefusalTheRulesRaiseReadsTranslatedInEveryLanguage() throws {
        let refusals = try Self.declaredRefusals()
        XCTAssertGreaterThan(refusals.count, 40, "the scan must find the refusals of Desk, Rules and Store")
        XCTAssertTrue(refusals.contains { $0.english == "A ticket needs a subject" })
        XCTAssertTrue(refusals.contains { $0.english == "customers may only close their own tickets" && $0.context == "not allowed" })
        for declared in refusals {
            let phrase = Self.sample(declared)
            for language in Language.allCases where language != .english {
                let text = phrase.text(in: language)
                XCTAssertNotEqual(text, phrase.englishText, "\(declared.place) \"\(declared.english)\" reads English in \(language.rawValue)")
                XCTAssertFalse(text.contains("{"), "\(declared.place): a placeholder left unfilled in \(language.rawValue): \(text)")
            }
        }
    }

    func testEachKindOfRefusalReadsFrenchOnScreenAndEnglishInItsMessage() {
        for error in Self.everyKind {
            let french = error.phrase.text(in: .french)
            XCTAssertNotEqual(french, error.message, "\(Self.kind(error)) reads English in French: \(french)")
            XCTAssertFalse(error.message.isEmpty)
        }
        let forbidden = DeskError.forbidden(.model("customers may only close their own tickets", context: "not allowed"))
        XCTAssertEqual(forbidden.message, "Not allowed: customers may only close their own tickets")
        XCTAssertEqual(forbidden.phrase.text(in: .french), "Non autorisé : les clients ne peuvent fermer que leurs propres tickets")
        let already = DeskError.refused(.model("Ticket #{number} is already {status}",
                                               ["number": .number(4), "status": .phrase(TicketStatus.awaitingCustomer.labelPhrase(for: .customer, inSentence: true))]))
        XCTAssertEqual(already.message, "Ticket #4 is already action required from you")
        XCTAssertEqual(already.phrase.text(in: .french), "Le ticket #4 est déjà action requise de votre part")
    }

    func testSizesInRefusalsAreGroupedAsTheLanguageGroupsDigits() {
        let tooLarge = DeskError.attachmentTooLarge(name: "big.bin", size: 26_214_401, limit: 26_214_400)
        XCTAssertEqual(tooLarge.message, "big.bin is 26,214,401 bytes; the desk accepts attachments up to 26,214,400 bytes")
        XCTAssertEqual(tooLarge.phrase.text(in: .french), "big.bin fait 26 214 401 octets ; le desk accepte les pièces jointes jusqu'à 26 214 400 octets")
        XCTAssertEqual(tooLarge.phrase.text(in: .german), "big.bin ist 26.214.401 Byte groß; der Desk nimmt Anhänge bis 26.214.400 Byte an")
        let quota = DeskError.attachmentQuotaExceeded(name: "a.log", size: 1500, used: 2000, quota: 2500)
        XCTAssertTrue(quota.phrase.text(in: .brazilianPortuguese).hasPrefix("a.log tem 1.500 bytes"), quota.phrase.text(in: .brazilianPortuguese))
        XCTAssertTrue(quota.phrase.text(in: .italian).contains("1500"), "Italian leaves four digits ungrouped")
    }

    /// Through the desk itself: a customer proposing a solution, an empty subject.
    func testARefusalFromTheDeskReadsInTheReadersLanguage() throws {
        let f = try StoreFixture(test: self)
        defer { f.remove() }
        _ = try f.ticket("Printer", by: f.peter)
        do {
            _ = try f.store.changeStatus(number: 1, to: .pending, by: f.peter)
            XCTFail("a customer may not propose a solution")
        } catch {
            XCTAssertEqual(error.phrase.text(in: .french), "Non autorisé : les clients ne peuvent fermer que leurs propres tickets")
            XCTAssertEqual(error.phrase.text(in: .japanese), "許可されていません: お客様がクローズできるのはご自身のチケットだけです")
        }
        do {
            _ = try f.ticket("   ", by: f.peter)
            XCTFail("a blank subject is refused")
        } catch let error as DeskError {
            XCTAssertEqual(error.message, "A ticket needs a subject")
            XCTAssertEqual(error.phrase.text(in: .german), "Ein Ticket braucht einen Betreff")
        } catch {
            XCTFail("\(error)")
        }
    }

    // MARK: - Helpers

    static func swiftFiles(in folder: String) throws -> [(String, String)] {
        let root = sources.appendingPathComponent(folder)
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// The phrases declared inside `.refused(…)` and `.forbidden(…)` anywhere in DeskModel.
    static func declaredRefusals() throws -> [DeclaredPhrase] {
        var phrases: [DeclaredPhrase] = []
        let root = sources
        let files = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "swift" }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for call in [".refused(", ".forbidden("] {
                var rest = text[...]
                while let range = rest.range(of: call) {
                    let argument = balanced(rest[range.upperBound...])
                    let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
                    phrases += PhraseScanner.scan(String(argument), marker: "model", file: file.lastPathComponent).phrases.map { phrase in
                        var phrase = phrase
                        phrase.place = "\(file.lastPathComponent):\(line)"
                        return phrase
                    }
                    rest = rest[range.upperBound...]
                }
            }
        }
        return phrases
    }

    /// The text up to the parenthesis that closes the call just opened.
    static func balanced(_ text: Substring) -> Substring {
        var depth = 0
        var inString = false
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if character == "\"" && previous != "\\" { inString.toggle() }
            if !inString {
                if character == "(" { depth += 1 }
                if character == ")" {
                    if depth == 0 { return text[..<index] }
                    depth -= 1
                }
            }
            previous = character
        }
        return text
    }

    /// The declared phrase with each placeholder filled by a name, as a refusal carries it.
    static func sample(_ declared: DeclaredPhrase) -> Phrase {
        var arguments: [String: PhraseArgument] = [:]
        for name in PhraseTemplate.placeholders(in: declared.english) { arguments[name] = .text("x\(name)") }
        return Phrase(domain: .model, english: declared.english, englishPlural: declared.englishPlural,
                      count: declared.englishPlural == nil ? nil : 2, context: declared.context, arguments: arguments)
    }

    /// One refusal of every kind a screen can show.
    static let everyKind: [DeskError] = [
        .ticketNotFound(number: 3), .messageNotFound(id: 9), .userNotFound(handle: "zed"), .organisationNotFound(name: "Acme"),
        .duplicateHandle("alice"), .duplicateOrganisation("Acme"), .invalidHandle("Bob!"), .ticketClosed(number: 3),
        .transitionRefused(number: 3, action: .proposeSolution, from: .closed), .incidentNotInPlan(organisation: "Acme"),
        .invalidFilter(.unknownKey("colour", token: "colour:red")), .savedViewNotFound(name: "urgent"),
        .attachmentTooLarge(name: "a.bin", size: 20, limit: 10), .attachmentQuotaExceeded(name: "a.bin", size: 5, used: 5, quota: 8),
        .textTooLong(field: .subject, length: 1200, limit: 1000), .followUpOfOpenTicket(number: 3),
        .possibleDuplicate(ofNumber: 3, subject: "Printer"), .notADeskDatabase(path: "desk.sqlite"), .deskDamaged(path: "desk.sqlite"),
        .databaseBusy(path: "desk.sqlite"), .databaseReadOnly(path: "desk.sqlite"), .storage("disk I/O error"),
        .postgresUnavailable(address: "postgresql://desk"), .diskFull(location: "desk.sqlite"),
        .deskUnreachable(location: "db:5432", reason: "connection refused"), .writeOutcomeUnknown(location: "db:5432"),
        .deskBeingCopied(location: "desk.sqlite"), .textHasNul(field: .messageBody),
        .refused(.model("A ticket needs a subject")), .forbidden(Notices.onlyAgentsAssign), .draftFieldsNotStorable,
        .editRefused(number: 7, reason: .closed), .articleNotFound(slug: "printer-setup"), .articleSlugTaken(slug: "printer-setup"),
    ]

    /// Exhaustive on purpose: a new kind of refusal does not compile here until it is given a
    /// sample in `everyKind` (or, English-only, a reason no screen shows it).
    static func kind(_ error: DeskError) -> String {
        switch error {
        case .ticketNotFound, .messageNotFound, .userNotFound, .organisationNotFound, .duplicateHandle, .duplicateOrganisation,
             .invalidHandle, .ticketClosed, .transitionRefused, .incidentNotInPlan, .invalidFilter, .savedViewNotFound,
             .attachmentTooLarge, .attachmentQuotaExceeded, .textTooLong, .followUpOfOpenTicket, .possibleDuplicate,
             .notADeskDatabase, .deskDamaged, .databaseBusy, .databaseReadOnly, .storage, .postgresUnavailable, .diskFull,
             .deskUnreachable, .writeOutcomeUnknown, .deskBeingCopied, .textHasNul, .refused, .forbidden, .editRefused, .articleNotFound, .articleSlugTaken:
            "\(error)"
        // The command line's English-only refusals (opening a desk, keys, imports, copies).
        case .invalidInput, .notAllowed:
            "English only"
        }
    }
}
