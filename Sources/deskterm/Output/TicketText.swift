import DeskModel
import DeskTUI
import Foundation

/// `deskterm show` as text: the ticket's fields, then its history as a thread tree, in the
/// reader's words (customer or staff) and language.
enum TicketText {
    static func render(_ detail: TicketDetail, viewer: Viewer, now: Date, language: Language = .english) -> String {
        let ticket = detail.ticket
        let clean = TextSafety.sanitizedLine
        func say(_ phrase: Phrase) -> String { phrase.text(in: language) }
        var lines: [String] = []
        lines.append("#\(ticket.number)  \(clean(ticket.subject))")
        var fields: [(String, String)] = [
            (say(.cli("Status")), ticket.status.label(for: viewer.role, in: language)),
            (say(.cli("Kind")), say(CommandWords.kind(ticket.kind))),
            (say(.cli("Urgency")), say(CommandWords.urgency(ticket.urgency))),
            (say(.cli("Requester")), "\(clean(detail.requester.name)) (\(detail.requester.handle))"),
            (say(.cli("Organisation")), clean(detail.organisation?.name ?? "-")),
            (say(.cli("Assignee")), detail.assignee.map { "\(clean($0.name)) (\($0.handle))" } ?? say(.cli("unassigned"))),
        ]
        let area = [ticket.product, ticket.category, ticket.subcategory].filter { !$0.isEmpty }.map(clean)
        if !area.isEmpty { fields.append((say(.cli("Product")), area.joined(separator: " › "))) }
        fields.append((say(.cli("Contact")), say(CommandWords.contact(ticket.contact))))
        if let number = detail.followUpOfNumber { fields.append((say(.cli("Follow-up of")), "#\(number)")) }
        func when(_ date: Date) -> String {
            "\(timestamp(date, language)) (\(RelativeAge.phrase(date, now: now, in: language)))"
        }
        fields.append((say(.cli("Created")), when(ticket.createdAt)))
        fields.append((say(.cli("Updated")), when(ticket.updatedAt)))
        if let due = detail.due { fields += DueText.fields(due, status: ticket.status, now: now, language: language) }
        if !detail.watchers.isEmpty { fields.append((say(.cli("Watchers")), detail.watchers.map(\.handle).joined(separator: ", "))) }
        for attachment in detail.attachments {
            fields.append((say(.cli("Attachment")), say(.cli(
                "{name} (id {id}, {type}, {size} bytes, sha256 {digest}…)",
                ["name": .text(clean(attachment.name)), "id": .text("\(attachment.id)"), "type": .text(attachment.mediaType),
                 "size": .quantity(attachment.size), "digest": .text(String(attachment.sha256.prefix(12)))]))))
        }
        // The labels' column widens to the language's longest label, one space after it.
        let labelWidth = max(13, (fields.map { DisplayWidth.of($0.0) }.max() ?? 0) + 1)
        for (name, value) in fields {
            lines.append("  " + DisplayWidth.fit(name, to: labelWidth) + value)
        }
        lines.append("")
        // A description usually ends with a newline: no indented blank line for it.
        lines += indent(TextSafety.sanitizedBlock(ticket.description).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression), by: "  ")
        lines.append("")
        let thread = ThreadTree.lines(detail.messages, includeInternalNotes: viewer.isStaff)
        if !thread.isEmpty { lines.append(say(.cli(one: "History ({count} message)", other: "History ({count} messages)", count: thread.count))) }
        for line in thread {
            let message = line.message
            let prefix = ThreadPrefix.of(line)
            let author = message.authorID.flatMap { detail.authors[$0] }
            let who = author.map { "\(clean($0.name)) (\(say(CommandWords.role($0.role))))" } ?? say(.cli("desk", context: "author of system events"))
            let time = timestamp(message.createdAt, language)
            let rail = String(repeating: " ", count: DisplayWidth.of(prefix))
            switch message.event != nil ? .systemEvent : message.kind {
            case .systemEvent:
                lines.append("\(prefix)· [\(message.id)] \(time) \(clean(UIStrings.eventText(message, for: viewer.role, in: language)))")
            case .reply, .internalNote:
                let mark = message.kind == .internalNote ? " " + say(.cli("INTERNAL NOTE")) : ""
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
