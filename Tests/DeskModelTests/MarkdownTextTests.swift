@testable import DeskModel
import XCTest

/// Markdown drawn as terminal text (`MarkdownText`).
final class MarkdownTextTests: XCTestCase {
    func testBlocksBecomeLinesOfTheirKind() {
        let text = MarkdownText("""
            # Title ##
            Some *emphasis* and **strong** text
            that runs on.

            - one
            - two with `code`
              continued
              - nested
            3. third

            > quoted **words**

            ---
            ```swift
            let x = *y*
            ```
            """)
        XCTAssertEqual(text.lines, [
            .init(.heading(level: 1), "Title"),
            .init(.paragraph, "Some emphasis and strong text that runs on."),
            .init(.blank, ""),
            .init(.listItem(marker: "•"), "one"),
            .init(.listItem(marker: "•"), "two with code continued"),
            .init(.listItem(marker: "•"), "nested", depth: 1),
            .init(.listItem(marker: "3."), "third"),
            .init(.blank, ""),
            .init(.quote, "quoted words"),
            .init(.blank, ""),
            .init(.rule, ""),
            .init(.code, "let x = *y*"),
        ])
        XCTAssertEqual(text.plainText, """
            Title
            Some emphasis and strong text that runs on.

            • one
            • two with code continued
              • nested
            3. third

            │ quoted words

            ────────────────────
                let x = *y*
            """)
    }

    func testLinksBecomeNumberedFootnotesOnce() {
        let text = MarkdownText("See [the guide](https://a.example/g \"Guide\"), ![a diagram](https://a.example/d.png), [again](https://a.example/g) and <https://b.example>.")
        XCTAssertEqual(text.links, ["https://a.example/g", "https://a.example/d.png"])
        XCTAssertEqual(text.plainText, """
            See the guide[1], a diagram[2], again[1] and https://b.example.

            [1] https://a.example/g
            [2] https://a.example/d.png
            """)
        // A link whose text is its address needs no footnote.
        XCTAssertEqual(MarkdownText("[https://c.example](https://c.example)").plainText, "https://c.example")
    }

    func testMarkersThatDoNotPairStayAsWritten() {
        XCTAssertEqual(MarkdownText("snake_case_name and 2 * 3 * 4 and a lone ** here").plainText, "snake_case_name and 2 * 3 * 4 and a lone ** here")
        XCTAssertEqual(MarkdownText(#"\*not emphasis\* and _real_"#).plainText, "*not emphasis* and real")
        XCTAssertEqual(MarkdownText("[no address] and [broken](").plainText, "[no address] and [broken](")
        XCTAssertEqual(MarkdownText("#hashtag").plainText, "#hashtag")
    }

    func testControlCharactersNeverReachTheTerminal() {
        let text = MarkdownText("# Evil \u{1B}[2J title\n\nbody \u{07}bell\n```\ncode \u{1B}]0;x\u{07}\n```")
        for line in text.lines {
            XCTAssertFalse(line.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, line.text)
        }
    }
}
