import DeskModel

/// One terminal cell: a grapheme and the columns it takes. The cell after a wide glyph is a
/// continuation (`width == 0`, empty text) so that columns and cells always line up.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)
    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of the screen, in cells.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// The screen as the renderer builds it. Pure data: the adapter writes it to a terminal and
/// screen tests read its text.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (the composer's caret); nil hides it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: CursorPosition?

    private struct CursorPosition: Equatable, Sendable {
        var x: Int
        var y: Int
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Fills a rectangle with blanks of a style. A wide glyph cut by the rectangle's left or
    /// right edge loses its outer half too, so no row gains or loses a column.
    public mutating func fill(_ rect: Rect, style: Style) {
        let left = max(0, rect.x), right = min(width, rect.maxX)
        let top = max(0, rect.y), bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            clearWideGlyph(at: left, y: y)
            clearWideGlyph(at: right - 1, y: y)
            for x in left..<right {
                cells[y * width + x] = Cell(text: " ", width: 1, style: style)
            }
        }
    }

    /// Writes `text` (one line, normally sanitized already) from column `x` of row `y`, clipped
    /// to `limit` columns (default: to the right edge). Returns the columns written. A wide
    /// glyph that would straddle the limit is replaced by a blank, never cut in half.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        // Unchanged (and cheap) for sanitized text; otherwise the cells hold the placeholders
        // that DisplayWidth measured, never a raw control or invisible character.
        let text = TextSafety.sanitizedLine(text)
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                // A lone zero-width grapheme (rare after grapheme clustering): attach to the previous cell.
                if column > x, column - 1 < width, column - 1 >= 0 {
                    var previous = cells[y * width + column - 1]
                    if !previous.isContinuation { previous.text.append(character) }
                    cells[y * width + column - 1] = previous
                }
                continue
            }
            if column + characterWidth > end {
                if column < end, column >= 0 {
                    clearWideGlyph(at: column, y: y)
                    cells[y * width + column] = Cell(text: " ", width: 1, style: style)
                }
                column = end
                break
            }
            if column >= 0 {
                clearWideGlyph(at: column, y: y)
                // A stand-in for a control character stands out, so a hostile message shows itself.
                let cellStyle = TextSafety.isPlaceholder(character) ? Style.placeholder : style
                cells[y * width + column] = Cell(text: String(character), width: UInt8(characterWidth), style: cellStyle)
                if characterWidth == 2 {
                    clearWideGlyph(at: column + 1, y: y)
                    cells[y * width + column + 1] = Cell(text: "", width: 0, style: style)
                }
            }
            column += characterWidth
        }
        return column - x
    }

    /// Overwriting half of a wide glyph must blank its other half.
    private mutating func clearWideGlyph(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = cells[y * width + x]
        if cell.isContinuation, x > 0 {
            cells[y * width + x - 1] = Cell(text: " ", width: 1, style: cells[y * width + x - 1].style)
        } else if cell.width == 2, x + 1 < width {
            cells[y * width + x + 1] = Cell(text: " ", width: 1, style: cell.style)
        }
    }

    /// The text of one row, continuation cells skipped: what a screen test compares.
    public func rowText(_ y: Int) -> String {
        var line = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { line += cell.text }
        }
        return line
    }

    /// All rows, trailing spaces removed, joined by newlines.
    public var text: String {
        (0..<height).map { rowText($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
