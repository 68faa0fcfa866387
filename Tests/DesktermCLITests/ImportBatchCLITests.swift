import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// An import's batches (`--no-bulk`), end to end on either backend: where a batch ends changes
/// nothing in the desk, and an import killed between batches keeps whole batches only, so
/// running it again adds exactly the rest. `doctor` passes on every desk the import leaves.
final class ImportBatchCLITests: XCTestCase {
    /// Ticket 900's rows come back after ticket 901's, with an answer to the later row: with one
    /// thread per batch they reach the ticket through the desk (its first batch is committed),
    /// in one batch through what the batch itself wrote. Both give the same desk.
    func testATicketWhoseRowsReturnInALaterBatchGetsTheSameHistoryAsInOneBatch() throws {
        let text = "Ticket,Subject,Body,Answer,From,Role,Date\n"
            + "900,VPN down,The VPN refuses my password.,,olga@other.example,customer,2024-02-20 10:00\n"
            + "900,VPN down,Please try again now.,,bob@desk.example,agent,2024-02-20 11:00\n"
            + "901,Invoice,Where is my invoice?,It is on your account page.,fred@free.example,customer,2024-02-21 08:00\n"
            + "900,VPN down,Still refused.,I reset it for you.,olga@other.example,customer,2024-02-22 09:00\n"
            + "902,Login,Cannot log in.,,ann@acme.example,customer,2024-02-23 08:00\n"
        var tickets: [[TicketJSON]] = []
        for batchSize in ["1", "10000"] {
            let desk = try makeWorld()
            let path = try desk.write("rows.csv", text)
            let arguments = ["import", "csv", path, "--map", "ticket=Ticket", "--map", "subject=Subject", "--map", "body=Body",
                             "--map", "answer=Answer", "--map", "author=From", "--map", "role=Role", "--map", "created=Date",
                             "--no-bulk", "--batch-size", batchSize, "--format", "json", "--now", "2024-02-24T00:00:00Z"]
            let first = try importSummary(desk.run(arguments, user: "root"))
            XCTAssertEqual([first.tickets, first.messages, first.alreadyPresent], [3, 7, 0], "--batch-size \(batchSize)")
            let vpn = try desk.ticket(1, as: "bob")
            XCTAssertEqual(vpn.description, "The VPN refuses my password.")
            XCTAssertEqual(vpn.history, [
                "reply bob: Please try again now.", "reply olga: Still refused.", "reply unknown-agent: I reset it for you.",
            ], "--batch-size \(batchSize)")
            XCTAssertEqual(vpn.messages.map(\.inReplyTo), [nil, nil, vpn.messages[1].id], "the answer answers its row; --batch-size \(batchSize)")
            XCTAssertEqual(vpn.status, "pending", "an agent wrote last; --batch-size \(batchSize)")
            XCTAssertEqual(vpn.assignee, "bob", "the first agent to answer; --batch-size \(batchSize)")
            let invoice = try desk.ticket(2, as: "bob")
            XCTAssertEqual(invoice.history, ["reply unknown-agent: It is on your account page."])
            XCTAssertEqual(invoice.messages.map(\.inReplyTo), [nil], "an answer to the description answers no message")
            XCTAssertEqual(invoice.status, "pending")
            XCTAssertEqual(try desk.ticket(3, as: "bob").status, "new", "no agent answered")
            let again = try importSummary(desk.run(arguments, user: "root"))
            XCTAssertEqual([again.tickets, again.messages, again.alreadyPresent], [0, 0, 7], "--batch-size \(batchSize)")
            assertDoctorPasses(desk)
            tickets.append(try (Int64(1)...3).map { try desk.ticket($0, as: "bob") })
        }
        XCTAssertEqual(tickets[0], tickets[1])
    }

    /// `kill -9` while an import writes: the desk holds whole batches (no ticket without its
    /// counters, index rows or clock), and the same command run again adds the rest, once.
    func testAnImportKilledMidwayKeepsWholeBatchesAndRunningItAgainAddsOnlyTheRest() throws {
        let desk = try makeWorld()
        let rows = 4_000, batch = 20
        var text = "subject,body,priority\n"
        for index in 1...rows { text += "Printer \(index) offline,Floor \(index % 7) printer shows error \(index).,\(["low", "high"][index % 2])\n" }
        let path = try desk.write("big.csv", text)
        let arguments = ["import", "csv", path, "--map", "subject=subject", "--map", "body=body", "--map", "priority=priority",
                         "--no-bulk", "--batch-size", String(batch), "--format", "json", "--now", "2024-02-24T00:00:00Z"]

        let process = Process()
        process.executableURL = desk.binary
        process.arguments = ["--db", desk.path, "--user", "root"] + arguments
        process.environment = desk.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, try total(desk) == 0 { usleep(20_000) }
        XCTAssertTrue(process.isRunning, "the import ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let kept = try total(desk)
        XCTAssertGreaterThan(kept, 0)
        XCTAssertLessThan(kept, rows)
        XCTAssertEqual(kept % batch, 0, "whole batches of \(batch) one-message tickets only: \(kept)")
        assertDoctorPasses(desk)

        let rest = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual(rest.tickets, rows - kept)
        XCTAssertEqual(rest.alreadyPresent, kept)
        XCTAssertEqual(rest.skipped, [])
        XCTAssertEqual(try total(desk), rows)
        let numbers = try desk.list(["--view", "all", "--limit", "5000"], as: "bob").tickets.map(\.number)
        XCTAssertEqual(Set(numbers), Set(1...Int64(rows)), "every row once, numbered without gaps")
        assertDoctorPasses(desk)
        let search = desk.run(["search", "shows error \(rows)", "--format", "json"], user: "bob")
        XCTAssertEqual(search.status, 0, "\(search)")
        XCTAssertTrue(search.stdout.contains("Printer \(rows) offline"), "the last batch is in the word index: \(search)")

        let again = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual([again.tickets, again.alreadyPresent], [0, rows])
    }

    /// Every ticket of the desk, as agents count them (the stored counters `list` reads).
    private func total(_ desk: TempDesk) throws -> Int {
        let list = desk.run(["list", "--view", "all", "--limit", "1", "--format", "json"], user: "bob")
        XCTAssertEqual(list.status, 0, "\(list)")
        return try JSONDecoder.desk.decode(TicketListJSON.self, from: list.stdoutData).total ?? -1
    }
}
