import DeskModel
import Foundation
import XCTest

/// `deskterm import csv`, end to end, on either backend.
final class ImportCSVCLITests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv")

    func testTheMultilingualPresetImportsTheCheckedInSampleOnceAndOnlyOnce() throws {
        let desk = try makeWorld()
        let path = Self.fixtures.appendingPathComponent("multilingual-tickets-sample.csv").path
        let arguments = ["import", "csv", path, "--preset", "multilingual-tickets", "--now", "2024-03-01T09:00:00Z"]
        let first = desk.run(arguments, user: "root")
        XCTAssertEqual(first.status, 0, "\(first)")
        XCTAssertEqual(first.lines[0], "Imported multilingual-tickets-sample.csv: 4 tickets, 8 messages, 2 users, 1 organisation, 0 attachments")
        XCTAssertTrue(first.lines[1].hasPrefix("Read 4 messages in "), first.lines[1])
        XCTAssertTrue(first.lines[1].hasSuffix("0 already in the desk, 0 duplicates in the input, 0 skipped, 0 warnings"), first.lines[1])

        let printer = try desk.ticket(1, as: "bob")
        XCTAssertEqual(printer.subject, "Imprimante hors ligne")
        XCTAssertEqual(printer.description, "Bonjour,\n\nl'imprimante du deuxième étage est hors ligne depuis ce matin.\n\nCordialement")
        XCTAssertEqual(printer.kind, "incident")
        XCTAssertEqual(printer.product, "Technical Support")
        XCTAssertEqual(printer.category, "Incident")
        XCTAssertEqual(printer.subcategory, "Printer, Outage")
        XCTAssertEqual(printer.urgency, "serious")
        XCTAssertEqual(printer.status, "pending", "an agent answered last, within --closed-after")
        XCTAssertEqual(printer.messages.count, 1)
        XCTAssertTrue(printer.history[0].hasPrefix("reply "), "\(printer.history)")
        XCTAssertTrue(printer.history[0].hasSuffix("nous avons redémarré le serveur d'impression ; merci de réessayer."), "\(printer.history)")

        let warranty = try desk.ticket(3, as: "bob")
        XCTAssertEqual(warranty.subject, "¿Podrían decirme si el modelo \"X200\" tiene garantía de dos años?", "no subject: the body's first line")
        XCTAssertEqual(warranty.urgency, "none")
        XCTAssertEqual(try desk.ticket(2, as: "bob").urgency, "low")
        let vpn = try desk.ticket(4, as: "bob")
        XCTAssertEqual(vpn.kind, "serviceRequest")
        XCTAssertEqual(vpn.urgency, "critical")
        XCTAssertEqual(vpn.subcategory, "VPN, Network, Change Request")

        let again = try importSummary(desk.run(arguments + ["--format", "json"], user: "root"))
        XCTAssertEqual(again.tickets, 0)
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.alreadyPresent, 8)
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob").count, 4)
    }

    func testBadRowsAreSkippedWithTheirLineAndTheRestImports() throws {
        let desk = try makeWorld()
        let text = "id,subject,body,requester,email,priority,created\n"
            + "T-1,Printer,\"Line one\nline two\",Ann Acme,ann@acme.example,urgent,2024-02-26 09:00\n"
            + "T-2,Short row,only three\n"
            + "T-3,Broken \"quote,body,Zoe,zoe@zed.example,low,2024-02-27\n"
            + "T-4,Fine,All good,Zoe,zoe@zed.example,whenever,yesterday\n"
            + "T-1,Printer,\"Line one\nline two\",Ann Acme,ann@acme.example,urgent,2024-02-26 09:00\n"
            + "T-5,\"never closed,x,y,z,w\n"
        let path = try desk.write("export.csv", text)
        let result = try importSummary(desk.run(["import", "csv", path, "--map", "id=id", "--map", "subject=subject", "--map", "body=body",
                                           "--map", "requester=requester", "--map", "requester-email=email", "--map", "priority=priority",
                                           "--map", "created=created", "--format", "json", "--now", "2024-03-01T00:00:00Z"], user: "root"))
        XCTAssertEqual(result.tickets, 2)
        XCTAssertEqual(result.duplicates, 1)
        XCTAssertEqual(result.read, 6)
        let offsets = text.utf8.enumerated().filter { $0.element == 10 }.map { $0.offset + 1 }
        XCTAssertEqual(result.skipped, [
            ImportProblem(file: path, offset: offsets[2], reason: "line 4 has 3 fields; the header has 7"),
            ImportProblem(file: path, offset: offsets[3], reason: "line 5: a quote inside a field that does not start with one"),
            ImportProblem(file: path, offset: offsets[7], reason: "line 9: the quoted field that starts on line 9 is never closed"),
        ])
        XCTAssertEqual(result.warnings.map(\.reason), [
            "line 6: the created date 'yesterday' cannot be read; it is left out; line 6: the urgency 'whenever' is not known (--value urgency:VALUE=…); it is left out",
        ])
        let printer = try desk.ticket(1, as: "bob")
        XCTAssertEqual(printer.requester, "ann", "found again by address")
        XCTAssertEqual(printer.urgency, "critical")
        XCTAssertEqual(printer.description, "Line one\nline two")
        XCTAssertEqual(printer.status, "new")
        let fine = try desk.ticket(2, as: "bob")
        XCTAssertEqual(fine.organisation, "zed.example")
        XCTAssertEqual(ISO8601DateFormatter().string(from: fine.created), "2024-03-01T00:00:00Z", "an unreadable date: the import's now")
    }

    func testRowsPerMessageGroupIntoTicketsWithRolesStatusesAndValueOverrides() throws {
        let desk = try makeWorld()
        let text = "Ticket;Subject;Body;From;Role;State;Priority;Date;Updated\n"
            + "900;VPN down;The VPN refuses my password.;olga@other.example;customer;open;3 normal;2024-02-20 10:00;\n"
            + "901;Invoice;Where is my invoice?;fred@free.example;customer;new;2 low;2024-02-21 08:00;\n"
            + "900;VPN down;Thanks, it works.;olga@other.example;customer;closed successful;3 normal;2024-02-20 11:30;2024-02-22 09:00\n"
            + "900;VPN down;Please try again now.;bob@desk.example;agent;open;3 normal;2024-02-20 11:00;\n"
        let path = try desk.write("otrs.csv", text)
        let arguments = ["import", "csv", path, "--delimiter", ";", "--map", "ticket=Ticket", "--map", "subject=Subject", "--map", "body=Body",
                         "--map", "author=From", "--map", "role=Role", "--map", "status=State", "--map", "priority=Priority",
                         "--map", "created=Date", "--map", "updated=Updated", "--value", "urgency:3 normal=serious", "--format", "json",
                         "--now", "2024-02-23T00:00:00Z"]
        let first = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual(first.tickets, 2, "the later rows of ticket 900 join the ticket its first row opened")
        XCTAssertEqual(first.messages, 4)
        XCTAssertEqual(first.skipped, [])
        let vpn = try desk.ticket(1, as: "bob")
        XCTAssertEqual(vpn.subject, "VPN down")
        XCTAssertEqual(vpn.requester, "olga")
        XCTAssertEqual(vpn.urgency, "serious", "--value urgency:3 normal=serious")
        XCTAssertEqual(vpn.description, "The VPN refuses my password.")
        XCTAssertEqual(vpn.history, ["reply bob: Please try again now.", "reply olga: Thanks, it works."], "by date within a run of rows")
        XCTAssertEqual(vpn.status, "closed", "the status of the ticket's latest row")
        XCTAssertEqual(ISO8601DateFormatter().string(from: vpn.updated), "2024-02-22T09:00:00Z")
        let invoice = try desk.ticket(2, as: "bob")
        XCTAssertEqual(invoice.urgency, "none")
        XCTAssertEqual(invoice.requester, "fred")

        let again = try importSummary(desk.run(arguments, user: "root"))
        XCTAssertEqual(again.tickets, 0)
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.alreadyPresent, 4)
    }

    func testTheRowLanguageIsTheLanguageOfTheRequestersItCreates() throws {
        let desk = try makeWorld()
        let path = try desk.write("people.csv", "subject,body,name,email,lang\nHi,Text,Zoe Zed,zoe@zed.example,de-DE\nHo,Text,Yann Y,yann@y.example,xx\nHa,Text,,,fr\n")
        let result = try importSummary(desk.run(["import", "csv", path, "--map", "subject=subject", "--map", "body=body", "--map", "requester=name",
                                           "--map", "email=email", "--map", "language=lang", "--format", "json"], user: "root"))
        XCTAssertEqual(result.users, 3)
        let users = desk.run(["user", "list", "--format", "json"], user: "root")
        XCTAssertEqual(users.status, 0, "\(users)")
        let listed = try JSONDecoder().decode([[String: String]].self, from: users.stdoutData)
        let languages = Dictionary(uniqueKeysWithValues: listed.map { ($0["name"] ?? "", $0["language"] ?? "") })
        XCTAssertEqual(languages["Zoe Zed"], "de")
        XCTAssertEqual(languages["Yann Y"], "", "a language the desk does not speak is not set")
        XCTAssertEqual(languages["Unknown customer"], "", "the shared unknown customer gets no row's language")
    }

    func testMistakesInTheCommandAreRefusedBeforeTheDeskIsTouched() throws {
        let desk = try makeWorld()
        let path = try desk.write("t.csv", "Subject,Body\nHello,World\n")
        assertRefused(desk.run(["import", "csv", path, "--preset", "jira"], user: "root"),
                      "--preset: unknown export 'jira'; presets: freshdesk, multilingual-tickets, osticket, otrs, zendesk")
        assertRefused(desk.run(["import", "csv", path, "--map", "colour=Subject"], user: "root"),
                      "--map takes TARGET=COLUMN with a target among \(CSVMapping.targets.joined(separator: ", ")), not 'colour=Subject'")
        assertRefused(desk.run(["import", "csv", path, "--map", "requester=Subject"], user: "root"),
                      "Map a column to subject or body (--map body=COLUMN), or choose a --preset")
        assertRefused(desk.run(["import", "csv", path, "--map", "body=Text", "--map", "subject=Subject"], user: "root"),
                      "\(path) has no column named Text")
        let other = try desk.write("other.csv", "Title,Text\nHello,World\n")
        assertRefused(desk.run(["import", "csv", other, "--preset", "zendesk"], user: "root"), "\(other) has no column named Description, Subject")
        assertRefused(desk.run(["import", "csv", path, "--map", "body=Body", "--value", "urgency:high=extreme"], user: "root"),
                      "--value 'urgency:high=extreme': urgency is one of none, low, serious, critical")
        assertRefused(desk.run(["import", "csv", path, "--map", "body=Body", "--delimiter", "ab"], user: "root"),
                      "--delimiter takes one character other than a quote or a line end, not 'ab'")
        assertRefused(desk.run(["import", "csv", path, "--map", "body=Body"], user: "bob"), "Not allowed: only admins manage organisations and users")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [])
        let imported = desk.run(["import", "csv", path, "--preset", "zendesk"], user: "root")
        XCTAssertEqual(imported.status, 0, "\(imported)")
        XCTAssertEqual(imported.lines.first, "Imported t.csv: 1 ticket, 1 message, 1 user, 1 organisation, 0 attachments", "a preset's absent columns are not read")
    }

    func testTheSharedMultilingualSampleImports() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/multilingual-tickets/multi-lang3-4k.prefix.csv").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: data) else {
            throw XCTSkip("The shared test data is absent (\(data)); this test reads ../shared/data next to the project")
        }
        let desk = try makeWorld()
        let result = try importSummary(desk.run(["import", "csv", data, "--preset", "multilingual-tickets", "--format", "json"], user: "root"))
        // 1,167 rows of 17 fields, each a ticket with its answer; 126 have no subject.
        XCTAssertEqual(result.tickets, 1167)
        XCTAssertEqual(result.messages, 2334)
        XCTAssertEqual(result.skipped, [])
        // One subject is longer than the desk's limit; it is shortened, with a warning.
        XCTAssertEqual(result.warnings.map(\.reason), ["the subject is 320 characters long; shortened to the limit of 200"])
        let again = try importSummary(desk.run(["import", "csv", data, "--preset", "multilingual-tickets", "--format", "json"], user: "root"))
        XCTAssertEqual(again.alreadyPresent, 2334)
        XCTAssertEqual(again.tickets, 0)
    }
}
