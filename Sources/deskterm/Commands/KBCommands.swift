import ArgumentParser
import DeskModel
import Foundation

// The knowledge base: everyone reads the articles they may see (list, show, search; also over
// SSH); agents and admins write them (add, edit) and move them as Markdown folders (import,
// export). Who may read and write what is the desk's rule (`Desk+Articles.swift`).

struct KBCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "kb", abstract: .cli("The knowledge base: list, show and search articles; agents add, edit, import and export them."),
        subcommands: [KBList.self, KBShow.self, KBSearch.self, KBAdd.self, KBEdit.self, KBImport.self, KBExport.self],
        defaultSubcommand: KBList.self) }
}

struct KBList: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List the articles you may read, newest first (agents see their counts).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(name: .customLong("lang"), help: .cli("Only articles in this language (en, fr, it, de, es, ja, pt-BR).")) var language: String?
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let only = try language.map { tag throws(DeskError) in try KBOptions.language(tag) }
        let desk = try context.desk()
        let articles = try desk.store.articles(viewer: desk.viewer, limit: 10_000).filter { only == nil || $0.language == only }
        KBOutput.printList(articles, format: format, viewer: desk.viewer, empty: .cli("No articles"))
    }
}

struct KBShow: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: .cli("Show one article as text (Markdown drawn for the terminal).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The article's slug (kb list shows them).")) var slug: String
    @Option(help: .cli("text, json, or markdown (the article as written).")) var format: KBShowFormat = .text

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let article = try desk.store.article(slug: slug, viewer: desk.viewer)
        switch format {
        case .json: print(JSONOutput.encode(KBOutput.JSONArticle(article, withBody: true)))
        case .markdown: print(TextSafety.sanitizedBlock(ArticleFile.text(of: article)), terminator: "")
        case .text: print(KBOutput.text(of: article, viewer: desk.viewer))
        }
    }
}

enum KBShowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct KBSearch: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "search", abstract: .cli("Full-text search over the articles you may read.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("Words to find (accents optional; the last word matches as a prefix).")) var query: String
    @Flag(help: .cli("Any of the words rather than all of them, as the ticket form's suggestions do.")) var any = false
    @Option(name: .customLong("lang"), help: .cli("Articles in this language first (default: the language you read).")) var language: String?
    @Option(help: .cli("Articles tagged with this product first.")) var product: String?
    @Option(help: .cli("At most this many articles (1 to 200).")) var limit = 20
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        guard limit >= 1 && limit <= 200 else { throw .cli("--limit must be between 1 and 200") }
        let preferred = try language.map { tag throws(DeskError) in try KBOptions.language(tag) }
        let desk = try context.desk()
        let found = try desk.store.searchArticles(
            ArticleQuery(text: query, match: any ? .anyWord : .allWords, language: preferred ?? desk.language, product: product, limit: limit),
            viewer: desk.viewer)
        KBOutput.printList(found, format: format, viewer: desk.viewer, empty: .cli("No articles match"))
    }
}

struct KBAdd: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: .cli("Add an article (agents and admins); the body is Markdown.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("The title.")) var title: String
    @Option(help: .cli("The slug imports match on (default: made from the title).")) var slug: String?
    @Option(name: .customLong("lang"), help: .cli("The article's language: en, fr, it, de, es, ja or pt-BR (default en).")) var language = "en"
    @Option(help: .cli("Products and categories, comma-separated.")) var tags = ""
    @Option(help: .cli("public, internal, or plans:PLAN,... (customers of those plans).")) var visibility = "public"
    @Option(help: .cli("The body: a Markdown file, or - for standard input.", valueName: "path")) var bodyFile: String?

    func run(in context: CommandContext) throws(DeskError) {
        let draft = ArticleDraft(
            slug: slug, title: title, body: try BodyInput.read(bodyFile, in: context), language: try KBOptions.language(language),
            tags: KBOptions.tags(tags), visibility: try KBOptions.visibility(visibility))
        let desk = try context.desk()
        let article = try desk.store.addArticle(draft, by: desk.viewer)
        say(.cli("Added article {slug}", ["slug": .text(article.slug)]))
    }
}

