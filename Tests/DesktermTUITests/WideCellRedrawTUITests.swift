import CNcurses
import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

#if canImport(Glibc)
import Glibc
#endif

/// The curses adapter against a real terminal: random sequences of grids full of CJK, emoji
/// and combining marks (each frame overwriting halves of the previous one's wide characters)
/// are drawn by `CursesTerminal` into a file for `tmux-256color`; tmux then plays the bytes and
/// its screen must equal the last grid, cell by cell.
final class WideCellRedrawTUITests: XCTestCase {
    static let pieces = [
        "日本語", "署名検証が失敗", "アカウント", "ｶﾀｶﾅ", "한국어", "😀", "👩‍💻", "🇯🇵", "⚠️", "🔥🔥",
        "Cafe\u{301}", "cre\u{300}me", "e\u{301}\u{302}", "│", "•", "─┼─", "2026-12-01", "ab", "x", " ", "#204 ",
    ]

    func testRandomFramesLeaveTheTerminalEqualToTheLastGrid() throws {
        guard let tmux = TUITools.tmux else { throw XCTSkip("tmux is not installed") }
        // tmux's widths are the C library's, which follow the character type.
        setlocale(LC_CTYPE, "C.UTF-8")
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("dtgrid-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let player = TmuxPlayer(tmux: tmux, folder: folder)
        defer {
            player.stop()
            try? FileManager.default.removeItem(at: folder)
        }
        var failures = 0
        for seed in UInt64(1)...40 {
            var random = SeededGenerator(seed: seed)
            let size = TerminalSize(columns: 24 + random.int(in: 0...20 - 1), rows: 4 + random.int(in: 0...6 - 1))
            let file = folder.appendingPathComponent("frames-\(seed)").path
            let grids = Self.frames(&random, size: size, count: 2 + random.int(in: 0...6 - 1))
            try Self.drawAll(grids, size: size, into: file)
            let captured = try player.play(file, size: size, name: "s\(seed)")
            let expected = Self.expectedColumns(grids.last!)
            for y in 0..<size.rows where captured[y] != expected[y] {
                failures += 1
                XCTFail("seed \(seed), \(size.columns)x\(size.rows), row \(y):\n  grid:     \(Self.show(expected[y]))\n  terminal: \(Self.show(captured[y]))")
                break
            }
            if failures > 5 { break }
        }
    }

    /// Frames that each change a few random places of the previous one: text written from any
    /// column (often the second half of a wide character), boxes filled over it.
    static func frames(_ random: inout SeededGenerator, size: TerminalSize, count: Int) -> [Grid] {
        var grid = Grid(width: size.columns, height: size.rows)
        var grids: [Grid] = []
        for _ in 0..<count {
            for _ in 0..<(3 + random.int(in: 0...14 - 1)) {
                let x = random.int(in: 0...size.columns - 1)
                let y = random.int(in: 0...size.rows - 1)
                let style = random.pick([Style.normal, .bar, .selected, .dim, .overlay])
                if random.int(in: 0...5 - 1) == 0 {
                    let rect = Rect(x: x, y: y, width: 1 + random.int(in: 0...12 - 1), height: 1 + random.int(in: 0...3 - 1))
                    grid.fill(rect, style: style)
                } else {
                    var text = ""
                    for _ in 0..<(1 + random.int(in: 0...4 - 1)) { text += random.pick(pieces) }
                    let limit: Int? = random.int(in: 0...3 - 1) == 0 ? 1 + random.int(in: 0...10 - 1) : nil
                    grid.write(text, x: x, y: y, style: style, limit: limit)
                }
            }
            grids.append(grid)
        }
        return grids
    }

    static func drawAll(_ grids: [Grid], size: TerminalSize, into path: String) throws {
        guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { throw TUITestFailure(description: "cannot open \(path)") }
        defer {
            fclose(output)
            fclose(input)
        }
        let terminal = try CursesTerminal(term: "tmux-256color", output: output, input: input, theme: .standard, useColor: true)
        terminal.resize(to: size)
        for grid in grids { terminal.draw(grid) }
        fflush(output)
        // What tmux plays is what was written up to the last frame; leaving the screen would
        // switch back from the alternate screen.
        let length = ftell(output)
        terminal.restore()
        fflush(output)
        _ = ftruncate(fileno(output), length)
    }

    /// Each column of each row as the terminal should show it: a cell's text as the adapter
    /// hands it to curses (base character and its marks), "" for the second column of a wide
    /// character, " " where the adapter pads.
    static func expectedColumns(_ grid: Grid) -> [[String]] {
        (0..<grid.height).map { y in
            var row = [String](repeating: "", count: grid.width)
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                let (text, padding) = CursesTerminal.cursesText(cell)
                row[x] = Self.spacingPrefix(text)
                for offset in 0..<padding where x + 1 + offset < grid.width { row[x + 1 + offset] = " " }
                x += 1
            }
            return row
        }
    }

