/// Call-back events in words. Staff read who did what and the outcome's plain name; the
/// customer reads what it means for them. Neither reads the phone number (it is in the
/// request, shown to its requester and to staff only).
extension SystemEvent {
    var callbackStaffPhrase: Phrase {
        switch self {
        case .callbackRequested(let window, let zone, let actor):
            .model("Call-back requested by {actor}: {window} ({zone})", context: "history",
                   ["actor": .text(actor), "window": .text(window), "zone": .text(zone)])
        case .callbackTaken(let actor):
            .model("Call-back taken by {actor}", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.reached, _, _, let actor):
            .model("Call-back by {actor}: reached the customer", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.noAnswer, _, _, let actor):
            .model("Call-back by {actor}: no answer", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.rescheduled, let window, let zone, let actor):
            .model("Call-back by {actor}: rescheduled to {window} ({zone})", context: "history",
                   ["actor": .text(actor), "window": .text(window ?? ""), "zone": .text(zone ?? "")])
        case .callbackOutcome(.closedWithTicket, _, _, _), .callbackClosedWithTicket:
            .model("Open call-back request ended: the ticket was closed", context: "history")
        default:
            staffPhrase
        }
    }

    var callbackCustomerPhrase: Phrase {
        switch self {
        case .callbackRequested(let window, let zone, _):
            .model("You asked to be called back: {window} ({zone})", context: "history", ["window": .text(window), "zone": .text(zone)])
        case .callbackTaken(let actor):
            .model("{actor} will call you back", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.reached, _, _, let actor):
            .model("{actor} called you back", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.noAnswer, _, _, let actor):
            .model("{actor} called you back but could not reach you", context: "history", ["actor": .text(actor)])
        case .callbackOutcome(.rescheduled, let window, let zone, let actor):
            .model("{actor} will call you back at a new time: {window} ({zone})", context: "history",
                   ["actor": .text(actor), "window": .text(window ?? ""), "zone": .text(zone ?? "")])
        case .callbackOutcome(.closedWithTicket, _, _, _), .callbackClosedWithTicket:
            .model("Your call-back request ended with the closing of the ticket", context: "history")
        default:
            customerPhrase
        }
    }
}

extension CallbackState {
    /// The state as the reader's words name it (`callback list`, the ticket's detail).
    public var labelPhrase: Phrase {
        switch self {
        case .requested: .model("requested", context: "call-back state")
        case .taken: .model("taken", context: "call-back state")
        case .done: .model("done", context: "call-back state")
        }
    }
}

extension CallbackOutcome {
    public var labelPhrase: Phrase {
        switch self {
        case .reached: .model("reached", context: "call-back outcome")
        case .noAnswer: .model("no answer", context: "call-back outcome")
        case .rescheduled: .model("rescheduled", context: "call-back outcome")
        case .closedWithTicket: .model("closed with the ticket", context: "call-back outcome")
        }
    }
}
