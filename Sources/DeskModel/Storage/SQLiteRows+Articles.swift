import Foundation
import GRDB

/// The knowledge base in SQLite (`ArticleSchema`). Search reads `article_fts` (or, for CJK
/// words, `article_cjk`) with FTS5's bm25 as the relevance: title words weigh most, then tags.
extension SQLiteRows: ArticleRows {
    func insertArticle(_ article: StoredArticle) throws -> ArticleID {
        try db.execute(
            sql: """
                INSERT INTO article(slug, title, body, language, tags, visibility, plans, author_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                article.slug, article.title, article.body, article.language.rawValue, article.storedTags,
                article.storedVisibility, article.storedPlans, article.authorID, article.updatedAt.deskSeconds,
                article.updatedAt.deskSeconds,
            ])
        return db.lastInsertedRowID
    }

    func updateArticle(id: ArticleID, _ article: StoredArticle) throws {
        try db.execute(
            sql: """
                UPDATE article SET slug = ?, title = ?, body = ?, language = ?, tags = ?, visibility = ?, plans = ?,
                    author_id = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                article.slug, article.title, article.body, article.language.rawValue, article.storedTags,
                article.storedVisibility, article.storedPlans, article.authorID, article.updatedAt.deskSeconds, id,
            ])
    }

    func article(slug: String, reader: ArticleReader) throws -> Article? {
        try Row.fetchOne(
            db, sql: "SELECT \(ArticleSchema.columns) FROM article a LEFT JOIN user u ON u.id = a.author_id WHERE a.slug = ? AND \(reader.predicate())",
            arguments: [slug]
        ).map { Self.article($0, reader: reader) }
    }

    func articles(reader: ArticleReader, limit: Int) throws -> [Article] {
        try Row.fetchAll(
            db, sql: """
                SELECT \(ArticleSchema.columns) FROM article a LEFT JOIN user u ON u.id = a.author_id
                WHERE \(reader.predicate()) ORDER BY a.updated_at DESC, a.id DESC LIMIT ?
                """,
            arguments: [limit]
        ).map { Self.article($0, reader: reader) }
    }

    func articleMatches(_ words: SearchWords, match: ArticleQuery.Match, reader: ArticleReader, limit: Int) throws -> [ArticleMatch] {
        var best: [ArticleID: ArticleMatch] = [:]
        for (table, query) in Self.articleQueries(words, match: match) {
            // The CJK index is contentless with no per-column sizes to weigh: plain bm25.
            let relevance = table == "article_fts" ? "-bm25(article_fts, 5.0, 1.0, 3.0)" : "-bm25(article_cjk)"
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT \(ArticleSchema.columns), \(relevance) AS relevance
                    FROM \(table) JOIN article a ON a.id = \(table).rowid LEFT JOIN user u ON u.id = a.author_id
                    WHERE \(table) MATCH ? AND \(reader.predicate())
                    ORDER BY relevance DESC LIMIT ?
                    """,
                arguments: [query, limit])
            for row in rows {
                let found = ArticleMatch(article: Self.article(row, reader: reader), relevance: row["relevance"])
                if let known = best[found.article.id] {
                    best[found.article.id]!.relevance = known.relevance + found.relevance
                } else {
                    best[found.article.id] = found
                }
            }
        }
        return Array(best.values)
    }

    /// The FTS5 queries that answer `words`, by index. All words: `FullTextQuery`'s query on the
    /// one index that can answer it. Any word: the word parts OR-ed on the word index and the
    /// CJK parts OR-ed on the CJK index.
    static func articleQueries(_ words: SearchWords, match: ArticleQuery.Match) -> [(table: String, query: String)] {
        func table(_ query: FullTextQuery) -> (String, String) {
            switch query {
            case .words(let text): ("article_fts", text)
            case .cjk(let text): ("article_cjk", text)
            }
        }
        switch match {
        case .allWords:
            return FullTextQuery.match(for: words).map { [table($0)] } ?? []
        case .anyWord:
            var wordTerms: [String] = []
            var cjkTerms: [String] = []
            for index in words.parts.indices {
                switch FullTextQuery.match(for: words.part(index)) {
                case .words(let term)?:
                    // Only the last word typed may be the start of a word.
                    wordTerms.append(index == words.parts.count - 1 || !term.hasSuffix("*") ? term : String(term.dropLast()))
                case .cjk(let term)?: cjkTerms.append(term)
                case nil: continue
                }
            }
            var queries: [(String, String)] = []
            if !wordTerms.isEmpty { queries.append(("article_fts", wordTerms.joined(separator: " OR "))) }
            if !cjkTerms.isEmpty { queries.append(("article_cjk", cjkTerms.joined(separator: " OR "))) }
            return queries
        }
    }

    func countArticleEvent(_ event: ArticleEvent, ids: [ArticleID], reader: ArticleReader) throws -> Int {
        let column = Self.countColumn(event)
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        try db.execute(
            sql: "UPDATE article SET \(column) = \(column) + 1 WHERE id IN (\(placeholders)) AND \(reader.predicate("article"))",
            arguments: StatementArguments(ids))
        return db.changesCount
    }

    static func countColumn(_ event: ArticleEvent) -> String {
        switch event {
        case .shown: "shown_count"
        case .opened: "opened_count"
        case .solved: "solved_count"
        case .filedAnyway: "filed_anyway_count"
        }
    }

    static func article(_ row: Row, reader: ArticleReader) -> Article {
        Article(
            id: row["id"], slug: row["slug"], title: row["title"], body: row["body"],
            language: Language(rawValue: row["language"]) ?? .english,
            tags: StoredArticle.tags(stored: row["tags"]),
            visibility: StoredArticle.visibility(kind: row["visibility"], plans: row["plans"]),
            authorHandle: row["author_handle"], updatedAt: Date(deskSeconds: row["updated_at"]),
            counts: reader.seesCounts
                ? ArticleCounts(shown: row["shown_count"], opened: row["opened_count"], solved: row["solved_count"],
                                filedAnyway: row["filed_anyway_count"])
                : nil)
    }
}
