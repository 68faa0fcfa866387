import DeskModel
import Foundation

/// A ticket's service-level due times in `deskterm show` (staff): one line per target.
enum DueText {
    static func fields(_ due: TicketDue, status: TicketStatus, now: Date, language: Language) -> [(String, String)] {
        guard !status.isClosed else { return [] }
        func line(_ at: Date?, left: Int?, metWhenEmpty: Bool) -> String {
            if let at {
                let stamp = TicketText.timestamp(at, language)
                if at <= now { return "! BREACHED, was due \(stamp) (\(RelativeAge.phrase(at, now: now, in: language)))" }
                let left = RelativeAge.amount(now, now: at)
                let mark = DueMark(dueAt: at, now: now).map { "\($0.symbol) " } ?? ""
                return "\(mark)due \(stamp) (in \(RelativeAge.compact(left.unit, left.count, in: language)))"
            }
            if let left {
                return left < 0
                    ? "! BREACHED by \(ServiceLevelInput.durationText(-left)); clock stopped while waiting on the customer"
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
