import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

/// A database of its own for one test, created on the throwaway server `scripts/with-postgres`
/// starts (whose test role may create databases) and dropped after the test. Tests that need
/// it skip, saying why, when that server is not there.
final class ScratchDatabase: Sendable {
    static let variable = "DESKTERM_TEST_POSTGRES"

    let name: String
    let address: String
    private let serverAddress: String

    /// `locale`: a database created from template0 with this encoding and locale instead of
    /// the cluster's (UTF8, C.UTF-8).
    init(_ test: XCTestCase, encoding: String? = nil, locale: String? = nil) throws {
        guard let server = ProcessInfo.processInfo.environment[Self.variable], !server.isEmpty else {
            throw XCTSkip("\(Self.variable) is not set: run these tests through scripts/with-postgres (scripts/test does)")
        }
        serverAddress = server
        name = "desk_test_\(UUID().uuidString.prefix(8).lowercased())"
        address = Self.address(server, database: name)
        var create = "CREATE DATABASE \(name)"
        if encoding != nil || locale != nil {
            create += " TEMPLATE template0 ENCODING '\(encoding ?? "UTF8")' LC_COLLATE '\(locale ?? "C.UTF-8")' LC_CTYPE '\(locale ?? "C.UTF-8")'"
        }
        try PostgresConnection(address: server).executeScript(create)
        test.addTeardownBlock { [self] in try? self.drop() }
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(address: address)
    }

    /// A connection to a desk migrated to the current schema.
    func connectToDesk() throws -> PostgresConnection {
        let db = try connect()
        try PostgresMigrator.migrate(db)
        return db
    }

    private func drop() throws {
        try PostgresConnection(address: serverAddress).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The server's address with another database: `postgresql://authority/NAME?options`.
    static func address(_ server: String, database: String) -> String {
        let parts = server.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts[0]
        guard let schemeEnd = base.range(of: "://")?.upperBound else { return server }
        let authority = base[schemeEnd...].prefix { $0 != "/" }
        let options = parts.count > 1 ? "?" + parts[1] : ""
        return "\(base[..<schemeEnd])\(authority)/\(database)\(options)"
    }
}
