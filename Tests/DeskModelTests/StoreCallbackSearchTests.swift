import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Searching and listing around call-back requests: the ✆ state rides on search results for
/// the readers who may know of the request; the request's window and zone are not searchable
/// text (a colleague would learn of the request by finding the ticket); a customer's list of
/// requests is filtered where it is read, so `limit` counts only what they get.
final class StoreCallbackSearchTests: StoreTestCase {
    let ask = CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Europe/Paris", note: "Ask for the lab")

    func testSearchResultsCarryTheOpenRequestForTheReadersWhoMayKnowOfIt() throws {
        let asked = try f.ticket("VPN drops", by: f.eve)
        let other = try f.ticket("VPN slow", by: f.eve)
        _ = try store.requestCallback(number: asked.number, ask, by: f.eve)
        func marks(_ viewer: Viewer) throws -> [Int64: CallbackState?] {
            Dictionary(uniqueKeysWithValues: try store.search("vpn", viewer: viewer, limit: 10).map { ($0.number, $0.callback) })
        }
        XCTAssertEqual(try marks(f.eve), [asked.number: .requested, other.number: nil], "the requester")
        XCTAssertEqual(try marks(f.alice), [asked.number: .requested, other.number: nil], "staff")
        XCTAssertEqual(try marks(f.erin), [asked.number: nil, other.number: nil], "a colleague learns nothing of Eve's request")
        _ = try store.takeCallback(number: asked.number, by: f.bob)
        XCTAssertEqual(try marks(f.alice)[asked.number], .taken)
        // A filter alone (no words) lists the same way.
        let filtered = try store.search(TicketQuery(filter: TicketFilter([FilterClause(.callback(CallbackState.open))])), viewer: f.eve, limit: 10)
        XCTAssertEqual(filtered.map(\.number), [asked.number])
        XCTAssertEqual(filtered.map(\.callback), [.taken])
    }

    func testARequestsWindowZoneAndNoteAreNotSearchableText() throws {
        let ticket = try f.ticket("VPN drops", by: f.eve)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        _ = try store.recordCallback(number: ticket.number, CallbackReport(outcome: .rescheduled, window: "09:00-10:00", timeZone: "Asia/Tokyo"), by: f.bob)
        for viewer in [f.erin, f.eve, f.alice] {
            for words in ["paris", "tokyo", "14:00", "lab", "requested"] {
                XCTAssertEqual(try store.search(words, viewer: viewer, limit: 10).map(\.number), [], "\(viewer.user.handle) searching \(words)")
            }
            XCTAssertEqual(try store.search("vpn", viewer: viewer, limit: 10).map(\.number), [ticket.number], "\(viewer.user.handle) still finds the ticket")
        }
        // The history still words the events from their values.
        XCTAssertTrue(try store.detail(number: ticket.number, viewer: f.eve).messages.contains {
            $0.event == .callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "eve")
        })
    }

    func testACustomersListOfRequestsFillsItsLimitFromTheTicketsTheyStillSee() throws {
        // Erin asks first on three of Eve's tickets (seen through Big Co), then on two of her own.
        var lost: [Int64] = []
        for index in 1...3 {
            let ticket = try f.ticket("Eve's case \(index)", by: f.eve)
            _ = try store.requestCallback(number: ticket.number, ask, by: f.erin)
            lost.append(ticket.number)
        }
        let own = try (1...2).map { index in try f.ticket("Erin's case \(index)", by: f.erin) }
        for ticket in own { _ = try store.requestCallback(number: ticket.number, ask, by: f.erin) }
        try store.setAccountAccess(handle: "erin", organisation: "Big Co", caseAccess: .own, by: nil)
        let erin = try store.viewer(handle: "erin")
        let all = Set(CallbackState.allCases)
        XCTAssertEqual(try store.callbacks(states: all, viewer: erin, limit: 2).map(\.ticketNumber), own.map(\.number))
        XCTAssertEqual(try store.callbacks(states: all, viewer: erin, limit: 1).map(\.ticketNumber), [own[0].number])
        XCTAssertEqual(try store.callbacks(states: all, viewer: f.alice, limit: 4).map(\.ticketNumber), lost + [own[0].number], "staff read every request")
    }

    func testTheMigrationTakesStoredCallBackTextOutOfTheIndexes() throws {
        let ticket = try f.ticket("VPN drops", by: f.eve)
        _ = try store.requestCallback(number: ticket.number, ask, by: f.eve)
        // A desk from before v20 stored and indexed the event's words (a CJK handle's too).
        let old = "Call-back requested by eve: 14:00-16:00 (Europe/Paris) 東京"
        try f.sql { db in
            try db.execute(sql: "UPDATE message SET body = ? WHERE event LIKE ?", arguments: [old, SystemEvent.callbackPayloadPattern])
            try db.execute(sql: "INSERT INTO message_fts(rowid, body) SELECT id, body FROM message WHERE body = ?", arguments: [old])
            try db.execute(sql: """
                INSERT INTO message_cjk(rowid, words, grams)
                SELECT id, deskterm_cjk_words(body), deskterm_cjk_grams(body) FROM message WHERE body = ?
                """, arguments: [old])
        }
        XCTAssertEqual(try store.search("paris", viewer: f.alice, limit: 10).map(\.number), [ticket.number], "the old desk's leak")
        XCTAssertEqual(try store.search("東京", viewer: f.alice, limit: 10).map(\.number), [ticket.number])

        try f.sql { db in try db.execute(sql: CallbackSearchSchema.removal) }
        XCTAssertEqual(try store.search("paris", viewer: f.alice, limit: 10).map(\.number), [])
        XCTAssertEqual(try store.search("東京", viewer: f.alice, limit: 10).map(\.number), [])
        XCTAssertEqual(try store.search("vpn", viewer: f.alice, limit: 10).map(\.number), [ticket.number])
        try f.sql { db in
            try db.execute(sql: "INSERT INTO message_fts(message_fts) VALUES ('integrity-check')")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE body = ? OR (body_length IS NOT NULL AND body_length != length(body))", arguments: [old]), 0)
        }
        XCTAssertTrue(try store.detail(number: ticket.number, viewer: f.eve).messages.contains {
            $0.event == .callbackRequested(window: "14:00-16:00", zone: "Europe/Paris", actor: "eve")
        }, "the history words the event from its values")
    }
}
