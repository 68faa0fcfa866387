import DeskModel

/// The frame the full-screen forms share (the edit form, the call-back request form): the panes
/// cleared below the top bar, and a title bar saying which ticket and whether it is being saved.
enum FormFrame {
    /// Draws the frame and returns the form's area (title bar included).
    static func draw(title: String, isSaving: Bool, language: Language, into grid: inout Grid) -> Rect {
        let rect = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        grid.fill(rect, style: .normal)
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: .bar)
        var bar = " " + title
        if isSaving { bar += " · " + TicketEditStrings.saving(language) }
        grid.write(bar, x: rect.x, y: rect.y, style: .bar, limit: rect.width)
        return rect
    }
}
