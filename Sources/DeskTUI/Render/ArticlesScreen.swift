import DeskModel
import Foundation

/// The Articles screen over the panes: a list of articles (with a search field where one
/// can type), or one article read as text (`MarkdownText`), wrapped to the width.
enum ArticlesScreen {
    static func draw(_ state: DeskState, into grid: inout Grid, keymap: Keymap = .standard) {
        guard let articles = state.articles, grid.height > 3 else { return }
        let rect = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        grid.fill(rect, style: .normal)
        if let article = articles.reading {
            drawArticle(article, scroll: articles.scroll, purpose: articles.purpose, state: state, into: &grid, rect: rect, keymap: keymap)
        } else {
            drawList(articles, state: state, into: &grid, rect: rect)
        }
    }

    static func drawList(_ articles: ArticlesState, state: DeskState, into grid: inout Grid, rect: Rect) {
        let language = state.language
        var x = rect.x + 1
        x += grid.write(ArticleStrings.title(articles.purpose, language), x: x, y: rect.y, style: .heading, limit: rect.width - 2)
        if articles.takesTyping {
            let field = "  " + ArticleStrings.search(language) + " " + TextSafety.sanitizedLine(articles.query) + "▏"
            grid.write(field, x: x, y: rect.y, style: .normal, limit: max(0, rect.maxX - x))
        }
        let top = rect.y + 2
        let rows = max(0, rect.maxY - top)
        guard !articles.results.isEmpty else {
            grid.write(ArticleStrings.noArticles(language), x: rect.x + 2, y: top, style: .dim, limit: rect.width - 3)
            return
        }
        let first = max(0, min(articles.selected - rows + 1, articles.results.count - rows))
        for (row, index) in (first..<min(articles.results.count, first + rows)).enumerated() {
            let article = articles.results[index]
            let y = top + row
            let style: Style = index == articles.selected ? .selected : .normal
            if index == articles.selected { grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .selected) }
            let counts = article.counts.map { ArticleStrings.counts($0, language) } ?? ""
            let countsWidth = counts.isEmpty ? 0 : DisplayWidth.of(counts) + 2
            let titleLimit = max(8, rect.width - 10 - countsWidth)
            var column = rect.x + 1
            column += grid.write(DisplayWidth.truncate(TextSafety.sanitizedLine(article.title), to: titleLimit), x: column, y: y, style: style)
            grid.write("  " + article.language.rawValue, x: column, y: y, style: index == articles.selected ? .selected : .dim)
            if !counts.isEmpty, rect.width - countsWidth > column + 6 {
                grid.write(counts, x: rect.maxX - countsWidth + 1, y: y, style: index == articles.selected ? .selected : .dim)
            }
        }
    }

    static func drawArticle(
        _ article: Article, scroll: Int, purpose: ArticlesState.Purpose, state: DeskState, into grid: inout Grid, rect: Rect, keymap: Keymap = .standard
    ) {
        let language = state.language
        grid.write(TextSafety.sanitizedLine(article.title), x: rect.x + 1, y: rect.y, style: .heading, limit: rect.width - 2)
        var about = [article.language.nativeName] + article.tags.map(TextSafety.sanitizedLine)
        about.append(DateText.minute(article.updatedAt, in: language))
        if let counts = article.counts { about.append(ArticleStrings.counts(counts, language)) }
        grid.write(about.joined(separator: " · "), x: rect.x + 1, y: rect.y + 1, style: .dim, limit: rect.width - 2)
        let lines = laidOut(article, width: max(10, rect.width - 3))
        let footer = purpose == .suggestions ? 2 : 0
        let rows = max(0, rect.height - 3 - footer)
        let first = min(scroll, max(0, lines.count - rows))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            grid.write(line.text, x: rect.x + 2, y: rect.y + 3 + row, style: line.style, limit: rect.width - 3)
        }
        if purpose == .suggestions { drawSolvedQuestion(state, into: &grid, rect: rect, keymap: keymap) }
    }

    /// "Did this solve your problem?" and its keys on the two rows kept below the article: on
    /// the last row when both fit, else the question above its keys (long languages, 80 columns).
    static func drawSolvedQuestion(_ state: DeskState, into grid: inout Grid, rect: Rect, keymap: Keymap) {
        let language = state.language
        let question = ArticleStrings.solvedQuestion(language)
        let keys = ArticleStrings.solvedKeys(
            yes: keymap.keys(for: .articleSolved).first?.name ?? "", back: keymap.keys(for: .close).first?.name ?? "", language)
        let room = rect.width - 2
        if DisplayWidth.of(question) + 2 + DisplayWidth.of(keys) <= room {
            grid.write(question + "  " + keys, x: rect.x + 1, y: rect.maxY - 1, style: .info, limit: room)
        } else {
            grid.write(question, x: rect.x + 1, y: rect.maxY - 2, style: .info, limit: room)
            grid.write(keys, x: rect.x + 1, y: rect.maxY - 1, style: .info, limit: room)
        }
    }

    /// The article's lines wrapped to `width`, each with the style of its kind.
    static func laidOut(_ article: Article, width: Int) -> [(text: String, style: Style)] {
        var result: [(String, Style)] = []
        for line in MarkdownText(article.body).lines {
            let style: Style = switch line.kind {
            case .heading: .heading
            case .code, .footnote, .rule: .dim
            default: .normal
            }
            if line.kind == .code {
                result.append((DisplayWidth.truncate(line.plain, to: width), style))
                continue
            }
            let wrapped = TextWrap.wrap(line.plain, width: width)
            result += (wrapped.isEmpty ? [""] : wrapped).map { ($0, style) }
        }
        return result
    }
}

