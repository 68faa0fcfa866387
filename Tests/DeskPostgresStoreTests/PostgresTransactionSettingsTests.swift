import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import XCTest

/// Every transaction of a PostgreSQL desk runs without parallel workers (they take longer to
/// start than its bounded statements take), and a write on the side gives way to a writer at
/// once; both settings end with the transaction.
final class PostgresTransactionSettingsTests: XCTestCase {
    func testTheDesksTransactionsRunWithTheirSettings() throws {
        let scratch = try ScratchDatabase(self)
        let storage = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: true)
        func settings(_ rows: any DeskModel.DeskRows) throws -> [String] {
            let row = try (rows as! PostgresRows).db.query(
                "SELECT current_setting('max_parallel_workers_per_gather'), current_setting('lock_timeout')")[0]
            return [try row.decode(String.self, at: 0), try row.decode(String.self, at: 1)]
        }
        XCTAssertEqual(try storage.readRows(settings), ["0", "0"])
        XCTAssertEqual(try storage.writeRows(.standard, settings), ["0", "0"])
        XCTAssertEqual(try storage.writeRows(StorageWrite(waitsForWriters: false), settings), ["0", "1ms"])
        // Outside a transaction, on the same pooled connection, the server's own values again.
        let after = try storage.withConnection { db in
            try db.query("SELECT current_setting('max_parallel_workers_per_gather'), current_setting('lock_timeout')")[0]
                .decode(String.self, at: 1)
        }
        XCTAssertEqual(after, "0")
        XCTAssertEqual(storage.idleConnectionCount, 1)
    }
}
