import Foundation
import XCTest

@testable import DeskModel

/// The knowledge base and several accounts, on every backend: a customer reads the articles
/// of any of their accounts' plans, and no more once the account is gone.
final class StoreAccountArticleTests: StoreTestCase {
    private func addPlanArticles() throws {
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-pro-routing", title: "VPN routing for Pro plans", body: "Split tunnelling of the VPN.",
            language: .english, tags: ["vpn"], visibility: .plans([.pro, .business])), by: f.bob)
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-enterprise-sso", title: "VPN single sign-on for Enterprise", body: "Federated VPN login.",
            language: .english, tags: ["vpn"], visibility: .plans([.enterprise])), by: f.bob)
        _ = try store.addArticle(ArticleDraft(
            slug: "vpn-known-bug", title: "Known VPN bug", body: "Internal VPN workaround.",
            language: .english, tags: ["vpn"], visibility: .internalOnly), by: f.root)
    }

    private func slugs(_ viewer: Viewer) throws -> (listed: [String], found: [String]) {
        (try store.articles(viewer: viewer, limit: 50).map(\.slug).sorted(),
         try store.searchArticles(ArticleQuery(text: "vpn", limit: 50), viewer: viewer).map(\.slug).sorted())
    }

    func testACustomerReadsTheArticlesOfAnyOfTheirAccountsPlans() throws {
        try addPlanArticles()
        // fred's only account is Free Co (free plan): no plan article.
        let fred = try store.viewer(handle: "fred")
        XCTAssertEqual(try slugs(fred).listed, [])
        XCTAssertDeskError(try store.article(slug: "vpn-pro-routing", viewer: fred), .articleNotFound(slug: "vpn-pro-routing"))

        // With a Pro Co account as well, its plan's article is his; Big Co's (enterprise) still not.
        _ = try store.addAccount(handle: "fred", organisation: "Pro Co", caseAccess: .own, by: nil)
        let fredWithPro = try store.viewer(handle: "fred")
        XCTAssertEqual(try slugs(fredWithPro).listed, ["vpn-pro-routing"])
        XCTAssertEqual(try slugs(fredWithPro).found, ["vpn-pro-routing"])
        XCTAssertEqual(try store.article(slug: "vpn-pro-routing", viewer: fredWithPro).title, "VPN routing for Pro plans")
        XCTAssertDeskError(try store.article(slug: "vpn-enterprise-sso", viewer: fredWithPro), .articleNotFound(slug: "vpn-enterprise-sso"))

        // Every account counts: Big Co too gives the enterprise article; internal stays hidden.
        _ = try store.addAccount(handle: "fred", organisation: "Big Co", caseAccess: .own, by: nil)
        let fredWithThree = try store.viewer(handle: "fred")
        XCTAssertEqual(try slugs(fredWithThree).listed, ["vpn-enterprise-sso", "vpn-pro-routing"])
        XCTAssertEqual(try slugs(fredWithThree).found, ["vpn-enterprise-sso", "vpn-pro-routing"])
        XCTAssertDeskError(try store.article(slug: "vpn-known-bug", viewer: fredWithThree), .articleNotFound(slug: "vpn-known-bug"))

        // Once the Pro Co account is removed, its plan's article is hidden again.
        try store.removeAccount(handle: "fred", organisation: "Pro Co", by: nil)
        let fredAfter = try store.viewer(handle: "fred")
        XCTAssertEqual(try slugs(fredAfter).listed, ["vpn-enterprise-sso"])
        XCTAssertDeskError(try store.article(slug: "vpn-pro-routing", viewer: fredAfter), .articleNotFound(slug: "vpn-pro-routing"))
    }
}
