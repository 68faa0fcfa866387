import DeskModel

/// What the event loop reads from a terminal.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    case mouseClick(x: Int, y: Int)
    case mouseWheel(up: Bool)
    /// Text the terminal delivered as a paste (bracketed paste), to insert, never to run.
    case paste(String)
}

/// A terminal the client can draw on and read from. The curses adapter is the real one;
/// tests use a fake.
public protocol TerminalDevice: AnyObject {
    var size: TerminalSize { get }
    /// Writes what changed since the last frame.
    func draw(_ grid: Grid)
    /// The next input, or nil after `timeoutMilliseconds` (or an interrupting signal).
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Leaves the full screen for an external program, and comes back to it.
    func suspend()
    func resume()
    /// Restores the terminal as it was. Safe to call more than once.
    func restore()
    /// Draws the whole next frame from scratch, whatever the terminal shows now.
    func repaint()
    /// Puts text on the terminal's clipboard (OSC 52).
    func copyToClipboard(_ text: String)
    /// The next input, or `descriptor` readable, whichever comes first, or nothing after
    /// `timeoutMilliseconds` (or an interrupting signal): one wait on both, no polling.
    func nextEvent(timeoutMilliseconds: Int32, alsoWatching descriptor: Int32) -> TerminalWake
}

extension TerminalDevice {
    /// Terminals that keep no picture of the screen (test fakes) have nothing to forget.
    public func repaint() {}
    public func copyToClipboard(_ text: String) {}
}

/// How styles look: foreground and background colour names and attributes.
public struct StyleLook: Equatable, Sendable {
    public enum Color: String, CaseIterable, Sendable {
        case `default`, black, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color = .default
    public var background: Color = .default
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public var usesColor: Bool { foreground != .default || background != .default }
}

/// Colours for every style, readable on light and dark backgrounds: the terminal's own
/// foreground and background are kept (`use_default_colors`) and only accents are coloured.
/// `monochrome` is what a terminal without colours, or `NO_COLOR`, gets.
public struct Theme: Equatable, Sendable {
    public var looks: [Style: StyleLook]

    public init(looks: [Style: StyleLook]) { self.looks = looks }

    public func look(_ style: Style) -> StyleLook { looks[style] ?? StyleLook() }

    public static let standard = Theme(looks: [
        .normal: StyleLook(),
        .bar: StyleLook(reverse: true),
        .tabActive: StyleLook(foreground: .black, background: .cyan, bold: true),
        .tabInactive: StyleLook(reverse: true),
        .selected: StyleLook(foreground: .black, background: .cyan),
        .selectedDim: StyleLook(reverse: true, underline: false),
        .dim: StyleLook(dim: true),
        .internalNote: StyleLook(foreground: .magenta),
        .heading: StyleLook(bold: true),
        .error: StyleLook(foreground: .red, bold: true),
        .info: StyleLook(foreground: .green),
        .keyHint: StyleLook(bold: true),
        .border: StyleLook(dim: true),
        .urgent: StyleLook(foreground: .red, bold: true),
        .placeholder: StyleLook(reverse: true),
        .overlay: StyleLook(),
        .searchHit: StyleLook(foreground: .yellow, bold: true, underline: true),
        .searchHitSelected: StyleLook(foreground: .black, background: .cyan, bold: true, underline: true),
        .unread: StyleLook(bold: true),
        .breached: StyleLook(foreground: .red, bold: true),
        .dueSoon: StyleLook(foreground: .yellow, bold: true),
    ])

    /// Attributes only: bold, dim, reverse and underline carry every distinction.
    public static let monochrome = Theme(looks: [
        .normal: StyleLook(),
        .bar: StyleLook(reverse: true),
        .tabActive: StyleLook(bold: true, underline: true),
        .tabInactive: StyleLook(reverse: true),
        .selected: StyleLook(bold: true, reverse: true),
        .selectedDim: StyleLook(reverse: true),
        .dim: StyleLook(dim: true),
        .internalNote: StyleLook(underline: true),
        .heading: StyleLook(bold: true),
        .error: StyleLook(bold: true),
        .info: StyleLook(),
        .keyHint: StyleLook(bold: true),
        .border: StyleLook(dim: true),
        .urgent: StyleLook(bold: true),
        .placeholder: StyleLook(reverse: true),
        .overlay: StyleLook(),
        .searchHit: StyleLook(bold: true, underline: true),
        .searchHitSelected: StyleLook(bold: true, reverse: true, underline: true),
        .unread: StyleLook(bold: true),
        .breached: StyleLook(bold: true),
        .dueSoon: StyleLook(bold: true),
    ])

    /// The same theme with colours dropped, for `NO_COLOR` and monochrome terminals:
    /// a coloured style falls back to the monochrome look.
    public var withoutColor: Theme {
        var looks = self.looks
        for (style, look) in looks where look.usesColor {
            looks[style] = Theme.monochrome.look(style)
        }
        return Theme(looks: looks)
    }
}
