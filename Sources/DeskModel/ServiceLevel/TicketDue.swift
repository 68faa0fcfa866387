import Foundation

/// Where a ticket stands against its service-level targets. While the ticket waits on the
/// customer (awaiting customer, solution proposed) its clock is stopped: the due times are
/// gone and the working minutes that were left are kept (negative once breached), to start
/// again from the moment the customer answers.
public struct TicketDue: Equatable, Codable, Sendable {
    /// Nil once an agent has answered publicly (or while stopped, or closed).
    public var firstResponseDue: Date?
    public var resolutionDue: Date?
    public var firstResponseLeft: Int?
    public var resolutionLeft: Int?

    public init(firstResponseDue: Date? = nil, resolutionDue: Date? = nil, firstResponseLeft: Int? = nil, resolutionLeft: Int? = nil) {
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstResponseLeft = firstResponseLeft
        self.resolutionLeft = resolutionLeft
    }

    public static let none = TicketDue()

    /// The earliest running due time: what the due-soon order and the breach counts read.
    public var next: Date? { [firstResponseDue, resolutionDue].compactMap { $0 }.min() }

    public var isStopped: Bool { firstResponseLeft != nil || resolutionLeft != nil }

    /// What `ticket.due_at` stores when nothing runs: after every real time, so such tickets
    /// come last in the due-soon order and are never counted as breached.
    public static let neverSeconds: Int64 = 253_402_300_799 // 9999-12-31 23:59:59 UTC

    public var dueAtSeconds: Int64 { next?.deskSeconds ?? Self.neverSeconds }
}

/// The service-level clock's rules, pure: they run in `Desk` in the transaction that changes
/// the ticket (`Desk+ServiceLevel.swift`).
public enum ServiceClock {
    /// Waiting on the customer: the clock stops.
    public static func isWaitingOnCustomer(_ status: TicketStatus) -> Bool {
        status == .awaitingCustomer || status == .pending
    }

    public static func started(at start: Date, target: ServiceTarget, calendar: BusinessCalendar) -> TicketDue {
        TicketDue(
            firstResponseDue: calendar.adding(minutes: target.firstResponse, to: start).wholeSeconds,
            resolutionDue: calendar.adding(minutes: target.resolution, to: start).wholeSeconds)
    }

    /// The clock after a status change at `now`.
    public static func moved(_ due: TicketDue, from: TicketStatus, to: TicketStatus, at now: Date, calendar: BusinessCalendar) -> TicketDue {
        if to.isClosed { return .none }
        let waitedBefore = isWaitingOnCustomer(from), waitsNow = isWaitingOnCustomer(to)
        if waitsNow && !waitedBefore {
            return TicketDue(
                firstResponseLeft: due.firstResponseDue.map { calendar.workingMinutes(from: now, to: $0) },
                resolutionLeft: due.resolutionDue.map { calendar.workingMinutes(from: now, to: $0) })
        }
        if waitedBefore && !waitsNow {
            return TicketDue(
                firstResponseDue: due.firstResponseLeft.map { calendar.adding(minutes: $0, to: now).wholeSeconds },
                resolutionDue: due.resolutionLeft.map { calendar.adding(minutes: $0, to: now).wholeSeconds })
        }
        return due
    }

    /// An agent's first public reply meets the first-response target.
    public static func responded(_ due: TicketDue) -> TicketDue {
        var due = due
        due.firstResponseDue = nil
        due.firstResponseLeft = nil
        return due
    }

    /// A new urgency (or tier) moves the targets by the difference, running or stopped;
    /// a first response already given stays given.
    public static func retargeted(_ due: TicketDue, from old: ServiceTarget, to new: ServiceTarget, calendar: BusinessCalendar) -> TicketDue {
        var due = due
        let first = new.firstResponse - old.firstResponse, resolution = new.resolution - old.resolution
        due.firstResponseDue = due.firstResponseDue.map { calendar.adding(minutes: first, to: $0).wholeSeconds }
        due.resolutionDue = due.resolutionDue.map { calendar.adding(minutes: resolution, to: $0).wholeSeconds }
        due.firstResponseLeft = due.firstResponseLeft.map { $0 + first }
        due.resolutionLeft = due.resolutionLeft.map { $0 + resolution }
        return due
    }
}

extension TicketSummary {
    /// The row with its stored `due_at` (`TicketDue.neverSeconds`: none runs).
    package func withDue(seconds: Int64?) -> TicketSummary {
        var row = self
        row.dueAt = seconds.flatMap { $0 < TicketDue.neverSeconds ? Date(deskSeconds: $0) : nil }
        return row
    }
}
