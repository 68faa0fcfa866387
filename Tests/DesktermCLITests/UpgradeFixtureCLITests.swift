import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Desks made by earlier versions (Tests/Fixtures/desk-vN.sqlite, each made once by the
/// deskterm of an older commit: see Tests/Fixtures/README.md) open with this one, which
/// migrates them, and keep their data; the upgraded desk passes `doctor` (its report's kept
/// aggregates included).
final class UpgradeFixtureCLITests: CLITestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func fixtureNames() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path))?
            .filter { $0.hasPrefix("desk-v") && $0.hasSuffix(".sqlite") }.sorted() ?? []
        XCTAssertFalse(names.isEmpty, "no fixtures in \(Self.fixtures.path)")
        return names
    }

    func testEveryOlderDeskUpgradesWithItsDataAndPassesDoctor() throws {
        for name in try fixtureNames() {
            let desk = try TempDesk(file: name)
            try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path, toPath: desk.path)
            chmod(desk.path, 0o600)

            // Before: a desk this deskterm knows, behind by some migrations, consistent.
            let before = desk.runRaw(["verify", desk.path, "--format", "json"])
            XCTAssertEqual(before.status, 0, "\(name): \(before)")
            let standing = try JSONDecoder().decode(HealthReportJSON.self, from: before.stdoutData).schema
            XCTAssertFalse(standing?.pending.isEmpty ?? true, "\(name) is an older schema")
            XCTAssertEqual(standing?.unknown, [], name)

            // Opening migrates it; the tickets, their statuses, people and history are there.
            let list = try desk.list(["--view", "all"], as: "alice")
            XCTAssertEqual(list.tickets.map(\.number), [3, 2, 1], name)
            XCTAssertEqual(list.tickets.map(\.subject), ["Licence renewal", "署名検証が失敗します", "Imprimante hors ligne"], name)
            XCTAssertEqual(list.tickets.map(\.status), ["closed", "new", "open"], name)
            XCTAssertEqual(list.tickets.map(\.assignee), ["alice", nil, "alice"], name)
            XCTAssertEqual(Set(list.tickets.map(\.requester)), ["camille"], name)
            let first = try desk.ticket(1, as: "alice")
            // Kept as those versions stored it, with the line end `echo` gave.
            XCTAssertEqual(first.description, "L'imprimante du rayon jeunesse n'imprime plus.\n", name)
            XCTAssertEqual(first.messages.filter { $0.kind != "systemEvent" }.map(\.body),
                           ["Avez-vous redémarré l'imprimante ?", "Oui, sans effet.", "Check the spooler logs first."], name)
            XCTAssertEqual(try desk.ticket(1, as: "camille").messages.filter { $0.kind == "internalNote" }.count, 0, name)
            for (words, number) in [("imprimante", 1), ("署名検証", 2), ("renewed", 3)] {
                let found = desk.run(["search", words, "--format", "json"], user: "alice")
                XCTAssertTrue(found.stdout.contains("\"number\" : \(number),"), "\(name) search \(words): \(found)")
            }
            // It keeps working: a new ticket continues the numbers.
            assertSucceeded(desk.run(["new", "--subject", "After the upgrade", "--body-file", "-"], user: "camille", stdin: "New."), "Created ticket #4\n")

            let doctor = desk.run(["doctor", "--format", "json"])
            XCTAssertEqual(doctor.status, 0, "\(name): \(doctor)")
            let after = try JSONDecoder().decode(HealthReportJSON.self, from: doctor.stdoutData)
            XCTAssertEqual(after.schema?.pending, [], name)
            XCTAssertEqual(after.rows["tickets"], 4, name)
            // The report's aggregates were backfilled by `v21-reports` and kept since: they equal a recount.
            XCTAssertTrue(after.checked.contains("reportAggregates"), "\(name): \(after.checked)")
            XCTAssertFalse(after.findings.contains { $0.check == "reportAggregates" }, "\(name): \(doctor.stdout)")
        }
    }
}
