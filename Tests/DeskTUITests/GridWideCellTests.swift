import DeskModel
import XCTest

@testable import DeskTUI

/// Whatever is written or filled over wide characters, a grid keeps its shape: every wide cell
/// is followed by its continuation and every continuation follows a wide cell, so each row is
/// exactly as many columns as the screen.
final class GridWideCellTests: XCTestCase {
    func testWritesAndFillsOverWideCharactersKeepEveryRowWhole() {
        let pieces = ["日本語", "署名検証", "😀", "👩‍💻", "Cafe\u{301}", "│", "•", "2026-12-01", "ab", " "]
        for seed in UInt64(1)...300 {
            var random = SeededGenerator(seed: seed)
            var grid = Grid(width: 10 + random.int(in: 0...20 - 1), height: 3)
            for step in 0..<30 {
                let x = random.int(in: 0...grid.width - 1)
                let y = random.int(in: 0...grid.height - 1)
                if random.int(in: 0...3 - 1) == 0 {
                    grid.fill(Rect(x: x, y: y, width: 1 + random.int(in: 0...6 - 1), height: 1 + random.int(in: 0...2 - 1)), style: .overlay)
                } else {
                    grid.write(random.pick(pieces) + random.pick(pieces), x: x, y: y, style: .normal, limit: random.pick([nil, 1, 3, 5]))
                }
                if let problem = Self.shapeProblem(grid) {
                    return XCTFail("seed \(seed), step \(step): \(problem)\n\(grid.text)")
                }
            }
        }
    }

    func testAFilledBoxOverHalvesOfWideCharactersBlanksTheOtherHalves() {
        var grid = Grid(width: 10, height: 1)
        grid.write("日本語テキ", x: 0, y: 0, style: .normal)
        // Columns 3 to 6: the second half of 本 up to the first half of テ.
        grid.fill(Rect(x: 3, y: 0, width: 4, height: 1), style: .overlay)
        XCTAssertEqual(grid.rowText(0), "日      キ")
        XCTAssertNil(Self.shapeProblem(grid))
    }

    static func shapeProblem(_ grid: Grid) -> String? {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.width == 2 && (x + 1 >= grid.width || !grid[x + 1, y].isContinuation) {
                    return "row \(y): the wide cell at column \(x) has no continuation"
                }
                if cell.isContinuation && (x == 0 || grid[x - 1, y].width != 2) {
                    return "row \(y): the continuation at column \(x) follows no wide cell"
                }
            }
        }
        return nil
    }
}
