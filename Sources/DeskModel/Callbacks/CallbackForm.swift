/// The customer's call-back request form (`C`): the phone number (prefilled with the one the
/// desk kept from their last request), the window, the time zone (their last request's, or
/// the terminal's) and an optional note. Each field is checked by `CallbackRules` when the
/// form is sent, and a refused field says why beside it; the desk's `requestCallback` then
/// applies every rule again.
public struct CallbackForm: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case phone, window, zone, note
    }

    public var number: Int64
    /// What each field holds, as typed.
    public var values: [Field: String]
    public var focused: Field
    /// The caret in the focused field, in graphemes.
    public var cursor: Int
    /// Why each refused field was refused, from the last sending.
    public var problems: [Field: Phrase] = [:]
    public var isSaving = false

    /// Focus on the first field left empty (the window, when the number and zone are known).
    public init(number: Int64, phone: String?, zone: String?) {
        self.number = number
        let values: [Field: String] = [.phone: phone ?? "", .window: "", .zone: zone ?? "", .note: ""]
        self.values = values
        focused = Field.allCases.first { (values[$0] ?? "").isEmpty && $0 != .note } ?? .window
        cursor = 0
    }

    /// The fields' problems by the desk's rules; none: the form may be sent.
    public var checked: [Field: Phrase] {
        var problems: [Field: Phrase] = [:]
        func check(_ field: Field, _ rule: (String) throws(DeskError) -> Void) {
            do { try rule(values[field] ?? "") } catch { problems[field] = error.phrase }
        }
        check(.phone) { typed throws(DeskError) in
            guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { throw .refused(CallbackRules.phoneNeeded) }
            _ = try CallbackRules.phone(typed)
        }
        check(.window) { typed throws(DeskError) in _ = try CallbackRules.span(typed) }
        check(.zone) { typed throws(DeskError) in _ = try CallbackRules.zone(typed) }
        check(.note) { typed throws(DeskError) in _ = try CallbackRules.note(typed) }
        return problems
    }

    /// The request the form asks for.
    public var ask: CallbackAsk {
        CallbackAsk(phone: values[.phone], window: values[.window] ?? "", timeZone: values[.zone] ?? "", note: values[.note] ?? "")
    }
}

/// What the call-back form asks the reducer.
public enum CallbackFormAction: Equatable, Sendable {
    case fieldMoved(forward: Bool)
    case input(TextEdit)
    case submitted
    case cancelled
    /// The desk took the request: the form closes and the ticket shows it.
    case saved(Ticket, CallbackRequest)
    /// The desk refused (the plan, the ticket closed meanwhile): the form stays, with the reason shown.
    case refused(Phrase)
}

extension DeskReducer {
    static func reduceCallbackForm(_ state: inout DeskState, _ action: CallbackFormAction) -> [DeskEffect] {
        switch action {
        case .fieldMoved(let forward):
            guard var form = state.callbackForm, let index = CallbackForm.Field.allCases.firstIndex(of: form.focused) else { return [] }
            let fields = CallbackForm.Field.allCases
            form.focused = fields[(index + (forward ? 1 : fields.count - 1)) % fields.count]
            form.cursor = form.values[form.focused]?.count ?? 0
            state.callbackForm = form
            return []

        case .input(let edit):
            guard var form = state.callbackForm, !form.isSaving else { return [] }
            let (text, cursor) = TextEditing.apply(edit, text: form.values[form.focused] ?? "", cursor: form.cursor, singleLine: true)
            form.values[form.focused] = text
            form.cursor = cursor
            state.callbackForm = form
            return []

        case .submitted:
            guard var form = state.callbackForm, !form.isSaving else { return [] }
            form.problems = form.checked
            if let first = CallbackForm.Field.allCases.first(where: { form.problems[$0] != nil }) {
                form.focused = first
                form.cursor = form.values[first]?.count ?? 0
                state.callbackForm = form
                state.message = StatusMessage(.error, CallbackNotices.formHasProblems)
                return []
            }
            form.isSaving = true
            state.callbackForm = form
            state.message = nil
            return [.callback(.requestFromForm(number: form.number, form.ask))]

        case .cancelled:
            state.callbackForm = nil
            state.message = nil
            return []

        case .saved(let ticket, let request):
            state.callbackForm = nil
            return reduce(into: &state, .ticketChanged(ticket, info: CallbackNotices.requested(request)))

        case .refused(let phrase):
            state.callbackForm?.isSaving = false
            state.message = StatusMessage(.error, phrase)
            return []
        }
    }
}

extension DeskRuntime {
    /// The form's prefill: the number and zone of the viewer's last request, else the zone the
    /// terminal names (`TZ`, when it is an IANA name).
    func callbackFormLoaded(number: Int64) throws(DeskError) -> [DeskAction] {
        let zone = try store.callbackZone(viewer: viewer) ?? terminalTimeZone.flatMap { CallbackRules.isKnownZone($0) ? $0 : nil }
        return [.callback(.formLoaded(CallbackForm(number: number, phone: try store.callbackPhone(viewer: viewer), zone: zone)))]
    }

    /// The form's request: a refusal stays in the form; a desk that cannot be reached fails
    /// as every write does.
    func requestedFromForm(number: Int64, _ ask: CallbackAsk) throws(DeskError) -> [DeskAction] {
        do {
            let request = try store.requestCallback(number: number, ask, by: viewer)
            return [.callback(.form(.saved(try store.ticket(number: number, viewer: viewer), request)))]
        } catch let error where !error.meansDeskUnreachable {
            return [.callback(.form(.refused(error.phrase)))]
        }
    }
}
