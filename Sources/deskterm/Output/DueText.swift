import DeskModel
import Foundation

/// A ticket's service-level due times in `deskterm show` (staff): one line per target.
enum DueText {
    static func fields(_ due: TicketDue, status: TicketStatus, now: Date, language: Language) -> [(String, String)] {
        guard !status.isClosed else { return [] }
        func line(_ at: Date?, left: Int?, metWhenEmpty: Bool) -> String {
            if let at {
                let when = "\(TicketText.timestamp(at, language)) (\(RelativeAge.phrase(at, now: now, in: language)))"
                return at <= now ? "BREACHED, was due \(when)" : "due \(when)"
            }
            if let left {
                return left < 0
                    ? "BREACHED by \(ServiceLevelInput.durationText(-left)); clock stopped while waiting on the customer"
                    : "\(ServiceLevelInput.durationText(left)) left; clock stopped while waiting on the customer"
            }
            return metWhenEmpty ? "met" : "-"
        }
        // A ticket without any clock (imported before service levels) shows none.
        if due == .none { return [] }
        return [
            ("First reply", line(due.firstResponseDue, left: due.firstResponseLeft, metWhenEmpty: true)),
            ("Resolution", line(due.resolutionDue, left: due.resolutionLeft, metWhenEmpty: false)),
        ]
    }
}
