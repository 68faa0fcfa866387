/// The client's form that edits the open ticket (`E`): the fields this viewer may change
/// (`EditRules`: the requester every field but the kind, staff all of them), prefilled with
/// the ticket's values, saved through `DeskStore.editTicket` and its rules.
public struct TicketEditForm: Equatable, Sendable {
    public var number: Int64
    /// The fields offered, in Tab order.
    public var fields: [EditedField]
    /// What each field holds now, in its stored form (choices by raw value).
    public var values: [EditedField: String]
    /// The ticket's values when the form opened: only what differs is sent.
    public var original: [EditedField: String]
    public var focused: EditedField
    /// The caret in the focused text field, in graphemes.
    public var cursor: Int
    public var isSaving = false

    public init(ticket: Ticket, viewer: Viewer) {
        number = ticket.number
        fields = EditedField.allCases.filter { viewer.isStaff || $0.requesterMayEdit }
        original = Dictionary(uniqueKeysWithValues: fields.map { ($0, ticket.value(of: $0)) })
        values = original
        focused = fields[0]
        cursor = original[fields[0]]?.count ?? 0
    }

    /// The edit to send: the fields whose value changed.
    public var edit: TicketEdit {
        var edit = TicketEdit()
        for field in fields where values[field] != original[field] {
            let value = values[field] ?? ""
            switch field {
            case .subject: edit.subject = value
            case .description: edit.description = value
            case .kind: edit.kind = TicketKind(rawValue: value)
            case .product: edit.product = value
            case .category: edit.category = value
            case .subcategory: edit.subcategory = value
            case .urgency: edit.urgency = Urgency(rawValue: value)
            case .contact: edit.contact = ContactPreference(rawValue: value)
            }
        }
        return edit
    }

    /// A field's choices, in order (nil for text fields).
    public static func choices(of field: EditedField) -> [String]? {
        switch field {
        case .kind: TicketKind.allCases.map(\.rawValue)
        case .urgency: Urgency.allCases.map(\.rawValue)
        case .contact: ContactPreference.allCases.map(\.rawValue)
        default: nil
        }
    }
}

/// What the edit form asks the reducer.
public enum TicketEditAction: Equatable, Sendable {
    /// `E` on the open ticket.
    case opened
    case fieldMoved(forward: Bool)
    case input(TextEdit)
    /// Left/Right (or Space) on a choice.
    case choiceCycled(forward: Bool)
    case submitted
    case cancelled
    case saved(Ticket)
    /// The desk refused (a rule, a limit): the form stays, with the reason shown.
    case refused(Phrase)
}
