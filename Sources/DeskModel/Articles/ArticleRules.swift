import Foundation

/// What an article must be before it is stored: who may write, slugs, lengths, tags.
public enum ArticleRules {
    public static let titleLimit = 200
    public static let bodyLimit = 100_000
    public static let slugLimit = 80
    public static let tagLimit = 40
    public static let tagCount = 20

    /// Agents and admins write the knowledge base; customers only read it.
    public static func checkMayWrite(_ viewer: Viewer) throws(DeskError) {
        if !viewer.isStaff { throw DeskError.forbidden(.model("customers read the knowledge base; agents write it", context: "not allowed")) }
    }

    /// `vpn-setup`: lower-case ASCII letters and digits, single dashes between them.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.count <= slugLimit, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from a title: `Réinitialiser le VPN` → `reinitialiser-le-vpn`. A title with
    /// no Latin letter or digit (Japanese) gets `article-` and a digest of itself.
    public static func slug(fromTitle title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        slug = String(slug.prefix(60))
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "article-" + SHA256.hexDigest(Data(title.utf8)).prefix(10) }
        return slug
    }

    /// Tags as stored: trimmed, lower case, spaces inside made dashes, no repeats, in order.
    public static func normalisedTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let clean = tag.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                .split(whereSeparator: { $0.isWhitespace || $0 == "," }).joined(separator: "-")
            if !clean.isEmpty && seen.insert(clean).inserted { result.append(clean) }
        }
        return result
    }

    /// The stored row of `draft`, or the refusal that says what is wrong with it.
    public static func stored(_ draft: ArticleDraft, authorID: UserID?, at date: Date) throws(DeskError) -> StoredArticle {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { throw DeskError.refused(.model("An article needs a title")) }
        if title.unicodeScalars.count > titleLimit {
            throw DeskError.refused(.model("The title is {length} characters long; the limit is {limit}",
                ["length": .quantity(Int64(title.unicodeScalars.count)), "limit": .quantity(Int64(titleLimit))]))
        }
        // Trailing blank lines are not kept, so that an export imports back unchanged.
        var body = draft.body
        while let last = body.last, last.isWhitespace { body.removeLast() }
        if body.unicodeScalars.count > bodyLimit {
            throw DeskError.refused(.model("The article is {length} characters long; the limit is {limit}",
                ["length": .quantity(Int64(body.unicodeScalars.count)), "limit": .quantity(Int64(bodyLimit))]))
        }
        if title.contains("\0") || body.contains("\0") { throw DeskError.textHasNul(field: .messageBody) }
        let slug = draft.slug ?? slug(fromTitle: title)
        if !isValidSlug(slug) {
            throw DeskError.refused(.model("'{slug}' is not a valid slug: use lower-case letters, digits and single dashes, at most {limit}",
                ["slug": .text(slug), "limit": .number(Int64(slugLimit))]))
        }
        let tags = normalisedTags(draft.tags)
        if tags.count > tagCount { throw DeskError.refused(.model("An article has at most {limit} tags", ["limit": .number(Int64(tagCount))])) }
        if let long = tags.first(where: { $0.count > tagLimit }) {
            throw DeskError.refused(.model("The tag '{tag}' is longer than {limit} characters", ["tag": .text(long), "limit": .number(Int64(tagLimit))]))
        }
        return StoredArticle(
            slug: slug, title: title, body: body, language: draft.language, tags: tags,
            visibility: draft.visibility, authorID: authorID, updatedAt: date)
    }
}
