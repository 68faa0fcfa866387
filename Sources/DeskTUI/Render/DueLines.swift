import DeskModel
import Foundation

/// A ticket's service-level due times in the detail header (staff only: `TicketDetail.due`).
enum DueLines {
    /// (field key for `UIStrings.fieldName`, value) per target; none for a closed ticket or
    /// one without a clock.
    static func fields(_ due: TicketDue, status: TicketStatus, now: Date, language: Language) -> [(String, String)] {
        guard !status.isClosed, due != .none else { return [] }
        return [
            ("firstReply", value(due.firstResponseDue, left: due.firstResponseLeft, ifNeither: Phrase.client("met", context: "service-level target"), now: now, language)),
            ("resolution", value(due.resolutionDue, left: due.resolutionLeft, ifNeither: .verbatim("-"), now: now, language)),
        ]
    }

    static func value(_ at: Date?, left: Int?, ifNeither: Phrase, now: Date, _ language: Language) -> String {
        if let at {
            let time = PhraseArgument.text(Timestamps.short(at, in: language))
            if at <= now {
                return Phrase.client("! breached, was due {time} ({age})", context: "service-level target",
                                     ["time": time, "age": .text(RelativeAge.phrase(at, now: now, in: language))]).text(in: language)
            }
            let distance = RelativeAge.amount(now, now: at)
            let arguments: [String: PhraseArgument] = ["time": time, "left": .text(RelativeAge.compact(distance.unit, distance.count, in: language))]
            return at <= now + DueMark.soon
                ? Phrase.client("~ due {time} (in {left})", context: "service-level target", arguments).text(in: language)
                : Phrase.client("due {time} (in {left})", context: "service-level target", arguments).text(in: language)
        }
        if let left {
            let amount = PhraseArgument.text(ServiceLevelInput.durationText(abs(left)))
            return left < 0
                ? Phrase.client("! breached by {amount}, stopped while waiting on the customer", context: "service-level target", ["amount": amount]).text(in: language)
                : Phrase.client("{amount} left, stopped while waiting on the customer", context: "service-level target", ["amount": amount]).text(in: language)
        }
        return ifNeither.text(in: language)
    }

    /// The style of a list row's due mark: a colour besides the symbol.
    static func style(_ mark: DueMark) -> Style {
        switch mark {
        case .breached: .breached
        case .dueSoon: .dueSoon
        }
    }
}
