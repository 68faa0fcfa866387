import Foundation
import XCTest

@testable import DeskModel

/// Every free-text field has a length limit, refused with a sentence naming the field, its
/// length and the limit; nothing is written.
final class FieldLimitTests: StoreTestCase {
    private func text(_ length: Int) -> String { String(repeating: "x", count: length) }

    private func assertRefused<T>(
        _ expression: @autoclosure () throws -> T, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(deskError(try expression())?.message, message, file: file, line: line)
    }

    func testTicketFieldsAreRefusedPastTheirLimit() throws {
        func new(subject: String = "Printer", description: String = "It jams.", product: String = "",
                 category: String = "", subcategory: String = "") -> NewTicket {
            NewTicket(subject: subject, description: description, kind: .question, product: product,
                      category: category, subcategory: subcategory)
        }
        assertRefused(try store.createTicket(new(subject: text(5_000)), by: f.peter, allowDuplicate: true),
                      "The subject is 5,000 characters long; the limit is 200")
        assertRefused(try store.createTicket(new(description: text(100_001)), by: f.peter, allowDuplicate: true),
                      "The description is 100,001 characters long; the limit is 100,000")
        assertRefused(try store.createTicket(new(product: text(101)), by: f.peter, allowDuplicate: true),
                      "The product is 101 characters long; the limit is 100")
        assertRefused(try store.createTicket(new(category: text(150)), by: f.peter, allowDuplicate: true),
                      "The category is 150 characters long; the limit is 100")
        assertRefused(try store.createTicket(new(subcategory: text(1_000)), by: f.peter, allowDuplicate: true),
                      "The subcategory is 1,000 characters long; the limit is 100")
        XCTAssertEqual(try f.count("ticket"), 0)
        // At the limit exactly, all are accepted; combining marks count one by one.
        _ = try store.createTicket(new(subject: text(200), description: text(100_000), product: text(100),
                                       category: text(100), subcategory: text(100)), by: f.peter, allowDuplicate: true)
        assertRefused(try store.createTicket(new(subject: "e" + String(repeating: "\u{301}", count: 200)), by: f.peter, allowDuplicate: true),
                      "The subject is 201 characters long; the limit is 200")
    }

    func testMessageBodiesAreRefusedPastTheirLimit() throws {
        let ticket = try f.ticket("Printer", by: f.peter)
        assertRefused(try f.reply(ticket.number, text(250_000), by: f.alice),
                      "The message is 250,000 characters long; the limit is 100,000")
        assertRefused(try f.note(ticket.number, text(100_001), by: f.alice),
                      "The message is 100,001 characters long; the limit is 100,000")
        XCTAssertEqual(try f.count("message"), 0)
    }

    func testPeopleAndOrganisationsAreRefusedPastTheirLimits() throws {
        let organisations = try f.count("organisation"), users = try f.count("user")
        assertRefused(try store.addOrganisation(NewOrganisation(name: text(121), plan: .pro, tier: .standard)),
                      "The organisation name is 121 characters long; the limit is 120")
        assertRefused(try store.addUser(NewUser(handle: "ann", name: text(5_000), email: "ann@example.com", role: .agent)),
                      "The name is 5,000 characters long; the limit is 120")
        assertRefused(try store.addUser(NewUser(handle: "ann", name: "Ann", email: text(250) + "@example.com", role: .agent)),
                      "The email address is 262 characters long; the limit is 254")
        assertRefused(try store.addUser(NewUser(handle: text(33), name: "Ann", email: "", role: .agent)),
                      "The handle is 33 characters long; the limit is 32")
        XCTAssertEqual(try f.count("organisation"), organisations)
        XCTAssertEqual(try f.count("user"), users)
    }

    func testAttachmentNamesAreRefusedPastTheirLimit() throws {
        let ticket = try f.ticket("Printer", by: f.peter)
        assertRefused(try store.attach(number: ticket.number, name: text(300) + ".pdf", mediaType: "application/pdf", data: Data("x".utf8), by: f.peter),
                      "The attachment name is 304 characters long; the limit is 255")
        XCTAssertEqual(try f.count("attachment"), 0)
    }

