import Foundation
import XCTest

@testable import DeskMail

/// HTML to text on hostile input: deep nesting, huge output, many or nested links,
/// unterminated tags. Sizes are asserted, not times; the times are measured by hand.
final class HTMLTextLimitsTests: XCTestCase {
    /// The shape of the mail that took 15 s and stored a 64 MB description: every level a
    /// list item holding a quote, never closed.
    func nestedListsAndQuotes(_ levels: Int, closed: Bool = false) -> String {
        String(repeating: "<ul><li><blockquote>", count: levels) + "innermost words"
            + (closed ? String(repeating: "</blockquote></li></ul>", count: levels) + "<p>after the quotes</p>" : "")
    }

    func testEightThousandNestedLevelsGiveBoundedText() {
        let html = nestedListsAndQuotes(8_000)
        let text = HTMLText.text(from: html)
        XCTAssertTrue(text.contains("innermost words"))
        XCTAssertLessThan(text.utf8.count, 3 * html.utf8.count, "each level adds at most one capped prefix")
        let deepest = text.split(separator: "\n").first { $0.contains("innermost words") }.map(String.init) ?? ""
        let quotePrefix = String(repeating: "> ", count: HTMLText.deepestDrawnQuote)
        XCTAssertTrue(deepest.hasPrefix(quotePrefix), deepest)
        XCTAssertFalse(deepest.hasPrefix(quotePrefix + ">"), "quotes deeper than the cap are drawn at the cap: \(deepest)")
        XCTAssertLessThanOrEqual(deepest.count, 2 * HTMLText.deepestDrawnQuote + 2 * HTMLText.deepestDrawnList + "innermost words".count)
    }

    func testTwentyThousandNestedLevelsGiveBoundedText() {
        let html = nestedListsAndQuotes(20_000, closed: true)
        let text = HTMLText.text(from: html)
        XCTAssertTrue(text.contains("innermost words"))
        XCTAssertTrue(text.hasSuffix("\n\nafter the quotes"), "closing every level gets back to no prefix")
        XCTAssertLessThan(text.utf8.count, 2 * html.utf8.count)
    }

    func testLevelsUpToTheCapAreDrawnAsBefore() {
        XCTAssertEqual(HTMLText.text(from: "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ul>"), "- a\n  - b\n    1. c")
        XCTAssertEqual(HTMLText.text(from: "<blockquote>a<blockquote>b</blockquote>c</blockquote>d"), "> a\n\n> > b\n\n> c\n\nd")
        let nine = String(repeating: "<ul><li>", count: 9) + "x"
        XCTAssertEqual(HTMLText.text(from: nine).split(separator: "\n").last, Substring(String(repeating: "  ", count: 8) + "- x"))
    }

    func testOutputPastTheLimitIsCutWithAMarker() {
        let html = String(repeating: "<p>twelve chars</p>", count: 1_000)
        let text = HTMLText.text(from: html, outputLimit: 100)
        XCTAssertTrue(text.hasSuffix("\n" + HTMLText.truncationMarker), text)
        XCTAssertLessThanOrEqual(text.unicodeScalars.count, 100 + 1 + HTMLText.truncationMarker.unicodeScalars.count)
        XCTAssertTrue(text.hasPrefix("twelve chars\n\ntwelve chars"))
        XCTAssertFalse(HTMLText.text(from: "<p>short</p>", outputLimit: 100).contains(HTMLText.truncationMarker))
        XCTAssertLessThanOrEqual(HTMLText.defaultOutputLimit, 8_000_000, "a description of a few MB at most")
    }

    func testManyAndNestedLinksKeepTheirRendering() {
        XCTAssertEqual(HTMLText.text(from: "<a href=\"mailto:a@b.example\"> a@b.example </a>"), "a@b.example")
        XCTAssertEqual(HTMLText.text(from: "<a href=\"https://x.example\">  </a>end"), "<https://x.example>end")
        XCTAssertEqual(HTMLText.text(from: "<a href=\"#top\">top</a> <a href=\"u\">v</a>"), "top v <u>")
        // Nested links: each closing one compares only its own visible text with its href.
        let open = String(repeating: "<a href=\"https://x.example\">", count: 2_000), close = String(repeating: "</a>", count: 2_000)
        XCTAssertEqual(HTMLText.text(from: open + "https://x.example" + close), "https://x.example", "every level shows its href as text")
        let text = HTMLText.text(from: open + "site" + close)
        XCTAssertEqual(text, "site" + String(repeating: " <https://x.example>", count: 2_000), "every level adds its href")
    }

    func testUnterminatedTagsAreShownAsText() {
        XCTAssertEqual(HTMLText.text(from: "a <b and <!c"), "a <b and <!c")
        XCTAssertEqual(HTMLText.text(from: "<p>x</p><a href=\"y>z"), "x\n\n<a href=\"y>z")
        // Many unterminated tags: each would scan to the end of the input again.
        // An odd number of quotes: the first tag ends unterminated, the second swallows
        // the rest up to `>`; then 20,000 declarations without a `>`.
        let many = String(repeating: "<a x=\"", count: 19_999) + ">" + String(repeating: "<!x ", count: 20_000)
        XCTAssertEqual(HTMLText.text(from: many), "<a x=\"" + Array(repeating: "<!x", count: 20_000).joined(separator: " "))
    }
}
