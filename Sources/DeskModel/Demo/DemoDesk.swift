import Foundation

/// A clock the demo moves by hand, so generated histories have believable times.
final class SteppedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func set(_ date: Date) {
        lock.lock()
        current = date
        lock.unlock()
    }
}

/// Builds the demo desk: organisations across plans and tiers, customers with both kinds of
/// case access, agents, an admin, and tickets in every status, kind and urgency with threaded
/// replies, internal notes, attachments and watchers, in five languages. It goes through the
/// store's public operations, so the demo obeys the same rules as real use. Deterministic for
/// a seed and an end time.
public enum DemoDesk {
    public struct Summary: Equatable, Sendable {
        public var organisations: Int
        public var users: Int
        public var tickets: Int
    }

    /// Creates the demo in a new desk at `path`. `now` is the time the history ends at.
    @discardableResult
    /// `progress` hears (tickets made, tickets in all) after each ticket.
    public static func build(
        path: String, tickets ticketCount: Int = 200, seed: UInt64 = 42, now: Date,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(DeskError) -> Summary {
        let clock = SteppedClock(now.addingTimeInterval(-90 * 86_400))
        let store: any DeskStore = try Desk.open(address: path, clock: DeskClock { clock.now }, create: true)
        if try !store.users().isEmpty { throw .invalidInput("\(path) already holds a desk; the demo needs a new file") }
        var random = SeededGenerator(seed: seed)
        try store.updateSettings(DeskSettings(name: "\(DemoCorpus.vendor) support"))

        for org in DemoCorpus.organisations {
            _ = try store.addOrganisation(NewOrganisation(
                name: org.name, plan: Plan(rawValue: org.plan) ?? .pro, tier: SupportTier(rawValue: org.tier) ?? .standard))
        }
        var customers: [User] = []
        for person in DemoCorpus.customers {
            customers.append(try store.addUser(NewUser(
                handle: person.handle, name: person.name, email: person.email, role: .customer,
                organisationName: person.orgIndex.map { DemoCorpus.organisations[$0].name },
                caseAccess: person.organisationAccess ? .organisation : .own)))
        }
        var agents: [Viewer] = []
        for person in DemoCorpus.agents {
            agents.append(Viewer(user: try store.addUser(NewUser(handle: person.handle, name: person.name, email: person.email, role: .agent))))
        }
        for person in DemoCorpus.admins {
            _ = try store.addUser(NewUser(handle: person.handle, name: person.name, email: person.email, role: .admin))
        }
        // The demo desk works round the clock, so that a newcomer sees due times move at any hour.
        let levels = ServiceLevels(calendar: DemoDesk.roundTheClock)
        if let admin = DemoCorpus.admins.first { try store.updateServiceLevels(levels, by: try store.viewer(handle: admin.handle)) }
        try DemoArticles.add(to: store, author: agents[0])
        try DemoAccounts.add(to: store)

        // Arrival times spread over the last 60 days, oldest first so numbers follow time.
        let span: Double = 60 * 86_400
        let arrivals = (0..<ticketCount).map { _ in now.addingTimeInterval(-random.unit() * span) }.sorted()
        var closedNumbers: [UserID: [Int64]] = [:]
        for (index, arrival) in arrivals.enumerated() {
            let customer = customers[index % customers.count == 0 ? 0 : random.int(in: 0...(customers.count - 1))]
            let org = DemoCorpus.organisations[DemoCorpus.customers.first { $0.handle == customer.handle }?.orgIndex ?? 0]
            let requester = try store.viewer(handle: customer.handle)
            var candidates = DemoCorpus.scenarios(language: org.language)
            if requester.plan == .free { candidates = candidates.filter { $0.kind != TicketKind.incident.rawValue } }
            if candidates.isEmpty { candidates = DemoCorpus.scenarios.filter { $0.kind != TicketKind.incident.rawValue } }
            let scenario = random.pick(candidates)
            var plan = TicketPlan(index: index, random: &random)
            var arrival = arrival
            // The newest ticket is a critical one nobody has answered, its first reply due in
            // 20 minutes: with the old unanswered ones (breached), the list shows both marks.
            if index == ticketCount - 1 && ticketCount > 10 {
                plan.finalStatus = .new
                plan.urgency = .critical
                let target = levels.target(tier: SupportTier(rawValue: org.tier), urgency: .critical).firstResponse
                arrival = levels.calendar.adding(minutes: -(target - 20), to: now)
            }
            try playTicket(
                scenario: scenario, plan: plan, requester: requester, agents: agents, customers: customers,
                arrival: arrival, now: now, store: store, clock: clock, random: &random, closedNumbers: &closedNumbers)
            progress(index + 1, ticketCount)
        }
        if ticketCount > 10 { try DemoDueSoon.leaveUnassigned(number: Int64(ticketCount), store: store, clock: clock, by: agents[0]) }
        clock.set(now)
        try DemoCallbacks.add(to: store, agents: agents)
        return Summary(
            organisations: DemoCorpus.organisations.count,
            users: DemoCorpus.customers.count + DemoCorpus.agents.count + DemoCorpus.admins.count,
            tickets: ticketCount)
    }

    /// Every day, all day (the demo's calendar).
    public static let roundTheClock = BusinessCalendar(workingDays: [1, 2, 3, 4, 5, 6, 7], opensAt: 0, closesAt: 24 * 60)

    /// Where one generated ticket's story ends.
    struct TicketPlan {
        var finalStatus: TicketStatus
        var urgency: Urgency?
        var exchanges: Int

        init(index: Int, random: inout SeededGenerator) {
            // The first tickets cycle through every status so even a small demo has each one.
            let statuses: [TicketStatus] = [.new, .open, .awaitingCustomer, .pending, .closed]
            if index < statuses.count * 2 {
                finalStatus = statuses[index % statuses.count]
            } else {
                let roll = random.unit()
                finalStatus = roll < 0.12 ? .new : roll < 0.42 ? .open : roll < 0.55 ? .awaitingCustomer : roll < 0.7 ? .pending : .closed
            }
            urgency = index < Urgency.allCases.count ? Urgency.allCases[index] : nil
            exchanges = random.int(in: 1...4)
        }
    }

    private static func playTicket(
        scenario: DemoScenario, plan: TicketPlan, requester: Viewer, agents: [Viewer], customers: [User],
        arrival: Date, now: Date, store: any DeskStore, clock: SteppedClock,
        random: inout SeededGenerator, closedNumbers: inout [UserID: [Int64]]
    ) throws(DeskError) {
        var time = arrival
        func step(_ random: inout SeededGenerator) {
            // Minutes to a day between events, never past the end of the history.
            let gap = 600 + random.unit() * 30_000
            time = min(time.addingTimeInterval(gap), now.addingTimeInterval(-60))
            clock.set(time)
        }
        clock.set(time)
        // A follow-up continues one of this requester's own closed tickets.
        let ownClosed = closedNumbers[requester.id] ?? []
        let followUpOf = ownClosed.isEmpty || !random.chance(0.15) ? nil : random.pick(ownClosed)
        var subject = scenario.subject
        if followUpOf != nil { subject = "Follow-up: " + subject }
        let ticket = try store.createTicket(
            NewTicket(
                subject: subject, description: scenario.description,
                kind: TicketKind(rawValue: scenario.kind) ?? .question, product: scenario.product,
                category: scenario.category, subcategory: scenario.subcategory,
                urgency: plan.urgency ?? Urgency(rawValue: scenario.urgency) ?? .low,
                contact: random.chance(0.2) ? .email : .portal, followUpOfNumber: followUpOf),
            by: requester, allowDuplicate: true)
        let number = ticket.number

        if random.chance(0.15) {
            let colleagues = customers.filter { $0.organisationID == requester.user.organisationID && $0.id != requester.id }
            if !colleagues.isEmpty {
                try store.setWatching(number: number, handle: random.pick(colleagues).handle, watching: true, by: agents[0])
            }
        }
        if plan.finalStatus == .new { return }

        let agent = random.pick(agents)
        step(&random)
        // Some open tickets stay unassigned: the agents' Active view shows them.
        if plan.finalStatus == .open && random.chance(0.25) {
            _ = try store.addMessage(NewMessage(ticketNumber: number, body: random.pick(scenario.agentReplies)), by: agent)
        } else {
            _ = try store.changeStatus(number: number, to: .open, by: agent)
        }

        var lastCustomerMessage: MessageID?
        var lastAgentMessage: MessageID?
        for exchange in 0..<plan.exchanges {
            step(&random)
            if random.chance(0.4) {
                _ = try store.addMessage(
                    NewMessage(ticketNumber: number, body: random.pick(scenario.internalNotes), isInternal: true,
                               inReplyToID: random.chance(0.5) ? lastCustomerMessage : nil),
                    by: agent)
                step(&random)
            }
            let agentReply = try store.addMessage(
                NewMessage(ticketNumber: number, body: scenario.agentReplies[exchange % scenario.agentReplies.count],
                           inReplyToID: lastCustomerMessage),
                by: agent)
            lastAgentMessage = agentReply.id
            if exchange == plan.exchanges - 1 { break }
            step(&random)
            // Now and then the customer answers an earlier message, which branches the thread.
            let parent = random.chance(0.25) ? lastCustomerMessage ?? lastAgentMessage : lastAgentMessage
            let customerReply = try store.addMessage(
                NewMessage(ticketNumber: number, body: scenario.customerFollowUps[exchange % scenario.customerFollowUps.count],
                           inReplyToID: parent),
                by: requester)
            lastCustomerMessage = customerReply.id
            if random.chance(0.12) {
                step(&random)
                let name = random.chance(0.5) ? "sync-log-\(number).txt" : "screenshot-\(number).png"
                let bytes = Data("Attached for ticket #\(number) at \(time)\n".utf8) + Data((0..<random.int(in: 64...4096)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
                _ = try store.attach(number: number, name: name, mediaType: name.hasSuffix(".png") ? "image/png" : "text/plain", data: bytes, by: requester)
            }
        }

        step(&random)
        // A proposed solution is recent, or the desk would auto-close it on first start.
        if plan.finalStatus == .pending {
            time = max(time, now.addingTimeInterval(-random.unit() * 4 * 86_400))
            clock.set(time)
        }
        switch plan.finalStatus {
        case .awaitingCustomer:
            _ = try store.addMessage(NewMessage(ticketNumber: number, body: random.pick(scenario.agentReplies), intent: .askCustomer, inReplyToID: lastAgentMessage), by: agent)
        case .pending:
            _ = try store.addMessage(NewMessage(ticketNumber: number, body: random.pick(scenario.agentReplies), intent: .proposeSolution, inReplyToID: lastAgentMessage), by: agent)
        case .closed:
            _ = try store.addMessage(NewMessage(ticketNumber: number, body: random.pick(scenario.agentReplies), intent: .proposeSolution, inReplyToID: lastAgentMessage), by: agent)
            step(&random)
            if random.chance(0.5) {
                _ = try store.addMessage(NewMessage(ticketNumber: number, body: random.pick(scenario.customerFollowUps)), by: requester)
                step(&random)
            }
            _ = try store.changeStatus(number: number, to: .closed, by: random.chance(0.3) ? requester : agent)
            closedNumbers[requester.id, default: []].append(number)
        case .new, .open:
            break
        }
    }
}