/// The new ticket's suggestions beside the form, when the composer is wide enough.
enum SuggestionPane {
    static let width = 34
    /// The form keeps at least this many columns beside the pane.
    static let minimumFormWidth = 44
    /// Narrower terminals show the one-line hint instead (80 columns among them).
    static let minimumTerminalColumns = 100

    static func applies(_ state: DeskState) -> Bool {
        state.articleSuggestions.isEnabled && !state.viewer.isStaff && state.composer?.kind == .newTicket
    }

    static func split(_ state: DeskState, rect: Rect) -> (form: Rect, side: Rect?) {
        guard applies(state), state.size.columns >= minimumTerminalColumns, rect.width >= minimumFormWidth + width else { return (rect, nil) }
        return (Rect(x: rect.x, y: rect.y, width: rect.width - width, height: rect.height),
                Rect(x: rect.maxX - width, y: rect.y, width: width, height: rect.height))
    }

    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect, keymap: Keymap) {
        grid.fill(rect, style: .normal)
        for y in rect.y..<rect.maxY { grid.write("│", x: rect.x, y: y, style: .border) }
        let language = state.language
        grid.write(ArticleStrings.title(.suggestions, language), x: rect.x + 2, y: rect.y, style: .heading, limit: rect.width - 3)
        let suggestions = state.articleSuggestions.articles
        guard !suggestions.isEmpty else {
            for (row, line) in TextWrap.wrap(ArticleStrings.noSuggestionsYet(language), width: rect.width - 3).enumerated() where row + 2 < rect.height {
                grid.write(line, x: rect.x + 2, y: rect.y + 2 + row, style: .dim)
            }
            return
        }
        var y = rect.y + 2
        for (index, article) in suggestions.enumerated() where y < rect.maxY - 2 {
            let lines = TextWrap.wrap("\(index + 1). " + TextSafety.sanitizedLine(article.title), width: rect.width - 3).prefix(2)
            for line in lines where y < rect.maxY - 2 {
                grid.write(line, x: rect.x + 2, y: y, style: .normal)
                y += 1
            }
        }
        if let key = keymap.keys(for: .suggestedArticles).first {
            grid.write(ArticleStrings.readHint(key: key.name, language), x: rect.x + 2, y: rect.maxY - 1, style: .dim, limit: rect.width - 3)
        }
    }
}

