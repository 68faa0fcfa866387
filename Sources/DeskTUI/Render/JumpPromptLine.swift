import DeskModel

/// The go-to-number prompt on the bottom line: `Go to ticket #161`, the caret after the digits,
/// and its keys at the right when there is room.
enum JumpPromptLine {
    static func draw(_ digits: String, into grid: inout Grid, rect: Rect, language: Language) {
        grid.fill(rect, style: .normal)
        var x = rect.x + 1
        x += grid.write(UIStrings.jumpPrompt(language), x: x, y: rect.y, style: .info, limit: rect.maxX - x)
        x += grid.write(digits, x: x, y: rect.y, style: .normal, limit: rect.maxX - x)
        if x < rect.maxX { grid.cursor = (x, rect.y) }
        let hints = UIStrings.jumpHints(language).map { "\($0.0) \($0.1)" }.joined(separator: "  ") + " "
        let hintsX = rect.maxX - DisplayWidth.of(hints)
        if hintsX > x + 2 { grid.write(hints, x: hintsX, y: rect.y, style: .dim) }
    }
}