struct KBEdit: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: .cli("Change an article's fields (agents and admins); others stay as they are.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The article's slug.")) var slug: String
    @Option(help: .cli("A new title.")) var title: String?
    @Option(name: .customLong("new-slug"), help: .cli("A new slug.")) var newSlug: String?
    @Option(name: .customLong("lang"), help: .cli("A new language.")) var language: String?
    @Option(help: .cli("New tags, comma-separated (replace the old ones).")) var tags: String?
    @Option(help: .cli("public, internal, or plans:PLAN,...")) var visibility: String?
    @Option(help: .cli("A new body: a Markdown file, or - for standard input.", valueName: "path")) var bodyFile: String?

    func run(in context: CommandContext) throws(DeskError) {
        let edit = ArticleEdit(
            slug: newSlug, title: title, body: try bodyFile.map { path throws(DeskError) in try BodyInput.read(path, in: context) },
            language: try language.map { tag throws(DeskError) in try KBOptions.language(tag) },
            tags: tags.map(KBOptions.tags), visibility: try visibility.map { text throws(DeskError) in try KBOptions.visibility(text) })
        guard edit != ArticleEdit() else { throw .cli("Nothing to change: give --title, --new-slug, --lang, --tags, --visibility or --body-file") }
        let desk = try context.desk()
        let article = try desk.store.editArticle(slug: slug, edit, by: desk.viewer)
        say(.cli("Updated article {slug}", ["slug": .text(article.slug)]))
    }
}

struct KBImport: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import", abstract: .cli("Import a folder of Markdown files with front matter (agents and admins); matched by slug, so it can run again.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The folder; each NAME.md is one article.")) var folder: String

    func run(in context: CommandContext) throws(DeskError) {
        let files = try ArticleFile.readFolder(URL(fileURLWithPath: folder))
        let desk = try context.desk()
        let report = try desk.store.importArticles(files, by: desk.viewer)
        if !report.problems.isEmpty {
            for problem in report.problems {
                FileHandle.standardError.write(Data("deskterm: \(TextSafety.sanitizedLine(problem.file)): \(TextSafety.sanitizedLine(problem.reason.shown))\n".utf8))
            }
            throw .cli("{refused} of {count} files refused; nothing was imported",
                       ["refused": .number(Int64(report.problems.count)), "count": .number(Int64(files.count))])
        }
        say(.cli("Imported {count} files: {added} added, {updated} updated, {unchanged} unchanged",
                 ["count": .number(Int64(files.count)), "added": .number(Int64(report.added.count)),
                  "updated": .number(Int64(report.updated.count)), "unchanged": .number(Int64(report.unchanged.count))]))
    }
}

struct KBExport: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export", abstract: .cli("Write every article you may read into a folder, one SLUG.md each (kb import reads it back).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The folder (created if missing).")) var folder: String

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let articles = try desk.store.articles(viewer: desk.viewer, limit: Int.max)
        let url = URL(fileURLWithPath: folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for article in articles {
                try Data(ArticleFile.text(of: article).utf8).write(to: url.appendingPathComponent(article.slug + ".md"), options: .atomic)
            }
        } catch {
            throw .cli("Cannot write into {folder}: {reason}", ["folder": .text(folder), "reason": .text(error.localizedDescription)])
        }
        say(.cli("Exported {count} articles to {folder}", ["count": .number(Int64(articles.count)), "folder": .text(TextSafety.sanitizedLine(folder))]))
    }
}

enum KBOptions {
    static func language(_ tag: String) throws(DeskError) -> Language {
        guard let language = Language(tag: tag) else {
            throw .cli("unknown language '{tag}' (languages: {tags})", ["tag": .text(tag), "tags": .text(Language.allCases.map(\.rawValue).joined(separator: ", "))])
        }
        return language
    }

    static func visibility(_ text: String) throws(DeskError) -> ArticleVisibility {
        guard let visibility = ArticleVisibility(text: text) else {
            throw .cli("visibility '{text}' is not public, internal or plans:PLAN,... (plans: {plans})",
                       ["text": .text(text), "plans": .text(Plan.allCases.map(\.rawValue).joined(separator: ", "))])
        }
        return visibility
    }

