import Foundation
import XCTest

@testable import DeskModel

/// The knowledge base on every backend: who reads which article, who writes, search order,
/// counts, import by slug.
final class StoreArticleTests: StoreTestCase {
    func addSamples() throws {
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-reset", title: "Reset your VPN password", body: "Open **Settings**, then *VPN*.",
            language: .english, tags: ["VPN", "network"], visibility: .everyone), by: f.alice)
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-reset-fr", title: "Réinitialiser le mot de passe VPN", body: "Ouvrez les réglages du VPN.",
            language: .french, tags: ["vpn"], visibility: .everyone), by: f.alice)
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-pro-routing", title: "VPN routing for Pro plans", body: "Split tunnelling of the VPN.",
            language: .english, tags: ["vpn"], visibility: .plans([.pro, .business])), by: f.bob)
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-known-bug", title: "Known VPN bug: escalate to network team", body: "Internal workaround for the VPN.",
            language: .english, tags: ["vpn"], visibility: .internalOnly), by: f.root)
    }

    func testEachReaderSeesOnlyTheArticlesOfTheirRoleAndPlan() throws {
        try addSamples()
        let all = ["vpn-known-bug", "vpn-pro-routing", "vpn-reset", "vpn-reset-fr"]
        XCTAssertEqual(try store.articles(viewer: f.alice, limit: 50).map(\.slug).sorted(), all)
        XCTAssertEqual(try store.articles(viewer: f.peter, limit: 50).map(\.slug).sorted(), ["vpn-pro-routing", "vpn-reset", "vpn-reset-fr"])
        XCTAssertEqual(try store.articles(viewer: f.fred, limit: 50).map(\.slug).sorted(), ["vpn-reset", "vpn-reset-fr"])
        XCTAssertEqual(try store.articles(viewer: f.erin, limit: 50).map(\.slug).sorted(), ["vpn-reset", "vpn-reset-fr"])
        // Search applies the same rule: a customer never finds an internal article.
        let search = ArticleQuery(text: "vpn", limit: 50)
        XCTAssertEqual(try store.searchArticles(search, viewer: f.alice).count, 4)
        XCTAssertEqual(try store.searchArticles(search, viewer: f.fred).map(\.slug).sorted(), ["vpn-reset", "vpn-reset-fr"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "escalate"), viewer: f.peter), [])
        // A hidden article answers exactly as one that does not exist.
        XCTAssertDeskError(try store.article(slug: "vpn-known-bug", viewer: f.peter), .articleNotFound(slug: "vpn-known-bug"))
        XCTAssertDeskError(try store.article(slug: "no-such", viewer: f.peter), .articleNotFound(slug: "no-such"))
        XCTAssertDeskError(try store.article(slug: "vpn-pro-routing", viewer: f.fred), .articleNotFound(slug: "vpn-pro-routing"))
        XCTAssertEqual(try store.article(slug: "vpn-pro-routing", viewer: f.paula).title, "VPN routing for Pro plans")
        // Counts are for staff.
        XCTAssertNil(try store.article(slug: "vpn-reset", viewer: f.peter).counts)
        XCTAssertEqual(try store.article(slug: "vpn-reset", viewer: f.bob).counts, ArticleCounts())
    }

    func testOnlyStaffWriteAndAnArticleKeepsWhatItWasGiven() throws {
        XCTAssertDeskError(
            try store.addArticle(ArticleDraft(title: "Mine", body: "x"), by: f.peter),
            .forbidden(.model("customers read the knowledge base; agents write it", context: "not allowed")))
        let added = try store.addArticle(ArticleDraft(
            title: "  Café au lait: réglages  ", body: "Body\n\n\n", language: .french, tags: [" Coffee ", "coffee", "Milk Frother"],
            visibility: .plans([.business])), by: f.alice)
        XCTAssertEqual(added.slug, "cafe-au-lait-reglages")
        XCTAssertEqual(added.title, "Café au lait: réglages")
        XCTAssertEqual(added.body, "Body")
        XCTAssertEqual(added.tags, ["coffee", "milk-frother"])
        XCTAssertEqual(added.visibility, .plans([.business]))
        XCTAssertEqual(added.authorHandle, "alice")
        XCTAssertEqual(added.updatedAt, StoreFixture.start)
        XCTAssertDeskError(
            try store.addArticle(ArticleDraft(title: "Café au lait: réglages", body: "again"), by: f.bob),
            .articleSlugTaken(slug: "cafe-au-lait-reglages"))
        XCTAssertDeskError(
            try store.addArticle(ArticleDraft(slug: "Bad Slug", title: "t", body: "b"), by: f.bob),
            .refused(.model("'{slug}' is not a valid slug: use lower-case letters, digits and single dashes, at most {limit}",
                            ["slug": .text("Bad Slug"), "limit": .number(80)])))
        XCTAssertDeskError(try store.addArticle(ArticleDraft(title: " ", body: "b"), by: f.bob), .refused(.model("An article needs a title")))

        f.clock.advance(by: 60)
        XCTAssertDeskError(
            try store.editArticle(slug: "cafe-au-lait-reglages", ArticleEdit(title: "x"), by: f.peter),
            .forbidden(.model("customers read the knowledge base; agents write it", context: "not allowed")))
        let edited = try store.editArticle(slug: "cafe-au-lait-reglages", ArticleEdit(body: "New body", visibility: .everyone), by: f.bob)
        XCTAssertEqual(edited.title, "Café au lait: réglages")
        XCTAssertEqual(edited.body, "New body")
        XCTAssertEqual(edited.visibility, .everyone)
        XCTAssertEqual(edited.authorHandle, "bob")
        XCTAssertEqual(edited.updatedAt, StoreFixture.start + 60)
        // The index follows the edit.
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "new body"), viewer: f.fred).map(\.slug), ["cafe-au-lait-reglages"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "Body"), viewer: f.fred).count, 1)
        XCTAssertDeskError(try store.editArticle(slug: "nothing", ArticleEdit(title: "x"), by: f.bob), .articleNotFound(slug: "nothing"))
    }

    func testSuggestionsPutTheReadersLanguageThenTheProductFirst() throws {
        try addSamples()
        _ = try store.addArticle(ArticleDraft(
            slug: "printer-vpn", title: "Printing over the VPN", body: "Printers on the VPN need a password.",
            language: .english, tags: ["printer"]), by: f.alice)
        // Any word counts: a whole sentence as a customer types it.
        var query = ArticleQuery(text: "my vpn password does not work", match: .anyWord, language: .french, product: "Printer", limit: 10)
        let french = try store.searchArticles(query, viewer: f.fred).map(\.slug)
        XCTAssertEqual(french.first, "vpn-reset-fr")
        XCTAssertEqual(french[1], "printer-vpn")
        XCTAssertEqual(Set(french), ["vpn-reset-fr", "printer-vpn", "vpn-reset"])
        query.language = .english
        query.product = nil
        let english = try store.searchArticles(query, viewer: f.fred).map(\.slug)
        XCTAssertEqual(english.last, "vpn-reset-fr")
        // Every word must match in a search.
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "vpn password"), viewer: f.fred).map(\.slug).sorted(), ["printer-vpn", "vpn-reset"])
        // Diacritics are folded as in ticket search, and the last word is a prefix.
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "reinitialiser"), viewer: f.fred).map(\.slug), ["vpn-reset-fr"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "passw"), viewer: f.fred).map(\.slug).sorted(), ["printer-vpn", "vpn-reset"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "  "), viewer: f.fred), [])
    }

    func testCJKWordsAreFoundInsideJapaneseText() throws {
        _ = try store.addArticle(ArticleDraft(
            slug: "ja-password", title: "パスワードの再設定", body: "設定画面からパスワードを変更してください。", language: .japanese), by: f.alice)
        _ = try store.addArticle(ArticleDraft(slug: "ja-print", title: "印刷できない場合", body: "プリンターを確認してください。", language: .japanese), by: f.alice)
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "パスワード"), viewer: f.fred).map(\.slug), ["ja-password"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "再設定"), viewer: f.fred).map(\.slug), ["ja-password"])
        XCTAssertEqual(
            try store.searchArticles(ArticleQuery(text: "印刷 パスワード", match: .anyWord), viewer: f.fred).map(\.slug).sorted(),
            ["ja-password", "ja-print"])
        XCTAssertEqual(try store.searchArticles(ArticleQuery(text: "印刷 パスワード"), viewer: f.fred), [])
    }

    func testCountsAddUpOnlyForArticlesTheReaderMaySee() throws {
        try addSamples()
        let ids = try store.articles(viewer: f.alice, limit: 50).reduce(into: [String: ArticleID]()) { $0[$1.slug] = $1.id }
        XCTAssertEqual(try store.countArticleEvent(.shown, ids: [ids["vpn-reset"]!, ids["vpn-known-bug"]!, ids["vpn-reset"]!], viewer: f.fred), 1)
        XCTAssertEqual(try store.countArticleEvent(.opened, ids: [ids["vpn-reset"]!], viewer: f.fred), 1)
        XCTAssertEqual(try store.countArticleEvent(.solved, ids: [ids["vpn-reset"]!], viewer: f.fred), 1)
        XCTAssertEqual(try store.countArticleEvent(.shown, ids: [ids["vpn-reset"]!, ids["vpn-pro-routing"]!], viewer: f.peter), 2)
        XCTAssertEqual(try store.countArticleEvent(.filedAnyway, ids: [ids["vpn-pro-routing"]!], viewer: f.peter), 1)
        XCTAssertEqual(try store.countArticleEvent(.shown, ids: [], viewer: f.peter), 0)
        XCTAssertEqual(try store.article(slug: "vpn-reset", viewer: f.alice).counts, ArticleCounts(shown: 2, opened: 1, solved: 1))
        XCTAssertEqual(try store.article(slug: "vpn-pro-routing", viewer: f.alice).counts, ArticleCounts(shown: 1, filedAnyway: 1))
        XCTAssertEqual(try store.article(slug: "vpn-known-bug", viewer: f.alice).counts, ArticleCounts())
        // Counting changes no article's update time.
        XCTAssertEqual(try store.article(slug: "vpn-reset", viewer: f.alice).updatedAt, StoreFixture.start)
    }

    func testImportIsIdempotentBySlugAndWritesNothingWhenAFileIsBad() throws {
        func files(_ texts: [(String, String)]) -> [(file: String, article: Result<ArticleDraft, ArticleFileProblem>)] {
            texts.map { name, text in (name, ArticleFile.parse(text, fileName: name)) }
        }
        let good = [
            ("vpn.md", "---\ntitle: VPN setup\ntags: vpn, network\n---\n\n# Setup\nSteps.\n"),
            ("fr.md", "---\ntitle: Installer le VPN\nslug: vpn-fr\nlanguage: fr\nvisibility: plans:pro\n---\nÉtapes.\n"),
        ]
        XCTAssertDeskError(try store.importArticles(files(good), by: f.peter), .forbidden(.model("customers read the knowledge base; agents write it", context: "not allowed")))
        var report = try store.importArticles(files(good), by: f.alice)
        XCTAssertEqual(report.added, ["vpn", "vpn-fr"])
        XCTAssertEqual(report.problems, [])
        report = try store.importArticles(files(good), by: f.alice)
        XCTAssertEqual(report.added, [])
        XCTAssertEqual(report.updated, [])
        XCTAssertEqual(report.unchanged, ["vpn", "vpn-fr"])
        XCTAssertEqual(try store.articles(viewer: f.alice, limit: 50).count, 2)

        let changed = [good[0], ("fr.md", good[1].1.replacingOccurrences(of: "Étapes.", with: "Étapes mises à jour."))]
        report = try store.importArticles(files(changed), by: f.alice)
        XCTAssertEqual(report.updated, ["vpn-fr"])
        XCTAssertEqual(report.unchanged, ["vpn"])
        XCTAssertEqual(try store.article(slug: "vpn-fr", viewer: f.paula).body, "Étapes mises à jour.")

        let bad = files([
            ("new.md", "---\ntitle: Brand new\n---\nText"),
            ("nofront.md", "Just text"),
            ("lang.md", "---\ntitle: x\nlanguage: klingon\n---\n"),
            ("vis.md", "---\ntitle: x\nvisibility: plans:gold\n---\n"),
            ("twin.md", "---\ntitle: Twin\nslug: new\n---\n"),
            ("open.md", "---\ntitle: never closed\n"),
        ])
        report = try store.importArticles(bad, by: f.alice)
        XCTAssertEqual(report.problems.map(\.file), ["nofront.md", "lang.md", "vis.md", "twin.md", "open.md"])
        XCTAssertEqual(report.problems.map(\.reason.englishText), [
            "no front matter: the file must start with a line '---'",
            "unknown language 'klingon' (languages: \(Language.allCases.map(\.rawValue).joined(separator: ", ")))",
            "visibility 'plans:gold' is not public, internal or plans:PLAN,... (plans: free, trial, pro, business, enterprise)",
            "its slug 'new' is also the slug of new.md",
            "the front matter has no closing line '---'",
        ])
        XCTAssertEqual(report.problems.map { $0.reason.text(in: .french) }, [
            "pas d'en-tête : le fichier doit commencer par une ligne « --- »",
            "langue inconnue « klingon » (langues : \(Language.allCases.map(\.rawValue).joined(separator: ", ")))",
            "la visibilité « plans:gold » n'est ni public, ni internal, ni plans:PLAN,... (formules : free, trial, pro, business, enterprise)",
            "son identifiant d'article « new » est aussi celui de new.md",
            "l'en-tête n'a pas de ligne de fermeture « --- »",
        ])
        XCTAssertEqual(report.added, [])
        XCTAssertDeskError(try store.article(slug: "new", viewer: f.alice), .articleNotFound(slug: "new"))
    }

    func testAnExportedArticleReadsBackAsTheSame() throws {
        try addSamples()
        for article in try store.articles(viewer: f.alice, limit: 50) {
            let text = ArticleFile.text(of: article)
            guard case .success(let draft) = ArticleFile.parse(text, fileName: "\(article.slug).md") else {
                return XCTFail("\(article.slug) did not read back: \(text)")
            }
            XCTAssertEqual(draft.slug, article.slug)
            XCTAssertEqual(draft.title, article.title)
            XCTAssertEqual(draft.body, article.body)
            XCTAssertEqual(draft.language, article.language)
            XCTAssertEqual(draft.tags, article.tags)
            XCTAssertEqual(draft.visibility, article.visibility)
        }
    }
}