    /// The first character and the zero-width marks after it: what one terminal cell holds
    /// (curses' `setcchar` stops at the next character that takes a column).
    static func spacingPrefix(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !result.isEmpty, deskterm_wcwidth(scalar.value) != 0 { break }
            result.append(scalar)
        }
        return String(result)
    }

    /// A captured line split into columns the way tmux lays it out.
    static func columns(of line: String, width: Int) -> [String] {
        var row: [String] = []
        for scalar in line.unicodeScalars {
            let width = deskterm_wcwidth(scalar.value)
            if width == 0, !row.isEmpty {
                let last = row.lastIndex { !$0.isEmpty } ?? row.count - 1
                row[last].unicodeScalars.append(scalar)
                continue
            }
            row.append(String(scalar))
            if width == 2 { row.append("") }
        }
        while row.count < width { row.append(" ") }
        return Array(row.prefix(width))
    }

    static func show(_ row: [String]) -> String {
        row.map { $0.isEmpty ? "·" : $0 }.joined()
    }
}

/// Plays a file of terminal output in a private tmux server and captures the screen.
final class TmuxPlayer {
    let tmux: String
    let folder: URL
    let socket = "dtgrid\(getpid())-\(UUID().uuidString.prefix(6))"

    init(tmux: String, folder: URL) {
        self.tmux = tmux
        self.folder = folder
    }

    private var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": folder.path, "TMUX_TMPDIR": folder.path, "LANG": "C.UTF-8", "SHELL": "/bin/sh"]
    }

    @discardableResult
    private func run(_ arguments: [String]) -> ToolResult {
        runTool(tmux, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
    }

    /// A session that outlives every played one: killing a server's last session makes it exit,
    /// and the next `new-session` can reach the exiting server ("server exited unexpectedly").
    private var keeperStarted = false

    func play(_ file: String, size: TerminalSize, name: String) throws -> [[String]] {
        if !keeperStarted {
            let keeper = run(["new-session", "-d", "-s", "keeper", "/bin/sh", "-c", "exec sleep 100000"])
            guard keeper.status == 0 else { throw TUITestFailure(description: "tmux new-session (keeper) failed: \(keeper)") }
            keeperStarted = true
        }
        let command = "cat \(shellQuoted(file)); tmux -L \(socket) wait-for -S \(name); exec sleep 600"
        let started = run(["new-session", "-d", "-s", name, "-x", String(size.columns), "-y", String(size.rows), "/bin/sh", "-c", command])
        guard started.status == 0 else { throw TUITestFailure(description: "tmux new-session failed: \(started)") }
        run(["wait-for", name])
        let captured = run(["capture-pane", "-p", "-t", name]).stdout
        run(["kill-session", "-t", name])
        var lines = captured.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.count < size.rows { lines.append("") }
        return lines.prefix(size.rows).map { WideCellRedrawTUITests.columns(of: $0, width: size.columns) }
    }

    func stop() {
        run(["kill-server"])
    }
}
