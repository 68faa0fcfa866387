import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Every way text enters a desk makes its CJK runs searchable: a desk made before the CJK
/// index existed (the migration), the demo generator's bulk load and the importer.
final class CJKIndexPathsTests: XCTestCase {
    var directory: URL!
    let now = Date(timeIntervalSince1970: 1_709_283_600)

    override func setUpWithError() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-cjk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func numbers(_ store: Desk, _ query: String, _ handle: String, limit: Int = 50) throws -> [Int64] {
        try store.search(query, viewer: store.viewer(handle: handle), limit: limit).map(\.number)
    }

    func testTheMigrationIndexesTheTextOfAnExistingDesk() throws {
        let file = path("old.sqlite")
        do {
            let store = try Desk.open(address: file, clock: .fixed(now), create: true)
            _ = try store.addOrganisation(NewOrganisation(name: "Tōkai", plan: .pro, tier: .standard))
            _ = try store.addUser(NewUser(handle: "alice", name: "Alice", email: "a@x", role: .agent))
            _ = try store.addUser(NewUser(handle: "sato", name: "Sato", email: "s@x", role: .customer, organisationName: "Tōkai"))
            let sato = try store.viewer(handle: "sato")
            _ = try store.createTicket(
                NewTicket(subject: "新入社員20名分のアカウント追加のお願い", description: "CSV で一括招待できますか", kind: .serviceRequest),
                by: sato, allowDuplicate: true)
            _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "Webhook の署名検証が失敗します"), by: sato)
            // Back to the schema of a desk made before the CJK index: no tables, no triggers,
            // no record of the migration.
            try store.sqliteStore!.pool.write { db in
                for name in ["ticket_cjk_insert", "ticket_cjk_update", "message_cjk_insert"] {
                    try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
                }
                try db.execute(sql: "DROP TABLE IF EXISTS ticket_cjk")
                try db.execute(sql: "DROP TABLE IF EXISTS message_cjk")
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-cjk-substrings'")
            }
        }
        let store = try Desk.open(address: file, clock: .fixed(now))
        XCTAssertEqual(try numbers(store, "アカウント", "alice"), [1])
        XCTAssertEqual(try numbers(store, "署名検証", "alice"), [1])
        XCTAssertEqual(try numbers(store, "webhook 署名", "alice"), [1])
        XCTAssertEqual(try numbers(store, "一括招待", "alice"), [1])
        XCTAssertEqual(try numbers(store, "アカウント", "sato"), [1])
        try store.sqliteStore!.pool.read { db in
            XCTAssertTrue(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v7-cjk-substrings"))
        }
        // New text keeps being indexed after the migration.
        _ = try store.addMessage(NewMessage(ticketNumber: 1, body: "招待メールを再送しました"), by: store.viewer(handle: "alice"))
        XCTAssertEqual(try numbers(store, "再送", "alice"), [1])
    }

    /// The generator loads rows with the triggers off and builds the indexes at the end: the
    /// agents' search must agree with a plain substring scan of the same rows.
    func testTheDemoGeneratorIndexesCJKText() throws {
        let file = path("bulk.sqlite")
        _ = try BulkDesk.build(path: file, options: BulkDesk.Options(tickets: 400, messagesPerTicket: 4, seed: 7, now: now))
        let store = try Desk.open(address: file, clock: .fixed(now))
        for query in ["アカウント", "署名検証", "請求", "の"] {
            let expected = try store.sqliteStore!.read { db in
                try Int64.fetchAll(db, sql: """
                    SELECT number FROM (
                        SELECT t.id, t.number, MAX(at) AS at FROM ticket t JOIN (
                            SELECT id AS ticket_id, created_at AS at FROM ticket
                            WHERE instr(subject, ?1) > 0 OR instr(description, ?1) > 0
                            UNION ALL
                            SELECT ticket_id, created_at FROM message WHERE instr(body, ?1) > 0
                        ) hit ON hit.ticket_id = t.id GROUP BY t.id)
                    ORDER BY at DESC, id DESC LIMIT 1000
                    """, arguments: [query])
            }
            XCTAssertFalse(expected.isEmpty, query)
            XCTAssertEqual(try numbers(store, query, "alice", limit: 1000), expected, query)
        }
    }

    func testImportedConversationsAreIndexed() throws {
        let store = try Desk.open(address: path("import.sqlite"), clock: .fixed(now), create: true)
        _ = try store.addUser(NewUser(handle: "root", name: "Root", email: "root@desk.example", role: .admin))
        let line = #"{"id": "c1", "subject": "新入社員20名分のアカウント追加のお願い", "requester": "sato", "turns": [{"role": "customer", "author": "sato", "email": "sato@tokai.example", "time": "2024-02-29T09:00:00Z", "text": "CSV で一括招待できますか"}, {"role": "agent", "author": "Bob", "time": "2024-02-29T10:00:00Z", "text": "Webhook の署名検証が失敗します"}]}"#
        let file = path("conv.jsonl")
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let summary = try DeskImport.json([file], into: store, options: ImportOptions(agentDomains: ["desk.example"], now: now))
        XCTAssertEqual(summary.tickets, 1)
        XCTAssertEqual(try numbers(store, "アカウント", "root"), [1])
        XCTAssertEqual(try numbers(store, "一括招待", "root"), [1])
        XCTAssertEqual(try numbers(store, "署名検証", "root"), [1])
        XCTAssertEqual(try numbers(store, "webhook 署名", "root"), [1])
    }
}
