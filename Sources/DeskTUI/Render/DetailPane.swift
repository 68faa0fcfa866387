import DeskModel
import Foundation

/// One laid-out line of the detail pane: styled segments from the left edge.
public struct StyledLine: Equatable, Sendable {
    public var segments: [Segment]

    public struct Segment: Equatable, Sendable {
        public var text: String
        public var style: Style
    }

    init(_ segments: [(String, Style)]) {
        self.segments = segments.map { Segment(text: $0.0, style: $0.1) }
    }

    public var text: String { segments.map(\.text).joined() }
}

/// Lays out a ticket for the detail pane: its fields, its description, then its history as a
/// thread tree with each message's author, role and time; internal notes marked and tinted,
/// system events dimmed on one line; bodies wrapped by display width. The pane lays out only
/// the messages near the screen (`DetailLayout`); `build` lays out everything (tests, tools).
public enum DetailLines {
    public static func build(_ open: OpenTicketState, viewer: Viewer, width: Int, now: Date, language: Language = .english) -> [StyledLine] {
        var lines = header(open, viewer: viewer, width: width, now: now, language: language)
        let quotes = QuoteFolds(open)
        for line in open.thread {
            lines += message(line, detail: open.detail, role: viewer.role, width: width, language: language, quote: quotes.fold(of: line.message.id))
        }
        return lines
    }

    /// Everything above the first message: title, fields, description and the history heading.
    static func header(_ open: OpenTicketState, viewer: Viewer, width: Int, now: Date, language: Language = .english) -> [StyledLine] {
        let detail = open.detail
        let ticket = detail.ticket
        let clean = TextSafety.sanitizedLine
        let width = max(10, width)
        var lines: [StyledLine] = []

        for part in TextWrap.wrap(clean("#\(ticket.number) \(ticket.subject)"), width: width) {
            lines.append(StyledLine([(part, .heading)]))
        }
        var fields: [(String, String)] = [
            ("status", ticket.status.label(for: viewer.role, in: language)),
            ("kind", UIStrings.kindLabel(ticket.kind, language)),
            ("urgency", UIStrings.urgencyLabel(ticket.urgency, language)),
            ("requester", "\(clean(detail.requester.name)) (\(detail.requester.handle))"),
        ]
        if let org = detail.organisation { fields.append(("organisation", clean(org.name))) }
        fields.append(("assignee", detail.assignee.map { "\(clean($0.name)) (\($0.handle))" } ?? UIStrings.unassigned(language)))
        let area = [ticket.product, ticket.category, ticket.subcategory].filter { !$0.isEmpty }.map(clean)
        if !area.isEmpty { fields.append(("product", area.joined(separator: " › "))) }
        if let number = detail.followUpOfNumber { fields.append(("followUpOf", "#\(number)")) }
        func when(_ date: Date) -> String {
            "\(Timestamps.short(date, in: language)) (\(RelativeAge.phrase(date, now: now, in: language)))"
        }
        fields.append(("created", when(ticket.createdAt)))
        fields.append(("updated", when(ticket.updatedAt)))
        if let due = detail.due { fields += DueLines.fields(due, status: ticket.status, now: now, language: language) }
        if !detail.watchers.isEmpty { fields.append(("watchers", detail.watchers.map(\.handle).joined(separator: ", "))) }
        for attachment in detail.attachments {
            fields.append(("attachment", AttachmentRows.describe(attachment, in: detail, language: language)))
        }
        // The labels' column: 14 wide, wider where a language's names need it (one space after).
        let labels = fields.map { UIStrings.fieldName($0.0, language) }
        let labelWidth = max(14, (labels.map(DisplayWidth.of).max() ?? 0) + 1)
        for ((_, value), name) in zip(fields, labels) {
            let wrapped = TextWrap.wrap(value, width: max(4, width - labelWidth))
            for (index, part) in wrapped.enumerated() {
                let label = index == 0 ? DisplayWidth.fit(name, to: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(StyledLine([(label, .dim), (part, .normal)]))
            }
        }
        lines.append(StyledLine([]))
        for part in TextWrap.wrap(TextSafety.sanitizedBlock(ticket.description), width: width) {
            lines.append(StyledLine([(part, .normal)]))
        }

        guard !open.thread.isEmpty else { return lines }
        lines.append(StyledLine([]))
        lines.append(StyledLine([("\(UIStrings.history(language)) (\(open.thread.count))", .heading)]))
        return lines
    }

    /// One message of the history: its header line and its wrapped body (a system event is
    /// one dimmed line, in the words of the reader's role).
    static func message(_ line: ThreadLine, detail: TicketDetail, role: Role, width: Int, language: Language = .english, quote: QuoteFold? = nil) -> [StyledLine] {
        let width = max(10, width)
        let message = line.message
        let prefix = ThreadPrefix.of(line)
        let time = Timestamps.short(message.createdAt, in: language)
        // Staff-only events (a bounced mail) are stored as notes: still one event line.
        if message.kind == .systemEvent || message.event != nil {
            return [StyledLine([(prefix, .border), ("· \(time) \(TextSafety.sanitizedLine(UIStrings.eventText(message, for: role, in: language)))", .dim)])]
        }
        let isNote = message.kind == .internalNote
        let author = message.authorID.flatMap { detail.authors[$0] }
        let who = author.map { "\(TextSafety.sanitizedLine($0.name)) (\(UIStrings.roleLabel($0.role, language)))" } ?? UIStrings.desk(language)
        var header: [(String, Style)] = [(prefix, .border), ("● ", isNote ? .internalNote : .heading), (who, isNote ? .internalNote : .heading), (" · \(time)", .dim)]
        if isNote { header.append(("  \(UIStrings.internalNote(language))", .internalNote)) }
        var lines = [StyledLine(header)]
        let indent = ThreadPrefix.continuation(line) + "  "
        let bodyWidth = max(4, width - DisplayWidth.of(indent))
        for part in TextWrap.wrap(TextSafety.sanitizedBlock(message.body), width: bodyWidth) {
            lines.append(StyledLine([(indent, .border), (part, isNote ? .internalNote : .normal)]))
        }
        if let quote { lines += QuoteFoldLines.lines(quote, indent: indent, width: bodyWidth, language: language) }
        return lines
    }
}

enum DetailPane {
    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect) {
        guard let open = state.openTicket else {
            grid.write(" " + UIStrings.noTicketOpen(state.language), x: rect.x, y: rect.y, style: .dim, limit: rect.width)
            return
        }
        let window = DetailLayout.window(open, viewer: state.viewer, width: rect.width - 2, height: rect.height, now: state.now, language: state.language)
        for (row, line) in window.lines.enumerated() {
            var x = rect.x + 1
            for segment in line.segments {
                guard x < rect.maxX else { break }
                x += grid.write(segment.text, x: x, y: rect.y + row, style: segment.style, limit: rect.maxX - x)
            }
        }
        MessagePick.mark(state, open: open, window: window, into: &grid, rect: rect)
        // A scroll position marker when the content is longer than the pane.
        if window.contentHeight > rect.height {
            let marker = " \(min(100, (window.firstLine + rect.height) * 100 / max(1, window.contentHeight)))% "
            grid.write(marker, x: rect.maxX - DisplayWidth.of(marker), y: rect.maxY - 1, style: .dim)
        }
    }
}

/// "2026-11-20 14:05" in UTC, "20 nov. 2026 14:05" in French (`DateText`, shared with quotes).
public enum Timestamps {
    public static func short(_ date: Date, in language: Language = .english) -> String { DateText.minute(date, in: language) }
}
