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
        if !viewer.isStaff { throw DeskError.notAllowed("customers read the knowledge base; agents write it") }
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
        if title.isEmpty { throw DeskError.invalidInput("An article needs a title") }
        if title.unicodeScalars.count > titleLimit {
            throw DeskError.invalidInput("The title is \(title.unicodeScalars.count) characters long; the limit is \(titleLimit)")
        }
        // Trailing blank lines are not kept, so that an export imports back unchanged.
        var body = draft.body
        while let last = body.last, last.isWhitespace { body.removeLast() }
        if body.unicodeScalars.count > bodyLimit {
            throw DeskError.invalidInput("The article is \(body.unicodeScalars.count) characters long; the limit is \(bodyLimit)")
        }
        if title.contains("\0") || body.contains("\0") { throw DeskError.textHasNul(field: .messageBody) }
        let slug = draft.slug ?? slug(fromTitle: title)
        if !isValidSlug(slug) {
            throw DeskError.invalidInput("'\(slug)' is not a valid slug: use lower-case letters, digits and single dashes, at most \(slugLimit)")
        }
        let tags = normalisedTags(draft.tags)
        if tags.count > tagCount { throw DeskError.invalidInput("An article has at most \(tagCount) tags") }
        if let long = tags.first(where: { $0.count > tagLimit }) {
            throw DeskError.invalidInput("The tag '\(long)' is longer than \(tagLimit) characters")
        }
        return StoredArticle(
            slug: slug, title: title, body: body, language: draft.language, tags: tags,
            visibility: draft.visibility, authorID: authorID, updatedAt: date)
    }
}
