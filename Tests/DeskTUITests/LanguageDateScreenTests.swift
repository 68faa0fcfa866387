import Foundation
import DeskModel
import XCTest

@testable import DeskTUI

/// Dates, times and ages on the screens, per language. Only the parts this code writes are
/// compared (the age column, the date fields, the messages' times): the labels around them
/// are the catalogues' (their own screen tests pin them), so these stay true whatever the
/// words become.
final class LanguageDateScreenTests: XCTestCase {
    /// The fixture's rows were updated 5 minutes, 3 hours, 2 days, 3 weeks and 400 days ago.
    private let ages: [Language: [String]] = [
        .english: ["5m", "3h", "2d", "3w", "1y"],
        .french: ["5 min", "3 h", "2 j", "3 sem.", "1 an"],
        .italian: ["5 min", "3 h", "2 g", "3 sett.", "1 anno"],
        .german: ["5 Min.", "3 Std.", "2 Tg.", "3 Wo.", "1 J."],
        .spanish: ["5 min", "3 h", "2 d", "3 sem.", "1 año"],
        .japanese: ["5分", "3時間", "2日", "3週", "1年"],
        .brazilianPortuguese: ["5 min", "3 h", "2 d", "3 sem.", "1 ano"],
    ]

    /// The list's rows, without the detail pane a wide screen shows beside them.
    private func rowLines(_ grid: Grid) -> [String] {
        grid.text.split(separator: "\n").map { String($0.split(separator: "│", omittingEmptySubsequences: false)[0]) }.filter { line in
            Fixture.rows.contains { line.contains("#\($0.number) ") }
        }
    }

    func testListAgesAreRightAlignedInTheirColumnInEveryLanguageAt80Columns() {
        for size in [Fixture.size80, Fixture.size132] {
            for viewer in [Fixture.agent, Fixture.customer] {
                for language in Language.allCases {
                    var state = Fixture.state(viewer, size: size)
                    state.language = language
                    let lines = rowLines(Renderer.render(state, size: size))
                    XCTAssertEqual(lines.count, 5, "\(language.rawValue) \(size.columns)")
                    let expected = ages[language]!
                    // Every age whole, ending in the same column, the line within the screen.
                    let ends = lines.map { line in DisplayWidth.of(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)) }
                    for (line, age) in zip(lines, expected) {
                        let trimmed = line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
                        XCTAssertTrue(trimmed.hasSuffix(" " + age), "\(language.rawValue) \(size.columns): |\(line)| should end in |\(age)|")
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), size.columns)
                    }
                    XCTAssertEqual(Set(ends).count, 1, "\(language.rawValue) \(size.columns): \(lines)")
                    // The subject keeps its room: the first row's subject still reads in part.
                    XCTAssertTrue(lines[0].contains("VPN drops"), "\(language.rawValue) \(size.columns): \(lines[0])")
                }
            }
        }
    }

    func testTheAgeColumnWidensOnlyForItalianAt80Columns() {
        let widths = Language.allCases.map { language in
            ListPane.columns(width: 80, rows: Fixture.rows, role: .agent, language: language).age
        }
        XCTAssertEqual(widths, [7, 7, 8, 7, 7, 7, 7])
    }

    func testDetailDatesAndAgesPerLanguage() {
        // Created 2024-05-30 09:00 (2 days before now), updated 5 minutes ago; Carl's first
        // message at 10:00.
        let expected: [Language: (created: String, updated: String, message: String)] = [
            .english: ("2024-05-30 09:00 (2d ago)", "2024-06-01 11:55 (5m ago)", "· 2024-05-30 10:00"),
            .french: ("30 mai 2024 09:00 (il y a 2 j)", "1 juin 2024 11:55 (il y a 5 min)", "· 30 mai 2024 10:00"),
            .italian: ("30 mag 2024, 09:00 (2 g fa)", "1 giu 2024, 11:55 (5 min fa)", "· 30 mag 2024, 10:00"),
            .german: ("30. Mai 2024, 09:00 (vor 2 Tg.)", "1. Juni 2024, 11:55 (vor 5 Min.)", "· 30. Mai 2024, 10:00"),
            .spanish: ("30 may 2024, 09:00 (hace 2 d)", "1 jun 2024, 11:55 (hace 5 min)", "· 30 may 2024, 10:00"),
            .japanese: ("2024年5月30日 09:00 (2日前)", "2024年6月1日 11:55 (5分前)", "· 2024年5月30日 10:00"),
            .brazilianPortuguese: ("30 de mai. de 2024 09:00 (há 2 d)", "1 de jun. de 2024 11:55 (há 5 min)", "· 30 de mai. de 2024 10:00"),
        ]
        for size in [Fixture.size80, Fixture.size132] {
            for language in Language.allCases {
                var state = Fixture.openState(Fixture.agent, size: size)
                state.language = language
                let text = Renderer.render(state, size: size).text
                let (created, updated, message) = expected[language]!
                for part in [created, updated, message] {
                    XCTAssertTrue(text.contains(part), "\(language.rawValue) \(size.columns): no |\(part)| in\n\(text)")
                }
            }
        }
    }

    func testSwitchingLanguageInTheClientRedrawsTheDates() {
        var state = Fixture.openState(Fixture.agent, size: Fixture.size132)
        XCTAssertTrue(Renderer.render(state, size: Fixture.size132).text.contains("2024-05-30 09:00 (2d ago)"))
        _ = DeskReducer.reduce(into: &state, .commandLineStarted(prefill: "language fr"))
        _ = DeskReducer.reduce(into: &state, .commandLineSubmitted)
        let text = Renderer.render(state, size: Fixture.size132).text
        XCTAssertTrue(text.contains("30 mai 2024 09:00 (il y a 2 j)"), text)
        XCTAssertFalse(text.contains("2024-05-30"), text)
    }

    func testAttachmentSizesPerLanguage() {
        let attachment = Attachment(
            id: 5, ticketID: 42, messageID: nil, name: "trace.pcap", mediaType: "application/octet-stream",
            size: 1_572_864, sha256: "", uploaderID: Fixture.carl.id, createdAt: Fixture.may30(9))
        let detail = Fixture.detail()
        XCTAssertEqual(AttachmentRows.describe(attachment, in: detail), "trace.pcap · 1.5 MB · Carl Meyer")
        XCTAssertEqual(AttachmentRows.describe(attachment, in: detail, language: .french), "trace.pcap · 1,5 Mo · Carl Meyer")
        XCTAssertEqual(AttachmentRows.describe(attachment, in: detail, language: .german), "trace.pcap · 1,5 MB · Carl Meyer")
    }
}
