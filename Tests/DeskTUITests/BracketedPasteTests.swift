import XCTest

@testable import DeskTUI

/// The bytes of a bracketed paste, however the terminal's writes and the client's reads cut them.
final class BracketedPasteTests: XCTestCase {
    private func collect(_ chunks: [String]) -> PasteCollector {
        var collector = PasteCollector()
        for chunk in chunks { collector.consume(Array(chunk.utf8)) }
        return collector
    }

    func testThePasteEndsAtTheEndMarker() {
        let collector = collect(["2s\r\u{1B}[201~"])
        XCTAssertTrue(collector.isComplete)
        XCTAssertEqual(collector.text, "2s\r")
        XCTAssertEqual(collector.leftover, [])
    }

    func testAnEndMarkerSplitAcrossReadsIsFound() {
        for cut in 1..<6 {
            let marker = "\u{1B}[201~"
            let collector = collect(["line one\nsecond" + marker.prefix(cut), String(marker.dropFirst(cut)) + "jk"])
            XCTAssertTrue(collector.isComplete, "cut at \(cut)")
            XCTAssertEqual(collector.text, "line one\nsecond", "cut at \(cut)")
            XCTAssertEqual(collector.leftover, Array("jk".utf8), "keys typed after the paste, cut at \(cut)")
        }
    }

    func testEscapesThatAreNotTheEndMarkerArePartOfThePaste() {
        var collector = collect(["a\u{1B}[31mred\u{1B}[20", "0~b"])
        XCTAssertFalse(collector.isComplete)
        collector.consume(Array("\u{1B}[201~".utf8))
        XCTAssertEqual(collector.text, "a\u{1B}[31mred\u{1B}[200~b")
    }

    func testACharacterSplitAcrossReadsIsWholeAndBrokenUTF8IsReplaced() {
        let bytes = Array("日本".utf8)
        var collector = PasteCollector()
        collector.consume(bytes[0..<2])
        collector.consume(bytes[2...] + [0xFF] + Array("\u{1B}[201~".utf8))
        XCTAssertEqual(collector.text, "日本\u{FFFD}")
    }

    func testA100KilobytePasteIsCollectedInLinearTime() {
        let line = Array("Pasted line of a long log: lorem ipsum dolor sit amet\n".utf8)
        var collector = PasteCollector()
        let start = Date()
        for _ in 0..<(100_000 / line.count) { collector.consume(line) }
        collector.consume(Array("\u{1B}[201~".utf8))
        XCTAssertTrue(collector.isComplete)
        XCTAssertEqual(collector.text.utf8.count, 100_000 / line.count * line.count)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1, "even in a debug build")
    }
}
