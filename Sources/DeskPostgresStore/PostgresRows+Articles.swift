import DeskModel
import DeskPostgres
import Foundation

/// The knowledge base in PostgreSQL (`pg11-kb`). Search reads the `search_words` column
/// (GIN) with `ts_rank` as the relevance, and CJK words as substrings of the title and body
/// narrowed by the CJK gram index, as ticket search does (`PostgresTextSearchQuery`).
extension PostgresRows: ArticleRows {
    static let articleColumns = """
        a.id, a.slug, a.title, a.body, a.language, a.tags, a.visibility, a.plans, u.handle,
        a.updated_at, a.shown_count, a.opened_count, a.solved_count, a.filed_anyway_count
        """

    func insertArticle(_ article: StoredArticle) throws -> ArticleID {
        try db.query(
            """
            INSERT INTO article (slug, title, body, language, tags, visibility, plans, author_id, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id
            """,
            Self.values(of: article))[0].decode(Int64.self, at: 0)
    }

    func updateArticle(id: ArticleID, _ article: StoredArticle) throws {
        _ = try db.execute(
            """
            UPDATE article SET slug = $1, title = $2, body = $3, language = $4, tags = $5, visibility = $6, plans = $7,
                author_id = $8, updated_at = $9
            WHERE id = $10
            """,
            Self.values(of: article) + [.int(id)])
    }

    private static func values(of article: StoredArticle) -> [PostgresValue] {
        [
            .text(article.slug), .text(article.title), .text(article.body), .text(article.language.rawValue),
            .text(article.storedTags), .text(article.storedVisibility), .text(article.storedPlans),
            .optional(article.authorID, PostgresValue.int), .int(article.updatedAt.deskSeconds),
        ]
    }

    func article(slug: String, reader: ArticleReader) throws -> Article? {
        try db.query(
            "SELECT \(Self.articleColumns) FROM article a LEFT JOIN \"user\" u ON u.id = a.author_id WHERE a.slug = $1 AND \(reader.predicate())",
            [.text(slug)]
        ).first.map { try Self.article($0, reader: reader) }
    }

    func articles(reader: ArticleReader, limit: Int) throws -> [Article] {
        try db.query(
            """
            SELECT \(Self.articleColumns) FROM article a LEFT JOIN "user" u ON u.id = a.author_id
            WHERE \(reader.predicate()) ORDER BY a.updated_at DESC, a.id DESC LIMIT $1
            """,
            [.int(Int64(limit))]
        ).map { try Self.article($0, reader: reader) }
    }

    func articleMatches(_ words: SearchWords, match: ArticleQuery.Match, reader: ArticleReader, limit: Int) throws -> [ArticleMatch] {
        guard let search = Self.articleSearch(words, match: match) else { return [] }
        let fragment = PostgresQueryFragment(
            "SELECT \(Self.articleColumns), ") + search.relevance
            + PostgresQueryFragment(" AS relevance FROM article a LEFT JOIN \"user\" u ON u.id = a.author_id WHERE (")
            + search.condition
            + PostgresQueryFragment(") AND \(reader.predicate()) ORDER BY relevance DESC, a.id LIMIT ?", [.int(Int64(limit))])
        return try db.query(fragment).map { row in
            ArticleMatch(article: try Self.article(row, reader: reader), relevance: try row.decode(Double.self, column: "relevance"))
        }
    }

    /// The condition and relevance of a search. All words: every word part in one tsquery
    /// (`&`) and every CJK word as a substring. Any word: the parts OR-ed (`|`), the relevance
    /// adding one per CJK word found.
    static func articleSearch(_ words: SearchWords, match: ArticleQuery.Match) -> (condition: PostgresQueryFragment, relevance: PostgresQueryFragment)? {
        let text = PostgresSchema.articleText("a")
        let configuration = PostgresSchema.textSearchConfiguration
        switch match {
        case .allWords:
            guard let query = PostgresTextSearchQuery(words) else { return nil }
            let relevance = query.words.map {
                PostgresQueryFragment("ts_rank(a.search_words, to_tsquery('\(configuration)', ?))::float8", [.text($0)])
            } ?? PostgresQueryFragment("1.0::float8")
            return (query.condition(vector: "a.search_words", text: text), relevance)
        case .anyWord:
            var terms: [String] = []
            var substrings: [PostgresQueryFragment] = []
            for index in words.parts.indices {
                guard let part = PostgresTextSearchQuery(words.part(index)) else { continue }
                if let term = part.words {
                    // Only the last word typed may be the start of a word.
                    terms.append(index == words.parts.count - 1 || !term.hasSuffix(":*") ? term : String(term.dropLast(2)))
                }
                for substring in part.substrings {
                    substrings.append(PostgresQueryFragment("\(text) ILIKE ?", [.text(PostgresTextSearchQuery.containing(substring))]))
                }
            }
            var conditions: [PostgresQueryFragment] = []
            var relevance = PostgresQueryFragment("(0.0::float8")
            if !terms.isEmpty {
                let tsquery = terms.joined(separator: " | ")
                conditions.append(PostgresQueryFragment("a.search_words @@ to_tsquery('\(configuration)', ?)", [.text(tsquery)]))
                relevance = relevance + PostgresQueryFragment(
                    " + ts_rank(a.search_words, to_tsquery('\(configuration)', ?))::float8", [.text(tsquery)])
            }
            for substring in substrings {
                conditions.append(substring)
                relevance = relevance + PostgresQueryFragment(" + (CASE WHEN ") + substring + PostgresQueryFragment(" THEN 1.0 ELSE 0.0 END)")
            }
            guard var condition = conditions.first else { return nil }
            for other in conditions.dropFirst() { condition = condition + PostgresQueryFragment(" OR ") + other }
            return (condition, relevance + PostgresQueryFragment(")"))
        }
    }

    func countArticleEvent(_ event: ArticleEvent, ids: [ArticleID], reader: ArticleReader) throws -> Int {
        let column = switch event {
        case .shown: "shown_count"
        case .opened: "opened_count"
        case .solved: "solved_count"
        case .filedAnyway: "filed_anyway_count"
        }
        return try db.execute(
            "UPDATE article SET \(column) = \(column) + 1 WHERE id = ANY($1::bigint[]) AND \(reader.predicate("article"))",
            [PostgresRowDecoding.idArray(ids)])
    }

    static func article(_ row: PostgresRow, reader: ArticleReader) throws -> Article {
        Article(
            id: try row.decode(at: 0), slug: try row.decode(at: 1), title: try row.decode(at: 2), body: try row.decode(at: 3),
            language: Language(rawValue: try row.decode(at: 4)) ?? .english,
            tags: StoredArticle.tags(stored: try row.decode(at: 5)),
            visibility: StoredArticle.visibility(kind: try row.decode(at: 6), plans: try row.decode(at: 7)),
            authorHandle: try row.decode(String?.self, at: 8),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(Int64.self, at: 9))),
            counts: reader.seesCounts
                ? ArticleCounts(shown: try row.decode(at: 10), opened: try row.decode(at: 11), solved: try row.decode(at: 12),
                                filedAnyway: try row.decode(at: 13))
                : nil)
    }
}
