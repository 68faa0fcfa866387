/// The words for the model's enums as phrases: a status as each role reads it, the case
/// views, the orders, the fields a refusal names. Their `String` forms elsewhere are these
/// phrases in English (the command line's and JSON's documented labels).
extension TicketStatus {
    /// The label a viewer of the given role sees; `inSentence` is the form after "is now"
    /// ("#5 is now awaiting customer"), lower-case where the language writes it so.
    public func labelPhrase(for role: Role, inSentence: Bool = false) -> Phrase {
        if role.isStaff {
            switch (self, inSentence) {
            case (.new, false): return .model("New", context: "status")
            case (.open, false): return .model("Open", context: "status")
            case (.awaitingCustomer, false): return .model("Awaiting customer", context: "status")
            case (.pending, false): return .model("Pending", context: "status")
            case (.closed, false): return .model("Closed", context: "status")
            case (.new, true): return .model("new", context: "status in a sentence")
            case (.open, true): return .model("open", context: "status in a sentence")
            case (.awaitingCustomer, true): return .model("awaiting customer", context: "status in a sentence")
            case (.pending, true): return .model("pending", context: "status in a sentence")
            case (.closed, true): return .model("closed", context: "status in a sentence")
            }
        }
        switch (self, inSentence) {
        case (.new, false), (.open, false): return .model("Open", context: "status")
        case (.awaitingCustomer, false): return .model("Action required from you", context: "status")
        case (.pending, false): return .model("Solution proposed", context: "status")
        case (.closed, false): return .model("Closed", context: "status")
        case (.new, true), (.open, true): return .model("open", context: "status in a sentence")
        case (.awaitingCustomer, true): return .model("action required from you", context: "status in a sentence")
        case (.pending, true): return .model("solution proposed", context: "status in a sentence")
        case (.closed, true): return .model("closed", context: "status in a sentence")
        }
    }

    /// The label in a language.
    public func label(for role: Role, in language: Language) -> String { labelPhrase(for: role).text(in: language) }
}

extension CaseView {
    public var titlePhrase: Phrase {
        switch self {
        case .recent: .model("Recent", context: "case view")
        case .active: .model("Active", context: "case view")
        case .mine: .model("Mine", context: "case view")
        case .open: .model("All open", context: "case view")
        case .all: .model("All", context: "case view")
        }
    }

    public func title(in language: Language) -> String { titlePhrase.text(in: language) }
}

extension TicketOrder {
    /// The order in words for a view: Recent's "created" key is the time the viewer last
    /// opened the case.
    public func labelPhrase(in view: CaseView) -> Phrase {
        switch (key, reversed, view == .recent) {
        case (.created, false, true): .model("last viewed first", context: "order")
        case (.created, true, true): .model("least recently viewed first", context: "order")
        case (.created, false, false): .model("newest first", context: "order")
        case (.created, true, false): .model("oldest first", context: "order")
        case (.updated, false, _): .model("recently updated first", context: "order")
        case (.updated, true, _): .model("least recently updated first", context: "order")
        case (.triage, false, _): .model("triage rank", context: "order")
        case (.triage, true, _): .model("triage rank, reversed", context: "order")
        case (.due, false, _): .model("due soonest first", context: "order")
        case (.due, true, _): .model("due soonest last", context: "order")
        }
    }

    public func label(in view: CaseView, language: Language) -> String { labelPhrase(in: view).text(in: language) }
}

extension TextField {
    /// How a refusal names the field: "The subject is …".
    public var labelPhrase: Phrase {
        switch self {
        case .subject: .model("subject", context: "field")
        case .description: .model("description", context: "field")
        case .product: .model("product", context: "field")
        case .category: .model("category", context: "field")
        case .subcategory: .model("subcategory", context: "field")
        case .userName: .model("name", context: "field")
        case .email: .model("email address", context: "field")
        case .organisationName: .model("organisation name", context: "field")
        case .handle: .model("handle", context: "field")
        case .attachmentName: .model("attachment name", context: "field")
        case .messageBody: .model("message", context: "field")
        }
    }
}
