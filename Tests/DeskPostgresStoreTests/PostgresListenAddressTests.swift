import DeskModel
import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

/// The client's change feed listens on `DESKTERM_LISTEN_DB` when one is given (a desk behind a
/// transaction-mode pooler cannot carry LISTEN), and on the desk's own address otherwise.
final class PostgresListenAddressTests: XCTestCase {
    /// The application names of the scratch database's backends waiting in `LISTEN "desk_change"`.
    private func listenerNames(_ scratch: ScratchDatabase) throws -> [String] {
        try scratch.connect().query(
            """
            SELECT application_name FROM pg_stat_activity
            WHERE datname = current_database() AND query = 'LISTEN "desk_change"' ORDER BY 1
            """
        ).map { try $0.decode(String.self, at: 0) }
    }

    func testTheFeedListensOnTheListeningAddressWhenOneIsGiven() throws {
        let scratch = try ScratchDatabase(self)
        // The address's own application_name wins over the feed's, so it shows which address listened.
        let listening = PostgresDeskAddress(scratch.address + "&application_name=listen-address")
        let storage = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: true, listenAddress: listening)
        let feed = try XCTUnwrap(Desk(storage: storage).openChangeFeed())
        XCTAssertNotNil(feed.descriptor)
        XCTAssertEqual(try listenerNames(scratch), ["listen-address"])

        let plain = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: false)
        let plainFeed = try XCTUnwrap(Desk(storage: plain).openChangeFeed())
        XCTAssertNotNil(plainFeed.descriptor)
        XCTAssertEqual(try listenerNames(scratch), ["deskterm-changes", "listen-address"], "without one, the desk's address")
    }

    /// A listening address that does not answer costs the desk nothing: the desk works, the feed
    /// starts lost (the client checks the token) and keeps trying.
    func testAListeningAddressThatCannotBeReachedLeavesTheFeedLostAndTheDeskWorking() throws {
        let scratch = try ScratchDatabase(self)
        let nowhere = ScratchDatabase.address(ProcessInfo.processInfo.environment[ScratchDatabase.variable]!, database: "no_such_desk")
        let storage = try PostgresDeskStorage.open(
            address: PostgresDeskAddress(scratch.address), create: true, listenAddress: PostgresDeskAddress(nowhere))
        let desk = Desk(storage: storage)
        let feed = try XCTUnwrap(desk.openChangeFeed())
        XCTAssertNil(feed.descriptor)
        XCTAssertFalse(feed.resume())
        XCTAssertFalse((feed as? PostgresChangeFeed)?.cannotListen ?? true, "unreachable is not 'cannot listen': it is tried again")
        _ = try desk.addUser(NewUser(handle: "alice", name: "Alice", email: "alice@example.com", role: .agent))
        XCTAssertEqual(try listenerNames(scratch), [])
    }

    /// Straight to the server, the session check costs one query and no probe connection.
    func testADirectConnectionListensWithoutAProbe() throws {
        let scratch = try ScratchDatabase(self)
        _ = try PostgresDeskStorage.open(address: PostgresDeskAddress(scratch.address), create: true)
        let feed = PostgresChangeFeed(address: try PostgresAddress(scratch.address))
        XCTAssertNotNil(feed.descriptor)
        XCTAssertFalse(feed.cannotListen)
        let probes = try scratch.connect().query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN \"deskterm_session_check_%'"
        )[0].decode(Int64.self, at: 0)
        XCTAssertEqual(probes, 0)
    }
}