/// The bottom line's keys while the Articles screen is up, and the composer's hint that
/// articles may help when the side pane has no room.
enum ArticleHints {
    static func of(_ state: DeskState, keymap: Keymap, restricted: Bool) -> [(String, String)]? {
        let language = state.language
        func key(_ command: Command) -> String { keymap.keys(for: command).first?.name ?? "" }
        if let articles = state.articles {
            var hints: [(String, String)] = []
            if articles.reading != nil {
                if articles.purpose == .suggestions { hints.append((key(.articleSolved), ArticleStrings.solvedHint(language))) }
                hints.append(("j/k", ArticleStrings.scrollHint(language)))
            } else {
                hints.append(("enter", articles.purpose == .insertIntoReply ? ArticleStrings.insertLinkHint(language) : ArticleStrings.readHintShort(language)))
            }
            if articles.purpose == .insertIntoReply { hints.append((key(.articleInsertText), ArticleStrings.insertTextHint(language))) }
            hints.append(("esc", ArticleStrings.backHint(language)))
            return hints
        }
        let count = state.articleSuggestions.articles.count
        guard state.focus == .composer, SuggestionPane.applies(state), count > 0,
              let layout = Optional(Layout(state: state, size: state.size)), let rect = layout.composer,
              SuggestionPane.split(state, rect: rect).side == nil else { return nil }
        return [(key(.suggestedArticles), ArticleStrings.mayHelp(count, language))] + UIStrings.composerHints(restricted: restricted, language)
    }
}

/// The knowledge base's words on screen.
enum ArticleStrings {
    static func title(_ purpose: ArticlesState.Purpose, _ language: Language) -> String {
        switch purpose {
        case .browse: Phrase.client("Articles").text(in: language)
        case .suggestions: Phrase.client("Articles that may help").text(in: language)
        case .insertIntoReply: Phrase.client("Insert an article").text(in: language)
        }
    }

    static func search(_ language: Language) -> String { Phrase.client("Search:", context: "articles").text(in: language) }
    static func noArticles(_ language: Language) -> String { Phrase.client("No articles match").text(in: language) }
    static func noSuggestionsYet(_ language: Language) -> String {
        Phrase.client("Articles matching your subject and description show here as you type.").text(in: language)
    }
    static func counts(_ counts: ArticleCounts, _ language: Language) -> String {
        Phrase.client("shown {shown} · opened {opened} · solved {solved} · filed {filed}", [
            "shown": .quantity(counts.shown), "opened": .quantity(counts.opened), "solved": .quantity(counts.solved),
            "filed": .quantity(counts.filedAnyway),
        ]).text(in: language)
    }
    static func solvedQuestion(_ language: Language) -> String {
        Phrase.client("Did this solve your problem?", context: "articles").text(in: language)
    }
    static func solvedKeys(yes: String, back: String, _ language: Language) -> String {
        Phrase.client("{yes}: yes, nothing is filed · {back}: back to your ticket", ["yes": .text(yes), "back": .text(back)]).text(in: language)
    }
    static func readHint(key: String, _ language: Language) -> String {
        Phrase.client("{key} to read them", ["key": .text(key)]).text(in: language)
    }
    static func mayHelp(_ count: Int, _ language: Language) -> String {
        Phrase.client(one: "{count} article may help", other: "{count} articles may help", count: count).text(in: language)
    }
    static func solvedHint(_ language: Language) -> String { Phrase.client("this solved it", context: "key hint on the bottom line, short").text(in: language) }
    static func scrollHint(_ language: Language) -> String { Phrase.client("scroll", context: "key hint on the bottom line, short").text(in: language) }
    static func readHintShort(_ language: Language) -> String { Phrase.client("read", context: "key hint on the bottom line, short").text(in: language) }
    static func insertLinkHint(_ language: Language) -> String { Phrase.client("insert link", context: "key hint on the bottom line, short").text(in: language) }
    static func insertTextHint(_ language: Language) -> String { Phrase.client("insert text", context: "key hint on the bottom line, short").text(in: language) }
    static func backHint(_ language: Language) -> String { Phrase.client("back", context: "key hint on the bottom line, short").text(in: language) }
}
