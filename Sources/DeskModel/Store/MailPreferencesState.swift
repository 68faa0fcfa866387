/// The box where a user sees and changes which notifications they receive by mail, the
/// client's face of `deskterm mail notify`: the same events for the same role, changed through
/// the same `Desk.setMailPreference`.
public struct MailPreferencesState: Equatable, Sendable {
    /// One event the viewer may receive, and their choice (nil: the default).
    public struct Choice: Equatable, Sendable {
        public var event: MailNotificationEvent
        public var wanted: Bool?

        public init(event: MailNotificationEvent, wanted: Bool?) {
            self.event = event
            self.wanted = wanted
        }
    }

    /// Empty until the desk has answered.
    public var choices: [Choice] = []
    public var selected = 0
    /// A change is on its way to the desk: another waits for it.
    public var isSaving = false

    public init(choices: [Choice] = [], selected: Int = 0) {
        self.choices = choices
        self.selected = selected
    }

    /// What a change turns the highlighted event to: the opposite of what it does now. Staff
    /// get every event by default, so a first change turns it off; a customer's default follows
    /// each ticket's preferred contact, so a first change opts in.
    static func changed(_ choice: Choice, staff: Bool) -> Bool {
        !(choice.wanted ?? staff)
    }
}

public enum MailPreferencesAction: Equatable, Sendable {
    /// `M` or `:mail`: open the box and read the preferences.
    case opened
    case loaded([MailPreferencesState.Choice])
    case moved(by: Int)
    /// Space or Enter: turn the highlighted event on or off.
    case toggled
    case closed
}

public enum MailPreferencesEffect: Equatable, Sendable {
    case load
    case change(MailNotificationEvent, wanted: Bool)
}

extension DeskReducer {
    static func reduceMailPreferences(_ state: inout DeskState, _ action: MailPreferencesAction) -> [DeskEffect] {
        switch action {
        case .opened:
            state.overlay = nil
            state.mailPreferences = MailPreferencesState()
            return [.mailPreferences(.load)]
        case .loaded(let choices):
            guard var box = state.mailPreferences else { return [] }
            box.choices = choices
            box.selected = min(box.selected, max(0, choices.count - 1))
            box.isSaving = false
            state.mailPreferences = box
            return []
        case .moved(let delta):
            guard var box = state.mailPreferences, !box.choices.isEmpty else { return [] }
            box.selected = min(max(0, box.selected + delta), box.choices.count - 1)
            state.mailPreferences = box
            return []
        case .toggled:
            guard var box = state.mailPreferences, !box.isSaving, box.choices.indices.contains(box.selected) else { return [] }
            let choice = box.choices[box.selected]
            box.isSaving = true
            state.mailPreferences = box
            return [.mailPreferences(.change(choice.event, wanted: MailPreferencesState.changed(choice, staff: state.viewer.isStaff)))]
        case .closed:
            state.mailPreferences = nil
            return []
        }
    }
}

extension DeskRuntime {
    func performMailPreferences(_ effect: MailPreferencesEffect) throws(DeskError) -> [DeskAction] {
        switch effect {
        case .load:
            return [.mailPreferences(.loaded(try currentMailPreferences()))]
        case .change(let event, let wanted):
            do {
                try store.setMailPreference(event, wanted: wanted, viewer: viewer)
            } catch {
                // Refused or not written: the box shows what the desk holds, and says why.
                return [.mailPreferences(.loaded(try currentMailPreferences())), .failed(error)]
            }
            return [.mailPreferences(.loaded(try currentMailPreferences()))]
        }
    }

    private func currentMailPreferences() throws(DeskError) -> [MailPreferencesState.Choice] {
        try store.mailPreferences(viewer: viewer).map { MailPreferencesState.Choice(event: $0.event, wanted: $0.wanted) }
    }
}
