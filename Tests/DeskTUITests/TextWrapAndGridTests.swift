import DeskModel
import XCTest

@testable import DeskTUI

final class TextWrapTests: XCTestCase {
    func testWrapsAtSpacesByDisplayWidth() {
        XCTAssertEqual(TextWrap.wrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(TextWrap.wrap("short", width: 10), ["short"])
        // A word that ends exactly at the width keeps its line: the space after it is the break.
        XCTAssertEqual(TextWrap.wrap("hello world", width: 5), ["hello", "world"])
        XCTAssertEqual(TextWrap.wrap("ab cd ef", width: 5), ["ab cd", "ef"])
        XCTAssertEqual(TextWrap.wrap("one two three four", width: 7), ["one two", "three", "four"])
    }

    func testWideCharactersCountTwoColumns() {
        XCTAssertEqual(TextWrap.wrap("日本語のテキスト", width: 5), ["日本", "語の", "テキ", "スト"])
        XCTAssertEqual(TextWrap.wrap("日本語のテキスト", width: 4), ["日本", "語の", "テキ", "スト"])
        XCTAssertEqual(TextWrap.wrap("a 日本", width: 4), ["a", "日本"])
        XCTAssertEqual(TextWrap.wrap("🔥🔥🔥 ok", width: 4), ["🔥🔥", "🔥", "ok"])
        // A glyph wider than the pane still comes out, alone on its line.
        XCTAssertEqual(TextWrap.wrap("日本", width: 1), ["日", "本"])
        // Combining marks ride on their base.
        XCTAssertEqual(TextWrap.wrap("cafe\u{301} cafe\u{301}", width: 4), ["cafe\u{301}", "cafe\u{301}"])
    }

    func testALongUnbrokenTokenIsCutByColumns() {
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextWrap.wrap("see https://example.test/a/very/long/path", width: 12),
                       ["see", "https://exam", "ple.test/a/v", "ery/long/pat", "h"])
        XCTAssertEqual(TextWrap.wrap("ab cdefghijk", width: 5), ["ab", "cdefg", "hijk"])
    }

    func testTabsExpandToTheNextMultipleOfFour() {
        XCTAssertEqual(TextWrap.wrap("a\tb", width: 20), ["a   b"])
        XCTAssertEqual(TextWrap.wrap("\tindented", width: 20), ["    indented"])
        XCTAssertEqual(TextWrap.wrap("abc\td\te", width: 20), ["abc d   e"])
        // A tab counts its expanded width when fitting a line.
        XCTAssertEqual(TextWrap.wrap("ab\tcd ef", width: 7), ["ab  cd", "ef"])
    }

    func testEmptyLinesAreKept() {
        XCTAssertEqual(TextWrap.wrap("", width: 10), [""])
        XCTAssertEqual(TextWrap.wrap("a\n\nb", width: 10), ["a", "", "b"])
        XCTAssertEqual(TextWrap.wrap("a\n", width: 10), ["a", ""])
        XCTAssertEqual(TextWrap.wrap("\n", width: 10), ["", ""])
        // A width below 1 is treated as 1.
        XCTAssertEqual(TextWrap.wrap("ab", width: 0), ["a", "b"])
    }

    func testLineStartOffsetsAndLengths() {
        let lines = TextWrap.lines("hello world\nfoo bar baz\n\nx", width: 7)
        XCTAssertEqual(lines, [
            TextWrap.Line(text: "hello", start: 0, length: 5),
            TextWrap.Line(text: "world", start: 6, length: 5),
            TextWrap.Line(text: "foo bar", start: 12, length: 7),
            TextWrap.Line(text: "baz", start: 20, length: 3),
            TextWrap.Line(text: "", start: 24, length: 0),
            TextWrap.Line(text: "x", start: 25, length: 1),
        ])
        // Offsets are in graphemes, widths in columns.
        XCTAssertEqual(TextWrap.lines("日本語 abc", width: 6), [
            TextWrap.Line(text: "日本語", start: 0, length: 3),
            TextWrap.Line(text: "abc", start: 4, length: 3),
        ])
        // A tab is one grapheme however wide it shows.
        XCTAssertEqual(TextWrap.lines("\tab", width: 10), [TextWrap.Line(text: "    ab", start: 0, length: 3)])
    }

    func testCaretGeometryOverWrappedLines() {
        let lines = TextWrap.lines("hello world", width: 5)
        XCTAssertEqual(ComposerGeometry.caretLine(in: lines, cursor: 0).line, 0)
        XCTAssertEqual(ComposerGeometry.caretLine(in: lines, cursor: 3).column, 3)
        XCTAssertEqual(ComposerGeometry.caretLine(in: lines, cursor: 6).line, 1)
        XCTAssertEqual(ComposerGeometry.caretLine(in: lines, cursor: 6).column, 0)
        XCTAssertEqual(ComposerGeometry.caretLine(in: lines, cursor: 11).column, 5)
        let wide = TextWrap.lines("日本語", width: 10)
        XCTAssertEqual(ComposerGeometry.caretLine(in: wide, cursor: 2).column, 4)
    }
}

final class GridTests: XCTestCase {
    private func cells(_ grid: Grid, row: Int = 0) -> [String] {
        (0..<grid.width).map { grid[$0, row].isContinuation ? "|" : grid[$0, row].text }
    }

