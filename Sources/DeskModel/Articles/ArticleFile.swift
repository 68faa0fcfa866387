import Foundation

/// An article as a Markdown file with front matter, the form `kb import` reads and `kb export`
/// writes:
///
///     ---
///     title: Reset your VPN password
///     slug: vpn-reset
///     language: fr
///     tags: vpn, network
///     visibility: plans:pro,business
///     ---
///     The body, in Markdown.
///
/// Only `title` is required; the slug defaults to the file's name without `.md`, the language
/// to English, the visibility to public.
public enum ArticleFile {
    public static let fields = ["title", "slug", "language", "tags", "visibility"]

    /// The article in `text`, or why it is not one.
    public static func parse(_ text: String, fileName: String) -> Result<ArticleDraft, ArticleFileProblem> {
        func problem(_ reason: Phrase) -> Result<ArticleDraft, ArticleFileProblem> {
            .failure(ArticleFileProblem(file: fileName, reason: reason))
        }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
            return problem(.model("no front matter: the file must start with a line '---'"))
        }
        lines.removeFirst()
        var values: [String: String] = [:]
        var closed = false
        while let line = lines.popFirst() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { closed = true; break }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { return problem(.model("front matter line '{line}' is not 'name: value'", ["line": .text(String(line))])) }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard fields.contains(name) else {
                return problem(.model("unknown front matter field '{name}' (fields: {fields})",
                                      ["name": .text(name), "fields": .text(fields.joined(separator: ", "))]))
            }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            if values[name] != nil { return problem(.model("front matter field '{name}' is given twice", ["name": .text(name)])) }
            values[name] = value
        }
        guard closed else { return problem(.model("the front matter has no closing line '---'")) }
        guard let title = values["title"], !title.isEmpty else { return problem(.model("no title in the front matter")) }
        var language = Language.english
        if let tag = values["language"] {
            guard let found = Language(tag: tag) else {
                return problem(.model("unknown language '{tag}' (languages: {languages})",
                                      ["tag": .text(tag), "languages": .text(Language.allCases.map(\.rawValue).joined(separator: ", "))]))
            }
            language = found
        }
        var visibility = ArticleVisibility.everyone
        if let text = values["visibility"] {
            guard let found = ArticleVisibility(text: text) else {
                return problem(.model("visibility '{visibility}' is not public, internal or plans:PLAN,... (plans: {plans})",
                                      ["visibility": .text(text), "plans": .text(Plan.allCases.map(\.rawValue).joined(separator: ", "))]))
            }
            visibility = found
        }
        let stem = (fileName as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "", options: [.anchored, .backwards])
        let tags = values["tags"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return .success(ArticleDraft(
            slug: values["slug"].flatMap { $0.isEmpty ? nil : $0 } ?? stem, title: title, body: lines.joined(separator: "\n"),
            language: language, tags: tags, visibility: visibility))
    }

    /// The file `parse` reads back as the same article.
    public static func text(of article: Article) -> String {
        var text = "---\n"
        text += "title: \(article.title)\n"
        text += "slug: \(article.slug)\n"
        text += "language: \(article.language.rawValue)\n"
        if !article.tags.isEmpty { text += "tags: \(article.tags.joined(separator: ", "))\n" }
        text += "visibility: \(article.visibility.text)\n"
        text += "---\n\n"
        return text + article.body + "\n"
    }

    /// Every `.md` file of `folder` (not its subfolders), parsed, in name order.
    public static func readFolder(_ folder: URL) throws(DeskError) -> [(file: String, article: Result<ArticleDraft, ArticleFileProblem>)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        } catch {
            throw DeskError.refused(.model("Cannot read the folder {folder}: {reason}",
                ["folder": .text(folder.path), "reason": .text(error.localizedDescription)]))
        }
        return names.map { name in
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return (name, .failure(ArticleFileProblem(file: name, reason: .model("cannot be read", context: "article file"))))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return (name, .failure(ArticleFileProblem(file: name, reason: .model("is not UTF-8 text", context: "article file"))))
            }
            return (name, parse(text, fileName: name))
        }
    }
}

/// A file `kb import` refused, and why: the reason is a phrase, printed in the reader's
/// language after the file's name.
public struct ArticleFileProblem: Error, Equatable, Sendable {
    public var file: String
    public var reason: Phrase

    public init(file: String, reason: Phrase) {
        self.file = file
        self.reason = reason
    }
}

/// What an import did, slug by slug.
public struct ArticleImportReport: Equatable, Sendable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// When not empty, nothing was written.
    public var problems: [ArticleFileProblem] = []

    public init() {}
}
