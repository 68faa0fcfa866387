import DeskModel
import Foundation
import XCTest

/// `new`, `reply`, `status`, `assign`, `watch`, `attach`: the ticket workflow, end to end.
final class TicketCLITests: XCTestCase {
    func testNewTicketsTakeTheirBodyFromStdinOrAFileAndAreNumberedInOrder() throws {
        let desk = try makeWorld()
        assertSucceeded(
            desk.run(["new", "--subject", "Printer jams in tray 2", "--kind", "incident", "--urgency", "serious",
                      "--product", "Printers", "--category", "Hardware", "--body-file", "-"],
                     user: "ann", stdin: "It jams on every page.\nSince Monday.\n"),
            "Created ticket #1\n")
        let bodyFile = try desk.write("body.txt", "Please send the March invoice again.\n")
        assertSucceeded(
            desk.run(["new", "--subject", "Invoice copy", "--contact", "email", "--body-file", bodyFile], env: "carl"),
            "Created ticket #2\n")
        // An agent opens a ticket on behalf of a customer and watches it.
        assertSucceeded(
            desk.run(["new", "--subject", "VPN setup for new office", "--kind", "service-request", "--requester", "olga", "--body-file", "-"],
                     user: "bob", stdin: "Called in by phone."),
            "Created ticket #3\n")

        let first = try desk.ticket(1, as: "bob")
        XCTAssertEqual(first.subject, "Printer jams in tray 2")
        XCTAssertEqual(first.description, "It jams on every page.\nSince Monday.\n")
        XCTAssertEqual(
            [first.status, first.statusLabel, first.kind, first.urgency, first.product, first.category, first.requester, first.contact],
            ["new", "New", "incident", "serious", "Printers", "Hardware", "ann", "portal"])
        XCTAssertEqual(first.organisation, "Acme Corp")
        XCTAssertNil(first.assignee)
        XCTAssertNil(first.followUpOf)
        XCTAssertEqual(first.watchers, [])
        XCTAssertEqual(first.messages, [])

        let second = try desk.ticket(2, as: "carl")
        XCTAssertEqual([second.description, second.kind, second.contact, second.requester, second.statusLabel],
                       ["Please send the March invoice again.\n", "question", "email", "carl", "Open"])

        let third = try desk.ticket(3, as: "olga")
        XCTAssertEqual([third.requester, third.kind, third.description], ["olga", "serviceRequest", "Called in by phone."])
        XCTAssertEqual(third.organisation, "Other Ltd")
        XCTAssertEqual(third.watchers, ["bob"])

        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [3, 2, 1])
        XCTAssertEqual(try desk.numbers(["--view", "all", "--oldest-first"], as: "bob"), [1, 2, 3])
    }

    func testNewTicketRefusals() throws {
        let desk = try makeWorld()
        assertRefused(
            desk.run(["new", "--subject", "Site is down", "--kind", "incident", "--body-file", "-"], user: "fred", stdin: "Down."),
            "Free Co is on the free plan, which does not include incident tickets; open a question instead")
        assertRefused(desk.run(["new", "--subject", "  ", "--body-file", "-"], user: "ann", stdin: "x"), "A ticket needs a subject")
        assertRefused(desk.run(["new", "--subject", "Empty", "--body-file", "-"], user: "ann", stdin: " \n"), "A ticket needs a description")
        assertRefused(
            desk.run(["new", "--subject", "For someone else", "--requester", "carl", "--body-file", "-"], user: "ann", stdin: "x"),
            "Not allowed: customers open tickets for themselves only")
        assertRefused(
            desk.run(["new", "--subject", "No file", "--body-file", desk.file("missing.txt").path], user: "ann"),
            "Cannot read \(desk.file("missing.txt").path)")
        assertRefused(desk.run(["new", "--subject", "Nobody", "--body-file", "-"], stdin: "x"), "Who is acting? Give --user HANDLE or set DESKTERM_USER")
        XCTAssertEqual(try desk.list(["--view", "all"], as: "bob").total, 0)

        // Free plans may still ask questions.
        assertSucceeded(desk.run(["new", "--subject", "Upgrade price?", "--body-file", "-"], user: "fred", stdin: "How much?"), "Created ticket #1\n")
    }

    func testDuplicateGuardRefusesUnlessForced() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams in tray 2", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertRefused(
            desk.run(["new", "--subject", "printer JAMS on tray", "--body-file", "-"], user: "ann", stdin: "Still jams."),
            "This looks like your active ticket #1 \"Printer jams in tray 2\"; reply there, or create anyway with --force")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [1])

        // Another requester's ticket is not a duplicate of ann's.
        assertSucceeded(desk.run(["new", "--subject", "Printer jams on tray", "--body-file", "-"], user: "carl", stdin: "Me too."), "Created ticket #2\n")
        assertSucceeded(
            desk.run(["new", "--subject", "printer JAMS on tray", "--force", "--body-file", "-"], user: "ann", stdin: "Still jams."),
            "Created ticket #3\n")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [3, 2, 1])
        XCTAssertEqual(try desk.ticket(3, as: "ann").description, "Still jams.")
    }

    func testFollowUpOfAClosedTicketOnly() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertRefused(
            desk.run(["new", "--subject", "Printer jams again", "--follow-up-of", "1", "--body-file", "-"], user: "ann", stdin: "Again."),
            "Ticket #1 is not closed; reply to it instead of opening a follow-up")
        assertRefused(
            desk.run(["new", "--subject", "Something", "--follow-up-of", "#9", "--body-file", "-"], user: "ann", stdin: "Again."),
            "Ticket #9 not found")

        assertSucceeded(desk.run(["status", "1", "closed"], user: "ann"), "#1 is now closed\n")
        assertSucceeded(
            desk.run(["new", "--subject", "Printer jams again", "--follow-up-of", "#1", "--body-file", "-"], user: "ann", stdin: "Again."),
            "Created ticket #2\n")
        let followUp = try desk.ticket(2, as: "ann")
        XCTAssertEqual(followUp.followUpOf, 1)
        XCTAssertEqual(followUp.status, "new")
        let text = desk.run(["show", "2"], user: "ann")
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.lines.contains("  Follow-up of #1"), text.stdout)
        XCTAssertEqual(try desk.ticket(1, as: "ann").status, "closed")
    }

    func testRepliesNotesAndTheStatusesTheyLeave() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")

        // Message ids count every message of the desk, system events included.
        assertSucceeded(desk.run(["reply", "1", "--body-file", "-"], user: "bob", stdin: "Looking into it."), "Reply 1 sent to #1 (open)\n")
        assertSucceeded(desk.run(["reply", "1", "--internal", "--body-file", "-"], user: "bob", stdin: "Driver 4.2 is broken."), "Note 3 added to #1 (open)\n")
        // Without --body-file the text comes from standard input when it is not a terminal.
        assertSucceeded(desk.run(["reply", "1", "--ask"], user: "bob", stdin: "Which model?"), "Reply 4 sent to #1 (awaiting customer)\n")
        XCTAssertEqual(try desk.ticket(1, as: "ann").statusLabel, "Action required from you")
        assertSucceeded(desk.run(["reply", "1", "--in-reply-to", "4"], user: "ann", stdin: "LaserJet 4000."), "Reply 6 sent to #1 (open)\n")
        assertSucceeded(desk.run(["reply", "1", "--solution"], user: "bob", stdin: "Install driver 4.3."), "Reply 8 sent to #1 (pending)\n")
        XCTAssertEqual(try desk.ticket(1, as: "ann").statusLabel, "Solution proposed")
        // A customer reply on a proposed solution reopens the ticket too.
        assertSucceeded(desk.run(["reply", "1"], user: "ann", stdin: "Still jams."), "Reply 10 sent to #1 (open)\n")
        assertSucceeded(desk.run(["status", "1", "closed"], user: "bob"), "#1 is now closed\n")

        let ticket = try desk.ticket(1, as: "bob")
        XCTAssertEqual(ticket.status, "closed")
        XCTAssertEqual(ticket.history, [
            "reply bob: Looking into it.",
            "systemEvent bob: Status New → Open by bob",
            "internalNote bob: Driver 4.2 is broken.",
            "reply bob: Which model?",
            "systemEvent bob: Status Open → Awaiting customer by bob",
            "reply ann: LaserJet 4000.",
            "systemEvent ann: Status Awaiting customer → Open by ann",
            "reply bob: Install driver 4.3.",
            "systemEvent bob: Status Open → Pending by bob",
            "reply ann: Still jams.",
            "systemEvent ann: Status Pending → Open by ann",
            "systemEvent bob: Status Open → Closed by bob",
        ])
        XCTAssertEqual(ticket.messages.map(\.id), Array(1...12))
        XCTAssertEqual(ticket.messages.first { $0.id == 6 }?.inReplyTo, 4)

        // Closed is final, for everyone.
        for (user, extra) in [("ann", [String]()), ("bob", ["--internal"]), ("bob", ["--ask"])] {
            assertRefused(desk.run(["reply", "1"] + extra, user: user, stdin: "One more thing"), "Ticket #1 is closed; open a follow-up instead")
        }
        assertRefused(desk.run(["status", "1", "open"], user: "bob"), "Ticket #1 is closed; open a follow-up instead")
        assertRefused(desk.run(["assign", "1", "me"], user: "bob"), "Ticket #1 is closed; open a follow-up instead")
        XCTAssertEqual(try desk.ticket(1, as: "bob").messages.count, 12)
    }

    func testReplyRefusals() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["reply", "1", "--internal"], user: "bob", stdin: "Secret."), "Note 1 added to #1 (new)\n")
        assertRefused(desk.run(["reply", "1", "--internal"], user: "ann", stdin: "Psst"), "Not allowed: only agents write internal notes")
        assertRefused(desk.run(["reply", "1", "--solution"], user: "ann", stdin: "Fixed it"),
                      "Not allowed: only agents ask for information or propose solutions")
        assertRefused(desk.run(["reply", "1", "--internal", "--ask"], user: "bob", stdin: "Hm"),
                      "An internal note cannot ask the customer or propose a solution: the customer would never see it")
        // A customer cannot answer (or learn of) an internal note.
        assertRefused(desk.run(["reply", "1", "--in-reply-to", "1"], user: "ann", stdin: "Re"), "Message 1 not found on this ticket")
        assertRefused(desk.run(["reply", "1"], user: "ann", stdin: " \n\t"), "The message is empty")
        assertRefused(desk.run(["status", "1", "new"], user: "bob"), "Ticket #1 is already new")
        assertRefused(desk.run(["status", "1", "closed"], user: "olga"), "Ticket #1 not found")
        assertRefused(desk.run(["status", "1", "pending"], user: "ann"), "Not allowed: customers may only close their own tickets")

        let usage = desk.run(["reply", "1", "--ask", "--solution"], user: "bob", stdin: "Both")
        XCTAssertEqual(usage.status, 64, "\(usage)")
        XCTAssertTrue(usage.stderr.contains("--ask and --solution exclude each other"), usage.stderr)

        let ticket = try desk.ticket(1, as: "bob")
        XCTAssertEqual(ticket.history, ["internalNote bob: Secret."])
        XCTAssertEqual(ticket.status, "new")
    }

    func testAssignMeNoneAndAHandle() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["assign", "1", "me"], user: "bob"), "#1 assigned to bob\n")
        XCTAssertEqual(try desk.ticket(1, as: "bob").assignee, "bob")
        assertSucceeded(desk.run(["assign", "#1", "dora"], user: "bob"), "#1 assigned to dora\n")
        XCTAssertEqual(try desk.numbers(["--view", "mine"], as: "dora"), [1])
        XCTAssertEqual(try desk.numbers(["--view", "mine"], as: "bob"), [])
        assertRefused(desk.run(["assign", "1", "dora"], user: "bob"), "Ticket #1 is already assigned to dora")
        assertRefused(desk.run(["assign", "1", "ann"], user: "bob"), "ann is a customer; only agents can be assigned")
        assertRefused(desk.run(["assign", "1", "nobody"], user: "bob"), "No user with handle 'nobody'")
        assertRefused(desk.run(["assign", "1", "me"], user: "ann"), "Not allowed: only agents assign tickets")
        assertSucceeded(desk.run(["assign", "1", "none"], user: "dora"), "#1 unassigned\n")

        let ticket = try desk.ticket(1, as: "bob")
        XCTAssertNil(ticket.assignee)
        XCTAssertEqual(ticket.status, "open")
        XCTAssertEqual(ticket.history, [
            "systemEvent bob: Assigned to bob by bob",
            "systemEvent bob: Status New → Open by bob",
            "systemEvent bob: Assigned to dora by bob",
            "systemEvent dora: Unassigned by dora",
        ])
    }

    func testWatchAndUnwatchNeverChangeTheTicket() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        let before = try desk.ticket(1, as: "bob")

        assertSucceeded(desk.run(["watch", "1"], user: "ann"), "ann watches #1\n")
        assertSucceeded(desk.run(["watch", "1", "carl"], user: "bob"), "carl watches #1\n")
        assertSucceeded(desk.run(["watch", "1"], user: "dora"), "dora watches #1\n")
        assertRefused(desk.run(["watch", "1", "olga"], user: "bob"), "olga is not in the ticket's organisation and cannot watch it")
        assertRefused(desk.run(["watch", "1", "carl"], user: "ann"), "Not allowed: customers manage only their own watching")
        // A customer learns nothing about which handles exist.
        assertRefused(desk.run(["watch", "1", "ghost"], user: "ann"), "Not allowed: customers manage only their own watching")
        assertRefused(desk.run(["watch", "1", "ghost"], user: "bob"), "No user with handle 'ghost'")
        XCTAssertEqual(try desk.ticket(1, as: "bob").watchers, ["ann", "carl", "dora"])

        assertSucceeded(desk.run(["unwatch", "1"], user: "ann"), "ann no longer watches #1\n")
        assertSucceeded(desk.run(["unwatch", "1", "dora"], user: "bob"), "dora no longer watches #1\n")
        let after = try desk.ticket(1, as: "bob")
        XCTAssertEqual(after.watchers, ["carl"])
        XCTAssertEqual(after.status, before.status)
        XCTAssertEqual(after.updated, before.updated)
        XCTAssertEqual(after.messages, [])
    }

    func testAttachStoresTheFileWithItsDigest() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer jams", "--body-file", "-"], user: "ann", stdin: "Jams."), "Created ticket #1\n")
        assertSucceeded(desk.run(["reply", "1", "--ask"], user: "bob", stdin: "Logs please."), "Reply 1 sent to #1 (awaiting customer)\n")

        var bytes = Data("printer log\n".utf8)
        bytes.append(contentsOf: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        let logURL = desk.file("printer.log")
        try bytes.write(to: logURL)
        let digest = "eed77681d6867f86680619c20755ebc96325276f089f2b4ceaf7f6ad743eeab1"
        XCTAssertEqual(bytes.count, 3012)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            XCTAssertEqual(sha256sum(logURL.path), digest)
        }

        assertSucceeded(
            desk.run(["attach", "1", logURL.path], user: "ann"),
            "Attached printer.log (\(bytes.count) bytes, sha256 \(digest)) to #1\n")
        let ticket = try desk.ticket(1, as: "ann")
        XCTAssertEqual(ticket.attachments.map { [$0.name, $0.mediaType, String($0.size), $0.sha256, $0.uploader ?? "-"] },
                       [["printer.log", "text/plain", String(bytes.count), digest, "ann"]])
        // Attaching never changes the status.
        XCTAssertEqual(ticket.status, "awaitingCustomer")
        // The bytes in the desk are the file's bytes.
        let store = try desk.store()
        let ann = try store.viewer(handle: "ann")
        XCTAssertEqual(try store.attachmentData(id: ticket.attachments[0].id, viewer: ann), bytes)

        // One byte over the desk's limit (25 MiB) is refused before the file is read.
        let big = desk.file("big.bin")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 25 * 1024 * 1024 + 1)
        try handle.close()
        assertRefused(desk.run(["attach", "1", big.path], user: "ann"),
                      "big.bin is 26,214,401 bytes; the desk accepts attachments up to 26,214,400 bytes")
        assertRefused(desk.run(["attach", "1", desk.file("nothere.txt").path], user: "ann"),
                      "Cannot read \(desk.file("nothere.txt").path): not a readable file")
        assertRefused(desk.run(["attach", "1", desk.directory.path], user: "ann"),
                      "Cannot read \(desk.directory.path): not a readable file")
        XCTAssertEqual(try desk.ticket(1, as: "ann").attachments.count, 1)

        assertSucceeded(desk.run(["status", "1", "closed"], user: "ann"), "#1 is now closed\n")
        assertRefused(desk.run(["attach", "1", logURL.path], user: "ann"), "Ticket #1 is closed; open a follow-up instead")
        XCTAssertEqual(try desk.ticket(1, as: "ann").attachments.count, 1)
    }

    func testShowTextDrawsTheFieldsAndTheThreadTree() throws {
        let desk = try makeWorld()
        assertSucceeded(
            desk.run(["new", "--subject", "Printer jams", "--kind", "incident", "--urgency", "serious", "--product", "Printers",
                      "--category", "Hardware", "--subcategory", "Tray", "--body-file", "-"],
                     user: "ann", stdin: "It jams on every page.\nSince Monday.\n"),
            "Created ticket #1\n")
        assertSucceeded(desk.run(["reply", "1", "--ask"], user: "bob", stdin: "Which model?"), "Reply 1 sent to #1 (awaiting customer)\n")
        assertSucceeded(desk.run(["reply", "1", "--internal", "--in-reply-to", "1"], user: "bob", stdin: "Driver suspect"), "Note 3 added to #1 (awaiting customer)\n")
        assertSucceeded(desk.run(["reply", "1", "--in-reply-to", "1"], user: "ann", stdin: "LaserJet 4000.\n\tTray 2."), "Reply 4 sent to #1 (open)\n")
        assertSucceeded(desk.run(["reply", "1", "--in-reply-to", "1"], user: "ann", stdin: "Thanks"), "Reply 6 sent to #1 (open)\n")
        assertSucceeded(desk.run(["reply", "1", "--solution", "--in-reply-to", "4"], user: "bob", stdin: "Try driver 4.3"), "Reply 7 sent to #1 (pending)\n")
        assertSucceeded(desk.run(["assign", "1", "me"], user: "bob"), "#1 assigned to bob\n")
        assertSucceeded(desk.run(["watch", "1"], user: "ann"), "ann watches #1\n")
        let log = try desk.write("log.txt", "hello\n")
        assertSucceeded(
            desk.run(["attach", "1", log], user: "ann"),
            "Attached log.txt (6 bytes, sha256 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03) to #1\n")

        func normalized(_ result: CLIResult) -> String {
            XCTAssertEqual(result.status, 0, "\(result)")
            return result.stdout.replacingOccurrences(of: "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC", with: "TIME", options: .regularExpression)
                // The clock ran for the seconds the ticket was open, which count only inside the
                // desk's working hours: a slow machine at 10:00 on a weekday may see a minute gone.
                .replacingOccurrences(of: "Resolution   (24h|23h5[0-9]) left", with: "Resolution   24h left", options: .regularExpression)
        }
        // Within a thread siblings are chronological (ties by id); system events are top level.
        XCTAssertEqual(normalized(desk.run(["show", "1"], user: "bob")), """
            #1  Printer jams
              Status       Pending
              Kind         incident
              Urgency      serious
              Requester    Ann Acme (ann)
              Organisation Acme Corp
              Assignee     Bob Agent (bob)
              Product      Printers › Hardware › Tray
              Contact      portal
              Created      TIME (just now)
              Updated      TIME (just now)
              First reply  met
              Resolution   24h left; clock stopped while waiting on the customer
              Watchers     ann
              Attachment   log.txt (id 1, text/plain, 6 bytes, sha256 5891b5b522d5…)

              It jams on every page.
              Since Monday.

            History (9 messages)
            ● [1] Bob Agent (agent) · TIME
              Which model?
            ├─● [3] Bob Agent (agent) · TIME INTERNAL NOTE
                Driver suspect
            ├─● [4] Ann Acme (customer) · TIME
                LaserJet 4000.
                    Tray 2.
            │ └─● [7] Bob Agent (agent) · TIME
                  Try driver 4.3
            └─● [6] Ann Acme (customer) · TIME
                Thanks
            · [2] TIME Status New → Awaiting customer by bob
            · [5] TIME Status Awaiting customer → Open by ann
            · [8] TIME Status Open → Pending by bob
            · [9] TIME Assigned to bob by bob

            """)
        // The customer's view: their words for the status and the history's events, and no
        // internal note.
        XCTAssertEqual(normalized(desk.run(["show", "#1"], user: "ann")), """
            #1  Printer jams
              Status       Solution proposed
              Kind         incident
              Urgency      serious
              Requester    Ann Acme (ann)
              Organisation Acme Corp
              Assignee     Bob Agent (bob)
              Product      Printers › Hardware › Tray
              Contact      portal
              Created      TIME (just now)
              Updated      TIME (just now)
              Watchers     ann
              Attachment   log.txt (id 1, text/plain, 6 bytes, sha256 5891b5b522d5…)

              It jams on every page.
              Since Monday.

            History (8 messages)
            ● [1] Bob Agent (agent) · TIME
              Which model?
            ├─● [4] Ann Acme (customer) · TIME
                LaserJet 4000.
                    Tray 2.
            │ └─● [7] Bob Agent (agent) · TIME
                  Try driver 4.3
            └─● [6] Ann Acme (customer) · TIME
                Thanks
            · [2] TIME Status Open → Action required from you by bob
            · [5] TIME Status Action required from you → Open by ann
            · [8] TIME Status Open → Solution proposed by bob
            · [9] TIME bob is handling this ticket

            """)
        let bad = desk.run(["show", "0"], user: "bob")
        XCTAssertEqual(bad.status, 64, "\(bad)")
        XCTAssertTrue(bad.stderr.hasPrefix("Error: The value '0' is invalid for '<number>'"), bad.stderr)
    }
}
