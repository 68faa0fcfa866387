import Foundation
import DeskPostgres
import DeskPostgresStore
import GRDB
import XCTest

@testable import DeskModel

/// The backend the store tests run against, chosen by `DESKTERM_TEST_BACKEND`: `sqlite` (the
/// default) or `postgresql` (with `DESKTERM_TEST_POSTGRES` set by scripts/with-postgres). The
/// same test classes run on each: one conformance suite. Tests that read SQLite's own
/// internals are listed, with why, in `SQLiteOnlyTests` and skipped under another backend.
///
/// A backend that is unknown or not in this build fails every store test loudly: a typo or
/// a missing backend must never run SQLite again and pass as if the other had been tested.
enum TestBackend: String, CaseIterable {
    case sqlite
    case postgresql

    static let variable = "DESKTERM_TEST_BACKEND"

    /// The backend named by the environment; nothing (or empty) means SQLite.
    static func selected(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TestBackend {
        guard let name = environment[variable], !name.isEmpty else { return .sqlite }
        guard let backend = TestBackend(rawValue: name) else {
            throw TestBackendError(
                "\(variable)=\(name) names no backend the store tests know (known: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return backend
    }

    /// A new, empty desk for one test, whose files (attachments, SQLite's desk file) go in
    /// `directory`. `name` tells apart several desks of one test.
    func newDesk(named name: String = "desk", in directory: URL) throws -> TestDeskSite {
        switch self {
        case .sqlite:
            return TestDeskSite(backend: self, sqlitePath: directory.appendingPathComponent("\(name).sqlite").path)
        case .postgresql:
            return TestDeskSite(backend: self, sqlitePath: nil, postgresAddress: try PostgresTestDesks.shared.newDesk())
        }
    }

    /// The selected backend's new desk (see `newDesk(named:in:)`).
    static func newDesk(named name: String = "desk", in directory: URL) throws -> TestDeskSite {
        try selected().newDesk(named: name, in: directory)
    }
}

/// Where one test's desk lives on its backend, and how to open it (again).
struct TestDeskSite {
    let backend: TestBackend
    /// The desk file, on SQLite only.
    let sqlitePath: String?
    /// The desk's database, on PostgreSQL only.
    var postgresAddress: String? = nil

    /// Opens the desk (`create`: a new one); a second call opens another store on the same desk.
    func open(clock: DeskClock, create: Bool = false, busyTimeout: TimeInterval = 10) throws -> Desk {
        switch backend {
        case .sqlite:
            return try Desk.open(address: sqlitePath!, clock: clock, create: create, busyTimeout: busyTimeout)
        case .postgresql:
            return try Desk.open(address: postgresAddress!, clock: clock, create: create, busyTimeout: busyTimeout)
        }
    }

    /// Removes the desk from its backend (SQLite's file goes with the test's directory).
    func remove() {
        if let postgresAddress { PostgresTestDesks.shared.drop(address: postgresAddress) }
    }
}

/// Rows in one of the desk's tables, on any backend (every backend keeps the same tables): for
/// checking that a refused operation wrote nothing.
func rowCount(_ table: String, in desk: Desk) throws -> Int {
    switch try TestBackend.selected() {
    case .sqlite:
        return try desk.sqliteStore!.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    case .postgresql:
        guard let storage = desk.storage as? PostgresDeskStorage else { throw TestBackendError("not a PostgreSQL desk: \(desk.location)") }
        let db = try PostgresConnection(address: storage.address.connectionText)
        return Int(try db.query("SELECT COUNT(*) FROM \(try db.quoteIdentifier(table))")[0].decode(Int64.self, at: 0))
    }
}

struct TestBackendError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
