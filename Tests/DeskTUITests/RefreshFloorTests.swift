import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// A flood of notifications (a bulk write on another machine) refreshes the client at most once
/// per `DeskChangeWatch.refreshFloor`, and every change still shows within 200 ms.
final class RefreshFloorTests: XCTestCase {
    /// A listening feed that the test fills with notifications.
    private final class StubFeed: DeskChangeFeed {
        var arrived = 0
        var descriptor: Int32? { 7 }
        func drainChanges() -> Bool {
            defer { arrived = 0 }
            return arrived > 0
        }
        func resume() -> Bool { true }
    }

    /// A clock the test moves by hand.
    private final class ManualClock {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
        func advance(milliseconds: Int) { now += Double(milliseconds) / 1000 }
    }

    private func watch() -> (DeskChangeWatch, StubFeed, ManualClock) {
        let feed = StubFeed()
        let clock = ManualClock()
        let watch = DeskChangeWatch(feed: feed, currentToken: { () throws(DeskError) -> Int64 in 1 }, now: { clock.now })
        return (watch, feed, clock)
    }

    func testASingleChangeAfterAQuietMomentRefreshesAtOnce() {
        let (watch, feed, clock) = watch()
        feed.arrived = 1
        XCTAssertTrue(watch.notified())
        XCTAssertFalse(watch.owedRefreshIsDue())
        XCTAssertEqual(watch.waitMilliseconds(upTo: 250), 250, "nothing owed: the loop waits as long as it likes")
        clock.advance(milliseconds: 400)
        feed.arrived = 1
        XCTAssertTrue(watch.notified(), "the floor has passed: at once again")
    }

    /// The loop as `DeskApp` runs it, for 3 s of notifications every 5 ms: refreshes are at least
    /// a floor apart, and no notification waits more than 200 ms for the refresh after it.
    func testAFloodRefreshesAtMostOncePerFloorAndNoChangeWaitsLongerThan200ms() {
        let (watch, feed, clock) = watch()
        var refreshes: [Date] = []
        var changes: [Date] = []
        func turn() {
            if watch.owedRefreshIsDue() { refreshes.append(clock.now) }
            if feed.arrived > 0, watch.notified() { refreshes.append(clock.now) }
        }
        for _ in 0..<600 {
            feed.arrived += 1
            changes.append(clock.now)
            turn()
            // The loop sleeps until the next notification or until an owed refresh falls due.
            let sleep = min(5, Int(watch.waitMilliseconds(upTo: 250)))
            clock.advance(milliseconds: sleep)
            turn()
            clock.advance(milliseconds: 5 - sleep)
        }
        // The flood ends: the loop waits as it is told until nothing is owed.
        for _ in 0..<10 {
            clock.advance(milliseconds: Int(watch.waitMilliseconds(upTo: 250)))
            turn()
        }

        XCTAssertLessThanOrEqual(refreshes.count, 3000 / DeskChangeWatch.refreshFloor + 2, "600 notifications")
        XCTAssertGreaterThan(refreshes.count, 10, "the screen keeps following the flood")
        for (earlier, later) in zip(refreshes, refreshes.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later.timeIntervalSince(earlier), Double(DeskChangeWatch.refreshFloor) / 1000 - 0.0005)
        }
        for change in changes {
            let shown = refreshes.first { $0 >= change }
            XCTAssertNotNil(shown, "every change is followed by a refresh")
            if let shown { XCTAssertLessThanOrEqual(shown.timeIntervalSince(change), 0.2) }
        }
        XCTAssertFalse(watch.owedRefreshIsDue(), "nothing left owed")
    }

    func testAChangeWithinTheFloorIsOwedARefreshAtItsEndAndTheWaitShortensToIt() {
        let (watch, feed, clock) = watch()
        feed.arrived = 1
        XCTAssertTrue(watch.notified())
        clock.advance(milliseconds: 40)
        feed.arrived = 3
        XCTAssertFalse(watch.notified(), "within the floor: not now")
        XCTAssertFalse(watch.owedRefreshIsDue())
        XCTAssertEqual(watch.waitMilliseconds(upTo: 250), 110, "the loop wakes when it falls due")
        clock.advance(milliseconds: 110)
        XCTAssertTrue(watch.owedRefreshIsDue())
        XCTAssertFalse(watch.owedRefreshIsDue(), "owed once")
        XCTAssertEqual(watch.waitMilliseconds(upTo: 250), 250)
    }
}
