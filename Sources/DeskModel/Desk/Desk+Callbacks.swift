import Foundation

/// Call-back requests: a customer of a plan that includes them asks to be called about a
/// ticket that is not closed; agents take the request and record what came of the call. Each
/// step is one transaction that also writes a system event in the ticket's history.
extension Desk {
    public func requestCallback(number: Int64, _ ask: CallbackAsk, by viewer: Viewer) throws(DeskError) -> CallbackRequest {
        let window = try CallbackRules.window(ask.window, timeZone: ask.timeZone)
        let typedPhone = try ask.phone.map { typed throws(DeskError) in try CallbackRules.phone(typed) }
        let note = try CallbackRules.note(ask.note)
        let now = self.now.wholeSeconds
        return try write { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            let organisation = try ticket.organisationID.flatMap { id in try rows.organisation(id: id) }
            if let refusal = CallbackRules.askRefusal(viewer, ticket: ticket, plan: organisation?.plan, organisation: organisation?.name) {
                throw refusal
            }
            if let latest = try rows.latestCallback(ticketID: ticket.id), latest.stored.state.isOpen {
                // Another customer's request is theirs alone (`callback show` says none): a neutral refusal.
                throw latest.stored.requesterID == viewer.id
                    ? DeskError.refused(.model("Ticket #{number} already has an open call-back request", ["number": .number(number)]))
                    : CallbackPrivacy.othersRequestRefusal(number: number)
            }
            let stored = try rows.userSettingValues(userID: viewer.id)[CallbackRules.phoneSettingName]
            guard let phone = typedPhone ?? stored else {
                throw DeskError.refused(.model("Give a phone number to call (--phone); the desk keeps it for your next request"))
            }
            if typedPhone != nil { try rows.setUserSetting(userID: viewer.id, name: CallbackRules.phoneSettingName, value: phone) }
            try rows.setUserSetting(userID: viewer.id, name: CallbackRules.zoneSettingName, value: window.timeZone)
            let id = try rows.insertCallback(StoredCallback(
                ticketID: ticket.id, requesterID: viewer.id, phone: phone, window: window, note: note, state: .requested,
                takerID: nil, outcome: nil, createdAt: now, updatedAt: now))
            try Self.addSystemEvent(rows, ticketID: ticket.id, actorID: viewer.id,
                                    .callbackRequested(window: window.span, zone: window.timeZone, actor: viewer.user.handle), at: now)
            try rows.touchTicket(ticket.id, at: now, seenByCustomers: true)
            return try Self.readCallback(rows, id: id)
        }
    }

    /// The agent takes the ticket's open request: they will make the call.
    public func takeCallback(number: Int64, by viewer: Viewer) throws(DeskError) -> CallbackRequest {
        try CallbackRules.checkMayWork(viewer)
        let now = self.now.wholeSeconds
        return try write { rows in
            let (ticket, id, stored) = try Self.openCallback(rows, number: number, viewer: viewer)
            if stored.state == .taken, stored.takerID == viewer.id {
                throw DeskError.refused(.model("You have already taken the call-back request of ticket #{number}", ["number": .number(number)]))
            }
            var taken = stored
            taken.state = .taken
            taken.takerID = viewer.id
            taken.updatedAt = now
            try rows.updateCallback(id: id, taken)
            try Self.addSystemEvent(rows, ticketID: ticket.id, actorID: viewer.id, .callbackTaken(actor: viewer.user.handle), at: now)
            try rows.touchTicket(ticket.id, at: now, seenByCustomers: true)
            return try Self.readCallback(rows, id: id)
        }
    }

