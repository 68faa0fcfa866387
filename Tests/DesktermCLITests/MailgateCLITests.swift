import DeskModel
import Foundation
import XCTest

/// `deskterm mailgate` as an MTA runs it: a mail on standard input, silence and a sysexits
/// status out.
final class MailgateCLITests: XCTestCase {
    func mail(from: String = "ann@acme.example", subject: String, body: String = "Hello.\n", headers: [String] = []) -> Data {
        var lines = [
            "From: \(from)", "To: support@desk.test", "Subject: \(subject)", "Date: Fri, 01 Mar 2024 09:00:00 +0000",
            "Message-ID: <\(UUID().uuidString)@acme.example>",
        ] + headers
        lines.append("")
        return Data((lines.joined(separator: "\n") + "\n" + body).utf8)
    }

    func mailgate(_ desk: TempDesk, _ input: Data, _ extra: [String] = []) -> CLIResult {
        runProcess(desk.binary, ["mailgate", "--desk", desk.path] + extra, stdin: input, environment: desk.environment())
    }

    func testAMailBecomesATicketSilently() throws {
        let desk = try makeWorld()
        let result = mailgate(desk, mail(subject: "Printer on fire", body: "It burns.\n"))
        XCTAssertEqual(result.status, 0, "\(result)")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "")
        let ticket = try desk.ticket(1, as: "ann")
        XCTAssertEqual(ticket.subject, "Printer on fire")

        let reply = mailgate(desk, mail(subject: "Re: [Desk #1] Printer on fire", body: "Still burning.\n"))
        XCTAssertEqual(reply.status, 0, "\(reply)")
        let shown = desk.run(["show", "1"], user: "bob")
        XCTAssertTrue(shown.stdout.contains("Still burning."), "\(shown)")
    }

    func testCommentFromAnAgentIsAnInternalNote() throws {
        let desk = try makeWorld()
        XCTAssertEqual(mailgate(desk, mail(subject: "Printer")).status, 0)
        let note = mailgate(desk, mail(from: "bob@desk.example", subject: "[Desk #1] x", body: "Private remark.\n"), ["--action", "comment"])
        XCTAssertEqual(note.status, 0, "\(note)")
        XCTAssertTrue(desk.run(["show", "1"], user: "bob").stdout.contains("Private remark."))
        XCTAssertFalse(desk.run(["show", "1"], user: "ann").stdout.contains("Private remark."))
    }

    func testNotAMailIsKeptAndRefusedWithDataError() throws {
        let desk = try makeWorld()
        let result = mailgate(desk, Data("just some bytes, no headers\n".utf8))
        XCTAssertEqual(result.status, 65, "\(result)")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(result.stderr.hasPrefix("deskterm mailgate: not a mail that can be stored"))
        XCTAssertEqual(try desk.store().receivedMail(limit: 5, by: nil).first?.raw, Data("just some bytes, no headers\n".utf8))
    }

    func testALockedDeskIsATemporaryFailure() throws {
        guard case .sqlite = try CLIBackend.selected() else { throw XCTSkip("a SQLite desk's write lock") }
        let desk = try makeWorld()
        let holder = try WriteLockHolder(path: desk.path)
        let started = Date()
        let result = mailgate(desk, mail(subject: "While locked"), ["--busy-timeout", "0.5"])
        holder.unlock()
        XCTAssertEqual(result.status, 75, "\(result)")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        // The MTA's retry gets through.
        XCTAssertEqual(mailgate(desk, mail(subject: "While locked")).status, 0)
        XCTAssertEqual(try desk.ticket(1, as: "ann").subject, "While locked")
    }

    func testAMissingDeskIsATemporaryFailure() throws {
        let desk = try makeWorld()
        let result = runProcess(
            desk.binary, ["mailgate", "--desk", desk.file("nowhere/desk.sqlite").path], stdin: mail(subject: "x"),
            environment: desk.environment())
        XCTAssertEqual(result.status, 75, "\(result)")
    }

    func testMailSettingsAndOrganisationDomain() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["mail", "settings", "set", "mail.address", "support@desk.test"], user: "root"), "mail.address set\n")
        assertRefused(desk.run(["mail", "settings", "set", "mail.address", "x"], user: "bob"), "Not allowed: only admins manage the desk's mail")
        let shown = desk.run(["mail", "settings"], user: "root")
        XCTAssertEqual(shown.status, 0, "\(shown)")
        XCTAssertTrue(shown.stdout.contains("mail.address" + String(repeating: " ", count: 11) + "support@desk.test"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("mail.subject_tag" + String(repeating: " ", count: 7) + "Desk"), shown.stdout)
        XCTAssertFalse(shown.stdout.contains("mail.secret"))

        assertSucceeded(desk.run(["org", "set", "Acme Corp", "--mail-domain", "Acme.Example"], user: "root"), "Acme Corp mail domain acme.example\n")
        // An unknown sender of that domain becomes a customer of Acme Corp.
        XCTAssertEqual(mailgate(desk, mail(from: "Newton <newton@acme.example>", subject: "First mail")).status, 0)
        let users = desk.run(["user", "list", "--format", "json"], user: "root")
        XCTAssertTrue(users.stdout.contains("\"newton@acme.example\""), users.stdout)
    }
}
