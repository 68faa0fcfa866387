@testable import DeskPostgresStore
import XCTest

/// Which words search counts as rare: the words of a tsquery as the server writes it, looked up
/// in the common words of a table's statistics.
final class PostgresCommonWordsTests: XCTestCase {
    func testTheWordsOfAQueryAreReadFromItsTextForm() {
        let query = PostgresQueryLexemes(tsquery: "'sync' & 'dns' <-> 'it''s':* & 'back\\\\slash':*AB & ( 'x' <2> 'y' )")
        XCTAssertEqual(query.lexemes, [
            PostgresQueryLexeme(text: "sync", isPrefix: false),
            PostgresQueryLexeme(text: "dns", isPrefix: false),
            PostgresQueryLexeme(text: "it's", isPrefix: true),
            PostgresQueryLexeme(text: "back\\slash", isPrefix: true),
            PostgresQueryLexeme(text: "x", isPrefix: false),
            PostgresQueryLexeme(text: "y", isPrefix: false),
        ])
        XCTAssertTrue(query.isConjunction)
        XCTAssertFalse(PostgresQueryLexemes(tsquery: "'a' | 'b'").isConjunction)
        XCTAssertFalse(PostgresQueryLexemes(tsquery: "'a' & !'b'").isConjunction)
        XCTAssertTrue(PostgresQueryLexemes(tsquery: "'a|b' & '!'").isConjunction, "operators inside quotes are text")
        XCTAssertEqual(PostgresQueryLexemes(tsquery: "").lexemes, [])
    }

    func testAWordIsRareWhenTheStatisticsDoNotListIt() {
        let common = PostgresCommonWords(lexemes: ["sync", "printer", "quota"])
        func rare(_ text: String, prefix: Bool = false) -> Bool { common.isRare(PostgresQueryLexeme(text: text, isPrefix: prefix)) }
        XCTAssertFalse(rare("sync"))
        XCTAssertTrue(rare("quokkalith"))
        XCTAssertTrue(rare("syn"), "a whole word is looked up as it is")
        XCTAssertFalse(rare("syn", prefix: true), "a listed word starts with it")
        XCTAssertFalse(rare("quo", prefix: true))
        XCTAssertTrue(rare("quok", prefix: true))
        XCTAssertFalse(rare("zq", prefix: true), "too short a prefix to tell")
        XCTAssertFalse(PostgresCommonWords(lexemes: nil).isRare(PostgresQueryLexeme(text: "quokkalith", isPrefix: false)),
                       "without statistics every word counts as common")
    }

    func testAQueryIsRareWhenOneOfItsWordsIsAndItIsAConjunction() {
        let common = PostgresCommonWords(lexemes: ["sync", "printer"])
        XCTAssertTrue(common.isRare(PostgresQueryLexemes(tsquery: "'sync' & 'quokkalith':*")))
        XCTAssertFalse(common.isRare(PostgresQueryLexemes(tsquery: "'sync' & 'printer':*")))
        XCTAssertFalse(common.isRare(PostgresQueryLexemes(tsquery: "'sync' | 'quokkalith'")))
    }

    func testTheProbeDecidesWhetherTheWalkGoesOn() {
        let walk = PostgresRows.SearchWalk(window: 50_000, probe: 5_000)
        // At the probe's rate the whole window would hold found × 10 tickets; half a page (25) is enough.
        XCTAssertTrue(walk.continuesWalk(found: 3, limit: 50))
        XCTAssertFalse(walk.continuesWalk(found: 2, limit: 50))
        XCTAssertFalse(walk.continuesWalk(found: 0, limit: 50))
        XCTAssertTrue(PostgresRows.SearchWalk(window: 50_000, probe: nil).continuesWalk(found: 0, limit: 50))
    }
}
