import DeskModel

/// The box of the reader's mail notifications (`MailPreferencesState`): one row per event
/// their role can receive, with its state (on, off, or the default); Space or Enter changes
/// the highlighted one, Esc closes.
enum MailPreferencesBox {
    static func draw(_ state: DeskState, into grid: inout Grid) {
        guard let box = state.mailPreferences else { return }
        let language = state.language
        let rows = box.choices.map { (stateWord($0.wanted, language), eventLabel($0.event, language)) }
        Overlays.box(title: title(language), rows: rows, selected: box.choices.isEmpty ? nil : box.selected,
                     footer: defaultMeaning(staff: state.viewer.isStaff, language), into: &grid)
    }

    /// The box takes every key while it is open (Ctrl-C still quits); nil when it is closed.
    static func route(_ key: Key, state: DeskState) -> [KeyOutcome]? {
        guard let box = state.mailPreferences else { return nil }
        let last = max(0, box.choices.count - 1)
        switch key {
        case .down, .character("j"), .tab: return [.action(.mailPreferences(.moved(by: 1)))]
        case .up, .character("k"), .backTab: return [.action(.mailPreferences(.moved(by: -1)))]
        case .home, .character("g"): return [.action(.mailPreferences(.moved(by: -box.selected)))]
        case .end, .character("G"): return [.action(.mailPreferences(.moved(by: last - box.selected)))]
        case .enter, .character(" "): return [.action(.mailPreferences(.toggled))]
        case .escape, .character("q"), .character("M"): return [.action(.mailPreferences(.closed))]
        default: return []
        }
    }

    static func hints(_ state: DeskState) -> [(String, String)]? {
        guard state.mailPreferences != nil else { return nil }
        let language = state.language
        return [("↑/↓", UIStrings.chooseHint(language)),
                ("space", Phrase.client("on / off", context: "key hint on the bottom line, short").text(in: language)),
                ("esc", UIStrings.closeHint(language))]
    }

    static func title(_ language: Language) -> String {
        Phrase.client("Mail notifications you receive").text(in: language)
    }

    static func stateWord(_ wanted: Bool?, _ language: Language) -> String {
        let phrase = switch wanted {
        case true?: Phrase.client("on", context: "mail notification state")
        case false?: Phrase.client("off", context: "mail notification state")
        case nil: Phrase.client("default", context: "mail notification state")
        }
        return phrase.text(in: language)
    }

    /// What "default" means for this reader: staff get every event, customers what each
    /// ticket's preferred contact says (`MailNotificationEvent.isWantedByDefault`).
    static func defaultMeaning(staff: Bool, _ language: Language) -> String {
        (staff ? Phrase.client("default: on")
            : Phrase.client("default: by mail when the ticket's contact is e-mail")).text(in: language)
    }

    static func eventLabel(_ event: MailNotificationEvent, _ language: Language) -> String {
        let phrase = switch event {
        case .created: Phrase.client("A ticket you open: its number")
        case .reply: Phrase.client("Public replies")
        case .actionRequired: Phrase.client("Action required")
        case .solutionProposed: Phrase.client("Solution proposed")
        case .closed: Phrase.client("Ticket closed")
        case .newTicket: Phrase.client("New tickets (yours or watched)")
        case .customerReply: Phrase.client("Customer replies (yours or watched)")
        }
        return phrase.text(in: language)
    }
}
