/// Which articles a reader may see (`ArticleVisibility`), as each backend's SQL reads it. The
/// one rule in Swift is `canRead`; `predicate` is the same rule as SQL over `article` aliased
/// `a`, in the SQL both backends share (`||`, `LIKE`), built from the plan names alone, so it
/// carries no value a person typed.
public enum ArticleReader: Equatable, Sendable {
    case staff
    /// A customer, and the plan of their organisation (none without one).
    case customer(plan: Plan?)

    public init(_ viewer: Viewer) {
        self = viewer.isStaff ? .staff : .customer(plan: viewer.plan)
    }

    /// Staff see how often articles were suggested, opened and so on.
    public var seesCounts: Bool { self == .staff }

    public func canRead(_ visibility: ArticleVisibility) -> Bool {
        switch (self, visibility) {
        case (.staff, _), (.customer, .everyone): true
        case (.customer(let plan), .plans(let plans)): plan.map(plans.contains) ?? false
        case (.customer, .internalOnly): false
        }
    }

    public func predicate(_ alias: String = "a") -> String {
        switch self {
        case .staff:
            return "1 = 1"
        case .customer(let plan):
            guard let plan else { return "\(alias).visibility = 'public'" }
            return "(\(alias).visibility = 'public' OR (\(alias).visibility = 'plans' AND \(alias).plans LIKE '% \(plan.rawValue) %'))"
        }
    }
}
