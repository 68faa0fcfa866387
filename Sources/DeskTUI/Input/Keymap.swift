import DeskModel

/// Where a command's keys apply. A key may mean one thing in the panes and another in the
/// possible-duplicate warning (as neomutt keeps a table per menu): `r` replies in the
/// panes, and replies on the existing ticket in the warning.
public enum KeyScope: CaseIterable, Sendable {
    case panes
    case duplicateWarning
    /// A yes/no question such as "Close #42 for good?".
    case confirmation
    /// The composer: it takes text, so its commands are control and function keys.
    case composer
    /// The Articles screen and picker (`ArticlesState`).
    case articles
    /// The People screen of customer administrators (`PeopleState`).
    case people
}

/// Everything a key can do in the lists, the detail pane and the duplicate warning. The help
/// overlay reads this table, so it always shows the keys that are really bound.
public enum Command: String, CaseIterable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom, open
    case focusNext, focusPrevious
    case viewRecent, viewActive, viewMine, viewOpen, viewAll
    case cycleSort, flipOrder, search, jumpToNumber
    case newTicket, reply, internalNote, statusMenu, assign, assignToMe, watch, followUp
    case refresh, close, back, quit, help
    case replyThere, createAnyway, keepEditing
    case confirmYes, confirmNo
    case savedView, commandLine
    case nextMessage, previousMessage, quote, attachments
    case tag, tagAll, markUnread
    case send, closeComposer, discardDraft, externalEditor, nextField, previousField, composerHelp
    case manageWatchers, copyReference
    case replyIntent, attachFile
    case articles, suggestedArticles, insertArticle, articleSolved, articleInsertText
    case toggleQuote, toggleAllQuotes, mailPreferences
    case editTicket
    case reports
    case takeCallback, recordCallback, requestCallback
    case people, peopleAdd, peopleAccess, peopleRemove, peopleKey, peopleRevoke, peopleAudit
    case peopleNextOrganisation, peoplePreviousOrganisation

    var scope: KeyScope {
        switch self {
        case .replyThere, .createAnyway, .keepEditing: .duplicateWarning
        case .confirmYes, .confirmNo: .confirmation
        case .send, .closeComposer, .discardDraft, .externalEditor, .nextField, .previousField, .composerHelp, .replyIntent, .attachFile: .composer
        case .suggestedArticles, .insertArticle: .composer
        case .articleSolved, .articleInsertText: .articles
        case .peopleAdd, .peopleAccess, .peopleRemove, .peopleKey, .peopleRevoke, .peopleAudit,
             .peopleNextOrganisation, .peoplePreviousOrganisation: .people
        default: .panes
        }
    }

    /// The action this command sends, given who is looking.
    func action(viewer: Viewer) -> DeskAction {
        switch self {
        case .moveDown: .selectionMoved(by: 1)
        case .moveUp: .selectionMoved(by: -1)
        case .pageDown: .pageMoved(by: 1)
        case .pageUp: .pageMoved(by: -1)
        case .top: .jumpedToTop
        case .bottom: .jumpedToBottom
        case .open: .ticketOpened
        case .focusNext: .focusCycled(forward: true)
        case .focusPrevious: .focusCycled(forward: false)
        case .viewRecent: .viewSelected(.recent)
        case .viewActive: .viewSelected(.active)
        case .viewMine: .viewSelected(.mine)
        case .viewOpen: .viewSelected(.open)
        case .viewAll: .viewSelected(.all)
        case .cycleSort: .sortCycled
        case .flipOrder: .orderFlipped
        case .search: .searchStarted
        case .jumpToNumber: .jumpStarted
        case .newTicket: .composerOpened(.newTicket)
        case .reply: .composerOpened(.reply)
        case .internalNote: .composerOpened(.internalNote)
        case .statusMenu: .statusMenuRequested
        case .assign: .assignMenuRequested
        case .assignToMe: .assignRequested(handle: viewer.user.handle)
        case .watch: .watchToggled
        case .followUp: .composerOpened(.followUp)
        case .refresh: .refreshRequested
        case .close: .closeRequested
        case .back: .backRequested
        case .quit: .quitRequested
        case .help: .helpToggled
        case .replyThere: .duplicateChoiceMade(.replyThere)
        case .createAnyway: .duplicateChoiceMade(.createAnyway)
        case .keepEditing: .duplicateChoiceMade(.keepEditing)
        case .confirmYes: .confirmationAnswered(yes: true)
        case .confirmNo: .confirmationAnswered(yes: false)
        // The key decides which saved view (`action(viewer:key:keymap:)`); this is the first.
        case .savedView: .savedViewTabChosen(position: 0)
        case .commandLine: .commandLineStarted(prefill: "")
        case .nextMessage: .messageSelectionMoved(by: 1)
        case .previousMessage: .messageSelectionMoved(by: -1)
        case .quote: .quoteRequested
        case .attachments: .attachmentMenuRequested
        case .tag: .tagToggled
        case .tagAll: .tagAllRequested
        case .markUnread: .markUnreadRequested
        case .send: .composerSubmitted
        case .closeComposer: .composerClosed
        case .discardDraft: .draftDiscardRequested
        // The editor is run by the event loop (`KeyOutcome.openEditor`), never by the reducer.
        case .externalEditor: ClientRefusals.notAllowed(ClientRefusals.editorOpensFromComposer)
        case .nextField: .composerFieldMoved(forward: true)
        case .previousField: .composerFieldMoved(forward: false)
        case .composerHelp: .helpToggled
        case .manageWatchers: .ticketWatchersRequested
        // The client copies (`KeyOutcome.copyToClipboard`); the reducer has nothing to do.
        case .copyReference: ClientRefusals.notAllowed(ClientRefusals.copyingByClient)
        case .replyIntent: .replyIntentCycled
        case .attachFile: .attachPromptRequested
        case .articles: .article(.screenOpened)
        case .suggestedArticles: .article(.suggestionsOpened)
        case .insertArticle: .article(.pickerOpened)
        case .articleSolved: .article(.solvedIt)
        case .articleInsertText: .article(.insertedText)
        case .toggleQuote: .quotedHistory(.toggled)
        case .toggleAllQuotes: .quotedHistory(.allToggled)
        case .mailPreferences: .mailPreferences(.opened)
        case .editTicket: .ticketEdit(.opened)
        case .reports: .report(.opened)
        case .takeCallback: .callback(.takeRequested)
        case .recordCallback: .commandLineStarted(prefill: "callback ")
        case .requestCallback: .callback(.requestStarted)
        case .people: .people(.opened)
        case .peopleAdd: .people(.addFormOpened)
        case .peopleAccess: .people(.accessSwitched)
        case .peopleRemove: .people(.removeRequested)
        case .peopleKey: .people(.keyFormOpened)
        case .peopleRevoke: .people(.revokeRequested)
        case .peopleAudit: .people(.auditOpened)
        case .peopleNextOrganisation: .people(.organisationStepped(forward: true))
        case .peoplePreviousOrganisation: .people(.organisationStepped(forward: false))
        }
    }

    /// Commands only staff have; the help overlay hides them from customers.
    var isStaffOnly: Bool {
        self == .internalNote || self == .assign || self == .assignToMe || self == .replyIntent
            || self == .insertArticle || self == .articleInsertText || self == .reports || self == .takeCallback || self == .recordCallback
    }

    var defaultKeys: [Key] {
        switch self {
        case .moveDown: [.character("j"), .down]
        case .moveUp: [.character("k"), .up]
        case .pageDown: [.pageDown, .character(" ")]
        case .pageUp: [.pageUp, .character("b")]
        case .top: [.character("g"), .home]
        case .bottom: [.character("G"), .end]
        case .open: [.enter]
        case .focusNext: [.tab]
        case .focusPrevious: [.backTab]
        case .viewRecent: [.character("1")]
        case .viewActive: [.character("2")]
        case .viewMine: [.character("3")]
        case .viewOpen: [.character("4")]
        case .viewAll: [.character("5")]
        case .cycleSort: [.character("s")]
        case .flipOrder: [.character("o")]
        case .search: [.character("/")]
        case .jumpToNumber: [.character("#")]
        case .newTicket: [.character("n")]
        case .reply: [.character("r")]
        case .internalNote: [.character("i")]
        case .statusMenu: [.character("S")]
        case .assign: [.character("a")]
        case .assignToMe: [.character("A")]
        case .watch: [.character("w")]
        case .followUp: [.character("f")]
        case .refresh: [.character("R"), .control("l")]
        // Esc backs out but never quits: as in mutt and tig, q is what quits.
        case .close: [.escape]
        case .back: [.character("q")]
        case .quit: [.control("c")]
        case .help: [.character("?"), .function(1)]
        case .replyThere: [.character("r")]
        case .createAnyway: [.character("c")]
        case .keepEditing: [.escape, .character("e")]
        case .confirmYes: [.character("y")]
        // No is the default: Enter answers it.
        case .confirmNo: [.character("n"), .escape, .enter]
        case .savedView: [.character("6"), .character("7"), .character("8"), .character("9")]
        case .commandLine: [.character(":")]
        // As in tig's diff view: brackets step through the parts of what is shown.
        case .nextMessage: [.character("]")]
        case .previousMessage: [.character("[")]
        case .quote: [.character("Q")]
        // As in mutt: v views the attachments.
        case .attachments: [.character("v")]
        case .tag: [.character("t")]
        case .tagAll: [.character("T")]
        case .markUnread: [.character("N")]
        case .send: [.control("s")]
        case .closeComposer: [.escape]
        // Ctrl-D already deletes forward, so discarding is Ctrl-X.
        case .discardDraft: [.control("x")]
        case .externalEditor: [.control("e")]
        case .nextField: [.tab]
        case .previousField: [.backTab]
        case .composerHelp: [.function(1)]
        case .manageWatchers: [.character("W")]
        case .copyReference: [.character("y")]
        case .replyIntent: [.control("t")]
        // Ctrl-A is already the start of the line.
        case .attachFile: [.control("o")]
        // K for the knowledge base; F2 and Ctrl-K in the composer, where letters are text.
        case .articles: [.character("K")]
        case .suggestedArticles: [.function(2)]
        case .insertArticle: [.control("k")]
        case .articleSolved: [.character("y")]
        case .articleInsertText: [.control("t")]
        // z folds, as in vim; Z (all) as vim's zR / zM.
        case .toggleQuote: [.character("z")]
        case .toggleAllQuotes: [.character("Z")]
        case .mailPreferences: [.character("M")]
        case .editTicket: [.character("E")]
        // D for the dashboard: R already refreshes.
        case .reports: [.character("D")]
        // P for the phone: P takes the call-back request, O records the outcome.
        case .takeCallback: [.character("P")]
        case .recordCallback: [.character("O")]
        // C: a customer asks to be called back.
        case .requestCallback: [.character("C")]
        // U for users: the People screen; inside it, letters act on the highlighted member.
        case .people: [.character("U")]
        case .peopleAdd: [.character("a")]
        case .peopleAccess: [.character(" ")]
        case .peopleRemove: [.character("d")]
        case .peopleKey: [.character("s")]
        case .peopleRevoke: [.character("X")]
        case .peopleAudit: [.character("l")]
        case .peopleNextOrganisation: [.character("]")]
        case .peoplePreviousOrganisation: [.character("[")]
        }
    }
}

