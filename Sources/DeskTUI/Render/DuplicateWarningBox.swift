import DeskModel

/// The possible-duplicate warning: which active ticket the new one looks like, and the keys
/// of the three choices as the keymap binds them.
enum DuplicateWarningBox {
    static func draw(number: Int64, subject: String, into grid: inout Grid, keymap: Keymap) {
        let choices = Command.allCases.filter { $0.scope == .duplicateWarning }.map { command in
            (keymap.keys(for: command).map(\.name).joined(separator: " "), UIStrings.duplicateChoice(command, number: number))
        }
        let keyWidth = choices.map { DisplayWidth.of($0.0) }.max() ?? 0
        let existing = UIStrings.duplicateExisting(number, subject: TextSafety.sanitizedLine(subject))
        let paragraphs = [UIStrings.duplicateIntro, existing]
        let wanted = ([UIStrings.duplicateTitle + "  "] + paragraphs).map(DisplayWidth.of)
            + choices.map { keyWidth + 2 + DisplayWidth.of($0.1) }
        let width = min(grid.width - 2, (wanted.max() ?? 0) + 4)
        // A long subject wraps inside the box rather than widening it past the screen.
        let lines = paragraphs.flatMap { TextWrap.wrap($0, width: width - 4) }
        let height = lines.count + 1 + choices.count + 2
        let rect = Rect(x: max(0, (grid.width - width) / 2), y: max(0, (grid.height - height) / 2), width: width, height: height)
        Overlays.frame(rect, title: UIStrings.duplicateTitle, into: &grid)
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
}
