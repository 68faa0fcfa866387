import Foundation
import XCTest

@testable import DeskModel

/// Imported tickets get their service-level clock as tickets filed by hand do: from their
/// creation, with their organisation's tier and the desk's calendar; a first response given
/// in the imported history is met, one waiting on the customer is stopped, a closed one has
/// none. On every backend.
final class ImportServiceClockTests: XCTestCase {
    var directory: URL!
    var store: Desk!
    /// Friday 2024-03-01 09:00 UTC.
    let now = Date(timeIntervalSince1970: 1_709_283_600)

    override func setUpWithError() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-import-clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try TestBackend.newDesk(in: directory).open(clock: .fixed(now), create: true)
        _ = try store.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
    }

    override func tearDownWithError() throws {
        store = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func utc(_ text: String) -> Date { ServiceLevelRulesTests.utc(text) }

    func message(_ from: String, _ subject: String, _ date: String, id: String, replyTo: String? = nil) -> String {
        """
        From x Thu Feb 29 09:00:00 2024
        From: \(from)
        Subject: \(subject)
        Date: \(date)
        Message-ID: <\(id)>
        \(replyTo.map { "In-Reply-To: <\($0)>\n" } ?? "")
        text of \(id)

        """
    }

    func importText(_ text: String, name: String) throws {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        var options = ImportOptions(agentDomains: ["desk.example"], now: now)
        options.organisationTier = .premium
        options.closeAfterDays = 14
        _ = try DeskImport.mbox([url.path], into: store, options: options)
    }

    func detail(_ subject: String) throws -> TicketDetail {
        let admin = try store.viewer(handle: "root")
        let rows = try store.page(PageRequest(view: .all, limit: 100), viewer: admin).rows
        let number = try XCTUnwrap(rows.first { $0.subject == subject }?.number, subject)
        return try store.detail(number: number, viewer: admin)
    }

    func testImportedTicketsStartTheirClocksFromTheirCreation() throws {
        try importText([
            // Premium none: 8 h to the first reply, 80 h to resolve, from Thursday 09:00.
            message("c@cust.example", "Unanswered", "Thu, 29 Feb 2024 09:00:00 +0000", id: "u1"),
            message("c@cust.example", "Answered", "Thu, 29 Feb 2024 09:00:00 +0000", id: "a1"),
            message("agent@desk.example", "Re: Answered", "Thu, 29 Feb 2024 10:00:00 +0000", id: "a2", replyTo: "a1"),
            message("c@cust.example", "Re: Answered", "Thu, 29 Feb 2024 11:00:00 +0000", id: "a3", replyTo: "a2"),
            // From Thursday 1 February, the agent wrote last: waiting on the customer.
            message("c@cust.example", "Waiting", "Thu, 1 Feb 2024 09:00:00 +0000", id: "w1"),
            message("agent@desk.example", "Re: Waiting", "Thu, 29 Feb 2024 10:00:00 +0000", id: "w2", replyTo: "w1"),
            // Nothing for more than 14 days: closed.
            message("c@cust.example", "Old", "Thu, 1 Feb 2024 09:00:00 +0000", id: "o1"),
        ].joined(), name: "first.mbox")

        let unanswered = try detail("Unanswered")
        XCTAssertEqual(unanswered.ticket.status, .new)
        XCTAssertEqual(unanswered.organisation?.tier, .premium)
        XCTAssertEqual(unanswered.due, TicketDue(firstResponseDue: utc("2024-02-29T17:00"), resolutionDue: utc("2024-03-13T17:00")))
        XCTAssertEqual(unanswered.ticket.triageKey, Triage.key(
            createdAt: utc("2024-02-29T09:00"), urgency: .none, tier: .premium, due: try XCTUnwrap(unanswered.due)))
        // Already breached on arrival: the breach counts see it.
        XCTAssertEqual(try store.dueCounts(viewer: try store.viewer(handle: "root"), mine: false).breached, 1)

        let answered = try detail("Answered")
        XCTAssertEqual(answered.ticket.status, .open)
        XCTAssertEqual(answered.due, TicketDue(resolutionDue: utc("2024-03-13T17:00")))

        // Due Wednesday 14 February 17:00; stopped now, 11 working days (88 h) late.
        let waiting = try detail("Waiting")
        XCTAssertEqual(waiting.ticket.status, .pending)
        XCTAssertEqual(waiting.due, TicketDue(resolutionLeft: -88 * 60))

        let old = try detail("Old")
        XCTAssertEqual(old.ticket.status, .closed)
        XCTAssertEqual(old.due, TicketDue.none)
        XCTAssertEqual(old.ticket.triageKey, Triage.key(createdAt: utc("2024-02-01T09:00"), urgency: .none, tier: .premium))

        // A later import answers the unanswered one: first response met, waiting on the customer.
        try importText(
            message("agent@desk.example", "Re: Unanswered", "Fri, 1 Mar 2024 08:00:00 +0000", id: "u2", replyTo: "u1"),
            name: "second.mbox")
        let followed = try detail("Unanswered")
        XCTAssertEqual(followed.ticket.status, .pending)
        XCTAssertEqual(followed.due, TicketDue(resolutionLeft: 72 * 60), "8 of the 80 working hours were used, Thursday")
    }
}
