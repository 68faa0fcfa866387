import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// What the curses adapter hands ncurses for one cell.
final class CursesTextTests: XCTestCase {
    override func setUp() {
        // The widths curses uses are the C library's, which follow the character type.
        TerminalLocale.useUTF8()
    }

    private func cell(_ text: String, _ width: UInt8) -> Cell { Cell(text: text, width: width, style: .normal) }

    func testACellIsItsCharacterAndCombiningMarksWithoutJoinedParts() {
        XCTAssertEqual(CursesTerminal.cursesText(cell("日", 2)).text, "日")
        XCTAssertEqual(CursesTerminal.cursesText(cell("e\u{301}", 1)).text, "e\u{301}")
        // The rest of a joined emoji would be dropped by curses, and a dangling joiner merges
        // with the next cell in some terminals.
        XCTAssertEqual(CursesTerminal.cursesText(cell("👩‍💻", 2)).text, "👩")
        // A symbol made emoji by VS16: curses counts 1 column, the grid 2.
        XCTAssertTrue(CursesTerminal.cursesText(cell("⚠️", 2)) == ("⚠", 1))
    }

    /// `draw` writes a one-byte printable cell without `cursesText`: it must hand curses what
    /// `cursesText` would, in either locale, and leave every other cell to it.
    func testTheASCIIShortcutTakesExactlyThePrintableOneByteCellsAsTheyAre() {
        for byte in UInt8(0)...UInt8(0x7F) {
            let text = String(UnicodeScalar(byte))
            let taken = CursesTerminal.singleASCII(text)
            XCTAssertEqual(taken, byte >= 0x20 && byte < 0x7F ? byte : nil, "byte \(byte)")
            guard taken != nil else { continue }
            for utf8 in [true, false] {
                XCTAssertTrue(CursesTerminal.cursesText(cell(text, 1), utf8: utf8) == (text, 0), "\(text) utf8: \(utf8)")
            }
        }
        for text in ["", "ab", "e\u{301}", "é", "日", "😀", " \u{200B}"] {
            XCTAssertNil(CursesTerminal.singleASCII(text), text)
        }
    }

    func testWithoutAUTF8LocaleEveryOtherCharacterIsReplacedNeverDropped() {
        XCTAssertTrue(CursesTerminal.cursesText(cell("a", 1), utf8: false) == ("a", 0))
        XCTAssertTrue(CursesTerminal.cursesText(cell("é", 1), utf8: false) == ("?", 0))
        XCTAssertTrue(CursesTerminal.cursesText(cell("署", 2), utf8: false) == ("?", 1))
        XCTAssertTrue(CursesTerminal.cursesText(cell("😀", 2), utf8: false) == ("?", 1))
    }

    func testTheLocaleFallsBackToCUTF8() {
        let saved = ["LANG", "LC_ALL", "LC_CTYPE"].map { ($0, ProcessInfo.processInfo.environment[$0]) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
            TerminalLocale.useUTF8()
        }
        unsetenv("LC_ALL")
        unsetenv("LC_CTYPE")
        setenv("LANG", "C", 1)
        XCTAssertTrue(TerminalLocale.useUTF8(), "this system has C.UTF-8")
        XCTAssertTrue(TerminalLocale.isUTF8)
    }
}
