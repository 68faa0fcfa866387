import DeskModel
import DeskTUI
import Foundation

/// `deskterm show` as text: the ticket's fields, then its history as a thread tree.
enum TicketText {
    static func render(_ detail: TicketDetail, viewer: Viewer, now: Date, language: Language = .english) -> String {
        let ticket = detail.ticket
        let clean = TextSafety.sanitizedLine
        var lines: [String] = []
        lines.append("#\(ticket.number)  \(clean(ticket.subject))")
        var fields: [(String, String)] = [
            ("Status", ticket.status.label(for: viewer.role)),
            ("Kind", ticket.kind.rawValue),
            ("Urgency", ticket.urgency.rawValue),
            ("Requester", "\(clean(detail.requester.name)) (\(detail.requester.handle))"),
            ("Organisation", clean(detail.organisation?.name ?? "-")),
            ("Assignee", detail.assignee.map { "\(clean($0.name)) (\($0.handle))" } ?? "unassigned"),
        ]
        let area = [ticket.product, ticket.category, ticket.subcategory].filter { !$0.isEmpty }.map(clean)
        if !area.isEmpty { fields.append(("Product", area.joined(separator: " › "))) }
        fields.append(("Contact", ticket.contact.rawValue))
        if let number = detail.followUpOfNumber { fields.append(("Follow-up of", "#\(number)")) }
        func when(_ date: Date) -> String {
            "\(timestamp(date, language)) (\(RelativeAge.phrase(date, now: now, in: language)))"
        }
        fields.append(("Created", when(ticket.createdAt)))
        fields.append(("Updated", when(ticket.updatedAt)))
        if let due = detail.due { fields += DueText.fields(due, status: ticket.status, now: now, language: language) }
        if !detail.watchers.isEmpty { fields.append(("Watchers", detail.watchers.map(\.handle).joined(separator: ", "))) }
        for attachment in detail.attachments {
            fields.append(("Attachment", "\(clean(attachment.name)) (id \(attachment.id), \(attachment.mediaType), \(NumberText.grouped(Int(attachment.size), in: language)) bytes, sha256 \(attachment.sha256.prefix(12))…)"))
        }
        for (name, value) in fields {
            lines.append("  " + DisplayWidth.fit(name, to: 13) + value)
        }
        lines.append("")
        // A description usually ends with a newline: no indented blank line for it.
        lines += indent(TextSafety.sanitizedBlock(ticket.description).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression), by: "  ")
        lines.append("")
        let thread = ThreadTree.lines(detail.messages, includeInternalNotes: viewer.isStaff)
        if !thread.isEmpty { lines.append("History (\(thread.count) messages)") }
        for line in thread {
            let message = line.message
            let prefix = ThreadPrefix.of(line)
            let author = message.authorID.flatMap { detail.authors[$0] }
            let who = author.map { "\(clean($0.name)) (\($0.role.rawValue))" } ?? "desk"
            let time = timestamp(message.createdAt, language)
            let rail = String(repeating: " ", count: DisplayWidth.of(prefix))
            switch message.kind {
            case .systemEvent:
                lines.append("\(prefix)· [\(message.id)] \(time) \(clean(UIStrings.eventText(message, for: viewer.role)))")
            case .reply, .internalNote:
                let mark = message.kind == .internalNote ? " INTERNAL NOTE" : ""
                lines.append("\(prefix)● [\(message.id)] \(who) · \(time)\(mark)")
                lines += indent(TextSafety.sanitizedBlock(message.body), by: rail + "  ")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func indent(_ text: String, by prefix: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0.replacingOccurrences(of: "\t", with: "    ") }
    }

    static func timestamp(_ date: Date, _ language: Language = .english) -> String {
        Timestamps.short(date, in: language) + " UTC"
    }
}
