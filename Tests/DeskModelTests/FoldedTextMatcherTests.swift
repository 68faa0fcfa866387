import XCTest

@testable import DeskModel

/// The matcher customers' searches use must agree with the full-text index's rules.
final class FoldedTextMatcherTests: XCTestCase {
    func matches(_ query: String, _ fields: String...) -> Bool {
        FoldedTextMatcher(query: query)?.matches(fields) ?? false
    }

    func testWordsAreWholeExceptTheLastWhichIsAPrefix() {
        XCTAssertTrue(matches("printer", "The printer jams"))
        XCTAssertTrue(matches("print", "The printer jams"))
        XCTAssertFalse(matches("prin jams", "The printer jams"))
        XCTAssertTrue(matches("jams printer", "The printer jams"))
        XCTAssertFalse(matches("printer toner", "The printer jams"))
    }

    func testCaseAndDiacriticsAreFolded() {
        XCTAssertTrue(matches("ECOLE", "Problème à l'école"))
        XCTAssertTrue(matches("probleme", "Problème à l'école"))
        XCTAssertTrue(matches("école", "ECOLE"))
        XCTAssertTrue(matches("ex\u{301}port", "Éxport"))
    }

    func testPunctuationSplitsWordsAndTypedSyntaxIsPlainText() {
        XCTAssertTrue(matches("e-mail", "my e mail bounced"))
        XCTAssertFalse(matches("e-mail", "my mail e bounced"))
        XCTAssertTrue(matches("\"quoted\"", "breaks on \"quoted\" fields"))
        XCTAssertTrue(matches("(export", "export fails"))
        XCTAssertTrue(matches("subject:export", "subject export"))
        XCTAssertNil(FoldedTextMatcher(query: "\" * ( ) :"))
        XCTAssertNil(FoldedTextMatcher(query: "   "))
    }

    func testEveryWordMustBeInOneFieldButWordsMayBeInDifferentFields() {
        XCTAssertTrue(matches("printer tray", "Printer jams", "Paper stuck in tray 2"))
        XCTAssertFalse(matches("jams paper", "Printer jams", "Toner"))
        XCTAssertTrue(matches("jams paper", "Printer jams", "Paper stuck"))
        // A phrase never spans two fields.
        XCTAssertFalse(matches("jams-paper", "Printer jams", "Paper stuck"))
    }
}
