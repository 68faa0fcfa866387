import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

final class PostgresMigrationTests: XCTestCase {
    private let stepNames = PostgresSchema.steps.map(\.name)

    private func relations(_ db: PostgresConnection) throws -> [String] {
        try db.query("""
            SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
            ORDER BY c.relname
            """).map { try $0.decode(String.self, column: "name") }
    }

    private func extensions(_ db: PostgresConnection) throws -> [String] {
        try db.query("SELECT extname FROM pg_extension ORDER BY extname").map { try $0.decode(String.self, column: "extname") }
    }

    func testMigratingAnEmptyDatabaseCreatesTheWholeDesk() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connect()

        XCTAssertEqual(try PostgresMigrator.appliedSteps(db), nil, "an empty database holds no desk")
        XCTAssertEqual(try PostgresMigrator.migrate(db), ["pg1-desk", "pg2-full-text", "pg3-ticket-counts", "pg4-change-announcement", "pg5-ticket-numbers", "pg6-message-body-length", "pg7-cjk-grams", "pg8-mail-in", "pg9-mail-out", "pg10-sla", "pg11-kb", "pg12-accounts", "pg13-callback", "pg14-callback-search", "pg15-reports"])
        XCTAssertEqual(try PostgresMigrator.appliedSteps(db), stepNames)

