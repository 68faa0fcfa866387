import Foundation

/// What an agent does with a ticket's call-back request from the client: take it, or record
/// what came of the call (the `O` key opens `:callback ` for the outcome and, when
/// rescheduled, the new window).
public enum CallbackAction: Equatable, Sendable {
    case takeRequested
    case outcomeRequested(CallbackReport)
}

public enum CallbackEffect: Equatable, Sendable {
    case take(number: Int64)
    case record(number: Int64, CallbackReport)
}

extension DeskReducer {
    static func reduceCallback(_ state: inout DeskState, _ action: CallbackAction) -> [DeskEffect] {
        guard state.viewer.isStaff else {
            state.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyAgents))
            return []
        }
        guard let number = currentTicketNumber(state) else { return [] }
        switch action {
        case .takeRequested: return [.callback(.take(number: number))]
        case .outcomeRequested(let report): return [.callback(.record(number: number, report))]
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

    static let needsOutcome = Phrase.model("an outcome: reached, no-answer, or rescheduled HH:MM-HH:MM [zone]", context: "command argument")

    /// `:callback take`, `:callback reached`, `:callback no-answer`, `:callback rescheduled 09:00-10:00 [Asia/Tokyo]`.
    static func command(_ argument: String) -> CommandOutcome {
        let words = argument.split(separator: " ").map(String.init)
        guard let first = words.first else { return .refused(CommandLineNotices.needs("callback", needsOutcome)) }
        if first.lowercased() == "take", words.count == 1 { return .actions([.callback(.takeRequested)]) }
        guard let outcome = CallbackOutcome(lenient: first), words.count <= 3 else {
            return .refused(CommandLineNotices.needs("callback", needsOutcome))
        }
        let report = CallbackReport(outcome: outcome, window: words.count > 1 ? words[1] : nil, timeZone: words.count > 2 ? words[2] : nil)
        return .actions([.callback(.outcomeRequested(report))])
    }
}
