import Foundation
import XCTest

@testable import DeskModel

/// Full-text search, always within what the viewer may see.
final class StoreSearchTests: StoreTestCase {
    /// #1 peter "Problème à l'école" (Pro Co), #2 eve "Export fails" (Big Co),
    /// #3 pia "Printer jams daily" (Pro Co), #4 peter "Printer toner empty".
    /// Internal notes: "zebra" on #1, "okapi" on #2. Public replies: "giraffe" on #3, "llama" on #2.
    override func setUpWithError() throws {
        try super.setUpWithError()
        try f.ticket("Problème à l'école", by: f.peter, description: "L'imprimante de la salle 12 ne marche plus")
        f.clock.advance(by: 60)
        try f.ticket("Export fails", by: f.eve, description: "The CSV export breaks on \"quoted\" fields")
        f.clock.advance(by: 60)
        try f.ticket("Printer jams daily", by: f.pia, description: "Every morning")
        f.clock.advance(by: 60)
        try f.ticket("Printer toner empty", by: f.peter, description: "Cartridge")
        f.clock.advance(by: 60)
        try f.note(1, "zebra firmware issue, do not tell them", by: f.alice)
        try f.note(2, "okapi escalation", by: f.bob)
        try f.reply(3, "Try the giraffe procedure", by: f.alice)
        try f.reply(2, "Is this the llama export?", by: f.eve)
    }

    func testDiacriticsAreFolded() throws {
        XCTAssertEqual(try f.searchNumbers("ecole", f.alice), [1])
        XCTAssertEqual(try f.searchNumbers("école", f.alice), [1])
        XCTAssertEqual(try f.searchNumbers("ÉCOLE", f.alice), [1])
        XCTAssertEqual(try f.searchNumbers("probleme ecole", f.peter), [1])
        XCTAssertEqual(try f.searchNumbers("PROBLÈME", f.paula), [1])
        XCTAssertEqual(try f.searchNumbers("imprimante", f.peter), [1]) // the description
    }

    func testLastWordMatchesAsAPrefix() throws {
        // Newest matching text first: #4's subject is newer than #3's (#3's later reply does
        // not mention printers, so it does not move #3 up).
        XCTAssertEqual(try f.searchNumbers("print", f.alice), [4, 3])
        XCTAssertEqual(try f.searchNumbers("printer", f.alice), [4, 3])
        XCTAssertEqual(try f.searchNumbers("printer ja", f.alice), [3])
        XCTAssertEqual(try f.searchNumbers("jams printer", f.alice), [3])
        XCTAssertEqual(try f.searchNumbers("printer t", f.alice), [4])
        XCTAssertEqual(try f.searchNumbers("eco", f.alice), [1])
        // Only the last word is a prefix.
        XCTAssertEqual(try f.searchNumbers("prin jams", f.alice), [])
        XCTAssertEqual(try f.searchNumbers("nothing-like-this", f.alice), [])
        XCTAssertEqual(try f.searchNumbers("print", f.peter), [4])
        XCTAssertEqual(try f.searchNumbers("print", f.paula), [4, 3])
    }

