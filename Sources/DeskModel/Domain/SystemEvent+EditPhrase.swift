/// An edit event in words: the field, the old and the new value. Text values are shown on one
/// line and cut at `shownValueLength` characters (the event keeps them whole); the choices
/// (kind, urgency, contact) in the reader's language.
extension SystemEvent {
    static let shownValueLength = 60

    static func editPhrase(_ field: EditedField, from: String, to: String, actor: String) -> Phrase {
        if field.textField != nil {
            return .model("Edited by {actor}: {field} “{from}” → “{to}”", context: "history", [
                "actor": .text(actor), "field": .phrase(field.labelPhrase),
                "from": shownText(from), "to": shownText(to),
            ])
        }
        return .model("Edited by {actor}: {field} {from} → {to}", context: "history", [
            "actor": .text(actor), "field": .phrase(field.labelPhrase),
            "from": .phrase(field.valuePhrase(from)), "to": .phrase(field.valuePhrase(to)),
        ])
    }

    /// One line, at most `shownValueLength` characters, "…" where it was cut.
    static func shownText(_ value: String) -> PhraseArgument {
        let line = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if line.isEmpty { return .phrase(.model("(empty)", context: "edited value")) }
        guard line.count > shownValueLength else { return .text(line) }
        return .text(String(line.prefix(shownValueLength - 1)) + "…")
    }
}

extension EditedField {
    /// How an edit event names the field.
    public var labelPhrase: Phrase {
        switch self {
        case .kind: .model("kind", context: "field")
        case .urgency: .model("urgency", context: "field")
        case .contact: .model("preferred contact", context: "field")
        case .subject, .description, .product, .category, .subcategory: textField?.labelPhrase ?? .verbatim(rawValue)
        }
    }

    /// A choice's stored value in words; an unknown one (a newer desk) as stored.
    func valuePhrase(_ stored: String) -> Phrase {
        switch self {
        case .kind: TicketKind(rawValue: stored)?.labelPhrase ?? .verbatim(stored)
        case .urgency: Urgency(rawValue: stored)?.labelPhrase ?? .verbatim(stored)
        case .contact: ContactPreference(rawValue: stored)?.labelPhrase ?? .verbatim(stored)
        default: .verbatim(stored)
        }
    }
}

extension TicketKind {
    public var labelPhrase: Phrase {
        switch self {
        case .incident: .model("incident", context: "kind")
        case .serviceRequest: .model("service request", context: "kind")
        case .question: .model("question", context: "kind")
        }
    }
}

extension Urgency {
    public var labelPhrase: Phrase {
        switch self {
        case .none: .model("none", context: "urgency")
        case .low: .model("low", context: "urgency")
        case .serious: .model("serious", context: "urgency")
        case .critical: .model("critical", context: "urgency")
        }
    }
}

extension ContactPreference {
    public var labelPhrase: Phrase {
        switch self {
        case .portal: .model("portal", context: "contact")
        case .email: .model("email", context: "contact")
        }
    }
}
