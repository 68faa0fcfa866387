import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

/// The store tests' desks on PostgreSQL: one database per desk on the server in
/// `DESKTERM_TEST_POSTGRES` (scripts/with-postgres starts one). A run makes hundreds of desks,
/// so each is a copy of one template migrated once per process (`CREATE DATABASE … TEMPLATE`,
/// far cheaper than migrating each), and every desk is dropped when its fixture is removed or,
/// at the latest, when its test ends (`DeskDropper`), so that they never pile up on the server.
final class PostgresTestDesks: @unchecked Sendable {
    static let variable = "DESKTERM_TEST_POSTGRES"

    static let shared = PostgresTestDesks()

    private let lock = NSLock()
    /// The server's address, read once.
    private var server: String?
    /// The migrated template of this process, made on first use.
    private var template: String?
    /// Desks made and not dropped yet.
    private var live: Set<String> = []
    /// Tells the databases of this process apart from another test process's on the same server.
    private let processTag = "\(ProcessInfo.processInfo.processIdentifier)_\(UUID().uuidString.prefix(6).lowercased())"
    private var counter = 0

    /// A new, empty, migrated desk database; returns its address.
    func newDesk() throws -> String {
        try lock.withLock {
            let server = try serverAddress()
            PostgresDeskStorage.register()
            DeskDropper.installOnce()
            let template = try migratedTemplate(server)
            counter += 1
            let name = "desk_t_\(processTag)_\(counter)"
            try admin(server).executeScript("CREATE DATABASE \(name) TEMPLATE \(template)")
            live.insert(name)
            return Self.address(server, database: name)
        }
    }

    /// Drops the desk at `address` (a no-op for one already dropped); open connections to it
    /// are ended (`WITH (FORCE)`): a test's stores may still hold pooled ones.
    func drop(address: String) {
        lock.withLock {
            guard let server, let name = live.first(where: { Self.address(server, database: $0) == address }) else { return }
            dropDatabases([name], server)
        }
    }

    /// Drops every desk still there: called when a test ends.
    func dropAll() {
        lock.withLock {
            guard let server, !live.isEmpty else { return }
            dropDatabases(Array(live), server)
        }
    }

    /// Drops the template too: called when the process's tests are over.
    func dropTemplate() {
        lock.withLock {
            guard let server, let template else { return }
            try? admin(server).executeScript("DROP DATABASE IF EXISTS \(template) WITH (FORCE)")
            self.template = nil
        }
    }

    private func dropDatabases(_ names: [String], _ server: String) {
        guard let db = try? admin(server) else { return }
        for name in names {
            try? db.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            live.remove(name)
        }
    }

    private func serverAddress() throws -> String {
        if let server { return server }
        guard let value = ProcessInfo.processInfo.environment[Self.variable], !value.isEmpty else {
            throw TestBackendError(
                "\(TestBackend.variable)=postgresql needs a server in \(Self.variable): run the tests through scripts/with-postgres")
        }
        server = value
        return value
    }

    /// A connection to the server's own database, for creating and dropping desks. A fresh one
    /// each time: CREATE/DROP DATABASE cannot run inside a transaction, and nothing is kept open.
    private func admin(_ server: String) throws -> PostgresConnection {
        try PostgresConnection(address: server)
    }

    private func migratedTemplate(_ server: String) throws -> String {
        if let template { return template }
        let name = "desk_template_\(processTag)"
        try admin(server).executeScript("CREATE DATABASE \(name)")
        do {
            // The connection is closed (deinit) before the template is copied: PostgreSQL copies
            // only a database nobody is connected to.
            try PostgresMigrator.migrate(PostgresConnection(address: Self.address(server, database: name)))
        } catch {
            try? admin(server).executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        template = name
        return name
    }

    /// The server's address naming another database: libpq lets a `dbname` parameter of the
    /// query override the database of the address's path.
    static func address(_ server: String, database: String) -> String {
        server + (server.contains("?") ? "&" : "?") + "dbname=\(database)"
    }
}

/// Drops the desks a test left at the end of each test, and the template at the end of the run.
private final class DeskDropper: NSObject, XCTestObservation, @unchecked Sendable {
    nonisolated(unsafe) private static var installed = false

    /// Called under `PostgresTestDesks`'s lock.
    static func installOnce() {
        guard !installed else { return }
        installed = true
        XCTestObservationCenter.shared.addTestObserver(DeskDropper())
    }

    func testCaseDidFinish(_ testCase: XCTestCase) {
        PostgresTestDesks.shared.dropAll()
    }

    func testBundleDidFinish(_ testBundle: Bundle) {
        PostgresTestDesks.shared.dropAll()
        PostgresTestDesks.shared.dropTemplate()
    }
}