    /// Records the call: reached and no answer end the request; rescheduled keeps it taken by
    /// this agent with the new window. The agent's note becomes an internal note.
    public func recordCallback(number: Int64, _ report: CallbackReport, by viewer: Viewer) throws(DeskError) -> CallbackRequest {
        try CallbackRules.checkMayWork(viewer)
        let note = report.note.trimmingCharacters(in: .whitespacesAndNewlines)
        try FieldLimits.check(note, as: .messageBody)
        if report.outcome != .rescheduled, report.window != nil || report.timeZone != nil {
            throw .refused(.model("A new window is given only with the outcome rescheduled"))
        }
        if report.outcome == .rescheduled, report.window == nil {
            throw .refused(.model("A rescheduled call-back needs its new window (HH:MM-HH:MM)"))
        }
        let now = self.now.wholeSeconds
        return try write { rows in
            let (ticket, id, stored) = try Self.openCallback(rows, number: number, viewer: viewer)
            var changed = stored
            changed.takerID = viewer.id
            changed.outcome = report.outcome
            changed.updatedAt = now
            var event = SystemEvent.callbackOutcome(outcome: report.outcome, window: nil, zone: nil, actor: viewer.user.handle)
            if let typed = report.window {
                changed.window = try CallbackRules.window(typed, timeZone: report.timeZone ?? stored.window.timeZone)
                changed.state = .taken
                event = .callbackOutcome(outcome: .rescheduled, window: changed.window.span, zone: changed.window.timeZone, actor: viewer.user.handle)
            } else {
                changed.state = .done
            }
            try rows.updateCallback(id: id, changed)
            try Self.addSystemEvent(rows, ticketID: ticket.id, actorID: viewer.id, event, at: now)
            if !note.isEmpty {
                _ = try rows.insertMessage(MessageInsert(
                    ticketID: ticket.id, kind: .internalNote, authorID: viewer.id, body: note, createdAt: now, inReplyToID: nil, event: nil))
            }
            try rows.touchTicket(ticket.id, at: now, seenByCustomers: true)
            return try Self.readCallback(rows, id: id)
        }
    }

    /// Agents: every request in `states`; customers: their own only.
    public func callbacks(states: Set<CallbackState>, viewer: Viewer, limit: Int = 1000) throws(DeskError) -> [CallbackRequest] {
        try read { rows in
            // A customer's own requests, only on tickets they may still see (`CallbackPrivacy`).
            try rows.callbacks(
                states: states, requesterID: viewer.isStaff ? nil : viewer.id, visibility: TicketVisibility(viewer), limit: limit)
        }
    }

    /// The ticket's latest request, when the viewer may see it (a customer: only their own).
    public func callback(number: Int64, viewer: Viewer) throws(DeskError) -> CallbackRequest? {
        try read { rows in
            let ticket = try Self.visibleTicket(rows, number: number, viewer: viewer)
            guard let latest = try rows.latestCallback(ticketID: ticket.id),
                  viewer.isStaff || latest.stored.requesterID == viewer.id else { return nil }
            return try Self.readCallback(rows, id: latest.id)
        }
    }

    /// The number the viewer gave in their last request, offered for the next one.
    public func callbackPhone(viewer: Viewer) throws(DeskError) -> String? {
        try read { rows in try rows.userSettingValues(userID: viewer.id)[CallbackRules.phoneSettingName] }
    }

    /// The zone of the viewer's last request, offered for the next one (the client's form).
    public func callbackZone(viewer: Viewer) throws(DeskError) -> String? {
        try read { rows in try rows.userSettingValues(userID: viewer.id)[CallbackRules.zoneSettingName] }
    }

    private static func openCallback(
        _ rows: any DeskRows, number: Int64, viewer: Viewer
    ) throws -> (Ticket, CallbackID, StoredCallback) {
        let ticket = try visibleTicket(rows, number: number, viewer: viewer)
        if ticket.status.isClosed { throw DeskError.ticketClosed(number: number) }
        guard let latest = try rows.latestCallback(ticketID: ticket.id), latest.stored.state.isOpen else {
            throw DeskError.refused(.model("Ticket #{number} has no open call-back request", ["number": .number(number)]))
        }
        return (ticket, latest.id, latest.stored)
    }

    private static func readCallback(_ rows: any DeskRows, id: CallbackID) throws -> CallbackRequest {
        guard let callback = try rows.callback(id: id) else { throw DeskError.storage("call-back request \(id) vanished") }
        return callback
    }
}
