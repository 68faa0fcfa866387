/// The client's knowledge base: the Articles screen (browse and search), the suggestions a
/// customer's new ticket gathers as it is written, and the picker an agent inserts an article
/// into a reply with.
public struct ArticlesState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// Everyone: browse and search every article they may read.
        case browse
        /// The new ticket's suggestions; "this solved it" files nothing.
        case suggestions
        /// An agent's reply: Enter inserts the article's link, the text key its whole text.
        case insertIntoReply
    }

    public var purpose: Purpose
    /// What is typed in the search field (browse and insert).
    public var query = ""
    public var results: [Article] = []
    public var selected = 0
    /// The article being read, and its first line on screen.
    public var reading: Article?
    public var scroll = 0

    public init(purpose: Purpose, results: [Article] = []) {
        self.purpose = purpose
        self.results = results
    }

    public var selectedArticle: Article? { results.indices.contains(selected) ? results[selected] : nil }
    public var takesTyping: Bool { purpose != .suggestions && reading == nil }
}

/// Articles suggested for the new ticket being written, and which of them were counted as
/// shown (each once per ticket form).
public struct ArticleSuggestions: Equatable, Sendable {
    /// The client turns suggestions on when the knowledge base has articles for the viewer
    /// (a desk without any asks nothing while people type).
    public var isEnabled = false
    /// The words last asked for (subject and description, spaces collapsed).
    public var askedText: String?
    public var articles: [Article] = []
    public var shownIDs: Set<ArticleID> = []

    public init(isEnabled: Bool = false) { self.isEnabled = isEnabled }

    /// The same switch, nothing asked or suggested yet.
    public var cleared: ArticleSuggestions { ArticleSuggestions(isEnabled: isEnabled) }
}

/// What the knowledge base's screens ask the reducer.
public enum ArticleAction: Equatable, Sendable {
    case screenOpened
    case suggestionsOpened
    case pickerOpened
    case queryEdited(TextEdit)
    case moved(by: Int)
    /// Enter: read the selected article (in the picker: insert its link).
    case chosen
    /// Esc: from an article back to the list, from the list back to what was open.
    case back
    case solvedIt
    case insertedText
    case loaded(query: String, [Article])
    case suggestionsLoaded(text: String, [Article])
}

/// What the knowledge base asks of the desk.
public enum ArticleEffect: Equatable, Sendable {
    case search(query: String, language: Language)
    case suggest(text: String, language: Language, product: String?)
    case count(ArticleEvent, [ArticleID])

    /// Suggestions follow typing: they wait until the screen is drawn and no key is waiting,
    /// so a fast typist's keys never wait for a search (and only the last words matter).
    var waitsForIdle: Bool {
        if case .suggest = self { true } else { false }
    }
}
