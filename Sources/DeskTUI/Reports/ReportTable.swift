import DeskModel

/// The report's small tables: a first column of names (sanitized, cut to fit) and columns of
/// right-aligned figures, measured in display columns.
enum ReportTable {
    /// `titleRows`: rows (by index in `rows`) that are titles too, cut like `titles`.
    static func render(titles: [String], rows: [[String]], width: Int, titleRows: Set<Int> = []) -> [String] {
        let cells = ([titles] + rows).map { $0.map(TextSafety.sanitizedLine) }
        var widths = titles.indices.map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let nameWidth = widths[0]
        func figuresWidth() -> Int { widths.dropFirst().reduce(0, +) + 2 * (widths.count - 1) }
        // Names give way first; then the figures' titles are cut (the figures themselves never
        // are), and the names get back the room that freed.
        widths[0] = max(1, min(nameWidth, width - figuresWidth() - 2))
        if widths[0] + figuresWidth() + 2 > width {
            let figureRows = rows.indices.filter { !titleRows.contains($0) }.map { rows[$0] }
            for column in widths.indices.dropFirst() {
                widths[column] = max(1, figureRows.map { DisplayWidth.of(TextSafety.sanitizedLine($0[column])) }.max() ?? 0)
            }
            widths[0] = max(1, min(nameWidth, width - figuresWidth() - 2))
        }
        return cells.map { row in
            let name = DisplayWidth.fit(DisplayWidth.truncate(row[0], to: widths[0]), to: widths[0])
            let figures = row.indices.dropFirst().map { column in
                DisplayWidth.fit(DisplayWidth.truncate(row[column], to: widths[column]), to: widths[column], alignRight: true)
            }
            return ReportText.trimmed("  " + ([name] + figures).joined(separator: "  "))
        }
    }

    /// A long list of short rows side by side in as many groups as the width holds.
    static func groups(titles: [String], rows: [[String]], width: Int) -> [String] {
        let single = render(titles: titles, rows: rows, width: width)
        let groupWidth = single.map(DisplayWidth.of).max() ?? 0
        let perLine = max(1, (width + 2) / (groupWidth + 2))
        let bodyRows = Array(single.dropFirst())
        let height = (bodyRows.count + perLine - 1) / perLine
        guard perLine > 1, height > 0 else { return single }
        let groupCount = (bodyRows.count + height - 1) / height
        let header = ReportText.trimmed(Array(repeating: DisplayWidth.fit(single[0], to: groupWidth), count: groupCount).joined(separator: "  "))
        return [header] + (0..<height).map { line in
            ReportText.trimmed(stride(from: line, to: bodyRows.count, by: height)
                .map { DisplayWidth.fit(bodyRows[$0], to: groupWidth) }.joined(separator: "  "))
        }
    }
}
