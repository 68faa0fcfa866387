import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// One bad line of config.toml costs that line only: the good ones apply, the bad ones are
/// named by number on the bottom line.
final class ConfigLenienceTests: XCTestCase {
    func testBadLinesAreSkippedAndTheGoodOnesKept() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.toml")
        try Data("""
            [keys]
            reply = "e"
            nope = "x"
            search = ["/", "ctrl-"]
            [colors]
            selected = "purple"
            dim = "red"
            """.utf8).write(to: file)
        let loaded = UserConfig.load(path: file.path)
        XCTAssertEqual(loaded.config.keymap.command(for: .character("e")), .reply, "line 2 applies")
        XCTAssertEqual(loaded.config.keymap.command(for: .character("/")), .search, "line 4 is skipped whole")
        XCTAssertEqual(loaded.config.theme.looks[.dim]?.foreground, .red, "line 7 applies")
        XCTAssertEqual(loaded.config.theme.looks[.selected], Theme.standard.looks[.selected], "line 6 is skipped")
        XCTAssertEqual(loaded.problem?.description,
                       "config lines 3, 4, 6 ignored: unknown command 'nope' (the help lists them); unknown key 'ctrl-'; unknown colour or attribute 'purple'")
        XCTAssertEqual(loaded.problem?.phrase.text(in: .french),
                       "lignes 3, 4, 6 de la configuration ignorées : commande inconnue « nope » (l'aide les énumère) ; touche inconnue « ctrl- » ; couleur ou attribut inconnu « purple »")
    }

    /// The bottom line speaks the reader's language: every problem a config file can have.
    func testEveryConfigProblemReadsInEachLanguage() {
        let files = [
            "[keys", "[mouse]", "[keys]\njust words", "[keys]\nrepyl = \"x\"", "[keys]\nreply = []", "[keys]\nreply = \"ctrl-\"",
            "[keys]\nhelp = \"ctrl-c\"", "[keys]\nreply = \"x\"\nsearch = \"x\"", "[keys]\nreply = [\"x\"", "[keys]\nreply = x",
            "[colors]\nsparkle = \"red\"", "[colors]\nselected = [\"red\", \"blue\"]", "[colors]\nselected = \"black on\"",
            "[colors]\nselected = \"purple\"", "reply = \"r\"", "osc52 = maybe",
        ]
        for text in files {
            let (_, problems) = UserConfig.parseKeepingGoodLines(text)
            XCTAssertEqual(problems.count, 1, text)
            guard let problem = problems.first else { continue }
            XCTAssertTrue(problem.description.hasPrefix("config line \(problem.line) ignored: "), problem.description)
            for language in Language.allCases where language != .english {
                XCTAssertNotEqual(problem.reason.text(in: language), problem.message, "\(text) in \(language.rawValue)")
                XCTAssertFalse(problem.phrase.text(in: language).contains("config line"), "\(text) in \(language.rawValue)")
            }
        }
        XCTAssertEqual(UserConfig.Problems(problems: UserConfig.parseKeepingGoodLines("osc52 = maybe").1).phrase.text(in: .japanese),
                       "設定ファイルの 1 行目を無視しました: osc52 は auto、on、off のいずれかです")
    }
}
