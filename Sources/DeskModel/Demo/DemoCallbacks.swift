/// The demo desk's call-back requests: customers of the plans that include call-backs ask on
/// some of their open tickets, and the agents have taken, rescheduled and answered some, so
/// that the list's marker, the `callback:open` filter and `callback list` have something to show.
enum DemoCallbacks {
    /// Phone numbers and time zones per demo language, in each country's usual writing.
    static let contacts: [String: (phone: String, zone: String)] = [
        "ja": ("+81 52-123-4567", "Asia/Tokyo"),
        "de": ("+49 40 1234 5678", "Europe/Berlin"),
        "fr": ("+33 1 23 45 67 89", "Europe/Paris"),
        "it": ("+39 06 1234 5678", "Europe/Rome"),
        "en": ("+1 (555) 010-0199", "America/New_York"),
    ]

    /// One request per customer, in turn: left waiting, taken, rescheduled, answered.
    static func add(to store: any DeskStore, agents: [Viewer]) throws(DeskError) {
        guard let agent = agents.first else { return }
        var step = 0
        for person in DemoCorpus.customers {
            guard let index = person.orgIndex else { continue }
            let organisation = DemoCorpus.organisations[index]
            guard let plan = Plan(rawValue: organisation.plan), CallbackRules.plans.contains(plan) else { continue }
            let customer = try store.viewer(handle: person.handle)
            let open = try store.page(PageRequest(view: .mine, limit: 20), viewer: customer).rows.filter { !$0.status.isClosed }
            guard let ticket = open.first else { continue }
            let contact = contacts[organisation.language] ?? contacts["en"]!
            _ = try store.requestCallback(
                number: ticket.number, CallbackAsk(phone: contact.phone, window: step % 2 == 0 ? "14:00-16:00" : "09:30-11:00", timeZone: contact.zone),
                by: customer)
            let taker = agents[step % agents.count]
            switch step % 4 {
            case 1:
                _ = try store.takeCallback(number: ticket.number, by: taker)
            case 2:
                _ = try store.takeCallback(number: ticket.number, by: taker)
                _ = try store.recordCallback(number: ticket.number, CallbackReport(outcome: .rescheduled, window: "16:00-17:00"), by: taker)
            case 3:
                _ = try store.recordCallback(number: ticket.number, CallbackReport(outcome: .reached), by: agent)
            default:
                break
            }
            step += 1
        }
    }
}
