import Foundation

/// What an agent does with a ticket's call-back request from the client: take it, or record
/// what came of the call (the `O` key opens `:callback ` for the outcome and, when
/// rescheduled, the new window).
public enum CallbackAction: Equatable, Sendable {
    case takeRequested
    case outcomeRequested(CallbackReport)
    /// A customer's key: on a plan with call-backs it opens the request form
    /// (`CallbackForm`), otherwise it says why not.
    case requestStarted
    /// `:callback request WINDOW ZONE [PHONE]`, the command line's way.
    case requestSubmitted(CallbackAsk)
    /// The form, prefilled with what the desk kept (`CallbackEffect.loadForm`).
    case formLoaded(CallbackForm)
    case form(CallbackFormAction)
}

public enum CallbackEffect: Equatable, Sendable {
    case take(number: Int64)
    case record(number: Int64, CallbackReport)
    case request(number: Int64, CallbackAsk)
    /// Reads the number and zone to prefill the form with; answers `formLoaded`.
    case loadForm(number: Int64)
    /// The form's request; answers `form(.saved)` or `form(.refused)`.
    case requestFromForm(number: Int64, CallbackAsk)
}

extension DeskReducer {
    static func reduceCallback(_ state: inout DeskState, _ action: CallbackAction) -> [DeskEffect] {
        switch action {
        case .requestStarted:
            guard !state.viewer.isStaff else {
                state.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyCustomers))
                return []
            }
            guard let plan = state.viewer.plan, CallbackRules.plans.contains(plan) else {
                state.message = StatusMessage(.error, CallbackNotices.notInPlan)
                return []
            }
            guard let number = currentTicketNumber(state) else { return [] }
            return [.callback(.loadForm(number: number))]
        case .formLoaded(let form):
            state.callbackForm = form
            state.message = nil
            return []
        case .form(let action):
            return reduceCallbackForm(&state, action)
        case .requestSubmitted(let ask):
            guard let number = currentTicketNumber(state) else { return [] }
            return [.callback(.request(number: number, ask))]
        case .takeRequested, .outcomeRequested:
            break
        }
        guard state.viewer.isStaff else {
            state.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyAgents))
            return []
        }
        guard let number = currentTicketNumber(state) else { return [] }
        switch action {
        case .takeRequested: return [.callback(.take(number: number))]
        case .outcomeRequested(let report): return [.callback(.record(number: number, report))]
        case .requestStarted, .requestSubmitted, .formLoaded, .form: return []
        }
    }
}

extension DeskRuntime {
    func performCallback(_ effect: CallbackEffect) throws(DeskError) -> [DeskAction] {
        switch effect {
        case .take(let number):
            _ = try store.takeCallback(number: number, by: viewer)
            return [.ticketChanged(try store.ticket(number: number, viewer: viewer), info: CallbackNotices.taken(number))]
        case .record(let number, let report):
            let request = try store.recordCallback(number: number, report, by: viewer)
            return [.ticketChanged(try store.ticket(number: number, viewer: viewer), info: CallbackNotices.recorded(number, request))]
        case .request(let number, let ask):
            let request = try store.requestCallback(number: number, ask, by: viewer)
            return [.ticketChanged(try store.ticket(number: number, viewer: viewer), info: CallbackNotices.requested(request))]
        case .loadForm(let number):
            return try callbackFormLoaded(number: number)
        case .requestFromForm(let number, let ask):
            return try requestedFromForm(number: number, ask)
        }
    }
}

/// The client's words about call-backs, in the model's catalogue.
public enum CallbackNotices {
    static let onlyAgents = Phrase.model("only agents take call-backs and record their outcome", context: "not allowed")

    public static func taken(_ number: Int64) -> Phrase {
        .model("You took the call-back request of ticket #{number}", ["number": .number(number)])
    }

    public static func recorded(_ number: Int64, _ request: CallbackRequest) -> Phrase {
        .model("Call-back of ticket #{number}: {outcome}", [
            "number": .number(number), "outcome": .phrase(request.outcome?.labelPhrase ?? request.state.labelPhrase),
        ])
    }

    public static let onlyCustomers = Phrase.model("customers ask for call-backs; agents take them", context: "not allowed")
    public static let notInPlan = Phrase.model("Call-backs come with the business and enterprise plans only")

    public static func requested(_ request: CallbackRequest) -> Phrase {
        .model("Call-back requested for ticket #{number}: {window} ({zone})", [
            "number": .number(request.ticketNumber), "window": .text(request.window.span), "zone": .text(request.window.timeZone),
        ])
    }

    /// The form's fields say what is wrong; the bottom line says where to look.
    public static let formHasProblems = Phrase.model("Some fields need correcting: see the reasons beside them")

    static let needsRequest = Phrase.model("a window and a zone, then a phone number if it is new: 14:00-16:00 Europe/Paris +33 1 23 45 67 89", context: "command argument")

    static let needsOutcome = Phrase.model("an outcome: reached, no-answer, or rescheduled HH:MM-HH:MM [zone]", context: "command argument")

    /// `:callback take`, `:callback reached`, `:callback no-answer`, `:callback rescheduled 09:00-10:00 [Asia/Tokyo]`.
    static func command(_ argument: String) -> CommandOutcome {
        let words = argument.split(separator: " ").map(String.init)
        guard let first = words.first else { return .refused(CommandLineNotices.needs("callback", needsOutcome)) }
        if first.lowercased() == "take", words.count == 1 { return .actions([.callback(.takeRequested)]) }
        if first.lowercased() == "request" {
            guard words.count >= 3 else { return .refused(CommandLineNotices.needs("callback request", needsRequest)) }
            let phone = words.dropFirst(3).joined(separator: " ")
            return .actions([.callback(.requestSubmitted(CallbackAsk(phone: phone.isEmpty ? nil : phone, window: words[1], timeZone: words[2])))])
        }
        guard let outcome = CallbackOutcome(lenient: first), words.count <= 3 else {
            return .refused(CommandLineNotices.needs("callback", needsOutcome))
        }
        let report = CallbackReport(outcome: outcome, window: words.count > 1 ? words[1] : nil, timeZone: words.count > 2 ? words[2] : nil)
        return .actions([.callback(.outcomeRequested(report))])
    }
}
