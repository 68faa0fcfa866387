import DeskModel
import Foundation
import XCTest

/// The demo desk shows service levels at work on first start: the Active view the client
/// opens in has breached tickets and one due within the hour, for every agent.
final class DemoDueSoonCLITests: CLITestCase {
    override class func tearDown() {
        SharedDemo.shared.release()
        super.tearDown()
    }

    func testEveryAgentsActiveViewHasBreachedAndDueSoonTickets() throws {
        let demo = try SharedDemo.shared.get()
        let now = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z"))
        for agent in ["alice", "benoit", "chiara", "kenji"] {
            let result = demo.run(["list", "--view", "active", "--format", "json", "--limit", "200"], user: agent)
            XCTAssertEqual(result.status, 0, "\(result)")
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])["tickets"] as? [[String: Any]]
            let dues = (rows ?? []).compactMap { ($0["due"] as? String).flatMap(ISO8601DateFormatter().date(from:)) }
            XCTAssertTrue(dues.contains { $0 <= now }, "\(agent): a breached ticket")
            XCTAssertTrue(dues.contains { $0 > now && $0 <= now + 3600 }, "\(agent): a ticket due within the hour")
        }
    }
}
