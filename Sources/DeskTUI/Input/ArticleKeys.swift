import DeskModel

/// Keys of the Articles screen and picker (`ArticlesState`): typing searches where there is a
/// search field, arrows move, Enter reads (or inserts the link), Esc steps back; the keymap's
/// `.articles` commands (this solved it, insert the text) where they apply.
enum ArticleKeys {
    /// Nil when no Articles screen is up.
    static func route(_ key: Key, state: DeskState, keymap: Keymap) -> [KeyOutcome]? {
        guard let articles = state.articles else { return nil }
        if let command = keymap.command(for: key, in: .articles) {
            switch command {
            case .articleSolved where articles.purpose == .suggestions && articles.reading != nil,
                 .articleInsertText where articles.purpose == .insertIntoReply:
                return [.action(command.action(viewer: state.viewer))]
            default:
                break
            }
        }
        let page = max(1, state.visibleListRows - 2)
        switch key {
        case .escape: return [.action(.article(.back))]
        case .enter: return [.action(.article(.chosen))]
        case .down: return [.action(.article(.moved(by: 1)))]
        case .up: return [.action(.article(.moved(by: -1)))]
        case .pageDown: return [.action(.article(.moved(by: page)))]
        case .pageUp: return [.action(.article(.moved(by: -page)))]
        case .backspace where articles.takesTyping: return [.action(.article(.queryEdited(.deleteBackward)))]
        case .character(let character) where articles.takesTyping: return [.action(.article(.queryEdited(.insert(String(character)))))]
        case .character("j"): return [.action(.article(.moved(by: 1)))]
        case .character("k"): return [.action(.article(.moved(by: -1)))]
        case .character(" "): return [.action(.article(.moved(by: page)))]
        case .character("b"): return [.action(.article(.moved(by: -page)))]
        case .character("q"): return [.action(.article(.back))]
        default: return []
        }
    }
}