/// Keys to commands, per scope: the defaults, with the user's config rebinding some.
public struct Keymap: Equatable, Sendable {
    public private(set) var bindings: [KeyScope: [Key: Command]]

    public static let standard: Keymap = {
        var bindings: [KeyScope: [Key: Command]] = [:]
        for command in Command.allCases {
            for key in command.defaultKeys where bindings[command.scope]?[key] == nil {
                bindings[command.scope, default: [:]][key] = command
            }
        }
        return Keymap(bindings: bindings)
    }()

    public init(bindings: [KeyScope: [Key: Command]]) {
        self.bindings = bindings
    }

    public func command(for key: Key, in scope: KeyScope = .panes) -> Command? { bindings[scope]?[key] }

    /// Binding a command replaces its default keys in its scope; Ctrl-C always quits.
    public mutating func bind(_ command: Command, to keys: [Key]) {
        var scoped = (bindings[command.scope] ?? [:]).filter { $0.value != command || $0.key == .control("c") }
        for key in keys where key != .control("c") { scoped[key] = command }
        bindings[command.scope] = scoped
    }

    /// The keys of a command, in a stable order for display.
    public func keys(for command: Command) -> [Key] {
        let bound = (bindings[command.scope] ?? [:]).filter { $0.value == command }.map(\.key)
        let defaults = command.defaultKeys.filter(bound.contains)
        return defaults + bound.filter { !defaults.contains($0) }.sorted { $0.name < $1.name }
    }
}

extension Command {
    /// The action for the key pressed: the n-th key of `savedView` chooses the n-th saved view.
    func action(viewer: Viewer, key: Key, keymap: Keymap) -> DeskAction {
        guard self == .savedView, let position = keymap.keys(for: self).firstIndex(of: key) else { return action(viewer: viewer) }
        return .savedViewTabChosen(position: position)
    }
}