    func testWriteClipsToTheEdgeAndTheLimit() {
        var grid = Grid(width: 6, height: 2)
        XCTAssertEqual(grid.write("abcdefgh", x: 1, y: 0, style: .normal), 5)
        XCTAssertEqual(grid.rowText(0), " abcde")
        XCTAssertEqual(grid.write("xyz", x: 0, y: 1, style: .error, limit: 2), 2)
        XCTAssertEqual(grid.rowText(1), "xy    ")
        XCTAssertEqual(grid[1, 1].style, .error)
        XCTAssertEqual(grid[2, 1].style, .normal)
        // Outside the grid nothing happens.
        XCTAssertEqual(grid.write("x", x: 0, y: 2, style: .normal), 0)
        XCTAssertEqual(grid.write("x", x: 6, y: 0, style: .normal), 0)
        XCTAssertEqual(grid.write("x", x: 0, y: -1, style: .normal), 0)
        // From a negative column, what falls left of the grid is dropped.
        var left = Grid(width: 4, height: 1)
        left.write("abc", x: -1, y: 0, style: .normal)
        XCTAssertEqual(left.rowText(0), "bc  ")
    }

    func testWideGlyphAtTheRightEdgeBecomesABlank() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("abcd日", x: 0, y: 0, style: .heading), 5)
        XCTAssertEqual(cells(grid), ["a", "b", "c", "d", " "])
        XCTAssertEqual(grid[4, 0].style, .heading)
        var exact = Grid(width: 6, height: 1)
        XCTAssertEqual(exact.write("abcd日", x: 0, y: 0, style: .normal), 6)
        XCTAssertEqual(cells(exact), ["a", "b", "c", "d", "日", "|"])
        XCTAssertEqual(exact[4, 0].width, 2)
        // The same at a limit inside the grid.
        var limited = Grid(width: 6, height: 1)
        XCTAssertEqual(limited.write("日本", x: 0, y: 0, style: .normal, limit: 3), 3)
        XCTAssertEqual(cells(limited), ["日", "|", " ", " ", " ", " "])
        assertWideGlyphsWhole(grid)
        assertWideGlyphsWhole(exact)
        assertWideGlyphsWhole(limited)
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        func base() -> Grid {
            var grid = Grid(width: 6, height: 1)
            grid.write("日本語", x: 0, y: 0, style: .normal)
            return grid
        }
        var second = base()
        second.write("x", x: 1, y: 0, style: .normal)
        XCTAssertEqual(cells(second), [" ", "x", "本", "|", "語", "|"])
        XCTAssertEqual(second.rowText(0), " x本語")

        var first = base()
        first.write("y", x: 2, y: 0, style: .normal)
        XCTAssertEqual(cells(first), ["日", "|", "y", " ", "語", "|"])

        var straddle = base()
        straddle.write("漢", x: 1, y: 0, style: .normal)
        XCTAssertEqual(cells(straddle), [" ", "漢", "|", " ", "語", "|"])
        for grid in [second, first, straddle] { assertWideGlyphsWhole(grid) }
    }

    func testAWideGlyphCutAtTheLimitDoesNotOrphanWhatItCovers() {
        // The blank left where a glyph did not fit lands on the first half of an old glyph.
        var grid = Grid(width: 4, height: 1)
        grid.write("x日", x: 0, y: 0, style: .normal)
        XCTAssertEqual(grid.write("本", x: 1, y: 0, style: .normal, limit: 1), 1)
        XCTAssertEqual(cells(grid), ["x", " ", " ", " "])
        XCTAssertEqual(grid.rowText(0), "x   ")
        assertWideGlyphsWhole(grid)
        // ...or on the second half of one.
        var other = Grid(width: 4, height: 1)
        other.write("日本", x: 0, y: 0, style: .normal)
        other.write("語", x: 1, y: 0, style: .normal, limit: 1)
        XCTAssertEqual(cells(other), [" ", " ", "本", "|"])
        assertWideGlyphsWhole(other)
    }

    func testZeroWidthScalarsJoinThePreviousCell() {
        var grid = Grid(width: 4, height: 1)
        // A lone vowel jamo is a zero-width grapheme of its own.
        XCTAssertEqual(grid.write("a\u{1161}b", x: 0, y: 0, style: .normal), 2)
        XCTAssertEqual(grid[0, 0].text, "a\u{1161}")
        XCTAssertEqual(grid[1, 0].text, "b")
        // A combining mark is part of its grapheme: one cell.
        grid.write("e\u{301}", x: 2, y: 0, style: .normal)
        XCTAssertEqual(grid[2, 0].text, "e\u{301}")
        XCTAssertEqual(grid[3, 0], .blank)
    }

    func testInvisibleCharactersAreDrawnAsTheMarkedPlaceholdersTheyAreMeasuredAs() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.write("a\u{200B}b\u{2060}", x: 0, y: 0, style: .normal), DisplayWidth.of("a\u{200B}b\u{2060}"))
        XCTAssertEqual(grid.allCellTexts, ["a", "\u{FFFD}", "b", "\u{FFFD}", " ", " "])
        XCTAssertEqual(grid[1, 0].style, .placeholder)
        XCTAssertEqual(grid[0, 0].style, .normal)
    }

    func testFillTextAndCursor() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 10), style: .bar)
        XCTAssertEqual(grid[0, 1].style, .normal)
        XCTAssertEqual(grid[3, 2].style, .bar)
        grid.write("ab", x: 0, y: 0, style: .normal)
        XCTAssertEqual(grid.text, "ab\n\n")
        XCTAssertNil(grid.cursor)
        grid.cursor = (2, 1)
        XCTAssertEqual(grid.cursor?.x, 2)
        var other = grid
        other.cursor = (2, 2)
        XCTAssertNotEqual(grid, other, "the cursor is part of the screen")
        XCTAssertEqual(Rect(x: 0, y: 0, width: -3, height: 2).width, 0)
        XCTAssertTrue(Rect(x: 1, y: 1, width: 2, height: 2).contains(x: 2, y: 2))
        XCTAssertFalse(Rect(x: 1, y: 1, width: 2, height: 2).contains(x: 3, y: 2))
    }
}
