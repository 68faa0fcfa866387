import DeskModel
import DeskPostgres
@testable import DeskPostgresStore
import XCTest

/// A search walks the newest ids by the primary key before it asks an index (PostgresRows+Search).
/// For a CJK word the walk must stay a walk: the planner has no statistics on the partial gram
/// indexes, takes every CJK word for a rare one, and given the gram conditions reads all of a
/// common word's matches (24,000 messages at 1M) instead of the newest few hundred.
final class PostgresCJKWalkTests: XCTestCase {
    private func plan(_ db: PostgresConnection, _ condition: PostgresQueryFragment, newest: Int64) throws -> String {
        let range = PostgresRows.SearchRange.walk(before: newest + 1, from: max(1, newest + 1 - PostgresRows.searchWalkWindow))
        let (ids, order) = range.sql("m.id")
        let query = PostgresQueryFragment("SELECT m.id FROM message m WHERE ") + condition.and(ids)
            + PostgresQueryFragment(" ORDER BY \(order) LIMIT \(PostgresRows.searchBatch)")
        return try db.query("EXPLAIN " + query.numbered(), query.values).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
    }

    func testTheWalkForACommonCJKWordReadsTheNewestRowsNotTheGramIndex() throws {
        let db = try ScratchDatabase(self).connectToDesk()
        let hana = try DeskRows.user(db, handle: "hana", role: "customer")
        let ticket = try DeskRows.ticket(db, requester: hana, subject: "請求書について", description: "ご確認ください")
        let first = try DeskRows.message(db, ticket: ticket.id, author: hana, body: "ご対応ありがとうございます。")
        // 20,000 more like it: the word is in every message.
        try db.execute("""
            INSERT INTO message (ticket_id, kind, author_id, body, created_at)
            SELECT ticket_id, kind, author_id, body || ' ' || n, created_at FROM message, generate_series(1, 20000) AS n
            WHERE id = $1
            """, [.int(first)])
        try db.execute("ANALYZE message")
        let newest = try db.query("SELECT max(id) AS newest FROM message")[0].decode(Int64.self, column: "newest")
        let search = try XCTUnwrap(PostgresTextSearchQuery(XCTUnwrap(SearchWords(typed: "ご対応"))))
        XCTAssertEqual(search.substrings, ["ご対応"])

        let walked = try plan(db, search.condition(vector: "m.search_words", text: "m.body", walked: true), newest: newest)
        XCTAssertFalse(walked.contains("cjk_grams"), walked)
        XCTAssertTrue(walked.contains("message_pkey"), walked)
        // Why: with the index's conditions the planner trades the walk for the whole posting list.
        let indexed = try plan(db, search.condition(vector: "m.search_words", text: "m.body"), newest: newest)
        XCTAssertTrue(indexed.contains("message_cjk_grams"), indexed)

        // Both find the same rows.
        for condition in [search.condition(vector: "m.search_words", text: "m.body", walked: true),
                          search.condition(vector: "m.search_words", text: "m.body")] {
            let query = PostgresQueryFragment("SELECT count(*) AS n FROM message m WHERE ") + condition
            XCTAssertEqual(try db.query(query.numbered(), query.values)[0].decode(Int64.self, column: "n"), 20001)
        }
    }
}
