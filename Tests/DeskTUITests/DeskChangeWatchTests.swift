import DeskModel
import XCTest

@testable import DeskTUI

/// How the client decides to refresh for changes made elsewhere: the feed when it listens
/// (no token read), the change token when there is no feed or it lost its connection.
final class DeskChangeWatchTests: XCTestCase {
    /// A feed whose connection the test makes listen, receive and drop.
    private final class FakeFeed: DeskChangeFeed {
        var listening = true
        var arrived = 0
        var reconnects = false
        private(set) var resumeCalls = 0

        var descriptor: Int32? { listening ? 42 : nil }
        func drainChanges() -> Bool {
            defer { arrived = 0 }
            return listening && arrived > 0
        }
        func resume() -> Bool {
            resumeCalls += 1
            if reconnects { listening = true }
            return listening
        }
    }

    /// The desk's change token as the watch reads it, counting the reads.
    private final class Token {
        var value: Int64 = 7
        /// Thrown instead of answering, while set.
        var failure: DeskError?
        private(set) var reads = 0
        func read() throws(DeskError) -> Int64 {
            reads += 1
            if let failure { throw failure }
            return value
        }
    }

    func testAListeningFeedRefreshesOncePerBurstAndNoTokenIsRead() throws {
        let feed = FakeFeed()
        let token = Token()
        let watch = DeskChangeWatch(feed: feed, currentToken: token.read)
        XCTAssertEqual(watch.descriptor, 42)

        feed.arrived = 3
        XCTAssertTrue(watch.notified(), "three notifications: one refresh")
        XCTAssertFalse(watch.notified())

        token.value = 8
        XCTAssertFalse(try watch.tick())
        XCTAssertFalse(watch.listensAgain())
        XCTAssertEqual(token.reads, 1, "only at start: an idle listening client asks the desk nothing")
        XCTAssertEqual(feed.resumeCalls, 0)
    }

    func testWithoutAFeedTheTokenDecidesOnceASecond() throws {
        let token = Token()
        let watch = DeskChangeWatch(feed: nil, currentToken: token.read)
        XCTAssertNil(watch.descriptor)
        XCTAssertFalse(watch.notified())
        XCTAssertFalse(try watch.tick())
        token.value = 8
        XCTAssertTrue(try watch.tick())
        XCTAssertFalse(try watch.tick(), "the same token again: nothing new")
        XCTAssertFalse(watch.listensAgain())
    }

    func testALostFeedFallsBackToTheTokenAndRefreshesOnceWhenItListensAgain() throws {
        let feed = FakeFeed()
        let token = Token()
        let watch = DeskChangeWatch(feed: feed, currentToken: token.read)
        feed.listening = false
        XCTAssertNil(watch.descriptor, "nothing to wait on: the loop waits on the terminal alone")

        token.value = 8
        XCTAssertTrue(try watch.tick(), "the token finds the change the lost feed cannot announce")
        XCTAssertFalse(watch.listensAgain(), "the server is not back yet")
        XCTAssertEqual(feed.resumeCalls, 1)

        feed.reconnects = true
        token.value = 9
        XCTAssertTrue(watch.listensAgain(), "listening again: one refresh for what was missed")
        XCTAssertEqual(watch.descriptor, 42)
        XCTAssertFalse(watch.listensAgain())
        XCTAssertEqual(feed.resumeCalls, 2, "a listening feed is not asked to resume")
        token.value = 10
        XCTAssertFalse(try watch.tick(), "listening again: the token is left alone")
    }

    /// The client says the desk is lost only when it cannot be reached; a busy desk is looked
    /// at again at the next tick, and the change is still found then.
    func testOnlyAnUnreachableDeskIsReportedAndABusyOneIsTriedAgain() throws {
        let token = Token()
        let watch = DeskChangeWatch(feed: nil, currentToken: token.read)
        token.value = 8
        token.failure = .databaseBusy(path: "desk.sqlite")
        XCTAssertFalse(try watch.tick())
        token.failure = .deskUnreachable(location: "postgresql:///desk", reason: "server closed the connection")
        XCTAssertThrowsError(try watch.tick()) { error in
            XCTAssertEqual(error as? DeskError, .deskUnreachable(location: "postgresql:///desk", reason: "server closed the connection"))
        }
        token.failure = nil
        XCTAssertTrue(try watch.tick(), "back: the change made meanwhile is found")
        XCTAssertFalse(try watch.tick())
    }
}
