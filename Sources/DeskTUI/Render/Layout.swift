import DeskModel

/// Where each pane goes for a state and a terminal size. At 120 columns and wider the list
/// and the detail sit side by side (the composer under the detail); narrower, one pane fills
/// the screen, chosen by focus.
public struct Layout: Equatable, Sendable {
    public static let minimumColumns = 40
    public static let minimumRows = 12
    public static let sideBySideColumns = 120

    public var topBar: Rect
    public var bottomLine: Rect
    public var list: Rect?
    public var detail: Rect?
    public var composer: Rect?
    /// The answered ticket's last message above a full-screen composer (`ReplyContext`).
    public var context: Rect?
    /// The vertical rule between list and detail, when side by side.
    public var divider: Rect?

    public var tooSmall: Bool

    public init(state: DeskState, size: TerminalSize) {
        let columns = size.columns
        let rows = size.rows
        tooSmall = columns < Self.minimumColumns || rows < Self.minimumRows
        topBar = Rect(x: 0, y: 0, width: columns, height: 1)
        bottomLine = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        let body = Rect(x: 0, y: 1, width: columns, height: rows - 2)
        guard !tooSmall else { return }

        if columns >= Self.sideBySideColumns {
            let listWidth = min(max(50, columns * 2 / 5), 80)
            list = Rect(x: 0, y: body.y, width: listWidth, height: body.height)
            divider = Rect(x: listWidth, y: body.y, width: 1, height: body.height)
            let right = Rect(x: listWidth + 1, y: body.y, width: columns - listWidth - 1, height: body.height)
            if state.composer != nil {
                let composerHeight = max(8, right.height / 2)
                detail = Rect(x: right.x, y: right.y, width: right.width, height: right.height - composerHeight)
                composer = Rect(x: right.x, y: right.maxY - composerHeight, width: right.width, height: composerHeight)
            } else {
                detail = right
            }
            return
        }
        switch state.focus {
        case .composer where state.composer != nil:
            let split = ReplyContext.split(body, state: state)
            (context, composer) = (split.context, split.composer)
        case .detail where state.openTicket != nil:
            detail = body
        default:
            list = body
        }
    }
}
