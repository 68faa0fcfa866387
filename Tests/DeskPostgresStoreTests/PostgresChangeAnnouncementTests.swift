import DeskPostgres
import DeskPostgresStore
import Foundation
import XCTest

final class PostgresChangeAnnouncementTests: XCTestCase {
    private func notifications(_ listener: PostgresConnection, count: Int, within seconds: TimeInterval) throws -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        let deadline = Date().addingTimeInterval(seconds)
        while received.count < count, Date() < deadline {
            received += try listener.waitForNotifications(timeout: .milliseconds(100))
        }
        return received
    }

    func testAWriteReachesAListeningConnectionWithTheNewCounter() throws {
        let scratch = try ScratchDatabase(self)
        let writer = try scratch.connectToDesk()
        let listener = try scratch.connect()
        try listener.listen(PostgresSchema.changeChannel)
        let camille = try DeskRows.user(writer, handle: "camille", role: "customer")

        let bumped = try writer.transaction { db in
            try DeskRows.ticket(db, requester: camille)
            let bumped = try db.query(PostgresSchema.announceChangeSQL)[0].decode(Int64.self, at: 0)
            XCTAssertEqual(try listener.waitForNotifications(timeout: .milliseconds(200)), [], "nothing before COMMIT")
            return bumped
        }
        XCTAssertEqual(bumped, 1)
        XCTAssertEqual(
            try notifications(listener, count: 1, within: 2),
            [PostgresNotification(channel: "desk_change", payload: "1", senderPID: writer.backendPID)])

        try writer.transaction { db in
            try DeskRows.ticket(db, requester: camille)
            try db.execute(PostgresSchema.announceChangeSQL)
        }
        XCTAssertEqual(try notifications(listener, count: 1, within: 2).map(\.payload), ["2"])
        XCTAssertEqual(try listener.query(PostgresSchema.changeTokenSQL)[0].decode(Int64.self, at: 0), 2)
    }

    func testARolledBackWriteAnnouncesNothing() throws {
        struct Abandoned: Error {}
        let scratch = try ScratchDatabase(self)
        let writer = try scratch.connectToDesk()
        let listener = try scratch.connect()
        try listener.listen(PostgresSchema.changeChannel)
        let camille = try DeskRows.user(writer, handle: "camille", role: "customer")

        XCTAssertThrowsError(try writer.transaction { db in
            try DeskRows.ticket(db, requester: camille)
            try db.execute(PostgresSchema.announceChangeSQL)
            throw Abandoned()
        })
        XCTAssertEqual(try notifications(listener, count: 1, within: 0.5), [])
        XCTAssertEqual(try listener.query(PostgresSchema.changeTokenSQL)[0].decode(Int64.self, at: 0), 0)
    }

    func testConcurrentWritersEachBumpTheCounterOnce() throws {
        let scratch = try ScratchDatabase(self)
        let db = try scratch.connectToDesk()
        let listener = try scratch.connect()
        try listener.listen(PostgresSchema.changeChannel)
        let camille = try DeskRows.user(db, handle: "camille", role: "customer")

        let results = concurrently(10, connect: { try scratch.connect() }) { db, _ in
            try db.transaction { db in
                try DeskRows.ticket(db, requester: camille)
                return try db.query(PostgresSchema.announceChangeSQL)[0].decode(Int64.self, at: 0)
            }
        }
        let bumped = try results.map { try $0.get() }
        XCTAssertEqual(bumped.sorted(), Array(1...10))
        XCTAssertEqual(try notifications(listener, count: 10, within: 3).map(\.payload).sorted { Int($0)! < Int($1)! },
                       (1...10).map(String.init))
    }
}
