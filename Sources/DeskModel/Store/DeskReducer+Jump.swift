import Foundation

/// Going to a ticket by its number: `#` opens a prompt on the bottom line, digits and Enter
/// go; a search for `#161` (or for a bare number nothing else matches) goes there too. A number
/// the viewer may not see answers exactly as one that does not exist.
extension DeskReducer {
    static func reduceJump(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .jumpStarted:
            state.jumpPrompt = ""
            return []
        case .jumpInput(let edit):
            guard let prompt = state.jumpPrompt else { return [] }
            let edited = TextEditing.apply(edit, text: prompt, cursor: prompt.count, singleLine: true).text
            // Only digits are a ticket number; a typed `#` is the prompt's own.
            state.jumpPrompt = String(edited.filter { $0.isASCII && $0.isNumber }.prefix(TicketNumberQuery.maxDigits))
            return []
        case .jumpCancelled:
            state.jumpPrompt = nil
            return []
        case .jumpSubmitted:
            guard let prompt = state.jumpPrompt else { return [] }
            state.jumpPrompt = nil
            guard let number = TicketNumberQuery.number(in: prompt) else { return [] }
            return [.loadJumpTarget(number: number)]
        case .jumpRequested(let number):
            state.jumpPrompt = nil
            return [.loadJumpTarget(number: number)]
        case .jumpTargetLoaded(let detail):
            state.focus = .detail
            let effects = reduce(into: &state, .ticketLoaded(detail))
            // Recent's count changes with the view.
            return effects + [.recordViewed(number: detail.ticket.number), .loadCounts]
        case .jumpTargetMissing(let number):
            state.message = StatusMessage(.error, Notices.noTicket(number))
            return []
        default:
            return []
        }
    }
}

/// A ticket number as people type it: `161` or `#161`.
public enum TicketNumberQuery {
    /// Enough for any desk; more digits are not a ticket number.
    static let maxDigits = 12

    public static func number(in text: String) -> Int64? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.first == "#" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= maxDigits, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int64(digits), number > 0 else { return nil }
        return number
    }
}

extension SearchState {
    /// The ticket Enter goes to instead of opening a result: the query names a number with
    /// `#`, or is a bare number no text matched.
    public var jumpNumber: Int64? {
        guard let number = TicketNumberQuery.number(in: query) else { return nil }
        return query.trimmingCharacters(in: .whitespaces).hasPrefix("#") || results.isEmpty ? number : nil
    }
}
