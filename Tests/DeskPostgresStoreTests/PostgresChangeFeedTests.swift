import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The client's feed of desk changes on PostgreSQL: a connection of its own that LISTENs, whose
/// socket the client polls beside the terminal.
final class PostgresChangeFeedTests: XCTestCase {
    /// A desk with an agent, on a scratch database, through the rules.
    private func desk(_ scratch: ScratchDatabase) throws -> (desk: Desk, alice: Viewer) {
        let storage = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: true)
        let desk = Desk(storage: storage)
        _ = try desk.addUser(NewUser(handle: "alice", name: "Alice", email: "alice@example.com", role: .agent))
        return (desk, try desk.viewer(handle: "alice"))
    }

    private func newTicket(_ desk: Desk, by viewer: Viewer, _ subject: String) throws -> Ticket {
        try desk.createTicket(NewTicket(subject: subject, description: "Details.", kind: .question), by: viewer, allowDuplicate: true)
    }

    /// Whether `descriptor` becomes readable within `milliseconds`.
    private func readable(_ descriptor: Int32?, within milliseconds: Int32) -> Bool {
        guard let descriptor else { return false }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds) > 0
    }

    /// Backends of the scratch database that sat in LISTEN last, other than `except`.
    private func listeners(_ scratch: ScratchDatabase, except db: PostgresConnection) throws -> [Int64] {
        try db.query(
            """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'
            """
        ).map { try $0.decode(Int64.self, at: 0) }
    }

    func testAChangeCommittedByAnotherConnectionMakesTheDescriptorReadableAndIsDrainedOnce() throws {
        let scratch = try ScratchDatabase(self)
        let (desk, alice) = try desk(scratch)
        let feed = try XCTUnwrap(desk.openChangeFeed(), "a PostgreSQL desk offers a change feed")
        XCTAssertNotNil(feed.descriptor)

        let writer = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: false)
        _ = try newTicket(Desk(storage: writer), by: alice, "Printer offline")

        XCTAssertTrue(readable(feed.descriptor, within: 2000), "the commit's NOTIFY wakes the poller")
        XCTAssertTrue(feed.drainChanges())
        XCTAssertFalse(readable(feed.descriptor, within: 100), "drained: nothing left to read")
        XCTAssertFalse(feed.drainChanges())
    }

    func testNoChangeLeavesTheDescriptorQuietAndAWriteThatAnnouncesNothingToo() throws {
        let scratch = try ScratchDatabase(self)
        let (desk, alice) = try desk(scratch)
        let feed = try XCTUnwrap(desk.openChangeFeed())
        XCTAssertFalse(readable(feed.descriptor, within: 300))
        XCTAssertFalse(feed.drainChanges())

        // A saved draft is private (`announcesChange: false`): no screen elsewhere reloads for it.
        try desk.saveDraft(Draft(slot: .newTicket, body: "half typed", updatedAt: Date()), viewer: alice)
        XCTAssertFalse(readable(feed.descriptor, within: 300))
        XCTAssertFalse(feed.drainChanges())
    }

    func testABurstOfChangesIsOneAnswer() throws {
        let scratch = try ScratchDatabase(self)
        let (desk, alice) = try desk(scratch)
        let feed = try XCTUnwrap(desk.openChangeFeed())
        for index in 1...5 { _ = try newTicket(desk, by: alice, "Burst \(index)") }
        // Every commit's notification has been sent once the last write returned; give the
        // server a moment to deliver them all.
        XCTAssertTrue(readable(feed.descriptor, within: 2000))
        usleep(200_000)
        XCTAssertTrue(feed.drainChanges(), "five notifications, one refresh")
        XCTAssertFalse(readable(feed.descriptor, within: 100))
        XCTAssertFalse(feed.drainChanges())
    }

    func testEachFeedListensOnAConnectionOfItsOwn() throws {
        let scratch = try ScratchDatabase(self)
        let (desk, _) = try desk(scratch)
        let observer = try scratch.connect()
        XCTAssertEqual(try listeners(scratch, except: observer), [], "the desk's pooled connections listen to nothing")
        let first = try XCTUnwrap(desk.openChangeFeed())
        let second = try XCTUnwrap(desk.openChangeFeed())
        XCTAssertNotEqual(first.descriptor, second.descriptor)
        XCTAssertEqual(try listeners(scratch, except: observer).count, 2)
        let names = try observer.query(
            "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'"
        ).map { try $0.decode(String.self, at: 0) }
        XCTAssertEqual(names, ["deskterm-changes", "deskterm-changes"])
    }

    func testALostConnectionEndsListeningUntilResumeListensAgain() throws {
        let scratch = try ScratchDatabase(self)
        let (desk, alice) = try desk(scratch)
        let feed = try XCTUnwrap(desk.openChangeFeed())
        let observer = try scratch.connect()
        let listener = try XCTUnwrap(try listeners(scratch, except: observer).first)

        // The server ends the listening backend (an administrator, a restart, a pooler).
        XCTAssertEqual(try observer.query("SELECT pg_terminate_backend($1::int)", [.int(listener)])[0].decode(Bool.self, at: 0), true)
        // The server's reason, then the end of the connection, wake the poller: the reason may
        // come a moment before the end, so the client may drain twice, as its loop would.
        XCTAssertTrue(readable(feed.descriptor, within: 2000), "the closing connection wakes the poller")
        let lostBy = Date().addingTimeInterval(3)
        while feed.descriptor != nil, Date() < lostBy {
            if readable(feed.descriptor, within: 200) { XCTAssertFalse(feed.drainChanges(), "a lost connection is no change") }
        }
        XCTAssertNil(feed.descriptor, "nothing left to poll: the client checks the token meanwhile")

        // resume() never blocks: the first call starts an attempt in the background.
        let began = Date()
        var resumed = feed.resume()
        XCTAssertLessThan(Date().timeIntervalSince(began), 0.5)
        let deadline = Date().addingTimeInterval(10)
        while !resumed, Date() < deadline {
            usleep(20_000)
            resumed = feed.resume()
        }
        XCTAssertTrue(resumed, "listening again within the retry interval")
        XCTAssertNotNil(feed.descriptor)
        XCTAssertEqual(try listeners(scratch, except: observer).count, 1)

        _ = try newTicket(desk, by: alice, "After the reconnection")
        XCTAssertTrue(readable(feed.descriptor, within: 2000))
        XCTAssertTrue(feed.drainChanges())
    }

    func testAFeedThatCannotConnectStartsLostAndDoesNotBlock() throws {
        let scratch = try ScratchDatabase(self)
        _ = try desk(scratch)
        // The database is gone: connecting fails at once over the Unix socket.
        let address = ScratchDatabase.address(ProcessInfo.processInfo.environment[ScratchDatabase.variable]!, database: "no_such_desk")
        let feed = PostgresChangeFeed(address: try PostgresAddress(address))
        XCTAssertNil(feed.descriptor)
        XCTAssertFalse(feed.drainChanges())
        XCTAssertFalse(feed.resume())
    }
}
