/// The `:` command line while it is open: what is typed, the completion Tab offered, and the
/// place in the session's history Up/Down reached.
public struct CommandLineState: Equatable, Sendable {
    public var text: String
    public var completion: CommandCompletion?
    /// Index in `DeskState.commandHistory` while recalling; nil while typing anew.
    public var historyIndex: Int?
    /// What was typed before Up recalled history, given back by Down past the newest entry.
    public var draft = ""
    /// The search the line was opened from: `:save NAME` saves its conditions.
    public var searchQuery: String?
    /// Agents' handles for completing `:assign` (staff only), read when the line opens.
    public var agentHandles: [String] = []

    public init(text: String = "", searchQuery: String? = nil) {
        self.text = text
        self.searchQuery = searchQuery
    }
}

/// What Tab offered: the candidates for the word being completed, the text before that word,
/// and the candidate shown (nil: only their common beginning is in the line so far).
public struct CommandCompletion: Equatable, Sendable {
    public var base: String
    public var candidates: [String]
    public var index: Int?
    /// The line as the last Tab left it: Tab again on this text cycles, any edit starts over.
    public var shownText: String

    public init(base: String, candidates: [String], index: Int?, shownText: String) {
        self.base = base
        self.candidates = candidates
        self.index = index
        self.shownText = shownText
    }
}
