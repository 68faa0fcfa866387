import DeskPostgres
import Foundation
import GRDB
import XCTest

/// A copy into PostgreSQL commits its rows on several connections and builds the indexes
/// after them, so the desk exists before it is complete: while a copy runs, or after one was
/// killed, every command refuses the desk, and the next copy replaces it. A copy that fails
/// puts the database back as it found it. The tests skip without a server.
final class CopyInterruptionCLITests: CLITestCase {
    static let refusal = "is still being copied (or its copy was stopped midway)"

    private func isMarked(_ db: PostgresConnection) throws -> Bool {
        try db.query("SELECT to_regclass('desk_copy_in_progress') IS NOT NULL")[0].decode(Bool.self, at: 0)
    }

    private func tableCount(_ db: PostgresConnection) throws -> Int64 {
        try db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0].decode(Int64.self, at: 0)
    }

    func testAKilledCopyIsRefusedByEveryCommandUntilTheNextCopyReplacesIt() throws {
        let postgres = try ScratchPostgresDatabase()
        let desk = try TempDesk()
        XCTAssertEqual(desk.run(["demo", "--tickets", "3000", "--seed", "4"]).status, 0)

        let copying = Process()
        copying.executableURL = desk.binary
        copying.arguments = ["copy", "--from", desk.path, "--to", postgres.address, "--quiet"]
        copying.environment = desk.environment()
        copying.standardOutput = FileHandle.nullDevice
        copying.standardError = FileHandle.nullDevice
        try copying.run()
        let db = try postgres.connect()
        let deadline = Date().addingTimeInterval(60)
        while try !isMarked(db) && copying.isRunning && Date() < deadline { usleep(2_000) }
        kill(copying.processIdentifier, SIGKILL)
        copying.waitUntilExit()
        XCTAssertTrue(try isMarked(db), "the copy was killed while it was filling the desk (a larger demo desk would give more time)")

        for arguments in [["--user", "alice", "list"], ["--user", "alice", "show", "1"], ["--user", "alice", "search", "invoice"], ["init", "--admin", "sam"]] {
            let refused = desk.runRaw(["--db", postgres.address] + arguments)
            XCTAssertEqual(refused.status, 1, "\(arguments): \(refused)")
            XCTAssertTrue(refused.stderr.contains(Self.refusal), "\(arguments): \(refused.stderr)")
        }
        let copiedBack = desk.runRaw(["copy", "--from", postgres.address, "--to", desk.file("back.sqlite").path, "--quiet"])
        XCTAssertEqual(copiedBack.status, 1, "\(copiedBack)")
        XCTAssertTrue(copiedBack.stderr.contains(Self.refusal), copiedBack.stderr)

        let again = desk.runRaw(["copy", "--from", desk.path, "--to", postgres.address, "--quiet"])
        XCTAssertEqual(again.status, 0, "the next copy replaces the unfinished desk: \(again)")
        XCTAssertFalse(try isMarked(db))
        XCTAssertEqual(desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", postgres.address, "--quiet"]).status, 0)
        let listed = desk.runRaw(["--db", postgres.address, "--user", "alice", "list", "--view", "all"])
        XCTAssertEqual(listed.status, 0, "\(listed)")
        XCTAssertEqual(listed.stdout, desk.run(["list", "--view", "all"], user: "alice").stdout)
        // Every index and key the load went without is back, and the triggers are on again.
        let indexes = try db.query("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('message_search_words', 'message_cjk_grams', 'ticket_cjk_grams', 'message_ticket')")
        XCTAssertEqual(try indexes[0].decode(Int64.self, at: 0), 4)
        XCTAssertEqual(try db.query("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'message%' AND contype = 'f' AND convalidated")[0].decode(Int64.self, at: 0) > 0, true)
        XCTAssertEqual(try db.query("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'ticket'::regclass AND NOT tgisinternal AND tgenabled = 'D'")[0].decode(Int64.self, at: 0), 0)
        let created = desk.runRaw(["--db", postgres.address, "--user", "alice", "new", "--subject", "After the copy", "--requester", "meg"], stdin: "body")
        XCTAssertEqual(created.stdout, "Created ticket #3001\n", "\(created)")
    }

    /// A copy that fails after its first rows went in (a ticket's time that is not a whole
    /// number of seconds stops it) into an empty database leaves it empty, so `init` or
    /// another copy can use it.
    func testAFailedCopyIntoAnEmptyDatabaseLeavesItEmpty() throws {
        let postgres = try ScratchPostgresDatabase()
        let desk = try TempDesk()
        XCTAssertEqual(desk.run(["demo", "--tickets", "40", "--seed", "4"]).status, 0)
        let queue = try DatabaseQueue(path: desk.path)
        try queue.write { db in try db.execute(sql: "UPDATE ticket SET updated_at = updated_at + 0.5 WHERE number = 40") }
        try queue.close()

        let failed = desk.runRaw(["copy", "--from", desk.path, "--to", postgres.address, "--quiet"])
        XCTAssertEqual(failed.status, 1, "\(failed)")
        XCTAssertTrue(failed.stderr.contains("ticket.updated_at"), failed.stderr)
        let db = try postgres.connect()
        XCTAssertEqual(try tableCount(db), 0, "no table of the desk is left")
        XCTAssertEqual(try db.query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'deskterm\\_%'")[0].decode(Int64.self, at: 0), 0)
        XCTAssertEqual(desk.runRaw(["--db", postgres.address, "init", "--admin", "sam"]).status, 0, "the database is a new one again")
    }

    /// The state a copy killed while validating the foreign keys leaves: keys added `NOT VALID`
    /// (and rows in). The next copy drops them, loads again and ends with every key validated.
    func testACopyKilledWhileValidatingKeysIsReplacedWithEveryKeyValidated() throws {
        let postgres = try ScratchPostgresDatabase()
        let desk = try TempDesk()
        XCTAssertEqual(desk.run(["demo", "--tickets", "40", "--seed", "4"]).status, 0)
        XCTAssertEqual(desk.runRaw(["copy", "--from", desk.path, "--to", postgres.address, "--quiet"]).status, 0)
        let db = try postgres.connect()
        let key = try db.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'message_ticket_id_fkey'")[0].decode(String.self, at: 0)
        try db.executeScript("""
            CREATE TABLE desk_copy_in_progress (kind text NOT NULL, name text NOT NULL, table_name text NOT NULL, definition text NOT NULL);
            ALTER TABLE message DROP CONSTRAINT message_ticket_id_fkey;
            ALTER TABLE message ADD CONSTRAINT message_ticket_id_fkey \(key) NOT VALID;
            """)
        let refused = desk.runRaw(["--db", postgres.address, "--user", "alice", "list"])
        XCTAssertTrue(refused.stderr.contains(Self.refusal), refused.stderr)

        let again = desk.runRaw(["copy", "--from", desk.path, "--to", postgres.address, "--quiet"])
        XCTAssertEqual(again.status, 0, "\(again)")
        XCTAssertFalse(try isMarked(db))
        let keys = try db.query("SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'message'::regclass AND contype = 'f' ORDER BY conname")
        XCTAssertTrue(try keys.contains { try $0.decode(String.self, at: 0) == "message_ticket_id_fkey" && $0.decode(String.self, at: 2) == key })
        XCTAssertTrue(try keys.allSatisfy { try $0.decode(Bool.self, at: 1) }, "every key validated")
        XCTAssertEqual(desk.runRaw(["copy", "--verify-only", "--from", desk.path, "--to", postgres.address, "--quiet"]).status, 0)
    }
}
