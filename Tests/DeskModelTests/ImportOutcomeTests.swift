import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// What an import does when one thread or the whole desk fails, and the rules it shares with
/// the rest of the desk: numbering, reply links without cycles, the attachment limit.
final class ImportOutcomeTests: XCTestCase {
    var directory: URL!
    var deskPath: String!
    var store: Desk!
    /// 2024-03-01 09:00 UTC.
    let now = Date(timeIntervalSince1970: 1_709_283_600)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-import-outcome-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        deskPath = directory.appendingPathComponent("desk.sqlite").path
        store = try Desk.open(address: deskPath, clock: .fixed(now), create: true)
        _ = try store.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }

    var admin: Viewer { get throws { try store.viewer(handle: "root") } }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func options() -> ImportOptions { ImportOptions(agentDomains: ["desk.example"], now: now) }

    static func mail(
        from: String, date: String, id: String, subject: String, body: String, inReplyTo: String? = nil, references: [String] = [],
        extraHeaders: String = ""
    ) -> String {
        var headers = "From x Thu Feb 29 09:00:00 2024\nFrom: \(from)\nSubject: \(subject)\nDate: \(date)\nMessage-ID: <\(id)>\n"
        if let inReplyTo { headers += "In-Reply-To: <\(inReplyTo)>\n" }
        if !references.isEmpty { headers += "References: " + references.map { "<\($0)>" }.joined(separator: " ") + "\n" }
        return headers + extraHeaders + "\n" + body + "\n\n"
    }

    func ticketNumbersAndSubjects() throws -> [String] {
        try store.sqliteStore!.read { db in
            try Row.fetchAll(db, sql: "SELECT number, subject FROM ticket ORDER BY number").map { "#\($0["number"] as Int64) \($0["subject"] as String)" }
        }
    }

    /// A thread the desk refuses rolls back alone: the batch is retried thread by thread, the
    /// refused thread's messages are reported, the others are stored, and nothing the refused
    /// thread created (a user, a ticket number) is remembered.
    func testARefusedThreadIsSkippedAndTheOthersAreStored() throws {
        try store.sqliteStore!.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_poison BEFORE INSERT ON message WHEN NEW.body LIKE '%poison%'
                BEGIN SELECT RAISE(ABORT, 'poisoned message'); END
                """)
        }
        let text = [
            Self.mail(from: "Alice <alice@acme.example>", date: "Mon, 26 Feb 2024 09:00:00 +0000", id: "q1@acme", subject: "Printer", body: "Offline."),
            Self.mail(from: "Bob <bob@desk.example>", date: "Mon, 26 Feb 2024 10:00:00 +0000", id: "a1@desk", subject: "Re: Printer", body: "Restart it.", inReplyTo: "q1@acme"),
            Self.mail(from: "Pat <pat@acme.example>", date: "Tue, 27 Feb 2024 09:00:00 +0000", id: "p1@acme", subject: "Scanner", body: "Broken."),
            Self.mail(from: "Carl <carl@acme.example>", date: "Tue, 27 Feb 2024 10:00:00 +0000", id: "p2@acme", subject: "Re: Scanner", body: "A poison pill.", inReplyTo: "p1@acme"),
            Self.mail(from: "Carl <carl@acme.example>", date: "Wed, 28 Feb 2024 09:00:00 +0000", id: "k1@acme", subject: "Keyboard", body: "Sticky keys."),
        ]
        let path = try write("poison.mbox", text.joined())
        let summary = try DeskImport.mbox([path], into: store, options: options())

        let offset = { (index: Int) in text[..<index].map(\.utf8.count).reduce(0, +) }
        XCTAssertEqual(summary.skipped, [
            ImportProblem(file: path, offset: offset(2), reason: "not stored: Storage error: poisoned message"),
            ImportProblem(file: path, offset: offset(3), reason: "not stored: Storage error: poisoned message"),
        ])
        XCTAssertEqual(summary.tickets, 2)
        XCTAssertEqual(summary.messages, 3)
        XCTAssertEqual(summary.users, 3, "alice, bob and carl; Pat's user rolled back with the thread")
        XCTAssertEqual(summary.organisations, 1)
        XCTAssertEqual(try ticketNumbersAndSubjects(), ["#1 Printer", "#2 Keyboard"], "the refused thread used no number")
        XCTAssertEqual(try store.users().map(\.handle), ["alice", "bob", "carl", "root"])
        let keyboard = try store.detail(number: 2, viewer: admin)
        XCTAssertEqual(keyboard.requester.handle, "carl", "Carl, first met in the refused thread, was created again")
        XCTAssertEqual(keyboard.organisation?.name, "acme.example")
        XCTAssertEqual(try store.detail(number: 1, viewer: admin).ticket.status, .pending)
    }

    /// A full disk stops the import with its own error (whatever the storage's words): every
    /// later thread would fail the same way, so none is tried and nothing is reported as skipped.
    func testAFullDiskStopsTheImport() throws {
        let text = (1...40).map { index in
            Self.mail(
                from: "Customer \(index) <c\(index)@acme.example>", date: "Tue, 27 Feb 2024 09:00:00 +0000", id: "m\(index)@acme",
                subject: "Question \(index)", body: String(repeating: "Long text of question \(index). ", count: 300))
        }.joined()
        let path = try write("big.mbox", text)
        // The writing connection may not grow the file past a few more pages.
        try store.sqliteStore!.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 4)")
        }
        XCTAssertDeskError(try DeskImport.mbox([path], into: store, options: options()), .diskFull(location: deskPath))
        XCTAssertEqual(try ticketNumbersAndSubjects(), [])
        XCTAssertEqual(try store.users().map(\.handle), ["root"])
    }

    func testSQLiteReportsAFullDiskAsDiskFull() {
        XCTAssertEqual(
            StorageErrors.map(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), path: "desk.sqlite"),
            .diskFull(location: "desk.sqlite"))
    }

    /// Imported and opened tickets share one numbering: each takes the next number whichever
    /// way it was made.
    func testImportedTicketsAreNumberedWithTheOthers() throws {
        _ = try store.createTicket(
            NewTicket(subject: "Opened by hand", description: "First.", kind: .question, requesterHandle: "root"),
            by: try admin, allowDuplicate: true)
        let path = try write("one.mbox", Self.mail(
            from: "Alice <alice@acme.example>", date: "Tue, 27 Feb 2024 09:00:00 +0000", id: "n1@acme", subject: "Imported", body: "Second."))
        _ = try DeskImport.mbox([path], into: store, options: options())
        _ = try store.createTicket(
            NewTicket(subject: "Opened again", description: "Third.", kind: .question, requesterHandle: "root"),
            by: try admin, allowDuplicate: true)
        XCTAssertEqual(try ticketNumbersAndSubjects(), ["#1 Opened by hand", "#2 Imported", "#3 Opened again"])
    }

    /// Two replies that name each other as parent: one link is dropped, so the thread has a root.
    func testReplyLinksThatFormACycleAreBroken() throws {
        let text = [
            Self.mail(from: "Alice <alice@acme.example>", date: "Wed, 28 Feb 2024 09:00:00 +0000", id: "s@acme", subject: "Loop", body: "Start."),
            Self.mail(
                from: "Bob <bob@desk.example>", date: "Wed, 28 Feb 2024 10:00:00 +0000", id: "x1@desk", subject: "Re: Loop",
                body: "First of the loop.", inReplyTo: "x2@acme", references: ["s@acme", "x2@acme"]),
            Self.mail(
                from: "Alice <alice@acme.example>", date: "Wed, 28 Feb 2024 11:00:00 +0000", id: "x2@acme", subject: "Re: Loop",
                body: "Second of the loop.", inReplyTo: "x1@desk", references: ["s@acme", "x1@desk"]),
        ]
        _ = try DeskImport.mbox([try write("loop.mbox", text.joined())], into: store, options: options())
        let messages = try store.detail(number: 1, viewer: admin).messages
        XCTAssertEqual(messages.map(\.body), ["First of the loop.", "Second of the loop."])
        XCTAssertEqual(messages.map(\.inReplyToID), [nil, messages[0].id])
        XCTAssertEqual(ThreadTree.lines(messages, includeInternalNotes: true).map(\.depth), [0, 1])
    }

    /// A file larger than the desk accepts is left out with a warning; the message and its
    /// other files are stored.
    func testAnAttachmentOverTheDesksLimitIsLeftOut() throws {
        try store.updateSettings(DeskSettings(attachmentLimit: 1000))
        let small = Data(repeating: 0x61, count: 60)
        let big = Data(repeating: 0x62, count: 5120)
        func part(_ name: String, _ data: Data) -> String {
            "--BB\nContent-Type: application/octet-stream; name=\"\(name)\"\nContent-Disposition: attachment; filename=\"\(name)\"\n"
                + "Content-Transfer-Encoding: base64\n\n\(data.base64EncodedString())\n"
        }
        let body = "--BB\nContent-Type: text/plain\n\nTwo files.\n" + part("small.txt", small) + part("big.bin", big) + "--BB--"
        let path = try write("files.mbox", Self.mail(
            from: "Alice <alice@acme.example>", date: "Tue, 27 Feb 2024 09:00:00 +0000", id: "f1@acme", subject: "Files", body: body,
            extraHeaders: "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BB\"\n"))
        let summary = try DeskImport.mbox([path], into: store, options: options())
        XCTAssertEqual(summary.attachments, 1)
        XCTAssertEqual(summary.warnings, [
            ImportProblem(file: path, offset: 0, reason: "attachment big.bin left out: 5120 bytes, the desk accepts up to 1000"),
        ])
        let ticket = try store.detail(number: 1, viewer: admin)
        XCTAssertEqual(ticket.ticket.description, "Two files.")
        XCTAssertEqual(ticket.attachments.map(\.name), ["small.txt"])
        XCTAssertEqual(try store.attachmentData(id: ticket.attachments[0].id, viewer: admin), small)
    }
}
