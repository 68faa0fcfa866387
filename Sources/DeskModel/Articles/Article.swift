import Foundation

public typealias ArticleID = Int64

/// Who may read a knowledge-base article. Staff read every article; a customer reads the
/// public ones and those of their organisation's plan, and never learns that others exist.
public enum ArticleVisibility: Hashable, Sendable {
    case everyone
    /// Customers whose organisation is on one of these plans (and staff).
    case plans(Set<Plan>)
    /// Agents and admins only.
    case internalOnly

    /// How front matter and the command line write it: `public`, `internal`, `plans:pro,business`.
    public var text: String {
        switch self {
        case .everyone: "public"
        case .internalOnly: "internal"
        case .plans(let plans): "plans:" + Plan.allCases.filter(plans.contains).map(\.rawValue).joined(separator: ",")
        }
    }

    /// Reads `text`; nil for anything else (an unknown plan included).
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "public": self = .everyone
        case "internal": self = .internalOnly
        default:
            guard trimmed.hasPrefix("plans:") || trimmed.hasPrefix("plan:") else { return nil }
            let names = trimmed.drop(while: { $0 != ":" }).dropFirst()
                .split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            var plans = Set<Plan>()
            for name in names {
                guard let plan = Plan(rawValue: name) else { return nil }
                plans.insert(plan)
            }
            if plans.isEmpty { return nil }
            self = .plans(plans)
        }
    }

    /// The stored pair: the kind (`public`, `plans`, `internal`) and the plans, space-separated
    /// with a space at each end, so that one plan is found with `LIKE '% pro %'`.
    var storedKind: String {
        switch self {
        case .everyone: "public"
        case .plans: "plans"
        case .internalOnly: "internal"
        }
    }

    var storedPlans: String {
        guard case .plans(let plans) = self else { return "" }
        return " " + Plan.allCases.filter(plans.contains).map(\.rawValue).joined(separator: " ") + " "
    }

    static func stored(kind: String, plans: String) -> ArticleVisibility {
        switch kind {
        case "public": return .everyone
        case "plans": return .plans(Set(plans.split(separator: " ").compactMap { Plan(rawValue: String($0)) }))
        // Anything unknown stays with staff: never shown to a customer by mistake.
        default: return .internalOnly
        }
    }
}

/// How often an article helped: suggested while a customer wrote a ticket, opened, answered
/// "this solved it", or followed by the ticket filed anyway. Staff only.
public struct ArticleCounts: Equatable, Sendable {
    public var shown: Int64
    public var opened: Int64
    public var solved: Int64
    public var filedAnyway: Int64

    public init(shown: Int64 = 0, opened: Int64 = 0, solved: Int64 = 0, filedAnyway: Int64 = 0) {
        self.shown = shown
        self.opened = opened
        self.solved = solved
        self.filedAnyway = filedAnyway
    }
}

/// One thing that happened to a suggested article (`ArticleCounts`).
public enum ArticleEvent: String, CaseIterable, Sendable {
    case shown, opened, solved, filedAnyway
}

public struct Article: Equatable, Sendable, Identifiable {
    public var id: ArticleID
    /// The stable name an import matches on (`vpn-setup`).
    public var slug: String
    public var title: String
    /// Markdown (`MarkdownText` draws it as terminal text).
    public var body: String
    public var language: Language
    /// Products and categories it is about, lower case.
    public var tags: [String]
    public var visibility: ArticleVisibility
    public var authorHandle: String?
    public var updatedAt: Date
    /// Nil for a customer.
    public var counts: ArticleCounts?

    public init(
        id: ArticleID, slug: String, title: String, body: String, language: Language, tags: [String],
        visibility: ArticleVisibility, authorHandle: String?, updatedAt: Date, counts: ArticleCounts? = nil
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.body = body
        self.language = language
        self.tags = tags
        self.visibility = visibility
        self.authorHandle = authorHandle
        self.updatedAt = updatedAt
        self.counts = counts
    }
}

/// An article as written by its author (the command line, an import, the demo).
public struct ArticleDraft: Equatable, Sendable {
    public var slug: String?
    public var title: String
    public var body: String
    public var language: Language
    public var tags: [String]
    public var visibility: ArticleVisibility

    public init(slug: String? = nil, title: String, body: String, language: Language = .english, tags: [String] = [],
                visibility: ArticleVisibility = .everyone) {
        self.slug = slug
        self.title = title
        self.body = body
        self.language = language
        self.tags = tags
        self.visibility = visibility
    }
}

/// What a reader asks the knowledge base.
public struct ArticleQuery: Equatable, Sendable {
    public enum Match: Sendable, Equatable {
        /// Every word must be in the article (`kb search`, the Articles screen).
        case allWords
        /// Any word counts, more is better (suggestions from a ticket being written).
        case anyWord
    }

    public var text: String
    public var match: Match
    /// Articles in this language come first.
    public var language: Language?
    /// Articles tagged with this product come first.
    public var product: String?
    public var limit: Int

    public init(text: String, match: Match = .allWords, language: Language? = nil, product: String? = nil, limit: Int = 20) {
        self.text = text
        self.match = match
        self.language = language
        self.product = product
        self.limit = limit
    }
}