    func testQuotesAndFullTextSyntaxNeverThrow() throws {
        let queries = [
            "\"", "\"\"", "\"export", "export\"", "\"export\"", "'", "export'", "*", "export*", "**",
            "(export", "export)", "()", "{export}", "[export]", "export:", ":", "subject:export",
            "NEAR(export fails)", "NEAR", "AND", "OR", "NOT", "export AND", "OR export", "NOT export",
            "export OR fails", "-export", "+export", "^export", "export^", "\\", "e\"x\"p", "%", "_",
            "export;DROP TABLE ticket;--", "\u{0}", "\t\n", "", "   ", "😀", "ex\u{301}port",
        ]
        for query in queries {
            XCTAssertNoThrow(try store.search(query, viewer: f.alice, limit: 50), query)
            XCTAssertNoThrow(try store.search(query, viewer: f.peter, limit: 50), query)
        }
        XCTAssertEqual(try f.searchNumbers("\"export\"", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("export\"", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("(export", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("\"quoted\"", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("export*", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("", f.alice), [])
        XCTAssertEqual(try f.searchNumbers("\" * ( ) :", f.alice), [])
        XCTAssertEqual(try f.count("ticket"), 4)
    }

    func testCustomersNeverMatchInternalNotes() throws {
        XCTAssertEqual(try f.searchNumbers("zebra", f.alice), [1])
        XCTAssertEqual(try f.searchNumbers("zebra", f.bob), [1])
        XCTAssertEqual(try f.searchNumbers("zebra", f.peter), [])
        XCTAssertEqual(try f.searchNumbers("zebra", f.paula), [])
        XCTAssertEqual(try f.searchNumbers("zeb", f.peter), [])
        XCTAssertEqual(try f.searchNumbers("firmware", f.peter), [])
        XCTAssertEqual(try f.searchNumbers("okapi", f.root), [2])
        XCTAssertEqual(try f.searchNumbers("okapi", f.eve), [])
        XCTAssertEqual(try f.searchNumbers("okapi", f.erin), [])
        // The same ticket is still found through its public text.
        XCTAssertEqual(try f.searchNumbers("ecole", f.peter), [1])
        // Public replies are searchable by whoever sees the ticket.
        XCTAssertEqual(try f.searchNumbers("giraffe", f.pia), [3])
        XCTAssertEqual(try f.searchNumbers("giraffe", f.paula), [3])
        XCTAssertEqual(try f.searchNumbers("llama", f.erin), [2])
    }

    func testCustomersNeverMatchAnotherOrganisationsTicket() throws {
        XCTAssertEqual(try f.searchNumbers("export", f.alice), [2])
        XCTAssertEqual(try f.searchNumbers("export", f.eve), [2])
        XCTAssertEqual(try f.searchNumbers("export", f.erin), [2])
        XCTAssertEqual(try f.searchNumbers("export", f.peter), [])
        XCTAssertEqual(try f.searchNumbers("export", f.paula), [])
        XCTAssertEqual(try f.searchNumbers("llama", f.paula), [])
        XCTAssertEqual(try f.searchNumbers("ecole", f.eve), [])
        XCTAssertEqual(try f.searchNumbers("ecole", f.erin), [])
        XCTAssertEqual(try f.searchNumbers("printer", f.fred), [])
        // Own access: a colleague's ticket only once watched.
        XCTAssertEqual(try f.searchNumbers("giraffe", f.peter), [])
        try store.setWatching(number: 3, handle: "peter", watching: true, by: f.alice)
        XCTAssertEqual(try f.searchNumbers("giraffe", f.peter), [3])
        XCTAssertEqual(try f.searchNumbers("print", f.peter), [4, 3])
    }

    func testSearchRowsAndLimit() throws {
        for index in 1...5 {
            f.clock.advance(by: 1)
            try f.ticket("Scanner \(index) offline", by: f.erin)
        }
        XCTAssertEqual(try f.searchNumbers("scanner", f.alice), [9, 8, 7, 6, 5])
        XCTAssertEqual(try store.search("scanner", viewer: f.alice, limit: 2).map(\.number), [9, 8])
        let hit = try XCTUnwrap(store.search("scanner 3", viewer: f.erin, limit: 10).first)
        XCTAssertEqual(hit.number, 7)
        XCTAssertEqual(hit.subject, "Scanner 3 offline")
        XCTAssertEqual(hit.requesterHandle, "erin")
        XCTAssertEqual(hit.organisationName, "Big Co")
        XCTAssertEqual(hit.status, .new)
    }
}

/// A customer's search must cost the same whether or not other organisations' tickets hold
/// the word: it never reads the shared full-text index, only the customer's own tickets.
final class StoreCustomerSearchIsolationTests: StoreTestCase {
    func testACustomersSearchNeverReadsTheSharedIndex() throws {
        try f.ticket("Printer jams", by: f.peter, description: "Paper stuck in tray 2")
        try f.reply(1, "Did you try the zebra procedure?", by: f.alice)
        try f.note(1, "okapi internal", by: f.alice)
        for index in 0..<300 {
            try f.ticket("Zebra export \(index)", by: f.eve, description: "zebra zebra okapi")
        }
        let before = (
            zebra: try f.searchNumbers("zebra", f.peter), tray: try f.searchNumbers("tray", f.peter),
            okapi: try f.searchNumbers("okapi", f.peter), printerTray: try f.searchNumbers("printer tr", f.peter))
        XCTAssertEqual(before.zebra, [1])
        XCTAssertEqual(before.tray, [1])
        XCTAssertEqual(before.okapi, [])
        XCTAssertEqual(before.printerTray, [1]) // words may sit in different fields
        // Without the index, a customer's search still answers the same...
        try f.sql { db in
            for trigger in ["ticket_fts_insert", "ticket_fts_update", "message_fts_insert"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
            }
            try db.execute(sql: "DROP TABLE ticket_fts")
            try db.execute(sql: "DROP TABLE message_fts")
        }
        XCTAssertEqual(try f.searchNumbers("zebra", f.peter), before.zebra)
        XCTAssertEqual(try f.searchNumbers("tray", f.peter), before.tray)
        XCTAssertEqual(try f.searchNumbers("okapi", f.peter), before.okapi)
        XCTAssertEqual(try f.searchNumbers("zebra", f.erin).count, 50)
        // ...while the agents' search, which reads it, cannot.
        XCTAssertThrowsError(try f.searchNumbers("zebra", f.alice))
    }

    func testNewestMatchingTextFirstAcrossManyOfTheCustomersTickets() throws {
        for index in 1...120 {
            f.clock.advance(by: 60)
            try f.ticket("Scanner \(index)", by: f.erin, description: index % 3 == 0 ? "offline again" : "fine")
        }
        f.clock.advance(by: 60)
        try f.reply(3, "Scanner offline since Monday", by: f.erin) // #3 gets the newest match
        let numbers = try store.search("offline", viewer: f.erin, limit: 5).map(\.number)
        XCTAssertEqual(numbers, [3, 120, 117, 114, 111])
        XCTAssertEqual(try store.search("offline", viewer: f.alice, limit: 5).map(\.number), numbers)
    }
}
