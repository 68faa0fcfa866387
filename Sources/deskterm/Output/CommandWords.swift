import DeskModel

/// The model's values as the command line names them to people, in lower case as English
/// output always had them (JSON keeps the raw values).
enum CommandWords {
    static func kind(_ kind: TicketKind) -> Phrase {
        switch kind {
        case .incident: .cli("incident", context: "ticket kind")
        case .serviceRequest: .cli("service request", context: "ticket kind")
        case .question: .cli("question", context: "ticket kind")
        }
    }

    static func urgency(_ urgency: Urgency) -> Phrase {
        switch urgency {
        case .none: .cli("none", context: "urgency")
        case .low: .cli("low", context: "urgency")
        case .serious: .cli("serious", context: "urgency")
        case .critical: .cli("critical", context: "urgency")
        }
    }

    static func contact(_ contact: ContactPreference) -> Phrase {
        switch contact {
        case .portal: .cli("portal", context: "contact")
        case .email: .cli("email", context: "contact")
        }
    }

    static func role(_ role: Role) -> Phrase {
        switch role {
        case .customer: .cli("customer", context: "role")
        case .agent: .cli("agent", context: "role")
        case .admin: .cli("admin", context: "role")
        }
    }
}
