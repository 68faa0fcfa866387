import DeskModel
import Foundation
import XCTest

/// The language in the real client: `:language` switches it at once and keeps it for the next
/// start; an SSH customer, to whom sshd passes no locale, reads their stored language.
final class LanguageTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    /// The row's age, the last word(s) of the row: a ticket created a moment ago.
    private func age(_ screen: Screen, _ number: Int64) -> String {
        (screen.row(number) ?? "").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    func testAnAgentSwitchesLanguageAndOpensInItNextTime() throws {
        let number = try desk.newTicket(subject: "Imprimante en panne", body: "Elle ne marche plus.", as: "camille")
        try client.start()
        try client.waitForList()
        client.press("5")
        let english = try client.wait(for: "the new ticket in English") { self.age($0, number).hasSuffix(" now") || self.age($0, number).hasSuffix("m") }
        XCTAssertTrue(english.contains("#\(number)"), "\(english)")

        client.press(":")
        client.type("lang")
        client.press("Tab")
        try client.wait(forText: ":language ")
        client.type("fr")
        client.press("Enter")
        let french = try client.wait(for: "French ages") { self.age($0, number).hasSuffix(" min") }
        XCTAssertTrue(french.bottomLine.contains("Français"), "\(french)")
        client.press("q")
        try client.wait(forText: "EXITED=0")

        // Kept in the desk as alice's language: the next start speaks French, whatever the locale.
        let users = desk.cli(["user", "list", "--format", "json"], user: nil)
        XCTAssertTrue(users.stdout.contains("\"language\" : \"fr\""), "\(users)")
        try client.start(environment: ["LANG": "de_DE.UTF-8"])
        try client.waitForList()
        client.press("5")
        try client.wait(for: "French at the next start") { self.age($0, number).hasSuffix(" min") }
        client.press("q")
        try client.wait(forText: "EXITED=0")
        // --language wins for one start, and is not stored.
        client.stop()
        try client.start(user: "alice", environment: ["LANGUAGE": "fr"], extraArguments: ["--language", "ja"])
        try client.waitForList()
        client.press("5")
        try client.wait(for: "Japanese for this start") { self.age($0, number).hasSuffix("分") || self.age($0, number).hasSuffix("今") }
        client.press("q")
        try client.wait(forText: "EXITED=0")
        XCTAssertTrue(desk.cli(["user", "list", "--format", "json"], user: nil).stdout.contains("\"language\" : \"fr\""))
    }

    func testAnSSHCustomerReadsTheirStoredLanguageWithoutALocale() throws {
        let number = try desk.newTicket(subject: "Imprimante en panne", body: "Elle ne marche plus.", as: "camille")
        XCTAssertEqual(desk.cli(["user", "set", "camille", "--language", "ja"], user: nil).status, 0)
        // sshd passes no locale: the session has C.UTF-8 only.
        try client.start(environment: ["LANG": "C.UTF-8"], sshSessionOf: "camille")
        try client.waitForList()
        client.press("5")
        try client.wait(for: "Japanese over SSH") { self.age($0, number).hasSuffix("分") || self.age($0, number).hasSuffix("今") }
        client.press("q")
        try client.wait(forText: "EXITED=0")
    }
}
