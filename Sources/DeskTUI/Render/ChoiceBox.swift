import DeskModel

/// A framed question over the panes: paragraphs wrapped to the box, then one row per choice
/// with its keys. The duplicate warning and the yes/no confirmations are drawn with it.
enum ChoiceBox {
    static func draw(title: String, paragraphs: [String], choices: [(keys: String, label: String)], into grid: inout Grid) {
        let keyWidth = choices.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let wanted = ([title + "  "] + paragraphs).map(DisplayWidth.of) + choices.map { keyWidth + 2 + DisplayWidth.of($0.label) }
        let width = min(grid.width - 2, (wanted.max() ?? 0) + 4)
        // Long text wraps inside the box rather than widening it past the screen.
        let lines = paragraphs.flatMap { TextWrap.wrap($0, width: width - 4) }
        let height = lines.count + 1 + choices.count + 2
        let rect = Rect(x: max(0, (grid.width - width) / 2), y: max(0, (grid.height - height) / 2), width: width, height: height)
        Overlays.frame(rect, title: title, into: &grid)
        var y = rect.y + 1
        for line in lines {
            grid.write(line, x: rect.x + 2, y: y, style: .overlay, limit: width - 4)
            y += 1
        }
        y += 1
        for (keys, label) in choices {
            grid.write(DisplayWidth.fit(keys, to: keyWidth), x: rect.x + 2, y: y, style: .keyHint)
            grid.write(label, x: rect.x + 2 + keyWidth + 2, y: y, style: .overlay, limit: width - 6 - keyWidth)
            y += 1
        }
    }

    /// The keys of each command of `scope`, as the keymap binds them, with `label` for each.
    static func choices(_ scope: KeyScope, keymap: Keymap, label: (Command) -> String) -> [(keys: String, label: String)] {
        Command.allCases.filter { $0.scope == scope }.map { command in
            (keymap.keys(for: command).map(\.name).joined(separator: " "), label(command))
        }
    }
}