    static func tags(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

enum KBOutput {
    static func printList(_ articles: [Article], format: OutputFormat, viewer: Viewer, empty: Phrase) {
        switch format {
        case .json:
            print(JSONOutput.encode(articles.map { JSONArticle($0, withBody: false) }))
        case .table:
            guard !articles.isEmpty else { return say(empty) }
            var columns: [TextTable.Column] = [
                .init(title: .cli("SLUG", context: "column title"), priority: 0, minWidth: 8), .init(title: .cli("LANG", context: "column title"), priority: 2, minWidth: 4),
                .init(title: .cli("TITLE", context: "column title"), priority: 0, minWidth: 10, flexible: true),
            ]
            if viewer.isStaff {
                columns += [
                    .init(title: .cli("VISIBILITY", context: "column title"), priority: 3, minWidth: 10),
                    .init(title: .cli("SHOWN", context: "column title"), priority: 1, minWidth: 5, alignRight: true),
                    .init(title: .cli("OPENED", context: "column title"), priority: 1, minWidth: 6, alignRight: true),
                    .init(title: .cli("SOLVED", context: "column title"), priority: 1, minWidth: 6, alignRight: true),
                    .init(title: .cli("FILED", context: "column title"), priority: 1, minWidth: 5, alignRight: true),
                ]
            }
            let rows = articles.map { article -> [String] in
                var row = [article.slug, article.language.rawValue, article.title]
                if let counts = article.counts, viewer.isStaff {
                    row += [article.visibility.text] + [counts.shown, counts.opened, counts.solved, counts.filedAnyway].map { String($0) }
                }
                return row
            }
            print(TextTable(columns: columns, rows: rows).render(width: OutputWidth.current()))
        }
    }

    static func text(of article: Article, viewer: Viewer) -> String {
        var header = [TextSafety.sanitizedLine(article.title), String(repeating: "=", count: min(60, DisplayWidth.of(TextSafety.sanitizedLine(article.title))))]
        header.append(String.cli("slug: {slug}  language: {language}", ["slug": .text(article.slug), "language": .text(article.language.rawValue)])
            + (article.tags.isEmpty ? "" : String.cli("  tags: {tags}", ["tags": .text(TextSafety.sanitizedLine(article.tags.joined(separator: ", ")))])))
        if viewer.isStaff {
            let updated: [String: PhraseArgument] = ["visibility": .text(article.visibility.text), "updated": .text(ISO8601DateFormatter().string(from: article.updatedAt))]
            header.append(article.authorHandle.map { String.cli("visibility: {visibility}  updated: {updated}  by {author}", updated.merging(["author": .text($0)]) { $1 }) }
                ?? String.cli("visibility: {visibility}  updated: {updated}", updated))
            if let counts = article.counts {
                header.append(String.cli("shown {shown}  opened {opened}  solved {solved}  filed anyway {filed}",
                                         ["shown": .number(counts.shown), "opened": .number(counts.opened), "solved": .number(counts.solved), "filed": .number(counts.filedAnyway)]))
            }
        }
        return header.joined(separator: "\n") + "\n\n" + MarkdownText(article.body).plainText
    }

    struct JSONArticle: Encodable {
        var slug: String
        var title: String
        var language: String
        var tags: [String]
        var visibility: String?
        var updated: Date
        var author: String?
        var counts: Counts?
        var body: String?

        struct Counts: Encodable {
            var shown, opened, solved, filedAnyway: Int64
        }

        init(_ article: Article, withBody: Bool) {
            slug = article.slug
            title = article.title
            language = article.language.rawValue
            tags = article.tags
            updated = article.updatedAt
            body = withBody ? article.body : nil
            if let counts = article.counts {
                visibility = article.visibility.text
                author = article.authorHandle
                self.counts = Counts(shown: counts.shown, opened: counts.opened, solved: counts.solved, filedAnyway: counts.filedAnyway)
            }
        }
    }
}
