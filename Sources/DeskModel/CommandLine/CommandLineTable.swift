/// The `:` commands, as one table: a command's name, what its argument is (for completion),
/// whether only staff have it, and the actions it sends. Every command maps onto the actions
/// the keys send, so the rules and permissions are the same. Adding a command is one entry.
public struct LineCommand: Sendable {
    public enum Argument: Equatable, Sendable {
        case none
        /// An agent's handle, `me` or `none`.
        case agent
        /// A status the viewer may choose.
        case status
        /// A case view or a saved view.
        case view
        case sort
        /// Free text (words and conditions, a name and conditions, a number).
        case text
        /// A language's tag (`fr`, `pt-BR`).
        case language
    }

    public let name: String
    public let argument: Argument
    /// Hidden from customers: not completed, not listed, refused when typed.
    public let staffOnly: Bool
    let run: @Sendable (_ argument: String, _ state: DeskState) -> CommandOutcome
    /// Completed and listed only for these viewers; typed by anyone else it still runs, and the
    /// rules refuse it as they refuse the key (the People screen: not named to plain customers).
    var isOffered: @Sendable (Viewer) -> Bool = { _ in true }

    public init(
        _ name: String, _ argument: Argument = .none, staffOnly: Bool = false,
        run: @escaping @Sendable (_ argument: String, _ state: DeskState) -> CommandOutcome
    ) {
        self.name = name
        self.argument = argument
        self.staffOnly = staffOnly
        self.run = run
    }

    /// Like a key: actions for the reducer with no argument.
    static func sending(_ name: String, staffOnly: Bool = false, _ actions: [DeskAction]) -> LineCommand {
        LineCommand(name, staffOnly: staffOnly) { _, _ in .actions(actions) }
    }
}

/// What running a command line gives: actions, or why not.
public enum CommandOutcome: Equatable, Sendable {
    case actions([DeskAction])
    case refused(Phrase)
}

public enum CommandLineTable {
    public static let commands: [LineCommand] = [
        LineCommand("assign", .agent, staffOnly: true) { argument, state in
            switch argument.lowercased() {
            case "": .refused(CommandLineNotices.needs("assign", CommandLineNotices.needsHandle))
            case "me": .actions([.assignRequested(handle: state.viewer.user.handle)])
            case "none", "nobody", "unassigned": .actions([.assignRequested(handle: nil)])
            default: .actions([.assignRequested(handle: argument)])
            }
        },
        LineCommand("status", .status) { argument, _ in
            guard !argument.isEmpty else { return .refused(CommandLineNotices.needs("status", CommandLineNotices.needsStatus)) }
            guard case .status(let wanted)? = try? FilterValueParser.condition(.status, items: [argument]), wanted.count == 1,
                  let status = wanted.first else {
                return .refused(CommandLineNotices.unknownStatus(argument, accepted: TicketStatus.spellings))
            }
            return .actions([.statusChangeRequested(status)])
        },
        LineCommand("view", .view) { argument, state in
            guard !argument.isEmpty else { return .refused(CommandLineNotices.needs("view", CommandLineNotices.needsView)) }
            if let view = CaseView(lenient: argument) { return .actions([.viewSelected(view)]) }
            if let saved = state.savedViews.first(where: { $0.name.lowercased() == argument.lowercased() }) {
                return .actions([.savedViewSelected(name: saved.name)])
            }
            return .refused(CommandLineNotices.unknownView(argument, accepted: viewNames(state).joined(separator: ", ")))
        },
        LineCommand("sort", .sort) { argument, _ in
            guard let key = SortKey(lenient: argument) else {
                return .refused(argument.isEmpty ? CommandLineNotices.needs("sort", .verbatim(SortKey.spellings))
                    : CommandLineNotices.unknownSort(argument, accepted: SortKey.spellings))
            }
            return .actions([.sortChosen(key)])
        },
        .sending("order", [.orderFlipped]),
        LineCommand("search", .text) { argument, _ in .actions([.searchStarted, .searchQueryChanged(argument)]) },
        LineCommand("filter", .text) { argument, _ in .actions([.searchStarted, .searchQueryChanged(argument)]) },
        LineCommand("save", .text) { argument, state in
            let parts = argument.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard let name = parts.first.map(String.init) else {
                return .refused(CommandLineNotices.needs("save", CommandLineNotices.needsSave))
            }
            let conditions = parts.count > 1 ? String(parts[1]) : (state.commandLine?.searchQuery ?? state.search?.query ?? "")
            return .actions([.viewSaveRequested(name: name, conditions: conditions)])
        },
        LineCommand("open", .text) { argument, _ in
            guard let number = TicketNumberQuery.number(in: argument) else {
                return .refused(CommandLineNotices.needs("open", CommandLineNotices.needsTicketNumber))
            }
            return .actions([.jumpRequested(number: number)])
        },
        .sending("reply", [.composerOpened(.reply)]),
        .sending("note", staffOnly: true, [.composerOpened(.internalNote)]),
        .sending("new", [.composerOpened(.newTicket)]),
        .sending("watch", [.watchToggled]),
        .sending("follow-up", [.composerOpened(.followUp)]),
        .sending("watchers", [.ticketWatchersRequested]),
        .sending("quote", [.quoteRequested]),
        .sending("attachments", [.attachmentMenuRequested]),
        .sending("tag", [.tagToggled]),
        .sending("tag-all", [.tagAllRequested]),
        .sending("unread", [.markUnreadRequested]),
        .sending("help", [.helpToggled]),
        .sending("quit", [.quitRequested]),
        .sending("articles", [.article(.screenOpened)]),
        LineCommand("language", .language) { argument, _ in
            guard !argument.isEmpty else { return .refused(CommandLineNotices.needs("language", CommandLineNotices.needsLanguage(Language.tags))) }
            guard let language = Language(tag: argument) else {
                return .refused(CommandLineNotices.unknownLanguage(argument, accepted: Language.tags))
            }
            return .actions([.languageChosen(language)])
        },
        .sending("mail", [.mailPreferences(.opened)]),
        {
            var people = LineCommand.sending("people", [.people(.opened)])
            people.isOffered = { PeopleRules.mayOpen($0) }
            return people
        }(),
        LineCommand("callback", .text) { argument, _ in CallbackNotices.command(argument) },
    ]

