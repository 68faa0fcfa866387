import DeskModel
import DeskTUI
import Foundation

/// The documented JSON of `list`, `search` and `show` (see README, "JSON output"). Keys are
/// sorted and times are ISO 8601 in UTC, so the output is stable for scripts and diffs.
enum JSONOutput {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return escapingTerminalControls(String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
    }

    /// JSONEncoder escapes C0 controls (ESC becomes `\u001b`) but passes DEL, C1 controls (CSI
    /// U+009B acts like `ESC [` on some terminals), bidirectional overrides and invisible
    /// characters (zero-width spaces, tags...) through raw, and JSON is often read on a
    /// terminal. `\uXXXX` is the same text to any JSON parser (a tag character, beyond the
    /// BMP, as its surrogate pair), and these characters only occur inside strings. The
    /// decision is the one the screen makes: a joiner inside an emoji stays raw.
    static func escapingTerminalControls(_ json: String) -> String {
        let isCandidate = { (scalar: Unicode.Scalar) in scalar.value >= 0x7F && TextSafety.placeholder(for: scalar) != nil }
        guard json.unicodeScalars.contains(where: isCandidate) else { return json }
        var result = String.UnicodeScalarView()
        for character in json {
            guard character.unicodeScalars.contains(where: isCandidate) else {
                result.append(contentsOf: character.unicodeScalars)
                continue
            }
            let scalars = Array(character.unicodeScalars)
            for (index, scalar) in scalars.enumerated() {
                if scalar.value >= 0x7F, TextSafety.placeholder(forScalarAt: index, of: scalars) != nil {
                    for unit in String(scalar).utf16 {
                        result.append(contentsOf: String(format: "\\u%04x", unit).unicodeScalars)
                    }
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }

    struct TicketRow: Encodable {
        var number: Int64
        var subject: String
        var status: String
        var statusLabel: String
        var kind: String
        var urgency: String
        var requester: String
        var organisation: String?
        var assignee: String?
        var created: Date
        var updated: Date
        /// Staff only: the earliest running service-level due time.
        var due: Date?
        /// The open call-back request's state (`requested`, `taken`), when the reader may know
        /// of it: staff every request, a customer their own.
        var callback: String?

        init(_ row: TicketSummary, viewer: Viewer) {
            number = row.number
            subject = row.subject
            status = row.status.rawValue
            statusLabel = row.status.label(for: viewer.role)
            kind = row.kind.rawValue
            urgency = row.urgency.rawValue
            requester = row.requesterHandle
            organisation = row.organisationName
            assignee = row.assigneeHandle
            created = row.createdAt
            updated = row.updatedAt
            due = viewer.isStaff ? row.dueAt : nil
            callback = row.callback?.rawValue
        }
    }

    struct TicketList: Encodable {
        var view: String?
        /// `list --saved` as given.
        var saved: String?
        var sort: String?
        var oldestFirst: Bool?
        /// `list --filter` as given.
        var filter: String?
        var query: String?
        var total: Int?
        var tickets: [TicketRow]
    }

    struct MessageOut: Encodable {
        var id: Int64
        var kind: String
        var author: String?
        var created: Date
        var inReplyTo: Int64?
        /// The reader's words; a system event's typed facts are in `event`.
        var body: String
        var event: EventOut?
    }

    /// A system event's facts, for scripts; absent for events stored before they were typed.
    struct EventOut: Encodable {
        var kind: String
        var from: String?
        var to: String?
        var actor: String?
        var assignee: String?
        var days: Int?
        var recipient: String?
        var field: String?
        var window: String?
        var zone: String?
        var outcome: String?

        init(_ event: SystemEvent) {
            switch event {
            case .statusChanged(let from, let to, let actor):
                (kind, self.from, self.to, self.actor) = ("statusChanged", from.rawValue, to.rawValue, actor)
            case .assigned(let assignee, let actor):
                (kind, self.assignee, self.actor) = ("assigned", assignee, actor)
            case .autoClosed(let days):
                (kind, self.days) = ("autoClosed", days)
            case .mailBounced(let recipient):
                (kind, self.recipient) = ("mailBounced", recipient)
            case .edited(let field, let from, let to, let actor):
                (kind, self.field, self.from, self.to, self.actor) = ("edited", field.rawValue, from, to, actor)
            case .callbackRequested(let window, let zone, let actor):
                (kind, self.window, self.zone, self.actor) = ("callbackRequested", window, zone, actor)
            case .callbackTaken(let actor):
                (kind, self.actor) = ("callbackTaken", actor)
            case .callbackOutcome(let outcome, let window, let zone, let actor):
                (kind, self.outcome, self.window, self.zone, self.actor) = ("callbackOutcome", outcome.rawValue, window, zone, actor)
            case .callbackClosedWithTicket:
                kind = "callbackClosedWithTicket"
            }
        }
    }

    struct AttachmentOut: Encodable {
        var id: Int64
        var name: String
        var mediaType: String
        var size: Int64
        var sha256: String
        var uploader: String?
        var created: Date
    }

    struct TicketOut: Encodable {
        var number: Int64
        var subject: String
        var description: String
        var status: String
        var statusLabel: String
        var kind: String
        var product: String
        var category: String
        var subcategory: String
        var urgency: String
        var requester: String
        var organisation: String?
        var assignee: String?
        var contact: String
        var followUpOf: Int64?
        var created: Date
        var updated: Date
        var watchers: [String]
        var attachments: [AttachmentOut]
        var messages: [MessageOut]
        /// Staff only: the service-level due times (`TicketDue`, minutes left while stopped).
        var due: TicketDue?

        init(_ detail: TicketDetail, viewer: Viewer) {
            let ticket = detail.ticket
            number = ticket.number
            subject = ticket.subject
            description = ticket.description
            status = ticket.status.rawValue
            statusLabel = ticket.status.label(for: viewer.role)
            kind = ticket.kind.rawValue
            product = ticket.product
            category = ticket.category
            subcategory = ticket.subcategory
            urgency = ticket.urgency.rawValue
            requester = detail.requester.handle
            organisation = detail.organisation?.name
            assignee = detail.assignee?.handle
            contact = ticket.contact.rawValue
            followUpOf = detail.followUpOfNumber
            due = detail.due
            created = ticket.createdAt
            updated = ticket.updatedAt
            watchers = detail.watchers.map(\.handle)
            attachments = detail.attachments.map {
                AttachmentOut(id: $0.id, name: $0.name, mediaType: $0.mediaType, size: $0.size, sha256: $0.sha256,
                              uploader: detail.authors[$0.uploaderID]?.handle, created: $0.createdAt)
            }
            messages = detail.messages.map {
                MessageOut(id: $0.id, kind: $0.kind.rawValue, author: $0.authorID.flatMap { detail.authors[$0]?.handle },
                           created: $0.createdAt, inReplyTo: $0.inReplyToID,
                           body: UIStrings.eventText($0, for: viewer.role), event: $0.event.map(EventOut.init))
            }
        }
    }
}
