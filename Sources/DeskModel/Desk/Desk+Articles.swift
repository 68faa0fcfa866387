import Foundation

/// The knowledge base: agents and admins write articles; everyone reads those their
/// `ArticleReader` allows, found by slug, listed, or searched in full text. An article a
/// reader may not see answers exactly as one that does not exist.
extension Desk {
    public func addArticle(_ draft: ArticleDraft, by viewer: Viewer) throws(DeskError) -> Article {
        try ArticleRules.checkMayWrite(viewer)
        let stored = try ArticleRules.stored(draft, authorID: viewer.id, at: now)
        return try write { rows in
            if try rows.article(slug: stored.slug, reader: .staff) != nil { throw DeskError.articleSlugTaken(slug: stored.slug) }
            _ = try rows.insertArticle(stored)
            return try Self.readArticle(rows, slug: stored.slug, reader: .staff)
        }
    }

    /// Changes the fields `edit` gives; the rest stay as they are.
    public func editArticle(slug: String, _ edit: ArticleEdit, by viewer: Viewer) throws(DeskError) -> Article {
        try ArticleRules.checkMayWrite(viewer)
        let date = now
        return try write { rows in
            let current = try Self.readArticle(rows, slug: slug, reader: .staff)
            let draft = edit.applied(to: current)
            let stored = try ArticleRules.stored(draft, authorID: viewer.id, at: date)
            if stored.slug != current.slug, try rows.article(slug: stored.slug, reader: .staff) != nil {
                throw DeskError.articleSlugTaken(slug: stored.slug)
            }
            try rows.updateArticle(id: current.id, stored)
            return try Self.readArticle(rows, slug: stored.slug, reader: .staff)
        }
    }

    public func article(slug: String, viewer: Viewer) throws(DeskError) -> Article {
        try read { rows in try Self.readArticle(rows, slug: slug, reader: ArticleReader(viewer)) }
    }

    /// The articles the viewer may read, most recently updated first.
    public func articles(viewer: Viewer, limit: Int = 500) throws(DeskError) -> [Article] {
        try read { rows in try rows.articles(reader: ArticleReader(viewer), limit: limit) }
    }

    /// Articles matching the query's words: those in the query's language first, then those
    /// tagged with its product, then the best matches (`ArticleRanking`).
    public func searchArticles(_ query: ArticleQuery, viewer: Viewer) throws(DeskError) -> [Article] {
        guard let words = SearchWords(typed: query.text), query.limit > 0 else { return [] }
        let matches = try read { rows in
            try rows.articleMatches(words, match: query.match, reader: ArticleReader(viewer), limit: ArticleRanking.candidates)
        }
        return ArticleRanking.ranked(matches, for: query)
    }

    /// Counts `event` once for each of the articles the viewer may read; how many were counted.
    /// A private write: the counts change no screen that must reload at once.
    @discardableResult
    public func countArticleEvent(_ event: ArticleEvent, ids: [ArticleID], viewer: Viewer) throws(DeskError) -> Int {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return 0 }
        return try write(StorageWrite(announcesChange: false)) { rows in
            try rows.countArticleEvent(event, ids: unique, reader: ArticleReader(viewer))
        }
    }

    /// Imports a folder's articles by slug: new ones are added, changed ones updated, the same
    /// ones left alone (so importing twice changes nothing). When any file is refused, nothing
    /// is written and every refused file is in `problems`.
    public func importArticles(
        _ files: [(file: String, article: Result<ArticleDraft, ArticleFileProblem>)], by viewer: Viewer
    ) throws(DeskError) -> ArticleImportReport {
        try ArticleRules.checkMayWrite(viewer)
        var report = ArticleImportReport()
        var accepted: [StoredArticle] = []
        var firstFile: [String: String] = [:]
        let date = now
        for (file, parsed) in files {
            switch parsed {
            case .failure(let problem):
                report.problems.append(problem)
            case .success(let draft):
                do {
                    let stored = try ArticleRules.stored(draft, authorID: viewer.id, at: date)
                    if let earlier = firstFile[stored.slug] {
                        report.problems.append(ArticleFileProblem(file: file, reason: .model("its slug '{slug}' is also the slug of {file}",
                                                                                        ["slug": .text(stored.slug), "file": .text(earlier)])))
                        continue
                    }
                    firstFile[stored.slug] = file
                    accepted.append(stored)
                } catch {
                    report.problems.append(ArticleFileProblem(file: file, reason: error.phrase))
                }
            }
        }
        if !report.problems.isEmpty { return report }
        return try write { rows in
            var written = report
            for stored in accepted {
                if let current = try rows.article(slug: stored.slug, reader: .staff) {
                    if ArticleEdit.sameWriting(current, stored) {
                        written.unchanged.append(stored.slug)
                    } else {
                        try rows.updateArticle(id: current.id, stored)
                        written.updated.append(stored.slug)
                    }
                } else {
                    _ = try rows.insertArticle(stored)
                    written.added.append(stored.slug)
                }
            }
            return written
        }
    }

    static func readArticle(_ rows: any DeskRows, slug: String, reader: ArticleReader) throws -> Article {
        guard let found = try rows.article(slug: slug, reader: reader) else { throw DeskError.articleNotFound(slug: slug) }
        return found
    }
}

/// The fields `kb edit` changes; nil keeps the article's own.
public struct ArticleEdit: Equatable, Sendable {
    public var slug: String?
    public var title: String?
    public var body: String?
    public var language: Language?
    public var tags: [String]?
    public var visibility: ArticleVisibility?

    public init(slug: String? = nil, title: String? = nil, body: String? = nil, language: Language? = nil,
                tags: [String]? = nil, visibility: ArticleVisibility? = nil) {
        self.slug = slug
        self.title = title
        self.body = body
        self.language = language
        self.tags = tags
        self.visibility = visibility
    }

    func applied(to article: Article) -> ArticleDraft {
        ArticleDraft(
            slug: slug ?? article.slug, title: title ?? article.title, body: body ?? article.body,
            language: language ?? article.language, tags: tags ?? article.tags, visibility: visibility ?? article.visibility)
    }

    /// Whether the stored article already says what `stored` says (an import leaves it alone).
    static func sameWriting(_ article: Article, _ stored: StoredArticle) -> Bool {
        article.title == stored.title && article.body == stored.body && article.language == stored.language
            && article.tags == stored.tags && article.visibility == stored.visibility
    }
}

/// The order suggestions and search results come in, decided once for every backend: the
/// reader's language first, then articles tagged with the ticket's product, then the index's
/// relevance, then the most recently updated.
public enum ArticleRanking {
    /// How many matches a backend returns for ranking; knowledge bases are small.
    static let candidates = 200

    public static func ranked(_ matches: [ArticleMatch], for query: ArticleQuery) -> [Article] {
        let product = query.product.flatMap { ArticleRules.normalisedTags([$0]).first }
        func key(_ match: ArticleMatch) -> (Int, Int) {
            (match.article.language == query.language ? 0 : 1, product.map(match.article.tags.contains) == true ? 0 : 1)
        }
        return matches.sorted { left, right in
            let (l, r) = (key(left), key(right))
            if l != r { return l < r }
            if left.relevance != right.relevance { return left.relevance > right.relevance }
            if left.article.updatedAt != right.article.updatedAt { return left.article.updatedAt > right.article.updatedAt }
            return left.article.id < right.article.id
        }.prefix(query.limit).map(\.article)
    }
}
