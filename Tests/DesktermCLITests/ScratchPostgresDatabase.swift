import DeskPostgres
import Foundation
import XCTest

/// An empty database of its own on the test server (`DESKTERM_TEST_POSTGRES`, set by
/// scripts/with-postgres), dropped when the value goes away; tests that need one skip
/// without a server.
final class ScratchPostgresDatabase {
    let name: String
    /// The desk address of the database, for `--db`, `--from` and `--to`.
    let address: String
    private let server: String

    init() throws {
        guard let server = ProcessInfo.processInfo.environment["DESKTERM_TEST_POSTGRES"], !server.isEmpty else {
            throw XCTSkip("DESKTERM_TEST_POSTGRES is not set: run these tests through scripts/with-postgres (scripts/test does)")
        }
        self.server = server
        name = "copy_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try PostgresConnection(address: server).executeScript("CREATE DATABASE \(name)")
        // libpq lets a `dbname` parameter override the database of the address's path.
        address = server + (server.contains("?") ? "&" : "?") + "dbname=\(name)"
    }

    func connect() throws -> PostgresConnection { try PostgresConnection(address: address) }

    deinit {
        try? PostgresConnection(address: server).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
