/// The named things that move a ticket through its statuses.
public enum WorkflowAction: String, CaseIterable, Codable, Sendable {
    /// An agent picks the ticket up (or resumes it): it becomes open.
    case take
    /// A public reply. From the requester side it reopens a ticket waiting on them.
    case reply
    /// An agent asks the requester for information.
    case askCustomer
    /// An agent proposes a solution; the ticket auto-closes if nobody answers.
    case proposeSolution
    case close
    /// The desk closes a pending ticket left idle too long.
    case autoClose
}

/// Which side of the conversation acts: it decides what a reply does to the status.
public enum ActorSide: String, CaseIterable, Sendable {
    case desk        // agents and admins
    case requester   // the customer side (requester, watchers, organisation contacts)
    case system      // the desk's own maintenance
}

/// The one transition table of the ticket workflow (DESIGN.md section 2).
public enum Workflow {
    /// The status after `action`, or nil when the table refuses it.
    public static func next(from status: TicketStatus, action: WorkflowAction, side: ActorSide) -> TicketStatus? {
        // Closed is final, for everyone.
        if status == .closed { return nil }
        switch (action, side) {
        case (.take, .desk):
            return .open
        case (.reply, .desk):
            // An agent answering a new ticket has looked at it.
            return status == .new ? .open : status
        case (.reply, .requester):
            switch status {
            case .awaitingCustomer, .pending: return .open
            default: return status
            }
        case (.askCustomer, .desk):
            return .awaitingCustomer
        case (.proposeSolution, .desk):
            return .pending
        case (.close, .desk), (.close, .requester):
            return .closed
        case (.autoClose, .system):
            return status == .pending ? .closed : nil
        default:
            return nil
        }
    }

    /// Like `next`, but a refusal is a typed error naming the ticket.
    public static func apply(
        _ action: WorkflowAction, to status: TicketStatus, side: ActorSide, ticketNumber: Int64
    ) throws(DeskError) -> TicketStatus {
        if status == .closed { throw .ticketClosed(number: ticketNumber) }
        guard let next = next(from: status, action: action, side: side) else {
            throw .transitionRefused(number: ticketNumber, action: action, from: status)
        }
        return next
    }

    /// The named action that leads a staff member to `target`, for `deskterm status N STATUS`
    /// and the status menu. `new` cannot be re-entered.
    public static func action(reaching target: TicketStatus) -> WorkflowAction? {
        switch target {
        case .new: nil
        case .open: .take
        case .awaitingCustomer: .askCustomer
        case .pending: .proposeSolution
        case .closed: .close
        }
    }

    /// The statuses a menu may offer from `status` to this side.
    public static func reachableStatuses(from status: TicketStatus, side: ActorSide) -> [TicketStatus] {
        TicketStatus.allCases.filter { target in
            guard target != status, let action = action(reaching: target) else { return false }
            return next(from: status, action: action, side: side) == target
        }
    }
}