    func testImportsShortenOverLongValuesWithAWarningInsteadOfFailing() throws {
        let turns = [
            #"{"role": "customer", "author": "\#(text(300))", "email": "c@acme.example", "time": "2024-02-01T10:00:00Z", "text": "\#(text(100_050))"}"#,
            #"{"role": "agent", "author": "Ann", "email": "ann@desk.example", "time": "2024-02-01T11:00:00Z", "text": "\#(text(100_010))"}"#,
        ]
        let line = #"{"id": "c-1", "subject": "\#(text(5_000))", "organisation": "\#(text(130))", "product": "\#(text(101))", "turns": [\#(turns.joined(separator: ", "))]}"#
        let path = f.directory.appendingPathComponent("long.jsonl").path
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let summary = try DeskImport.json([path], into: store, options: ImportOptions(now: StoreFixture.start))
        XCTAssertEqual(summary.tickets, 1)
        XCTAssertEqual(summary.messages, 2)
        XCTAssertEqual(summary.warnings.map(\.reason).sorted(), [
            "the description is 100,050 characters long; shortened to the limit of 100,000",
            "the message is 100,010 characters long; shortened to the limit of 100,000",
            "the name is 300 characters long; shortened to the limit of 120",
            "the organisation name is 130 characters long; shortened to the limit of 120",
            "the product is 101 characters long; shortened to the limit of 100",
            "the subject is 5,000 characters long; shortened to the limit of 200",
        ])
        let detail = try store.detail(number: 1, viewer: f.root)
        XCTAssertEqual(detail.ticket.subject, text(199) + "…")
        XCTAssertEqual(detail.ticket.product, text(99) + "…")
        XCTAssertEqual(detail.ticket.description.unicodeScalars.count, 100_000)
        XCTAssertEqual(detail.messages.map(\.body.unicodeScalars.count), [100_000])
        XCTAssertEqual(detail.requester.name, text(119) + "…")
        XCTAssertEqual(detail.organisation?.name, text(119) + "…")
    }

    func testTextWithANulCharacterIsRefusedInEveryTypedField() throws {
        let ticket = try f.ticket("Printer", by: f.peter)
        let nul = "\u{0}"
        assertRefused(try f.reply(ticket.number, "before" + nul + "after", by: f.alice),
                      "The message contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment")
        assertRefused(try store.createTicket(NewTicket(subject: "Scan" + nul, description: "x", kind: .question), by: f.peter, allowDuplicate: true),
                      "The subject contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment")
        assertRefused(try store.createTicket(NewTicket(subject: "Scan", description: "a" + nul, kind: .question), by: f.peter, allowDuplicate: true),
                      "The description contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment")
        // Names already refuse every control character, NUL included.
        assertRefused(try store.addUser(NewUser(handle: "ann", name: "A" + nul + "nn", email: "", role: .agent)),
                      "A user's name and email cannot contain control characters")
        XCTAssertEqual(try f.count("message"), 0)
        XCTAssertEqual(try f.count("ticket"), 1)
        XCTAssertEqual(DeskError.textHasNul(field: .messageBody).phrase.text(in: .french),
                       "Le champ « message » contient un caractère NUL (U+0000), qu'un desk ne peut pas enregistrer comme texte ; supprimez-le, ou envoyez le fichier en pièce jointe")
    }

    func testImportsRemoveNulCharactersWithAWarning() throws {
        let line = #"{"id": "c-1", "subject": "Scan\u0000ner", "turns": [{"role": "customer", "author": "Cleo", "email": "c@acme.example", "time": "2024-02-01T10:00:00Z", "text": "before\u0000after"}]}"#
        let path = f.directory.appendingPathComponent("nul.jsonl").path
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let summary = try DeskImport.json([path], into: store, options: ImportOptions(now: StoreFixture.start))
        XCTAssertEqual(summary.tickets, 1, "\(summary)")
        XCTAssertEqual(summary.warnings.map(\.reason).sorted(), [
            "the description held 1 NUL character; removed",
            "the subject held 1 NUL character; removed",
        ])
        let detail = try store.detail(number: 1, viewer: f.root)
        XCTAssertEqual(detail.ticket.subject, "Scanner")
        XCTAssertEqual(detail.ticket.description, "beforeafter")
    }
}
