import Foundation

/// The knowledge base's rows. Every read takes an `ArticleReader` and applies it in the query,
/// so an article the reader may not see is never read at all.
public protocol ArticleRows {
    func insertArticle(_ article: StoredArticle) throws -> ArticleID
    /// Replaces the written fields of the article (not its counts or creation time).
    func updateArticle(id: ArticleID, _ article: StoredArticle) throws
    func article(slug: String, reader: ArticleReader) throws -> Article?
    /// Newest first.
    func articles(reader: ArticleReader, limit: Int) throws -> [Article]
    /// Articles whose text matches, each with the index's relevance (higher is better, only
    /// comparable within one answer), at most `limit`.
    func articleMatches(_ words: SearchWords, match: ArticleQuery.Match, reader: ArticleReader, limit: Int) throws -> [ArticleMatch]
    /// Adds one to the event's count of each article the reader may see; how many were counted.
    func countArticleEvent(_ event: ArticleEvent, ids: [ArticleID], reader: ArticleReader) throws -> Int
}

/// An article's row as the rules decided it.
public struct StoredArticle: Equatable, Sendable {
    public var slug: String
    public var title: String
    public var body: String
    public var language: Language
    public var tags: [String]
    public var visibility: ArticleVisibility
    public var authorID: UserID?
    public var updatedAt: Date

    /// Tags as stored: space-separated, with a space at each end (`' vpn network '`).
    public var storedTags: String { tags.isEmpty ? "" : " " + tags.joined(separator: " ") + " " }
    public var storedVisibility: String { visibility.storedKind }
    public var storedPlans: String { visibility.storedPlans }

    public static func tags(stored: String) -> [String] { stored.split(separator: " ").map(String.init) }
    public static func visibility(kind: String, plans: String) -> ArticleVisibility { .stored(kind: kind, plans: plans) }
}

public struct ArticleMatch: Equatable, Sendable {
    public var article: Article
    public var relevance: Double

    public init(article: Article, relevance: Double) {
        self.article = article
        self.relevance = relevance
    }
}

extension SearchWords {
    /// The part at `index` alone, for a query that takes any word (`ArticleQuery.Match.anyWord`).
    package func part(_ index: Int) -> SearchWords { SearchWords(parts: [parts[index]]) }

    private init(parts: [Part]) { self.parts = parts }
}
