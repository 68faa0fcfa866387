import DeskModel

/// The `:` command line on the bottom line, the caret after the text, and, when Tab found
/// several candidates, the candidates on the row above with the one shown highlighted.
enum CommandLinePrompt {
    static func draw(_ line: CommandLineState, into grid: inout Grid, rect: Rect, language: Language) {
        grid.fill(rect, style: .normal)
        var x = rect.x
        x += grid.write(UIStrings.commandLinePrompt, x: x, y: rect.y, style: .info)
        // Keep the end of a long line visible, where the caret is.
        var shown = TextSafety.sanitizedLine(line.text)
        while DisplayWidth.of(shown) > rect.maxX - x - 1, !shown.isEmpty { shown.removeFirst() }
        x += grid.write(shown, x: x, y: rect.y, style: .normal)
        if x < rect.maxX { grid.cursor = (x, rect.y) }
        // Once a command is named, what it takes; before, the line's keys.
        let named = line.text.firstIndex(of: " ").map { String(line.text[..<$0]).lowercased() }
        let hints = named.flatMap { name in CommandLineTable.commands.first { $0.name == name } }
            .map { UIStrings.commandLineUsage($0.name, language) + " " }
            ?? UIStrings.commandLineHints(language).map { "\($0.0) \($0.1)" }.joined(separator: "  ") + " "
        let hintsX = rect.maxX - DisplayWidth.of(hints)
        if hintsX > x + 2 { grid.write(hints, x: hintsX, y: rect.y, style: .dim) }
        if let completion = line.completion, completion.candidates.count > 1, rect.y > 0 {
            drawCandidates(completion, into: &grid, y: rect.y - 1, x: rect.x, width: rect.width)
        }
    }

    /// Candidates in one row; those that do not fit give way to a `…`, the shown one always
    /// staying in view.
    static func drawCandidates(_ completion: CommandCompletion, into grid: inout Grid, y: Int, x: Int, width: Int) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: .bar)
        let labels = completion.candidates.map { " " + TextSafety.sanitizedLine($0) + " " }
        let selected = completion.index ?? 0
        // Start early enough that the shown candidate fits.
        var first = 0
        func widthFrom(_ start: Int, through end: Int) -> Int { labels[start...end].map(DisplayWidth.of).reduce(0, +) }
        while first < selected, widthFrom(first, through: selected) + 2 > width - 2 { first += 1 }
        var column = x + 1
        if first > 0 { column += grid.write("…", x: column, y: y, style: .bar) }
        for index in first..<labels.count {
            let label = labels[index]
            let room = x + width - column
            guard DisplayWidth.of(label) + (index < labels.count - 1 ? 1 : 0) <= room else {
                if room > 0 { grid.write("…", x: column, y: y, style: .bar) }
                break
            }
            column += grid.write(label, x: column, y: y, style: index == completion.index ? .tabActive : .bar)
        }
    }
}
