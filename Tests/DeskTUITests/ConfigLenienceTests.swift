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
    }
}
