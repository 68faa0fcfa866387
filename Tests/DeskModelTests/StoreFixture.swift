import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// A clock the tests move by hand. Shared with the store through `DeskClock { clock.now }`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    func set(_ date: Date) { lock.withLock { current = date } }

    var deskClock: DeskClock { DeskClock { [self] in self.now } }
}

/// A temporary desk with a small world:
///
/// | organisation | plan | tier | customers |
/// |---|---|---|---|
/// | Free Co | free | standard | fred (own) |
/// | Pro Co | pro | priority | paula (organisation), peter (own), pia (own) |
/// | Big Co | enterprise | premium | erin (organisation), eve (own) |
///
/// Staff: agents alice and bob, admin root.
///
/// The desk is on the backend the environment chose (`TestBackend`); `directory` holds the
/// test's own files on every backend.
final class StoreFixture {
    static let start = Date(timeIntervalSince1970: 1_709_283_600) // 2024-03-01 09:00:00 UTC
    static let day: TimeInterval = 86_400

    let directory: URL
    let site: TestDeskSite
    let clock: TestClock
    let store: Desk
    /// The test this fixture serves, for the SQLite-only accessors (`SQLiteOnlyTests`).
    private weak var test: XCTestCase?

    let freeCo: Organisation
    let proCo: Organisation
    let bigCo: Organisation

    let alice: Viewer
    let bob: Viewer
    let root: Viewer
    let fred: Viewer
    let paula: Viewer
    let peter: Viewer
    let pia: Viewer
    let erin: Viewer
    let eve: Viewer

    init(busyTimeout: TimeInterval = 10, test: XCTestCase? = nil) throws {
        self.test = test
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("deskterm-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        site = try TestBackend.newDesk(in: directory)
        clock = TestClock(Self.start)
        store = try site.open(clock: clock.deskClock, create: true, busyTimeout: busyTimeout)

        freeCo = try store.addOrganisation(NewOrganisation(name: "Free Co", plan: .free, tier: .standard))
        proCo = try store.addOrganisation(NewOrganisation(name: "Pro Co", plan: .pro, tier: .priority))
        bigCo = try store.addOrganisation(NewOrganisation(name: "Big Co", plan: .enterprise, tier: .premium))

        let store = self.store
        func add(_ handle: String, _ role: Role, _ org: String? = nil, _ access: CaseAccess = .own) throws -> Viewer {
            _ = try store.addUser(NewUser(
                handle: handle, name: handle.capitalized, email: "\(handle)@example.com", role: role,
                organisationName: org, caseAccess: access))
            return try store.viewer(handle: handle)
        }
        alice = try add("alice", .agent)
        bob = try add("bob", .agent)
        root = try add("root", .admin)
        fred = try add("fred", .customer, "Free Co")
        paula = try add("paula", .customer, "Pro Co", .organisation)
        peter = try add("peter", .customer, "Pro Co")
        pia = try add("pia", .customer, "Pro Co")
        erin = try add("erin", .customer, "Big Co", .organisation)
        eve = try add("eve", .customer, "Big Co")
    }

    func remove() {
        site.remove()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Another store on the same desk, sharing the clock.
    func reopen(create: Bool = false) throws -> Desk {
        try site.open(clock: clock.deskClock, create: create)
    }

    /// Opens a ticket (a service request unless told otherwise) with the viewer as requester.
    @discardableResult
    func ticket(
        _ subject: String, by viewer: Viewer, kind: TicketKind = .serviceRequest,
        urgency: Urgency = .none, description: String? = nil, requester: String? = nil,
        followUpOf: Int64? = nil, allowDuplicate: Bool = true
    ) throws -> Ticket {
        try store.createTicket(
            NewTicket(
                subject: subject, description: description ?? "About: \(subject)", kind: kind,
                urgency: urgency, requesterHandle: requester, followUpOfNumber: followUpOf),
            by: viewer, allowDuplicate: allowDuplicate)
    }

    @discardableResult
    func reply(_ number: Int64, _ body: String, by viewer: Viewer, intent: ReplyIntent = .plain) throws -> Message {
        try store.addMessage(NewMessage(ticketNumber: number, body: body, intent: intent), by: viewer)
    }

    @discardableResult
    func note(_ number: Int64, _ body: String, by viewer: Viewer) throws -> Message {
        try store.addMessage(NewMessage(ticketNumber: number, body: body, isInternal: true), by: viewer)
    }

    func status(_ number: Int64) throws -> TicketStatus {
        try store.ticket(number: number, viewer: alice).status
    }

    /// Numbers of one whole view, read as one big page.
    func numbers(_ view: CaseView, _ viewer: Viewer, order: TicketOrder = .newestFirst) throws -> [Int64] {
        let page = try store.page(PageRequest(view: view, order: order, limit: 1000), viewer: viewer)
        XCTAssertFalse(page.hasMore)
        return page.rows.map(\.number)
    }

    func searchNumbers(_ query: String, _ viewer: Viewer) throws -> [Int64] {
        try store.search(query, viewer: viewer, limit: 50).map(\.number)
    }

    /// Rows in one of the desk's tables, on any backend.
    func count(_ table: String) throws -> Int {
        try rowCount(table, in: store)
    }

    // MARK: - SQLite only (`SQLiteOnlyTests`)

    /// The desk file.
    var path: String {
        SQLiteOnlyTests.requireListed(test, using: "the desk file")
        return site.sqlitePath ?? ""
    }

    /// The SQLite backend under the desk.
    var sqlite: SQLiteDeskStore {
        SQLiteOnlyTests.requireListed(test, using: "the SQLite store")
        return store.sqliteStore!
    }

    /// Raw SQL, for what the public API cannot set up or for checking what was written.
    func sql<T>(_ body: (Database) throws -> T) throws -> T {
        SQLiteOnlyTests.requireListed(test, using: "raw SQL")
        return try store.sqliteStore!.pool.write(body)
    }
}

/// A test case with a fresh fixture per test.
class StoreTestCase: XCTestCase {
    var f: StoreFixture!

    override func setUpWithError() throws {
        try super.setUpWithError()
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        f = try StoreFixture(test: self)
    }

    override func tearDownWithError() throws {
        f?.remove()
        f = nil
        try super.tearDownWithError()
    }

    var store: Desk { f.store }
}

/// Asserts that `expression` throws exactly `expected`.
func XCTAssertDeskError<T>(
    _ expression: @autoclosure () throws -> T, _ expected: DeskError,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let value = try expression()
        XCTFail("expected \(expected), got a value: \(value)", file: file, line: line)
    } catch let error as DeskError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got a non-desk error: \(error)", file: file, line: line)
    }
}

/// The error `expression` throws, or nil.
func deskError<T>(_ expression: @autoclosure () throws -> T) -> DeskError? {
    do {
        _ = try expression()
        return nil
    } catch let error as DeskError {
        return error
    } catch {
        return .storage("non-desk error \(error)")
    }
}
