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

    func testCJKWordsMatchAnywhereInsideAWordOfOneField() {
        XCTAssertTrue(matches("アカウント", "新入社員20名分のアカウント追加のお願い"))
        XCTAssertTrue(matches("署名検証", "Webhook の署名検証が失敗します"))
        XCTAssertTrue(matches("20名分", "新入社員20名分のアカウント"))
        XCTAssertTrue(matches("名", "署名"))
        XCTAssertTrue(matches("그인", "로그인이 안 됩니다"))
        XCTAssertFalse(matches("検証失敗", "署名検証が失敗"))
        XCTAssertFalse(matches("の署", "Webhook の", "署名")) // never across fields
        XCTAssertFalse(matches("の署", "Webhook の 署名")) // nor across words
        XCTAssertTrue(matches("「署名」", "署名検証"))
    }

    func testMixedQueriesKeepTheRulesOfEachKindOfWord() {
        XCTAssertTrue(matches("Webhook 署名", "Webhook の署名検証が失敗します"))
        XCTAssertTrue(matches("署名 webh", "Webhook の署名検証"))
        XCTAssertFalse(matches("webh 署名", "Webhook の署名検証"))
        XCTAssertTrue(matches("webhook 署名", "Webhook", "の署名検証"))
    }
}

/// The agents' index queries for the same typed text.
final class FullTextQueryTests: XCTestCase {
    func testWordsAndCJKWordsGoToTheirIndexes() {
        XCTAssertEqual(FullTextQuery.match(for: "printer ja"), .words("\"printer\" \"ja\"*"))
        XCTAssertEqual(FullTextQuery.match(for: "\"Ecole\""), .words("\"\"\"Ecole\"\"\"*"))
        XCTAssertEqual(FullTextQuery.match(for: "Webhook 署名検証"), .cjk("words : \"webhook\" grams : \"署名 名検 検証\""))
        XCTAssertEqual(FullTextQuery.match(for: "署名 e-mai"), .cjk("grams : \"署名\" words : \"e mai\"*"))
        XCTAssertEqual(FullTextQuery.match(for: "名"), .cjk("grams : \"名\"*"))
        XCTAssertEqual(FullTextQuery.match(for: "e-mail署名"), .cjk("words : \"e\" grams : \"ma ai il l署 署名\""))
        XCTAssertNil(FullTextQuery.match(for: "「」 。 😀"))
    }

    func testTheCJKIndexKeepsOtherWordsWholeAndCJKWordsAsBigrams() {
        let gap = CJKText.gap
        let columns = CJKText.indexColumns(of: ["Webhook の署名検証", "E-mail 再送"])
        XCTAssertEqual(columns.words, "webhook \(gap) e mail \(gap)")
        XCTAssertEqual(columns.grams, "の署 署名 名検 検証 証 再送 送")
        XCTAssertFalse(CJKText.containsCJK(["Problème à l'école", "Printer"]))
        XCTAssertTrue(CJKText.containsCJK(["Printer", "로그인"]))

    }
}
