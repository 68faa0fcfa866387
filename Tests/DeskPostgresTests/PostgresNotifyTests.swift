import DeskPostgres
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

final class PostgresNotifyTests: XCTestCase {
    private func pollReadable(_ descriptor: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) == 1 && entry.revents & Int16(POLLIN) != 0
    }

    func testNotifyReachesTheListenerAndMakesItsSocketReadable() throws {
        let listener = try PostgresTestServer.connect()
        let sender = try PostgresTestServer.connect()
        let channel = "desk changes \(UUID().uuidString.prefix(6))"  // a space and capitals need quoting
        try listener.listen(channel)
        XCTAssertEqual(try listener.pendingNotifications(), [])
        XCTAssertFalse(pollReadable(listener.socketDescriptor, milliseconds: 0), "nothing to read before any NOTIFY")

        let payload = "ticket 42 ✉︎ \"changed\"; DROP TABLE x"
        try sender.notify(channel, payload: payload)
        XCTAssertTrue(pollReadable(listener.socketDescriptor, milliseconds: 2000))
        XCTAssertEqual(try listener.pendingNotifications(), [PostgresNotification(channel: channel, payload: payload, senderPID: sender.backendPID)])
        XCTAssertEqual(try listener.pendingNotifications(), [], "each notification is delivered once")
    }

    func testNotificationsInATransactionArriveAtCommitOnly() throws {
        let listener = try PostgresTestServer.connect()
        let sender = try PostgresTestServer.connect()
        let channel = "desk_\(UUID().uuidString.prefix(6).lowercased())"
        try listener.listen(channel)
        try sender.transaction { db in
            try db.notify(channel, payload: "one")
            try db.notify(channel, payload: "two")
            XCTAssertEqual(try listener.waitForNotifications(timeout: .milliseconds(200)), [])
        }
        var received: [String] = []
        let deadline = Date().addingTimeInterval(2)
        while received.count < 2, Date() < deadline {
            received += try listener.waitForNotifications(timeout: .milliseconds(500)).map(\.payload)
        }
        XCTAssertEqual(received, ["one", "two"])
    }

    func testUnlistenStopsDelivery() throws {
        let listener = try PostgresTestServer.connect()
        let sender = try PostgresTestServer.connect()
        let channel = "desk_\(UUID().uuidString.prefix(6).lowercased())"
        try listener.listen(channel)
        try listener.unlisten(channel)
        try sender.notify(channel, payload: "lost")
        XCTAssertEqual(try listener.waitForNotifications(timeout: .milliseconds(300)), [])
    }
}
