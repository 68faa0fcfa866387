import DeskModel
import XCTest

@testable import DeskTUI

/// Every screen of the translated screen tests, in every language, at 80x24: the top bar
/// keeps every tab (measured by display width), the bottom line shows each key hint whole or
/// not at all and always keeps the help key, and no box is cut by the screen's edge.
final class EveryLanguageFitsAt80Tests: XCTestCase {
    func testEveryScreenFitsAt80x24InEveryLanguage() {
        for language in Language.allCases {
            for (name, state) in TranslatedScreens(language).allStates(Fixture.size80) {
                let grid = DeskTUI.Renderer.render(state, size: Fixture.size80)
                let problems = Self.problems(grid, state)
                XCTAssertEqual(problems, [], "\(language.rawValue) \(name):\n" + problems.joined(separator: "\n") + "\n" + grid.text)
            }
        }
    }

    /// The check fails on a cut hint, a missing help key and a box cut by the edge.
    func testTheCheckSeesACutHintAndACutBox() {
        let state = TranslatedScreens(.spanish).allStates(Fixture.size80)[0].state
        var grid = DeskTUI.Renderer.render(state, size: Fixture.size80)
        XCTAssertEqual(Self.problems(grid, state), [])
        let reply = UIStrings.commandHint(.reply, .spanish)
        let cut = " enter \(UIStrings.commandHint(.open, .spanish))  r \(reply.prefix(3))"
        _ = grid.write(cut.padding(toLength: 80, withPad: " ", startingAt: 0), x: 0, y: 23, style: .dim)
        _ = grid.write(" ┌─ Caja ───", x: 0, y: 10, style: .dim)
        XCTAssertEqual(Self.problems(grid, state), [
            "hint 'r \(reply)' is cut: \(grid.rowText(23))",
            "the help key is not on the bottom line: \(grid.rowText(23))",
            "row 10: a box reaches past the edge: \(grid.rowText(10))",
        ])
    }

    /// What does not fit on one screen.
    static func problems(_ grid: Grid, _ state: DeskState) -> [String] {
        var problems: [String] = []
        let top = grid.rowText(0)
        let bar = TopBarLayout(state, width: grid.width)
        if bar.tabs.count != CaseView.allCases.count { problems.append("the top bar keeps \(bar.tabs.count) tabs: \(bar.tabs.map(\.label))") }
        let barWidth = DisplayWidth.of(bar.identity) + bar.tabs.map { DisplayWidth.of($0.label) }.reduce(0, +) + DisplayWidth.of(bar.sort)
        if barWidth > grid.width { problems.append("the top bar takes \(barWidth) columns") }
        for tab in bar.tabs where !top.contains(tab.label.trimmingCharacters(in: .whitespaces)) {
            problems.append("tab '\(tab.label)' is not whole on the top row: \(top)")
        }
        let bottom = grid.rowText(grid.height - 1)
        if state.message == nil && state.commandLine == nil {
            let hints = BottomLine.hints(state, keymap: .standard, restricted: false)
            for (key, label) in hints where !bottom.contains("\(key) \(label)") {
                // A hint that does not fit is left out whole, never cut to its key or part of its label.
                if bottom.hasPrefix(" \(key) ") || bottom.contains("  \(key) ") {
                    problems.append("hint '\(key) \(label)' is cut: \(bottom)")
                }
            }
            let help = UIStrings.commandHint(.help, state.language)
            if hints.contains(where: { $0.1 == help }) && !bottom.contains("? \(help)") {
                problems.append("the help key is not on the bottom line: \(bottom)")
            }
            if hints.count > 1 && !hints.contains(where: { bottom.contains("\($0.0) \($0.1)") }) {
                problems.append("no key hint shows whole: \(bottom)")
            }
        }
        for y in 0..<grid.height {
            let row = grid.rowText(y)
            // A box's top row (the thread's branches use └ and ├, never ┌).
            for (open, close) in [("┌", "┐")] where row.contains(open) && !row.contains(close) {
                problems.append("row \(y): a box reaches past the edge: \(row)")
            }
        }
        return problems
    }
}
