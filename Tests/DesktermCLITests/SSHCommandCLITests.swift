import DeskModel
import Foundation
import XCTest

extension TempDesk {
    /// What sshd runs for a key of HANDLE when the client sends COMMAND: the forced
    /// `deskterm ssh-session --desk <desk> HANDLE`, with the command in SSH_ORIGINAL_COMMAND.
    func ssh(_ command: String, as handle: String, stdin: String? = nil) -> CLIResult {
        var environment = environment()
        environment["SSH_ORIGINAL_COMMAND"] = command
        return runProcess(binary, ["ssh-session", "--desk", path, handle], stdin: stdin.map { Data($0.utf8) }, environment: environment)
    }
}

/// Commands over SSH are the CLI's commands: the same options, limits, defaults, output and
/// refusals, on the session's desk as the key's user, with no way to pick another desk or
/// user and no way to read the server's files.
final class SSHCommandCLITests: XCTestCase {
    /// A refusal of the command itself: exit 2, nothing on stdout, one line on stderr.
    private func assertRefusedOverSSH(_ result: CLIResult, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 2, "\(result)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("deskterm: "), "\(result)", file: file, line: line)
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "one line: \(result)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(text), "\(result)", file: file, line: line)
    }

    /// The same run, as far as the user can tell: status and both streams.
    private func assertSameResult(_ ssh: CLIResult, _ cli: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ssh.status, cli.status, "ssh: \(ssh)\ncli: \(cli)", file: file, line: line)
        XCTAssertEqual(ssh.stdout, cli.stdout, file: file, line: line)
        XCTAssertEqual(ssh.stderr, cli.stderr, file: file, line: line)
    }

    /// The small world with tickets #1 to #4 by ann (Acme) and #5 by olga (Other Ltd).
    private func deskWithTickets() throws -> TempDesk {
        let desk = try makeWorld()
        let tickets = [("ann", "Printer jams"), ("ann", "VPN drops"), ("ann", "Password loop"), ("ann", "Invoice wrong"), ("olga", "Label blank")]
        for (index, (user, subject)) in tickets.enumerated() {
            assertSucceeded(desk.run(["new", "--subject", subject, "--body-file", "-"], user: user, stdin: "\(subject), details."),
                            "Created ticket #\(index + 1)\n")
        }
        return desk
    }

    func testListTakesTheCLIsLimitsAndPagingOverSSH() throws {
        let desk = try deskWithTickets()
        for command in ["list --view all --limit 5000", "list --view all --limit 2 --after 3 --format json", "list --sort updated --oldest-first"] {
            let cli = desk.run(command.split(separator: " ").map(String.init), user: "ann")
            XCTAssertEqual(cli.status, 0, "\(command): \(cli)")
            assertSameResult(desk.ssh(command, as: "ann"), cli)
        }
        let page = try JSONDecoder.desk.decode(TicketListJSON.self, from: desk.ssh("list --view all --limit 2 --after 3 --format json", as: "ann").stdoutData)
        XCTAssertEqual(page.tickets.map(\.number), [2, 1])
        // The same bad limit gets the same answer on both.
        for limit in ["0", "10001"] {
            let cli = desk.run(["list", "--limit", limit], user: "ann")
            assertRefused(cli, "--limit must be between 1 and 10000")
            assertSameResult(desk.ssh("list --limit \(limit)", as: "ann"), cli)
        }
    }

    func testSearchAndWatchingWorkOverSSHAsOnTheCLI() throws {
        let desk = try deskWithTickets()
        for command in ["search printer", "search printer --format json", "search label"] {
            let cli = desk.run(command.split(separator: " ").map(String.init), user: "ann")
            XCTAssertEqual(cli.status, 0, "\(command): \(cli)")
            assertSameResult(desk.ssh(command, as: "ann"), cli)
        }
        assertSucceeded(desk.ssh("watch 1", as: "carl"), "carl watches #1\n")
        XCTAssertEqual(try desk.ticket(1, as: "bob").watchers, ["carl"])
        assertSucceeded(desk.ssh("unwatch 1", as: "carl"), "carl no longer watches #1\n")
        // The store's rule, not the SSH layer, stops a customer managing someone else's watching.
        let cli = desk.run(["watch", "1", "ann"], user: "carl")
        XCTAssertEqual(cli.status, 1, "\(cli)")
        assertSameResult(desk.ssh("watch 1 ann", as: "carl"), cli)
    }

    func testTheDeskAndTheUserCannotBeChosenOverSSH() throws {
        let desk = try deskWithTickets()
        let attempts = [
            ("list --db /etc/passwd", "--db"), ("list --user bob", "--user"), ("show 1 --user=bob", "--user"),
            ("search printer --busy-timeout 3600", "--busy-timeout"), ("new --subject X --db /tmp/other.sqlite", "--db"),
            ("--user bob list", "'--user' is not available over SSH"), ("scp -f /etc/passwd", "'scp' is not available over SSH"),
            ("status 1 closed", "'status' is not available over SSH"), ("ssh-session --desk /tmp/x bob", "'ssh-session' is not available over SSH"),
        ]
        for (command, text) in attempts {
            assertRefusedOverSSH(desk.ssh(command, as: "ann", stdin: "text"), containing: text)
        }
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob").count, 5, "nothing was created")
    }

    func testOverSSHTextComesFromStandardInputNeverFromAServerFile() throws {
        let desk = try deskWithTickets()
        for command in ["new --subject Leak --body-file /etc/passwd", "reply 1 --body-file /etc/passwd", "reply 1 --body-file=/etc/hostname"] {
            assertRefusedOverSSH(desk.ssh(command, as: "ann"), containing: "--body-file")
        }
        XCTAssertEqual(try desk.ticket(1, as: "ann").messages, [])
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob").count, 5)
        // `-` (or nothing) is standard input, as on the CLI; the outputs are the CLI's.
        let cli = desk.run(["reply", "1", "--body-file", "-"], user: "ann", stdin: "From the CLI")
        assertSucceeded(cli, "Reply 1 sent to #1 (open)\n")
        assertSucceeded(desk.ssh("reply 1 --body-file -", as: "ann", stdin: "Over SSH"), "Reply 2 sent to #1 (open)\n")
        assertSucceeded(desk.ssh("reply 2", as: "ann", stdin: "Also over SSH"), "Reply 3 sent to #2 (open)\n")
        assertSucceeded(desk.ssh("new --subject 'Scanner smokes' --urgency serious --subcategory Hardware", as: "ann", stdin: "Smoke."),
                        "Created ticket #6\n")
        let created = try desk.ticket(6, as: "ann")
        XCTAssertEqual([created.subject, created.description, created.urgency, created.subcategory], ["Scanner smokes", "Smoke.", "serious", "Hardware"])
    }

    func testAttachOverSSHReadsTheBytesFromStandardInput() throws {
        let desk = try deskWithTickets()
        let bytes = "line one\nline two\n"
        let result = desk.ssh("attach 1 notes.txt", as: "ann", stdin: bytes)
        XCTAssertEqual(result.status, 0, "\(result)")
        let attachment = try XCTUnwrap(try desk.ticket(1, as: "ann").attachments.first)
        XCTAssertEqual([attachment.name, attachment.mediaType], ["notes.txt", "text/plain"])
        XCTAssertEqual(attachment.size, Int64(bytes.utf8.count))
        XCTAssertEqual(result.stdout, "Attached notes.txt (\(attachment.size) bytes, sha256 \(attachment.sha256)) to #1\n")
        // Over SSH the name is only a name; the CLI's --type works there too.
        assertRefusedOverSSH(desk.ssh("attach 1 ../../etc/passwd", as: "ann", stdin: "x"), containing: "plain file name")
        XCTAssertEqual(desk.ssh("attach 1 data.bin --type text/csv", as: "ann", stdin: "a,b").status, 0)
        XCTAssertEqual(try desk.ticket(1, as: "ann").attachments.map(\.mediaType), ["text/plain", "text/csv"])
    }

    func testTheStoresRulesAnswerTheSameOverSSHAsOnTheCLI() throws {
        let desk = try deskWithTickets()
        // Each is refused by the store for a customer, with the same words on both paths.
        let attempts: [(command: String, words: [String])] = [
            ("reply 1 --internal", ["reply", "1", "--internal", "--body-file", "-"]),
            ("reply 1 --solution", ["reply", "1", "--solution", "--body-file", "-"]),
            ("new --subject Other --requester olga", ["new", "--subject", "Other", "--requester", "olga", "--body-file", "-"]),
            ("show 5", ["show", "5"]),
            ("reply 5", ["reply", "5", "--body-file", "-"]),
        ]
        for attempt in attempts {
            let cli = desk.run(attempt.words, user: "ann", stdin: "Sneaky")
            XCTAssertEqual(cli.status, 1, "\(attempt.command): \(cli)")
            assertSameResult(desk.ssh(attempt.command, as: "ann", stdin: "Sneaky"), cli)
        }
        XCTAssertEqual(try desk.ticket(1, as: "bob").messages, [])
        // An agent's key may do what an agent may.
        assertSucceeded(desk.ssh("reply 1 --internal", as: "bob", stdin: "Between us"), "Note 1 added to #1 (new)\n")
    }

    func testAUsageErrorGetsTheCLIsWordsOnOneLine() throws {
        let desk = try deskWithTickets()
        for (command, words) in [("show abc", ["show", "abc"]), ("list --view nowhere", ["list", "--view", "nowhere"]),
                                 ("reply 1 --ask --solution", ["reply", "1", "--ask", "--solution"]), ("list --bogus", ["list", "--bogus"])] {
            let cli = desk.run(words, user: "ann", stdin: "x")
            XCTAssertEqual(cli.status, 64, "\(command): \(cli)")
            let reason = try XCTUnwrap(cli.stderr.split(separator: "\n").first).replacingOccurrences(of: "Error: ", with: "")
            assertRefusedOverSSH(desk.ssh(command, as: "ann", stdin: "x"), containing: reason)
        }
    }

    func testHelpOverSSHListsExactlyTheCommandsItAllows() throws {
        let desk = try deskWithTickets()
        let help = desk.ssh("help", as: "ann")
        XCTAssertEqual(help.status, 0, "\(help)")
        let commands = help.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertEqual(commands, ["list", "show", "new", "reply", "attach", "download", "search", "watch", "unwatch", "view", "settings", "edit", "kb", "user", "ssh", "audit", "callback", "help"])
        for option in ["--after", "--subcategory", "--in-reply-to", "--type", "--force"] {
            XCTAssertTrue(help.stdout.contains(option), "\(option) in\n\(help.stdout)")
        }
        for option in ["--db", "--user", "--busy-timeout"] {
            XCTAssertFalse(help.stdout.contains(option), "\(option) in\n\(help.stdout)")
        }
        // One command's help, as `COMMAND --help` gives it too.
        let listHelp = desk.ssh("help list", as: "ann")
        XCTAssertEqual(listHelp.status, 0, "\(listHelp)")
        XCTAssertTrue(listHelp.stdout.contains("--oldest-first"), listHelp.stdout)
        XCTAssertEqual(desk.ssh("list --help", as: "ann").stdout, listHelp.stdout)
        assertRefusedOverSSH(desk.ssh("help status", as: "ann"), containing: "'status' is not available over SSH")
    }

    func testTheAuditLogRecordsEachOutcome() throws {
        let desk = try deskWithTickets()
        XCTAssertEqual(desk.ssh("list --limit 5000", as: "ann").status, 0)
        XCTAssertEqual(desk.ssh("list --user bob", as: "ann").status, 2)
        XCTAssertEqual(desk.ssh("show 5", as: "ann").status, 1)
        let audit = desk.run(["audit", "--format", "json"], user: "root")
        XCTAssertEqual(audit.status, 0, "\(audit)")
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: audit.stdoutData) as? [[String: Any]])
        let outcomes = Dictionary(entries.map { ($0["command"] as? String ?? "", $0["outcome"] as? String ?? "") }, uniquingKeysWith: { $1 })
        XCTAssertEqual(outcomes["list --limit 5000"], "ok")
        XCTAssertTrue(outcomes["list --user bob"]?.hasPrefix("refused: ") == true, "\(outcomes)")
        XCTAssertEqual(outcomes["show 5"], "failed: Ticket #5 not found")
    }
}
