import DeskModel
import Foundation

/// A ticket's service-level due times in `deskterm show` (staff): one line per target.
enum DueText {
    static func fields(_ due: TicketDue, status: TicketStatus, now: Date, language: Language) -> [(String, String)] {
        guard !status.isClosed else { return [] }
        func line(_ at: Date?, left: Int?, metWhenEmpty: Bool) -> String {
            if let at {
                let stamp = PhraseArgument.text(TicketText.timestamp(at, language))
                if at <= now {
                    return Phrase.cli("! BREACHED, was due {time} ({age})", ["time": stamp, "age": .text(RelativeAge.phrase(at, now: now, in: language))])
                        .text(in: language)
                }
                let left = RelativeAge.amount(now, now: at)
                let mark = DueMark(dueAt: at, now: now).map { "\($0.symbol) " } ?? ""
                return mark + Phrase.cli("due {time} (in {left})", ["time": stamp, "left": .text(RelativeAge.compact(left.unit, left.count, in: language))])
                    .text(in: language)
            }
            if let left {
                return left < 0
                    ? Phrase.cli("! BREACHED by {duration}; clock stopped while waiting on the customer",
                                 ["duration": .text(ServiceLevelInput.durationText(-left))]).text(in: language)
                    : Phrase.cli("{duration} left; clock stopped while waiting on the customer",
                                 ["duration": .text(ServiceLevelInput.durationText(left))]).text(in: language)
            }
            return metWhenEmpty ? Phrase.cli("met", context: "service-level target").text(in: language) : "-"
        }
        // A ticket without any clock (imported before service levels) shows none.
        if due == .none { return [] }
        return [
            (Phrase.cli("First reply").text(in: language), line(due.firstResponseDue, left: due.firstResponseLeft, metWhenEmpty: true)),
            (Phrase.cli("Resolution").text(in: language), line(due.resolutionDue, left: due.resolutionLeft, metWhenEmpty: false)),
        ]
    }
}
