/// Unread markers follow what the client shows: rows come with their unread state, a ticket
/// shown is read, `N` makes it unread again, and a message arriving on the open ticket is
/// announced on the bottom line (the history reloads in place, composer and scroll kept).
extension DeskReducer {
    /// After every action: keep the window's unread rows in step with its rows, and notice
    /// messages that arrived on the ticket already open.
    static func followUnread(_ state: inout DeskState, _ action: DeskAction, openBefore: OpenTicketState?) -> [DeskEffect] {
        switch action {
        case .pageLoaded(let request, let page, let placement):
            guard request.view == state.view, request.order == state.order else { return [] }
            let rowIDs = Set(state.list.rows.map(\.id))
            switch placement {
            case .append, .prepend:
                state.list.unreadIDs = state.list.unreadIDs.union(page.unreadIDs).intersection(rowIDs)
            case .replace, .replaceAtBottom:
                state.list.unreadIDs = page.unreadIDs.intersection(rowIDs)
            case .around(let id):
                // Taken only when it holds the ticket (`applyPage`).
                if page.rows.contains(where: { $0.id == id }) { state.list.unreadIDs = page.unreadIDs.intersection(rowIDs) }
            }
            return []
        case .ticketLoaded(let detail):
            // The runtime marks a ticket it loads for display read (after the frame).
            state.list.unreadIDs.remove(detail.ticket.id)
            guard let before = openBefore, before.detail.ticket.id == detail.ticket.id else { return [] }
            return noticeArrivals(&state, before: before.detail, after: detail)
        default:
            return []
        }
    }

    /// Replies (and, for staff, notes) by others that were not in the history shown before.
    /// The detail is already read through the viewer's scope: a customer's never holds notes.
    static func noticeArrivals(_ state: inout DeskState, before: TicketDetail, after: TicketDetail) -> [DeskEffect] {
        let known = Set(before.messages.map(\.id))
        let arrivals = after.messages.filter { message in
            !known.contains(message.id) && message.kind != .systemEvent && message.authorID != state.viewer.id
        }
        guard let latest = arrivals.last else { return [] }
        let author = latest.authorID.flatMap { after.authors[$0]?.name }.map(PhraseArgument.text) ?? .phrase(Notices.someone)
        let notice = Notices.newMessages(arrivals.count, from: author, on: after.ticket.number)
        // What the bottom line said since the last key ("Reply sent to #42", an error) is not
        // read yet: the notice comes after it, replacing only an earlier notice.
        if let current = state.message, !Notices.isArrivalNotice(current.phrase) {
            state.message = StatusMessage(current.kind, Notices.said(Notices.saidBeforeArrival(current.phrase), then: notice))
        } else {
            state.message = StatusMessage(.info, notice)
        }
        // The counts were read before this load marked the ticket read.
        return [.loadCounts]
    }

    static func reduceUnreadAndBulk(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .unreadCountsLoaded(let counts):
            state.unreadCounts = counts
            return []
        case .markUnreadRequested:
            return markUnread(&state)
        case .tagToggled:
            return toggleTag(&state)
        case .tagAllRequested:
            return requestTagAll(&state)
        case .tagTargetsLoaded(let page):
            tagAll(&state, page)
            return []
        case .bulkContinued:
            return nextBulkBatch(&state)
        case .bulkBatchDone(let outcomes):
            return finishBulkBatch(&state, outcomes)
        default:
            return []
        }
    }

    /// `N` on the selected row (or the open ticket in the detail pane). The ticket closes if
    /// open: shown, it would be read again at once.
    static func markUnread(_ state: inout DeskState) -> [DeskEffect] {
        guard let number = currentTicketNumber(state) else { return [] }
        if let open = state.openTicket, open.detail.ticket.number == number {
            state.list.unreadIDs.insert(open.detail.ticket.id)
            state.openTicket = nil
            state.focus = .list
        }
        if let row = state.list.rows.first(where: { $0.number == number }) { state.list.unreadIDs.insert(row.id) }
        state.message = StatusMessage(.info, Notices.markedUnread(number))
        return [.markUnread(number: number), .loadCounts]
    }
}

extension Notices {
    public static let someone = Phrase.model("someone", context: "unknown author")
    /// "New message from Carl Meyer on #42", when the open ticket's history grew.
    public static func newMessages(_ count: Int, from author: PhraseArgument, on number: Int64) -> Phrase {
        .model(one: "New message from {author} on #{number}", other: "{count} new messages on #{number}, the last from {author}",
               count: count, ["author": author, "number": .number(number)])
    }
    /// What the bottom line said, then a new-message notice after it.
    public static func said(_ said: Phrase, then arrival: Phrase) -> Phrase {
        .model("{said} · {arrival}", context: "two notices", ["said": .phrase(said), "arrival": .phrase(arrival)])
    }
    static func isArrivalNotice(_ phrase: Phrase) -> Bool {
        phrase.english == newMessages(1, from: .text(""), on: 0).english
    }
    /// What was said before an arrival notice that followed it.
    static func saidBeforeArrival(_ phrase: Phrase) -> Phrase {
        guard phrase.context == "two notices", case .phrase(let said)? = phrase.arguments["said"] else { return phrase }
        return said
    }
    public static func markedUnread(_ number: Int64) -> Phrase { .model("#{number} marked unread", ["number": .number(number)]) }
}
