/// What a follow-up keeps of the closed ticket it continues. The client's form and the store
/// both ask here, so what the form shows is what the desk does.
public enum FollowUpRules {
    /// The form's fields as the closed ticket had them: the follow-up is about the same thing.
    public static func formFields(of closed: Ticket) -> [String: String] {
        [
            "kind": closed.kind.rawValue, "product": closed.product, "category": closed.category,
            "subcategory": closed.subcategory, "urgency": closed.urgency.rawValue,
            "contact": closed.contact.rawValue,
        ]
    }

    /// The follow-up goes to whoever handled the closed ticket, as long as they still work the
    /// desk (a demoted account cannot hold tickets); nobody held it, nobody holds this one.
    public static func assignee(_ closedTicketsAssignee: User?) -> User? {
        closedTicketsAssignee.flatMap { Permissions.canBeAssignee($0) ? $0 : nil }
    }
}