    /// The commands this viewer has.
    public static func available(to viewer: Viewer) -> [LineCommand] {
        commands.filter { viewer.isStaff || !$0.staffOnly }
    }

    /// The commands completed for this viewer.
    public static func offered(to viewer: Viewer) -> [LineCommand] {
        available(to: viewer).filter { $0.isOffered(viewer) }
    }

    /// Runs what was typed after `:`. A bare number opens that ticket (`:161`); a command may
    /// be shortened to any beginning only it has (`:as bob`).
    public static func run(_ line: String, state: DeskState) -> CommandOutcome {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .actions([]) }
        if let number = TicketNumberQuery.number(in: text) { return .actions([.jumpRequested(number: number)]) }
        let (word, argument) = split(text)
        switch lookup(word, viewer: state.viewer) {
        case .found(let command):
            return command.run(argument.trimmingCharacters(in: .whitespaces), state)
        case .staffOnly(let name):
            return .refused(DeskError.notAllowedPhrase(CommandLineNotices.staffOnly(name)))
        case .ambiguous(let names):
            return .refused(CommandLineNotices.ambiguous(word, names))
        case .unknown:
            return .refused(CommandLineNotices.unknownCommand(word))
        }
    }

    static func lookup(_ word: String, viewer: Viewer) -> LookupResult {
        let typed = word.lowercased()
        let mine = available(to: viewer)
        if let exact = mine.first(where: { $0.name == typed }) { return .found(exact) }
        if let hidden = commands.first(where: { $0.name == typed }) { return .staffOnly(hidden.name) }
        let matches = mine.filter { $0.name.hasPrefix(typed) }
        if matches.count == 1 { return .found(matches[0]) }
        return matches.isEmpty ? .unknown : .ambiguous(matches.map(\.name))
    }

    enum LookupResult {
        case found(LineCommand)
        case staffOnly(String)
        case ambiguous([String])
        case unknown
    }

    /// The first word and the rest.
    static func split(_ text: String) -> (String, String) {
        guard let blank = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<blank]), String(text[text.index(after: blank)...]))
    }

    /// Case views, then the viewer's saved views.
    static func viewNames(_ state: DeskState) -> [String] {
        CaseView.allCases.map(\.rawValue) + state.savedViews.map(\.name)
    }
}
