import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Imports of hand-made mailboxes, maildirs and JSON into real desks: threads, parents,
/// people, statuses, attachments, idempotency, follow-ups, skips, export.
final class ImportStoreTests: XCTestCase {
    var directory: URL!
    var store: Desk!
    /// 2024-03-01 09:00 UTC.
    let now = Date(timeIntervalSince1970: 1_709_283_600)

    override func setUpWithError() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try TestBackend.newDesk(in: directory).open(clock: .fixed(now), create: true)
        _ = try store.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
    }

    override func tearDownWithError() throws {
        store = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    var admin: Viewer { get throws { try store.viewer(handle: "root") } }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func options(_ change: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var options = ImportOptions(agentDomains: ["desk.example"], now: now)
        change(&options)
        return options
    }

    func tickets() throws -> [TicketDetail] {
        let viewer = try admin
        let numbers = try store.page(PageRequest(view: .all, limit: 1000), viewer: viewer).rows.map(\.number).sorted()
        return try numbers.compactMap { number in try? store.detail(number: number, viewer: viewer) }
    }

    /// A support conversation: a customer asks, an agent answers, the customer answers the
    /// agent, a colleague answers the first message, plus a later message with only a subject
    /// link.
    static let conversation = """
        From alice@acme.example Mon Feb 26 09:00:00 2024
        From: Alice Martin <alice@acme.example>
        To: support@desk.example
        Subject: Printer offline
        Date: Mon, 26 Feb 2024 10:00:00 +0100
        Message-ID: <q1@acme.example>

        The printer on floor 2 is offline.

        From bob@desk.example Mon Feb 26 10:00:00 2024
        From: Bob Agent <bob@desk.example>
        Subject: Re: Printer offline
        Date: Mon, 26 Feb 2024 10:00:00 +0000
        Message-ID: <a1@desk.example>
        In-Reply-To: <q1@acme.example>
        References: <q1@acme.example>

        Have you tried turning it off and on?

        From alice@acme.example Mon Feb 26 11:00:00 2024
        From: Alice Martin <alice@acme.example>
        Subject: Re: Printer offline
        Date: Mon, 26 Feb 2024 11:00:00 +0000
        Message-ID: <q2@acme.example>
        In-Reply-To: <a1@desk.example>
        References: <q1@acme.example> <a1@desk.example>

        Yes, twice.

        From carl@acme.example Mon Feb 26 12:00:00 2024
        From: "Carl Acme" <carl@acme.example>
        Subject: RE: Printer offline
        Date: Mon, 26 Feb 2024 12:00:00 +0000
        Message-ID: <c1@acme.example>
        References: <q1@acme.example>

        Same on floor 3.

        From dora@desk.example Wed Feb 28 12:00:00 2024
        From: Dora Agent <dora@desk.example>
        Subject: Re: Printer offline
        Date: Wed, 28 Feb 2024 12:00:00 +0000
        Message-ID: <a2@desk.example>

        Fixed: the print server restarted.

        From zed@other.example Tue Jan  2 08:00:00 2024
        From: zed@other.example
        Subject: Old question
        Date: Tue, 2 Jan 2024 08:00:00 +0000
        Message-ID: <old@other.example>

        Is this still supported?

        """

    /// Imported messages are public replies: customers read the same update time as staff.
    func testImportedThreadsSetThePublicUpdateTime() throws {
        _ = try DeskImport.mbox([try write("support.mbox", Self.conversation)], into: store, options: options())
        let times = try store.sqliteStore!.read { db in
            try Row.fetchAll(db, sql: "SELECT updated_at, public_updated_at FROM ticket ORDER BY number")
                .map { [$0["updated_at"], $0["public_updated_at"]] as [Int64] }
        }
        XCTAssertEqual(times.count, 2)
        for pair in times { XCTAssertEqual(pair[0], pair[1]) }
        let requester = try store.viewer(handle: "alice")
        XCTAssertEqual(try store.ticket(number: 2, viewer: requester).updatedAt, Date(timeIntervalSince1970: 1_709_121_600))
    }

    func testAConversationBecomesOneTicketWithItsThread() throws {
        let summary = try DeskImport.mbox([try write("support.mbox", Self.conversation)], into: store, options: options())
        XCTAssertEqual(summary.tickets, 2)
        XCTAssertEqual(summary.messages, 6)
        XCTAssertEqual(summary.users, 5)
        XCTAssertEqual(summary.organisations, 2)
        XCTAssertEqual(summary.skipped, [])
        XCTAssertEqual(summary.read, 6)

        let all = try tickets()
        XCTAssertEqual(all.map(\.ticket.number), [1, 2])
        // Numbers follow arrival: the January question first.
        let old = all[0], printer = all[1]
        XCTAssertEqual(old.ticket.subject, "Old question")
        XCTAssertEqual(old.ticket.status, .closed, "last message older than 30 days")
        XCTAssertEqual(old.requester.email, "zed@other.example")
        XCTAssertEqual(old.organisation?.name, "other.example")

        let ticket = printer.ticket
        XCTAssertEqual(ticket.subject, "Printer offline")
        XCTAssertEqual(ticket.description, "The printer on floor 2 is offline.")
        XCTAssertEqual(ticket.createdAt, Date(timeIntervalSince1970: 1_708_938_000)) // 09:00 UTC
        XCTAssertEqual(ticket.updatedAt, Date(timeIntervalSince1970: 1_709_121_600)) // Feb 28 12:00
        XCTAssertEqual(ticket.status, .pending, "an agent wrote last, within 30 days")
        XCTAssertEqual(ticket.contact, .email)
        XCTAssertEqual(ticket.kind, .serviceRequest)
        XCTAssertEqual(printer.requester.handle, "alice")
        XCTAssertEqual(printer.requester.role, .customer)
        XCTAssertEqual(printer.organisation?.name, "acme.example")
        XCTAssertEqual(printer.assignee?.handle, "bob")
        XCTAssertEqual(ticket.triageKey, Triage.key(createdAt: ticket.createdAt, urgency: .none, tier: .standard))

        let messages = printer.messages
        XCTAssertEqual(messages.map(\.body), [
            "Have you tried turning it off and on?", "Yes, twice.", "Same on floor 3.", "Fixed: the print server restarted.",
        ])
        XCTAssertTrue(messages.allSatisfy { $0.kind == .reply })
        let author = { (message: Message) in printer.authors[message.authorID!]!.handle }
        XCTAssertEqual(messages.map(author), ["bob", "alice", "carl", "dora"])
        XCTAssertEqual(messages.map { printer.authors[$0.authorID!]!.role }, [.agent, .customer, .customer, .agent])
        // Answers to the first message (the description) are top-level; Alice's answer
        // points at Bob's; Dora's joined by subject alone.
        XCTAssertEqual(messages.map(\.inReplyToID), [nil, messages[0].id, nil, nil])
        let tree = ThreadTree.lines(messages, includeInternalNotes: true)
        XCTAssertEqual(tree.map(\.depth), [0, 1, 0, 0])

        // Agents have no organisation; customers one per domain.
        let users = try store.users()
        XCTAssertEqual(users.map(\.handle), ["alice", "bob", "carl", "dora", "root", "zed"])
        XCTAssertEqual(users.first { $0.handle == "carl" }?.name, "Carl Acme")
        XCTAssertNil(users.first { $0.handle == "bob" }?.organisationID)
        // Full-text search sees imported text.
        XCTAssertEqual(try store.search("print server", viewer: admin, limit: 10).map(\.number), [2])
    }

    func testReimportAddsNothingAndNewRepliesJoinTheirTicket() throws {
        let path = try write("support.mbox", Self.conversation)
        _ = try DeskImport.mbox([path], into: store, options: options())
        let before = try store.changeToken()
        let again = try DeskImport.mbox([path], into: store, options: options())
        XCTAssertEqual(again.tickets, 0)
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.users, 0)
        XCTAssertEqual(again.organisations, 0)
        XCTAssertEqual(again.alreadyPresent, 6)
        XCTAssertEqual(try rowCount("message", in: store), 4)
        XCTAssertEqual(try rowCount("ticket", in: store), 2)
        _ = before

        // A later mailbox with the same messages plus a customer reply: only the reply is new,
        // it joins ticket #2 under Dora's message, and the ticket opens again.
        let later = Self.conversation + """
            From alice@acme.example Thu Feb 29 09:00:00 2024
            From: Alice Martin <alice@acme.example>
            Subject: Re: Printer offline
            Date: Thu, 29 Feb 2024 09:00:00 +0000
            Message-ID: <q3@acme.example>
            In-Reply-To: <a2@desk.example>

            Still offline on floor 3.

            """
        let third = try DeskImport.mbox([try write("later.mbox", later)], into: store, options: options())
        XCTAssertEqual(third.messages, 1)
        XCTAssertEqual(third.tickets, 0)
        XCTAssertEqual(third.alreadyPresent, 6)
        let printer = try store.detail(number: 2, viewer: admin)
        XCTAssertEqual(printer.messages.count, 5)
        XCTAssertEqual(printer.messages.last?.body, "Still offline on floor 3.")
        XCTAssertEqual(printer.messages.last?.inReplyToID, printer.messages[3].id)
        XCTAssertEqual(printer.ticket.status, .open)
    }

    func testRepliesToAClosedTicketOpenAFollowUp() throws {
        _ = try DeskImport.mbox([try write("a.mbox", Self.conversation)], into: store, options: options())
        XCTAssertEqual(try store.detail(number: 1, viewer: admin).ticket.status, .closed)
        let reply = """
            From zed@other.example Thu Feb 29 09:00:00 2024
            From: zed@other.example
            Subject: Re: Old question
            Date: Thu, 29 Feb 2024 09:00:00 +0000
            Message-ID: <old2@other.example>
            In-Reply-To: <old@other.example>

            Any news?

            """
        let summary = try DeskImport.mbox([try write("b.mbox", reply)], into: store, options: options())
        XCTAssertEqual(summary.tickets, 1)
        XCTAssertEqual(summary.followUps, 1)
        let followUp = try store.detail(number: 3, viewer: admin)
        XCTAssertEqual(followUp.followUpOfNumber, 1)
        XCTAssertEqual(followUp.ticket.description, "Any news?")
        XCTAssertEqual(followUp.ticket.status, .new)
        XCTAssertEqual(try store.detail(number: 1, viewer: admin).messages.count, 0, "a closed ticket never changes")
    }

    func testStatusRules() throws {
        func mbox(_ from: String, _ date: String, id: String, replyTo: String? = nil) -> String {
            """
            From x Thu Feb 29 09:00:00 2024
            From: \(from)
            Subject: Status \(id)
            Date: \(date)
            Message-ID: <\(id)>
            \(replyTo.map { "In-Reply-To: <\($0)>\n" } ?? "")
            text of \(id)

            """
        }
        let text = [
            mbox("c@cust.example", "Thu, 29 Feb 2024 09:00:00 +0000", id: "new1"),        // customer only, recent: new
            mbox("c@cust.example", "Thu, 29 Feb 2024 09:00:00 +0000", id: "open1"),
            mbox("a@desk.example", "Thu, 29 Feb 2024 10:00:00 +0000", id: "open2", replyTo: "open1"),
            mbox("c@cust.example", "Thu, 29 Feb 2024 11:00:00 +0000", id: "open3", replyTo: "open2"), // customer last: open
            mbox("c@cust.example", "Thu, 1 Feb 2024 09:00:00 +0000", id: "p1"),
            mbox("a@desk.example", "Thu, 29 Feb 2024 10:00:00 +0000", id: "p2", replyTo: "p1"),        // agent last: pending
        ].joined()
        _ = try DeskImport.mbox([try write("s.mbox", text)], into: store, options: options())
        XCTAssertEqual(try tickets().map(\.ticket.status), [.pending, .new, .open])
        // The age limit is configurable: with 0 days everything is closed.
        let fresh = try TestBackend.newDesk(named: "other", in: directory).open(clock: .fixed(now), create: true)
        let freshAdmin = Viewer(user: try fresh.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin)))
        _ = try DeskImport.mbox([try write("s.mbox", text)], into: fresh, options: options { $0.closeAfterDays = 0 })
        XCTAssertEqual(Set(try fresh.page(PageRequest(view: .all, limit: 1000), viewer: freshAdmin).rows.map(\.status)), [.closed])
    }

    func testAgentsByAddressAndOrganisationsOptional() throws {
        let text = """
            From x Thu Feb 29 09:00:00 2024
            From: Cust <c@cust.example>
            Subject: Hello
            Date: Thu, 29 Feb 2024 09:00:00 +0000
            Message-ID: <h1@x>

            hello

            From x Thu Feb 29 10:00:00 2024
            From: Helper <helper@gmail.example>
            Subject: Re: Hello
            Date: Thu, 29 Feb 2024 10:00:00 +0000
            Message-ID: <h2@x>
            In-Reply-To: <h1@x>

            hi

            """
        let summary = try DeskImport.mbox([try write("h.mbox", text)], into: store, options: options {
            $0.agentAddresses = ["HELPER@gmail.example"]
            $0.organisationsFromDomains = false
            $0.defaultOrganisation = "Everyone"
        })
        XCTAssertEqual(summary.organisations, 1)
        let users = try store.users()
        XCTAssertEqual(users.first { $0.handle == "helper" }?.role, .agent)
        let cust = try XCTUnwrap(users.first { $0.handle == "cust" })
        XCTAssertEqual(try store.organisations().first { $0.id == cust.organisationID }?.name, "Everyone")
        XCTAssertEqual(try store.detail(number: 1, viewer: admin).ticket.status, .pending)
    }

    func testExistingUsersAreMatchedByEmailAndHandlesStayUnique() throws {
        _ = try store.addOrganisation(NewOrganisation(name: "Acme", plan: .enterprise, tier: .premium))
        _ = try store.addUser(NewUser(handle: "alice", name: "Alice Existing", email: "Alice@Acme.example", role: .customer, organisationName: "Acme"))
        _ = try store.addUser(NewUser(handle: "bob", name: "Another Bob", email: "bob@elsewhere.example", role: .agent))
        _ = try DeskImport.mbox([try write("support.mbox", Self.conversation)], into: store, options: options())
        let users = try store.users()
        XCTAssertEqual(users.filter { $0.email.lowercased() == "alice@acme.example" }.count, 1)
        XCTAssertEqual(users.first { $0.email == "bob@desk.example" }?.handle, "bob-2")
        let printer = try store.detail(number: 2, viewer: admin)
        XCTAssertEqual(printer.requester.name, "Alice Existing")
        XCTAssertEqual(printer.organisation?.name, "Acme")
        // The premium tier gives the triage head start.
        XCTAssertEqual(printer.ticket.triageKey, Triage.key(createdAt: printer.ticket.createdAt, urgency: .none, tier: .premium))
    }

    func testBadMessagesAreSkippedAndReportedAndTheRestImports() throws {
        let pdf = Data("%PDF-1.4 tiny".utf8).base64EncodedString()
        var text = "This text sits before the first From line.\n\n"
        text += """
            From a@x Thu Feb 29 09:00:00 2024
            From: Ann <ann@cust.example>
            Subject: Good one
            Date: Thu, 29 Feb 2024 09:00:00 +0000
            Message-ID: <good@x>
            Content-Type: multipart/mixed; boundary=zz

            --zz
            Content-Type: text/plain

            See attached.
            --zz
            Content-Type: application/pdf; name="doc.pdf"
            Content-Transfer-Encoding: base64

            \(pdf)
            --zz--

            From a@x Thu Feb 29 09:05:00 2024
            \u{00}\u{01}binary garbage that is not mail
            at all

            From a@x Thu Feb 29 09:10:00 2024
            From: Ann <ann@cust.example>
            Subject: Bad base64
            Date: Thu, 29 Feb 2024 09:10:00 +0000
            Message-ID: <badb64@x>
            Content-Transfer-Encoding: base64

            !!! this is not base64 !!! ??? ###

            From a@x Thu Feb 29 09:15:00 2024
            Subject: no sender header
            Date: Thu, 29 Feb 2024 09:15:00 +0000

            The From line gives the sender.

            From a@x Thu Feb 29 09:20:00 2024
            From: Ann <ann@cust.example>
            Subject: Cut short
            Message-ID: <cut@x>
            Content-Type: multipart/mixed; boundary=cc

            --cc
            Content-Type: text/plain

            Kept although the message is truncated.
            --cc
            Content-Type: image/png; name=broken.png
            Content-Transfer-Encoding: base64

            %%% nope %%% !!! ???

            """
        let path = try write("mixed.mbox", text)
        let summary = try DeskImport.mbox([path], into: store, options: options())
        let offsets = text.utf8.enumerated().filter { $0.offset == 0 || Array(text.utf8)[$0.offset - 1] == UInt8(ascii: "\n") }
            .map(\.offset).filter { Array(text.utf8)[$0...].starts(with: Array("From a@x".utf8)) }
        XCTAssertEqual(summary.skipped.map(\.offset), [0, offsets[1], offsets[2]])
        XCTAssertTrue(summary.skipped.allSatisfy { $0.file == path })
        XCTAssertEqual(summary.skipped.map(\.reason), [
            "not a mail message: text before the first `From ` line",
            "not a mail message: it does not start with header fields",
            "the text/plain part is not valid base64 (12 stray characters)",
        ])
        XCTAssertEqual(summary.tickets, 3)
        XCTAssertEqual(summary.attachments, 1)
        XCTAssertEqual(summary.warnings.count, 2)
        XCTAssertEqual(summary.warnings.map(\.offset), [offsets[4], offsets[4]])
        let all = try tickets()
        XCTAssertEqual(all.map(\.ticket.subject), ["Good one", "no sender header", "Cut short"])
        XCTAssertEqual(all[0].attachments.map(\.name), ["doc.pdf"])
        XCTAssertEqual(try store.attachmentData(id: all[0].attachments[0].id, viewer: admin), Data("%PDF-1.4 tiny".utf8))
        XCTAssertEqual(all[1].requester.email, "a@x")
        XCTAssertEqual(all[2].ticket.description, "Kept although the message is truncated.")
        XCTAssertEqual(all[2].ticket.createdAt, MailDate.parse("Thu, 29 Feb 2024 09:20:00 +0000"), "no Date: the From line's")
        // Importing it again: the good ones are present, the bad ones are reported again.
        let again = try DeskImport.mbox([path], into: store, options: options())
        XCTAssertEqual(again.tickets, 0)
        XCTAssertEqual(again.alreadyPresent, 3)
        XCTAssertEqual(again.skipped.count, 3)
    }

    func testMessagesWithoutMessageIDAreIdentifiedByHash() throws {
        let text = """
            From a@x Thu Feb 29 09:00:00 2024
            From: ann@cust.example
            Subject: no id
            Date: Thu, 29 Feb 2024 09:00:00 +0000

            first

            From a@x Thu Feb 29 09:00:00 2024
            From: ann@cust.example
            Subject: no id
            Date: Thu, 29 Feb 2024 09:00:00 +0000

            first

            From a@x Thu Feb 29 09:30:00 2024
            From: ann@cust.example
            Subject: Re: no id
            Date: Thu, 29 Feb 2024 09:30:00 +0000

            second

            """
        let path = try write("noid.mbox", text)
        let summary = try DeskImport.mbox([path], into: store, options: options())
        XCTAssertEqual(summary.duplicates, 1)
        XCTAssertEqual(summary.tickets, 1, "the reply joins by subject")
        XCTAssertEqual(summary.messages, 2)
        XCTAssertEqual(try DeskImport.mbox([path], into: store, options: options()).alreadyPresent, 2)
    }

    func testMaildir() throws {
        let root = directory.appendingPathComponent("Maildir")
        for sub in ["cur", "new", "tmp", ".Archive/cur", ".Archive/new"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        _ = try write("Maildir/cur/1709197200.M1P1.host:2,S", """
            From: Ann <ann@cust.example>
            Subject: =?ISO-8859-1?Q?Caf=E9?= machine
            Message-ID: <m1@x>
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: quoted-printable

            La machine =E0 caf=E9 fuit.
            """)
        _ = try write("Maildir/new/1709200800.M2P2.host", """
            From: Bob <bob@desk.example>
            Subject: Re: =?ISO-8859-1?Q?Caf=E9?= machine
            Date: Thu, 29 Feb 2024 10:00:00 +0000
            Message-ID: <m2@x>
            In-Reply-To: <m1@x>

            On arrive.
            """)
        _ = try write("Maildir/.Archive/cur/1709204400.M3P3.host:2,S", """
            From: Ann <ann@cust.example>
            Subject: Re: Café machine
            Date: Thu, 29 Feb 2024 11:00:00 +0000
            Message-ID: <m3@x>
            In-Reply-To: <m2@x>

            Merci !
            """)
        _ = try write("Maildir/cur/notmail.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]))
        let summary = try DeskImport.maildir([root.path], into: store, options: options())
        XCTAssertEqual(summary.tickets, 1)
        XCTAssertEqual(summary.messages, 3)
        XCTAssertEqual(summary.skipped.count, 1)
        XCTAssertTrue(summary.skipped[0].file.hasSuffix("notmail.jpg"))
        let ticket = try store.detail(number: 1, viewer: admin)
        XCTAssertEqual(ticket.ticket.subject, "Café machine")
        XCTAssertEqual(ticket.ticket.description, "La machine à café fuit.")
        XCTAssertEqual(ticket.ticket.createdAt, Date(timeIntervalSince1970: 1_709_197_200), "no Date header: the file name's time")
        XCTAssertEqual(ticket.messages.map(\.body), ["On arrive.", "Merci !"])
        XCTAssertEqual(ticket.messages[1].inReplyToID, ticket.messages[0].id)
        XCTAssertThrowsError(try DeskImport.maildir([directory.appendingPathComponent("nothing").path], into: store, options: options()))
    }

    func testJSONConversations() throws {
        let lines = [
            #"{"id": "c1", "subject": "Refund", "organisation": "Acme", "requester": "ann", "product": "Shop", "turns": [{"role": "customer", "author": "ann", "email": "ann@acme.example", "name": "Ann A", "time": "2024-02-29T09:00:00Z", "text": "I want a refund.\n"}, {"role": "agent", "author": "Bob", "time": "2024-02-29T10:00:00Z", "text": "Done."}, {"id": "t3", "role": "customer", "author": "ann", "email": "ann@acme.example", "time": "2024-02-29T11:00:00Z", "text": "Thanks", "inReplyTo": "1"}]}"#,
            #"not json at all"#,
            #"{"id": "c2", "turns": [{"role": "bot", "author": "x", "time": "2024-02-29T09:00:00Z", "text": "?"}]}"#,
            "",
            #"{"session_id": "c3", "company": "Brand", "started": "2024-02-29T08:00:00.000Z", "duration": "00:30:00.0", "turns": [{"role": "customer", "author": "Zed", "datetime": "2024-02-29T08:00:00.000Z", "text": "@Brand help me please with my account"}, {"role": "agent", "author": "Brand", "datetime": null, "text": "@Zed sure"}]}"#,
            #"{"id": "c1", "turns": [{"role": "customer", "author": "ann", "time": "2024-02-29T09:00:00Z", "text": "duplicate line"}]}"#,
        ]
        let path = try write("conv.jsonl", lines.joined(separator: "\n") + "\n")
        let summary = try DeskImport.json([path], into: store, options: options { $0.fieldMap = ["product": "company"] })
        XCTAssertEqual(summary.tickets, 2)
        XCTAssertEqual(summary.messages, 5)
        XCTAssertEqual(summary.duplicates, 1)
        XCTAssertEqual(summary.skipped.map(\.reason), ["line 2 is not JSON", "line 3: turn 1 has role 'bot', not customer or agent"])
        let offsets = [0] + lines.dropLast().reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.utf8.count + 1) }
        XCTAssertEqual(summary.skipped.map(\.offset), [offsets[1], offsets[2]])

        let refund = try store.detail(number: 1, viewer: admin)
        XCTAssertEqual(refund.ticket.subject, "Refund")
        XCTAssertEqual(refund.ticket.product, "", "the map renames company, absent here; product is read from company only")
        XCTAssertEqual(refund.organisation?.name, "Acme")
        XCTAssertEqual(refund.requester.name, "Ann A")
        XCTAssertEqual(refund.requester.email, "ann@acme.example")
        XCTAssertEqual(refund.ticket.description, "I want a refund.")
        XCTAssertEqual(refund.ticket.contact, .portal)
        XCTAssertEqual(refund.messages.map(\.body), ["Done.", "Thanks"])
        XCTAssertEqual(refund.messages.map(\.inReplyToID), [nil, nil], "Done answers turn 1 (the description); so does turn 3")
        XCTAssertEqual(refund.authors[refund.messages[0].authorID!]?.role, .agent)
        XCTAssertEqual(refund.ticket.status, .open)

        let brand = try store.detail(number: 2, viewer: admin)
        XCTAssertEqual(brand.ticket.subject, "@Brand help me please with my account")
        XCTAssertEqual(brand.ticket.product, "Brand")
        XCTAssertEqual(brand.organisation?.name, "Imported customers")
        XCTAssertEqual(brand.messages.first?.createdAt, MailDate.parse("2024-02-29T08:30:00Z"), "started + duration")
        XCTAssertEqual(brand.ticket.status, .pending)

        let again = try DeskImport.json([path], into: store, options: options { $0.fieldMap = ["product": "company"] })
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.alreadyPresent, 5)
    }

    func testExportThenImportKeepsTheThread() throws {
        _ = try DeskImport.mbox([try write("support.mbox", Self.conversation)], into: store, options: options())
        let viewer = try admin
        // An attachment added on the desk travels with the first message.
        _ = try store.changeStatus(number: 2, to: .open, by: viewer)
        _ = try store.attach(number: 2, name: "log ü.txt", mediaType: "text/plain", data: Data("From the log\n".utf8), by: viewer)
        _ = try store.addMessage(NewMessage(ticketNumber: 2, body: "internal thought", isInternal: true), by: viewer)
        let exported = MboxExport.render([try store.exportTicket(number: 2, viewer: viewer)])
        XCTAssertTrue(exported.hasPrefix("From alice@acme.example Mon Feb 26 09:00:00 2024\n"))
        XCTAssertTrue(exported.contains("Message-ID: <q1@acme.example>\n"))
        XCTAssertTrue(exported.contains("Message-ID: <q2@acme.example>\nIn-Reply-To: <a1@desk.example>\nReferences: <q1@acme.example>\n <a1@desk.example>\n"))
        XCTAssertFalse(exported.contains("internal thought"))
        XCTAssertFalse(exported.contains("Status "), "system events are left out")

        let copy = try TestBackend.newDesk(named: "copy", in: directory).open(clock: .fixed(now), create: true)
        _ = try copy.addUser(NewUser(handle: "root", name: "Root", email: "r@x", role: .admin))
        let summary = try DeskImport.mbox([try write("export.mbox", exported)], into: copy, options: options())
        XCTAssertEqual(summary.tickets, 1)
        XCTAssertEqual(summary.skipped, [])
        let original = try store.detail(number: 2, viewer: viewer)
        let back = try copy.detail(number: 1, viewer: try copy.viewer(handle: "root"))
        XCTAssertEqual(back.ticket.subject, original.ticket.subject)
        XCTAssertEqual(back.ticket.description, original.ticket.description)
        let replies = original.messages.filter { $0.kind == .reply }
        XCTAssertEqual(back.messages.map(\.body), replies.map(\.body))
        XCTAssertEqual(back.messages.map(\.createdAt), replies.map(\.createdAt))
        XCTAssertEqual(back.messages.map { back.authors[$0.authorID!]!.email }, replies.map { original.authors[$0.authorID!]!.email })
        let parentIndex = { (messages: [Message]) in messages.map { m in m.inReplyToID.flatMap { id in messages.firstIndex { $0.id == id } } } }
        XCTAssertEqual(parentIndex(back.messages), parentIndex(replies))
        XCTAssertEqual(back.attachments.map(\.name), ["log ü.txt"])
        XCTAssertEqual(try copy.attachmentData(id: back.attachments[0].id, viewer: try copy.viewer(handle: "root")), Data("From the log\n".utf8))
        // Re-importing the export into the original desk adds nothing.
        XCTAssertEqual(try DeskImport.mbox([try write("export2.mbox", exported)], into: store, options: options()).messages, 0)
    }

    func testCharsetsAndEncodedHeadersEndToEnd() throws {
        var bytes = Array("""
            From a@x Thu Feb 29 09:00:00 2024
            From: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?= <taro@example.jp>
            Subject: =?Shift_JIS?B?k/qWe4zq?= =?UTF-8?Q?_=E2=82=AC?=
            Date: Thu, 29 Feb 2024 09:00:00 +0900
            Message-ID: <jp@x>
            Content-Type: text/plain; charset=ISO-8859-15
            Content-Transfer-Encoding: 8bit


            """.utf8)
        bytes += [0x50, 0x72, 0x69, 0x78, 0x20, 0x3A, 0x20, 0x31, 0x30, 0x20, 0xA4, 0x0A, 0x0A]
        let summary = try DeskImport.mbox([try write("jp.mbox", Data(bytes))], into: store, options: options())
        XCTAssertEqual(summary.skipped, [])
        let ticket = try store.detail(number: 1, viewer: admin)
        XCTAssertEqual(ticket.ticket.subject, "日本語 €")
        XCTAssertEqual(ticket.requester.name, "日本語")
        XCTAssertEqual(ticket.requester.handle, "taro")
        XCTAssertEqual(ticket.ticket.description, "Prix : 10 €")
        XCTAssertEqual(ticket.ticket.createdAt, Date(timeIntervalSince1970: 1_709_164_800))
    }

    func testManyMessagesImportQuickly() throws {
        // 6,000 messages in 2,000 threads; the rate is printed for the record, and checked
        // loosely (a debug build on a shared machine is slower than a release one).
        var text = ""
        for thread in 0..<2000 {
            for reply in 0..<3 {
                let id = "t\(thread)r\(reply)@bench.example"
                text += "From x Thu Feb 29 09:00:00 2024\nFrom: User \(thread % 300) <u\(thread % 300)@c\(thread % 40).example>\n"
                text += "Subject: \(reply == 0 ? "" : "Re: ")Question \(thread)\nDate: Thu, 29 Feb 2024 09:\(String(format: "%02d", reply)):00 +0000\n"
                text += "Message-ID: <\(id)>\n"
                if reply > 0 { text += "In-Reply-To: <t\(thread)r\(reply - 1)@bench.example>\n" }
                text += "\nBody of message \(reply) in thread \(thread), with some text to index.\n\n"
            }
        }
        let path = try write("bench.mbox", text)
        let summary = try DeskImport.mbox([path], into: store, options: options())
        XCTAssertEqual(summary.tickets, 2000)
        XCTAssertEqual(summary.messages, 6000)
        print("import rate: \(Int(summary.messagesPerSecond)) messages/s (\(summary.read) in \(String(format: "%.2f", summary.seconds)) s)")
        XCTAssertGreaterThan(summary.messagesPerSecond, 500)
    }
}
