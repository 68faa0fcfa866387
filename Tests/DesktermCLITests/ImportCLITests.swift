import DeskModel
import Foundation
import XCTest

/// `deskterm import mbox|maildir|json` and `deskterm export mbox`, end to end.
final class ImportCLITests: XCTestCase {
    static let mbox = """
        From alice@acme.example Mon Feb 26 09:00:00 2024
        From: Alice Martin <alice@acme.example>
        Subject: Printer offline
        Date: Mon, 26 Feb 2024 09:00:00 +0000
        Message-ID: <q1@acme.example>

        The printer on floor 2 is offline.

        From bob@desk.example Mon Feb 26 10:00:00 2024
        From: Bob Agent <bob@desk.example>
        Subject: Re: Printer offline
        Date: Mon, 26 Feb 2024 10:00:00 +0000
        Message-ID: <a1@desk.example>
        In-Reply-To: <q1@acme.example>

        Have you tried turning it off and on?

        From x Mon Feb 26 10:30:00 2024
        this is not mail at all

        From alice@acme.example Mon Feb 26 11:00:00 2024
        From: Alice Martin <alice@acme.example>
        Subject: Re: Printer offline
        Date: Mon, 26 Feb 2024 11:00:00 +0000
        Message-ID: <q2@acme.example>
        In-Reply-To: <a1@desk.example>

        >From the manual: it should work.

        """

    static var skippedOffset: Int {
        let text = mbox
        return text.utf8.count - text.components(separatedBy: "From x Mon").last!.utf8.count - "From x Mon".utf8.count
    }

    func testImportMboxPrintsASummaryAndIsIdempotent() throws {
        let desk = try makeWorld()
        let path = try desk.write("support.mbox", Self.mbox)
        let first = desk.run(["import", "mbox", path, "--agent-domain", "desk.example", "--now", "2024-03-01T09:00:00Z"], user: "root")
        XCTAssertEqual(first.status, 0, "\(first)")
        XCTAssertEqual(first.stderr, "", "no progress bar when stderr is not a terminal")
        XCTAssertEqual(first.lines.count, 3, "\(first)")
        XCTAssertEqual(first.lines[0], "Imported support.mbox: 1 ticket, 3 messages, 1 user, 1 organisation, 0 attachments")
        XCTAssertTrue(first.lines[1].hasPrefix("Read 4 messages in "), first.lines[1])
        XCTAssertTrue(first.lines[1].hasSuffix("0 already in the desk, 0 duplicates in the input, 1 skipped, 0 warnings"), first.lines[1])
        XCTAssertEqual(first.lines[2], "skipped: \(path) at byte \(Self.skippedOffset): not a mail message: it does not start with header fields")

        let ticket = try desk.ticket(1, as: "bob")
        XCTAssertEqual(ticket.subject, "Printer offline")
        XCTAssertEqual(ticket.description, "The printer on floor 2 is offline.")
        XCTAssertEqual(ticket.requester, "alice")
        XCTAssertEqual(ticket.organisation, "acme.example")
        XCTAssertEqual(ticket.status, "open")
        XCTAssertEqual(ticket.assignee, "bob", "the world's agent bob has this address already")
        XCTAssertEqual(ticket.history, ["reply bob: Have you tried turning it off and on?", "reply alice: From the manual: it should work."])
        XCTAssertEqual(ticket.messages[1].inReplyTo, ticket.messages[0].id)

        let again = desk.run(["import", "mbox", path, "--format", "json"], user: "root")
        XCTAssertEqual(again.status, 0, "\(again)")
        let summary = try JSONDecoder().decode(ImportSummary.self, from: again.stdoutData)
        XCTAssertEqual(summary.tickets, 0)
        XCTAssertEqual(summary.messages, 0)
        XCTAssertEqual(summary.alreadyPresent, 3)
        XCTAssertEqual(summary.skipped, [ImportProblem(file: path, offset: Self.skippedOffset, reason: "not a mail message: it does not start with header fields")])
    }

