/// Which articles a reader may see (`ArticleVisibility`), as each backend's SQL reads it. The
/// one rule in Swift is `canRead`; `predicate` is the same rule as SQL over `article` aliased
/// `a`, in the SQL both backends share (`||`, `LIKE`), built from the plan names alone, so it
/// carries no value a person typed.
public enum ArticleReader: Equatable, Sendable {
    case staff
    /// A customer, and the plans of their organisations (none without one): an article for
    /// any of their accounts' plans is theirs to read.
    case customer(plans: [Plan])

    public init(_ viewer: Viewer) {
        guard !viewer.isStaff else { self = .staff; return }
        let plans = viewer.accounts.isEmpty ? [viewer.plan].compactMap { $0 } : viewer.accounts.map(\.organisation.plan)
        self = .customer(plans: Plan.allCases.filter(plans.contains))
    }

    /// Staff see how often articles were suggested, opened and so on.
    public var seesCounts: Bool { self == .staff }

    public func canRead(_ visibility: ArticleVisibility) -> Bool {
        switch (self, visibility) {
        case (.staff, _), (.customer, .everyone): true
        case (.customer(let own), .plans(let plans)): own.contains(where: plans.contains)
        case (.customer, .internalOnly): false
        }
    }

    public func predicate(_ alias: String = "a") -> String {
        switch self {
        case .staff:
            return "1 = 1"
        case .customer(let plans):
            guard !plans.isEmpty else { return "\(alias).visibility = 'public'" }
            let any = plans.map { "\(alias).plans LIKE '% \($0.rawValue) %'" }.joined(separator: " OR ")
            return "(\(alias).visibility = 'public' OR (\(alias).visibility = 'plans' AND (\(any))))"
        }
    }
}
