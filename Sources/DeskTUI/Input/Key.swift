/// A key press as the client sees it, independent of curses codes.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Control plus a letter (Ctrl-C is `.control("c")`).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)

    /// The name used in the config file and the help overlay.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "ctrl-\(c)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .escape: "esc"
        case .backspace: "backspace"
        case .delete: "delete"
        case .function(let n): "f\(n)"
        }
    }

    /// Parses a key name as written in the config file (`j`, `G`, `ctrl-r`, `pgdn`, `f5`).
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "space": self = .character(" ")
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "enter", "return": self = .enter
        case "tab": self = .tab
        case "shift-tab", "backtab": self = .backTab
        case "esc", "escape": self = .escape
        case "backspace": self = .backspace
        case "delete", "del": self = .delete
        default:
            if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter, letter.isASCII {
                self = .control(letter)
            } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
                self = .function(n)
            } else if name.count == 1, let c = name.first, !c.isWhitespace {
                self = .character(c)
            } else {
                return nil
            }
        }
    }
}