    func testOnlyAdminsImportAndBadInputIsRefusedBeforeAnythingIsWritten() throws {
        let desk = try makeWorld()
        let path = try desk.write("support.mbox", Self.mbox)
        assertRefused(desk.run(["import", "mbox", path], user: "bob"), "Not allowed: only admins manage organisations and users")
        assertRefused(desk.run(["import", "mbox", desk.file("missing.mbox").path], user: "root"), "No file at \(desk.file("missing.mbox").path)")
        assertRefused(desk.run(["import", "maildir", desk.directory.path], user: "root"), "\(desk.directory.path) is not a maildir: it has no cur/ or new/ folder")
        let badMap = desk.run(["import", "json", path, "--map", "nonsense"], user: "root")
        XCTAssertEqual(badMap.status, 64, "\(badMap)")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "root"), [])
    }

    func testImportIntoANewDeskFile() throws {
        let desk = try TempDesk()
        let path = try desk.write("support.mbox", Self.mbox)
        let result = desk.run(["import", "mbox", path, "--no-org-from-domain", "--org", "Everyone"])
        XCTAssertEqual(result.status, 0, "\(result)")
        let store = try desk.store()
        XCTAssertEqual(try store.organisations().map(\.name), ["Everyone"])
        XCTAssertEqual(try store.users().map(\.handle), ["alice", "bob"])
    }

    func testImportJSONWithAMapping() throws {
        let desk = try makeWorld()
        let lines = [
            #"{"session_id": "s1", "company": "Brand", "turns": [{"role": "customer", "author": "zed", "datetime": "2024-02-29T09:00:00Z", "text": "help"}, {"role": "agent", "author": "Brand", "datetime": "2024-02-29T09:05:00Z", "text": "sure"}]}"#,
        ]
        let path = try desk.write("c.jsonl", lines.joined(separator: "\n"))
        let result = desk.run(["import", "json", path, "--map", "product=company", "--now", "2024-03-01T00:00:00Z"], user: "root")
        XCTAssertEqual(result.status, 0, "\(result)")
        let ticket = try desk.ticket(1, as: "root")
        XCTAssertEqual(ticket.product, "Brand")
        XCTAssertEqual(ticket.subject, "help")
        XCTAssertEqual(ticket.status, "pending")
        XCTAssertEqual(ticket.contact, "portal")
        XCTAssertEqual(ticket.history, ["reply brand: sure"])
    }

    func testJSONTimesOutOfRangeAreWarnedAboutNotATrap() throws {
        let desk = try makeWorld()
        func turns(_ first: String, _ second: String) -> String {
            #"[{"role": "customer", "author": "zed", "text": "help"\#(first)}, {"role": "agent", "author": "Brand", "text": "sure"\#(second)}]"#
        }
        let lines = [
            #"{"id": "good", "subject": "Good one", "turns": \#(turns(#", "time": "2024-02-29T09:00:00Z""#, #", "time": "2024-02-29T09:05:00Z""#))}"#,
            #"{"id": "huge", "subject": "Huge time", "turns": \#(turns(#", "time": "2024-02-29T10:00:00Z""#, #", "time": 1e300"#))}"#,
            #"{"id": "negative", "subject": "Only bad times", "turns": \#(turns(#", "time": -1e300"#, ""))}"#,
            #"{"id": "start", "subject": "Bad start", "started": 1e300, "turns": \#(turns("", #", "time": "2024-02-29T11:00:00Z""#))}"#,
            #"{"id": "long", "subject": "Long duration", "started": "2024-02-29T12:00:00Z", "duration": "1:99999999999999999999:00", "turns": \#(turns("", ""))}"#,
            #"{"id": "last", "subject": "Last good one", "turns": \#(turns(#", "time": "2024-02-29T13:00:00Z""#, ""))}"#,
        ]
        let path = try desk.write("times.jsonl", lines.joined(separator: "\n") + "\n")
        let offsets = lines.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count + 1) }
        let result = desk.run(["import", "json", path, "--format", "json", "--now", "2024-03-01T00:00:00Z"], user: "root")
        XCTAssertEqual(result.status, 0, "\(result)")
        let summary = try JSONDecoder().decode(ImportSummary.self, from: result.stdoutData)
        XCTAssertEqual(summary.tickets, 5)
        XCTAssertEqual(summary.messages, 10)
        XCTAssertEqual(summary.skipped, [ImportProblem(file: path, offset: offsets[2], reason: "line 3: no turn has a time")])
        XCTAssertEqual(summary.warnings.map(\.offset), [offsets[1], offsets[3], offsets[4]])
        let reasons = summary.warnings.map(\.reason)
        XCTAssertTrue(reasons[0].hasPrefix("line 2: turn 2 has the time 1e+300"), reasons[0])
        XCTAssertTrue(reasons[1].hasPrefix("line 4: started 1e+300"), reasons[1])
        XCTAssertTrue(reasons[2].hasPrefix("line 5: the duration 1:99999999999999999999:00"), reasons[2])

        let subjects = try (1...5).map { number in try desk.ticket(Int64(number), as: "root").subject }
        XCTAssertEqual(subjects, ["Good one", "Huge time", "Bad start", "Long duration", "Last good one"])
        let huge = try desk.ticket(2, as: "root")
        XCTAssertEqual(huge.messages.last?.created, huge.created, "the reply without a usable time is dated like the turn before it")

        // The text summary lists the same warnings (a second desk: a re-import adds nothing to warn about).
        let text = try makeWorld().run(["import", "json", path], user: "root")
        XCTAssertEqual(text.status, 0, "\(text)")
        XCTAssertTrue(text.lines.contains { $0.hasPrefix("warning: \(path) at byte \(offsets[1]): line 2: turn 2 has the time 1e+300") }, "\(text)")
    }

    func testTheIBMFileImportsAsItIs() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/ibm-twitter-care/threads_dev_test.jsonl").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: data) else {
            throw XCTSkip("The shared test data is absent (\(data)); this test reads ../shared/data next to the project")
        }
        let desk = try makeWorld()
        let result = desk.run(["import", "json", data, "--format", "json"], user: "root")
        XCTAssertEqual(result.status, 0, "\(result.stderr)")
        let summary = try JSONDecoder().decode(ImportSummary.self, from: result.stdoutData)
        XCTAssertEqual(summary.tickets, 1025)
        XCTAssertEqual(summary.messages, 2350)
        XCTAssertEqual(summary.skipped, [])
        XCTAssertEqual(try desk.list(["--view", "all", "--limit", "2000"], as: "root").total, 1025)
    }

    func testExportMboxKeepsTheThreadAndReimportsIntoAnotherDesk() throws {
        let desk = try makeWorld()
        let path = try desk.write("support.mbox", Self.mbox)
        XCTAssertEqual(desk.run(["import", "mbox", path, "--agent-domain", "desk.example"], user: "root").status, 0)
        let exported = desk.run(["export", "mbox", "1"], user: "bob")
        XCTAssertEqual(exported.status, 0, "\(exported)")
        let text = exported.stdout
        XCTAssertTrue(text.hasPrefix("From alice@acme.example Mon Feb 26 09:00:00 2024\nFrom: \"Alice Martin\" <alice@acme.example>\n"), text)
        XCTAssertTrue(text.contains("Message-ID: <q2@acme.example>\nIn-Reply-To: <a1@desk.example>\nReferences: <q1@acme.example>\n <a1@desk.example>\n"), text)
        XCTAssertTrue(text.contains("\n>From the manual: it should work.\n"), "mboxrd quoting: \(text)")
        let file = desk.file("out.mbox").path
        assertSucceeded(desk.run(["export", "mbox", "#1", "-o", file], user: "bob"), "")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), exported.stdoutData)
        assertRefused(desk.run(["export", "mbox", "1", "--internal"], user: "ann"), "Not allowed: only agents export internal notes")
        assertRefused(desk.run(["export", "mbox", "1"], user: "olga"), "Ticket #1 not found")

        let other = try makeWorld()
        let back = other.run(["import", "mbox", file, "--agent-domain", "desk.example"], user: "root")
        XCTAssertEqual(back.status, 0, "\(back)")
        XCTAssertEqual(try other.ticket(1, as: "root").history, try desk.ticket(1, as: "root").history)
    }
}
