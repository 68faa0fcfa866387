/// Who hears of a change, and as which event: customers of their tickets' progress (requester
/// and watchers), agents of new tickets and customer replies on what they hold or watch.
/// Internal notes reach nobody; the author of a change hears nothing of it, except the
/// requester's acknowledgement of a ticket they opened (it brings the reference number).
enum NotificationRecipients {
    struct Candidate: Equatable {
        var user: User
        var event: MailNotificationEvent
    }

    /// `requester`, `watchers` and `assignee` of the change's ticket; `author` nil for the desk.
    static func candidates(
        _ change: MailChange, author: User?, requester: User?, watchers: [User], assignee: User?
    ) -> [Candidate] {
        var result: [Candidate] = []
        func add(_ user: User?, _ event: MailNotificationEvent, evenIfAuthor: Bool = false) {
            guard let user, evenIfAuthor || user.id != author?.id, !result.contains(where: { $0.user.id == user.id }) else { return }
            result.append(Candidate(user: user, event: event))
        }
        let byCustomer = author.map { !$0.role.isStaff } ?? false
        switch change {
        case .created:
            if let requester, !requester.role.isStaff { add(requester, .created, evenIfAuthor: true) }
            add(assignee, .newTicket)
            for watcher in watchers where watcher.role.isStaff { add(watcher, .newTicket) }
        case .message(let before, let message, let status):
            guard message.kind == .reply else { return [] }
            if byCustomer {
                add(assignee, .customerReply)
                for watcher in watchers where watcher.role.isStaff { add(watcher, .customerReply) }
                add(requester, .reply)
                for watcher in watchers { add(watcher, .reply) }
            } else {
                let event: MailNotificationEvent = switch status {
                case .awaitingCustomer where before.status != status: .actionRequired
                case .pending where before.status != status: .solutionProposed
                default: .reply
                }
                add(requester, event)
                for watcher in watchers { add(watcher, event) }
            }
        case .statusChanged(_, let status):
            let event: MailNotificationEvent
            switch status {
            case .awaitingCustomer: event = .actionRequired
            case .pending: event = .solutionProposed
            case .closed: event = .closed
            case .new, .open: return []
            }
            add(requester, event)
            for watcher in watchers { add(watcher, event) }
            if byCustomer { add(assignee, event) }
        case .autoClosed:
            add(requester, .closed)
            for watcher in watchers { add(watcher, .closed) }
        }
        return result
    }
}