        XCTAssertEqual(try relations(db), [
            "account", "article", "article_id_seq", "attachment", "attachment_id_seq", "audit_log", "audit_log_id_seq", "callback_request", "callback_request_id_seq", "desk_change", "desk_setting", "draft",
            "import_author", "import_source", "import_thread", "mail_outbox", "mail_outbox_id_seq", "mail_preference", "mail_received",
            "mail_received_id_seq", "message", "message_id_seq", "organisation", "organisation_administrator",
            "organisation_id_seq", "recent_view", "report_day", "saved_view", "schema_migration", "schema_migration_position_seq",
            "ticket", "ticket_count", "ticket_id_seq", "ticket_number_counter", "ticket_read", "user", "user_id_seq",
            "user_setting", "watcher",
        ])
        XCTAssertEqual(try extensions(db), ["pg_trgm", "plpgsql", "unaccent"], "the database's owner created the trusted extensions")
        XCTAssertEqual(try db.query(PostgresSchema.changeTokenSQL)[0].decode(Int64.self, at: 0), 0)
        XCTAssertEqual(try DeskRows.counts(db), ["all": 0, "open": 0, "unassignedOpen": 0])
        XCTAssertEqual(try db.query("SELECT last_number FROM ticket_number_counter")[0].decode(Int64.self, at: 0), 0)
    }

    func testMigratingAnUpToDateDeskAppliesNothingAndALaterStepAlone() throws {
        let scratch = try ScratchDatabase(self)
        try PostgresMigrator.migrate(scratch.connect())
        let db = try scratch.connect()
        try DeskRows.user(db, handle: "alice")

        XCTAssertEqual(try PostgresMigrator.migrate(db), [])
        XCTAssertEqual(try PostgresMigrator.migrate(scratch.connect()), [])
        XCTAssertEqual(try PostgresMigrator.appliedSteps(db), stepNames)

        let later = PostgresMigrationStep(name: "pg-test-later", sql: "CREATE TABLE later_probe (id bigint PRIMARY KEY)")
        XCTAssertEqual(try PostgresMigrator.migrate(db, steps: PostgresSchema.steps + [later]), ["pg-test-later"])
        XCTAssertEqual(try PostgresMigrator.appliedSteps(db), stepNames + ["pg-test-later"])
        XCTAssertEqual(try db.query("SELECT count(*) FROM \"user\"")[0].decode(Int64.self, at: 0), 1, "rows stay")
    }

    /// Several rounds, each on a fresh database: the race is in the timing (a process that
    /// looked for the desk just before another created it), so one round may miss it.
    func testEightProcessesMigratingAFreshDatabaseAtOnceApplyEachStepOnce() throws {
        for round in 1...5 {
            let scratch = try ScratchDatabase(self)
            let results = concurrently(8, connect: { try scratch.connect() }) { db, _ in
                try PostgresMigrator.migrate(db)
            }
            let applied = try results.map { try $0.get() }
            XCTAssertEqual(applied.filter { $0 == stepNames }.count, 1, "round \(round): one process migrated: \(applied)")
            XCTAssertEqual(applied.filter(\.isEmpty).count, 7, "round \(round): the others found the desk up to date: \(applied)")

            let db = try scratch.connect()
            let recorded = try db.query("SELECT name FROM schema_migration ORDER BY position").map { try $0.decode(String.self, column: "name") }
            XCTAssertEqual(recorded, stepNames, "round \(round)")
        }
    }

    /// The interleaving the test above leaves to chance, made certain: a process looks for the
    /// desk, finds none, queues on the lock while another creates the desk, then must see it.
    func testAProcessThatWaitedOnTheLockSeesTheDeskItsHolderCreated() throws {
        let scratch = try ScratchDatabase(self)
        let holder = try scratch.connect()
        let waiter = ResultBox<[String]>(count: 1)
        let finished = DispatchSemaphore(value: 0)
        try holder.transaction { db in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.migrationLockKey)])
            Thread {
                waiter.set(0, Result { try PostgresMigrator.migrate(scratch.connect()) })
                finished.signal()
            }.start()
            let deadline = Date().addingTimeInterval(10)
            while try db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")[0].decode(Int64.self, at: 0) == 0 {
                guard Date() < deadline else { return XCTFail("the waiter never queued on the lock") }
                Thread.sleep(forTimeInterval: 0.01)
            }
            XCTAssertEqual(try PostgresMigrator.migrate(db), stepNames)
        }
        finished.wait()
        XCTAssertEqual(try waiter.values[0].get(), [], "the waiter found the desk up to date")
    }

    func testADatabaseWithOtherTablesIsRefusedUntouched() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connect()
        try db.executeScript("CREATE TABLE invoice (id serial PRIMARY KEY, total numeric); INSERT INTO invoice (total) VALUES (12.5)")
        let before = try relations(db)

        XCTAssertThrowsError(try PostgresMigrator.migrate(db)) { error in
            XCTAssertEqual(error as? PostgresSchemaError, .notADesk(database: db.address.description))
            XCTAssertEqual((error as? PostgresSchemaError)?.deskError, .notADeskDatabase(path: db.address.description))
        }
        XCTAssertEqual(try relations(db), before)
        XCTAssertEqual(before, ["invoice", "invoice_id_seq"])
        XCTAssertEqual(try extensions(db), ["plpgsql"], "no extension was created")
        XCTAssertEqual(try db.query("SELECT count(*) FROM invoice")[0].decode(Int64.self, at: 0), 1)
        XCTAssertFalse(db.isInTransaction)
    }

    func testATableThatIsOnlyNamedLikeTheDesksRecordIsNotADesk() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connect()
        try db.executeScript("CREATE TABLE schema_migration (name text PRIMARY KEY, position integer)")

        XCTAssertEqual(try PostgresMigrator.appliedSteps(db), nil)
        XCTAssertThrowsError(try PostgresMigrator.migrate(db)) { error in
            XCTAssertEqual(error as? PostgresSchemaError, .notADesk(database: db.address.description))
        }
        XCTAssertEqual(try relations(db), ["schema_migration"])
    }

    func testADeskFromANewerDesktermIsRefusedWithAClearError() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connectToDesk()
        try db.execute("INSERT INTO schema_migration (name, applied_at) VALUES ('pg99-from-the-future', 0)")

        XCTAssertThrowsError(try PostgresMigrator.migrate(db)) { error in
            let expected = PostgresSchemaError.newerDesk(database: db.address.description, unknownSteps: ["pg99-from-the-future"])
            XCTAssertEqual(error as? PostgresSchemaError, expected)
            XCTAssertEqual(
                "\(error)",
                "The desk \(db.address.description) was updated by a newer deskterm (schema steps pg99-from-the-future);"
                    + " update this deskterm to use it")
        }
        // Also when this program has a step of its own to apply: nothing is applied.
        let later = PostgresMigrationStep(name: "pg-test-later", sql: "CREATE TABLE later_probe (id bigint)")
        XCTAssertThrowsError(try PostgresMigrator.migrate(db, steps: PostgresSchema.steps + [later]))
        XCTAssertFalse(try relations(db).contains("later_probe"))
    }

    func testADatabaseThatIsNotUTF8IsRefusedUntouched() throws {
        let scratch = try ScratchDatabase(self, encoding: "SQL_ASCII", locale: "C")
        let db = try scratch.connect()

        XCTAssertThrowsError(try PostgresMigrator.migrate(db)) { error in
            XCTAssertEqual(error as? PostgresSchemaError, .notUTF8(database: db.address.description, encoding: "SQL_ASCII"))
        }
        XCTAssertEqual(try relations(db), [])
        XCTAssertEqual(try extensions(db), ["plpgsql"])
    }
}
