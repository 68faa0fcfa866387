import DeskModel
import Foundation

/// On a narrow screen the composer fills the body and hides the ticket being answered: when
/// there is room, the last message (a few lines, wrapped) stays in view above the composer.
enum ReplyContext {
    /// The composer needs at least this many rows left for its own text.
    static let minimumComposerRows = 12
    static let maximumBodyLines = 4

    /// Splits the narrow layout's body into the context (nil when there is no room or nothing
    /// to show) and the composer.
    static func split(_ body: Rect, state: DeskState) -> (context: Rect?, composer: Rect) {
        let lines = self.lines(state, width: body.width - 2)
        let height = min(lines.count, body.height - minimumComposerRows)
        guard height >= 2 else { return (nil, body) }
        return (Rect(x: body.x, y: body.y, width: body.width, height: height),
                Rect(x: body.x, y: body.y + height, width: body.width, height: body.height - height))
    }

    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect) {
        for (index, line) in lines(state, width: rect.width - 2).prefix(rect.height).enumerated() {
            grid.write(line.text, x: rect.x + 1, y: rect.y + index, style: line.style, limit: rect.width - 2)
        }
    }

    /// The author and time, then the first lines of the last reply or note (the description
    /// when nobody has written yet). Only replies and notes have a context.
    static func lines(_ state: DeskState, width: Int) -> [(text: String, style: Style)] {
        guard let composer = state.composer, composer.kind == .reply || composer.kind == .internalNote,
              let detail = state.openTicket?.detail, detail.ticket.number == composer.slot.ticketNumber,
              width >= 10 else { return [] }
        let author: User?
        let when: Date
        let text: String
        // The message answered, else the last one.
        let answered = composer.inReplyToID.flatMap { id in detail.messages.first { $0.id == id } }
        if let last = answered ?? detail.messages.last(where: { $0.kind != .systemEvent }) {
            author = last.authorID.flatMap { detail.authors[$0] }
            (when, text) = (last.createdAt, last.body)
        } else {
            author = detail.requester
            (when, text) = (detail.ticket.createdAt, detail.ticket.description)
        }
        let who = author.map { "\(TextSafety.sanitizedLine($0.name)) (\(UIStrings.roleLabel($0.role, state.language)))" } ?? UIStrings.desk(state.language)
        var lines: [(String, Style)] = [("\(who) · \(Timestamps.short(when, in: state.language))", .heading)]
        var body = TextWrap.wrap(TextSafety.sanitizedBlock(text), width: width)
        if body.count > maximumBodyLines {
            body = Array(body.prefix(maximumBodyLines))
            body[maximumBodyLines - 1] = DisplayWidth.truncate(body[maximumBodyLines - 1] + " …", to: width)
        }
        lines += body.map { ($0, .dim) }
        return lines
    }
}
