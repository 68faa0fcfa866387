/// The knowledge base in the client: the Articles screen, the suggestions that follow a
/// customer's new ticket as it is written, and the agents' picker for replies.
extension DeskReducer {
    static func reduceArticle(_ state: inout DeskState, _ action: ArticleAction) -> [DeskEffect] {
        switch action {
        case .screenOpened:
            state.articles = ArticlesState(purpose: .browse)
            return [.article(.search(query: "", language: state.language))]

        case .suggestionsOpened:
            guard state.composer?.kind == .newTicket, !state.articleSuggestions.articles.isEmpty else {
                state.message = StatusMessage(.info, ArticleNotices.noSuggestions)
                return []
            }
            state.articles = ArticlesState(purpose: .suggestions, results: state.articleSuggestions.articles)
            return []

        case .pickerOpened:
            guard state.viewer.isStaff, let composer = state.composer, composer.kind != .newTicket, composer.field == .body else {
                state.message = StatusMessage(.info, ArticleNotices.pickerOnlyInReplies)
                return []
            }
            state.articles = ArticlesState(purpose: .insertIntoReply)
            return [.article(.search(query: "", language: state.language))]

        case .queryEdited(let edit):
            guard var articles = state.articles, articles.takesTyping else { return [] }
            articles.query = TextEditing.apply(edit, text: articles.query, cursor: articles.query.count, singleLine: true).text
            articles.selected = 0
            state.articles = articles
            return [.article(.search(query: articles.query, language: state.language))]

        case .moved(let delta):
            guard var articles = state.articles else { return [] }
            if articles.reading != nil {
                articles.scroll = max(0, articles.scroll + delta)
            } else if !articles.results.isEmpty {
                articles.selected = min(max(0, articles.selected + delta), articles.results.count - 1)
            }
            state.articles = articles
            return []

        case .chosen:
            guard var articles = state.articles, articles.reading == nil, let article = articles.selectedArticle else { return [] }
            if articles.purpose == .insertIntoReply {
                state.articles = nil
                return editComposer(&state, .insert(ArticleInsertion.link(to: article)))
            }
            articles.reading = article
            articles.scroll = 0
            state.articles = articles
            return articles.purpose == .suggestions ? [.article(.count(.opened, [article.id]))] : []

        case .back:
            if state.articles?.reading != nil {
                state.articles?.reading = nil
            } else {
                state.articles = nil
            }
            return []

        case .solvedIt:
            guard let articles = state.articles, articles.purpose == .suggestions, let article = articles.reading,
                  let composer = state.composer else { return [] }
            state.articles = nil
            state.composer = nil
            state.focus = .list
            state.articleSuggestions = state.articleSuggestions.cleared
            state.message = StatusMessage(.info, ArticleNotices.solvedNothingFiled)
            return [.article(.count(.solved, [article.id])), .deleteDraft(composer.slot)]

        case .insertedText:
            guard let articles = state.articles, articles.purpose == .insertIntoReply,
                  let article = articles.reading ?? articles.selectedArticle else { return [] }
            state.articles = nil
            return editComposer(&state, .insert(ArticleInsertion.text(of: article)))

        case .loaded(let query, let results):
            guard var articles = state.articles, articles.purpose != .suggestions, articles.query == query else { return [] }
            articles.results = results
            articles.selected = min(articles.selected, max(0, results.count - 1))
            state.articles = articles
            return []

        case .suggestionsLoaded(let text, let found):
            guard state.articleSuggestions.askedText == text, state.composer?.kind == .newTicket else { return [] }
            state.articleSuggestions.articles = found
            let new = found.map(\.id).filter { !state.articleSuggestions.shownIDs.contains($0) }
            state.articleSuggestions.shownIDs.formUnion(new)
            return new.isEmpty ? [] : [.article(.count(.shown, new))]
        }
    }

    /// After every action: a customer's new ticket asks for suggestions when its words change;
    /// a ticket filed after suggestions counts them as "filed anyway"; closing the form forgets them.
    static func followArticleSuggestions(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        var effects: [DeskEffect] = []
        if case .ticketCreated = action, !state.articleSuggestions.shownIDs.isEmpty {
            effects.append(.article(.count(.filedAnyway, state.articleSuggestions.shownIDs.sorted())))
            state.articleSuggestions = state.articleSuggestions.cleared
        }
        guard state.articleSuggestions.isEnabled, !state.viewer.isStaff, let composer = state.composer, composer.kind == .newTicket else {
            if state.articleSuggestions != state.articleSuggestions.cleared { state.articleSuggestions = state.articleSuggestions.cleared }
            return effects
        }
        let text = (composer.subject + " " + composer.body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text != state.articleSuggestions.askedText else { return effects }
        state.articleSuggestions.askedText = text
        guard SearchWords(typed: text) != nil else {
            state.articleSuggestions.articles = []
            return effects
        }
        let product = composer.fields["product"].flatMap { $0.isEmpty ? nil : $0 }
        return effects + [.article(.suggest(text: text, language: state.language, product: product))]
    }
}

/// What an agent's picker puts into a reply.
public enum ArticleInsertion {
    /// The title, and where a customer reads it (`kb show SLUG`, also over SSH).
    public static func link(to article: Article) -> String {
        "\(article.title) (kb show \(article.slug))"
    }

    /// The whole article as plain text.
    public static func text(of article: Article) -> String {
        article.title + "\n\n" + MarkdownText(article.body).plainText + "\n"
    }
}

public enum ArticleNotices {
    public static let noSuggestions = Phrase.model("No article matches what you wrote yet")
    public static let pickerOnlyInReplies = Phrase.model("Articles are inserted into a reply or a note being written")
    public static let solvedNothingFiled = Phrase.model("Glad it helped: no ticket was filed")
}

extension DeskRuntime {
    func performArticle(_ effect: ArticleEffect) throws(DeskError) -> [DeskAction] {
        switch effect {
        case .search(let query, let language):
            let found = SearchWords(typed: query) == nil
                ? try store.articles(viewer: viewer, limit: 500)
                : try store.searchArticles(ArticleQuery(text: query, language: language, limit: 100), viewer: viewer)
            return [.article(.loaded(query: query, found))]
        case .suggest(let text, let language, let product):
            let query = ArticleQuery(text: text, match: .anyWord, language: language, product: product, limit: ArticleSuggestionRules.limit)
            return [.article(.suggestionsLoaded(text: text, try store.searchArticles(query, viewer: viewer)))]
        case .count(let event, let ids):
            try store.countArticleEvent(event, ids: ids, viewer: viewer)
            return []
        }
    }
}

public enum ArticleSuggestionRules {
    /// The side pane shows at most this many.
    public static let limit = 5
}
