import XCTest

@testable import DeskModel

/// Dates, times, ages and numbers as each language writes them, pinned here because they
/// are our own tables, not Foundation's locale data.
final class LocalFormatTests: XCTestCase {
    /// 2026-12-03 14:05 UTC, and 2026-05-01 09:07 UTC (a one-digit day, a month spelled whole).
    private let december = Date(timeIntervalSince1970: 1_796_306_700)
    private let may = Date(timeIntervalSince1970: 1_777_626_420)

    func testDatesPerLanguage() {
        let expected: [Language: (String, String)] = [
            .english: ("2026-12-03 14:05", "2026-05-01 09:07"),
            .french: ("3 déc. 2026 14:05", "1 mai 2026 09:07"),
            .german: ("3. Dez. 2026, 14:05", "1. Mai 2026, 09:07"),
            .italian: ("3 dic 2026, 14:05", "1 mag 2026, 09:07"),
            .spanish: ("3 dic 2026, 14:05", "1 may 2026, 09:07"),
            .brazilianPortuguese: ("3 de dez. de 2026 14:05", "1 de mai. de 2026 09:07"),
            .japanese: ("2026年12月3日 14:05", "2026年5月1日 09:07"),
        ]
        XCTAssertEqual(Set(expected.keys), Set(Language.allCases))
        for (language, (first, second)) in expected {
            XCTAssertEqual(DateText.minute(december, in: language), first, language.rawValue)
            XCTAssertEqual(DateText.minute(may, in: language), second, language.rawValue)
        }
        // English stays the desk's historical form, shared with quotes.
        XCTAssertEqual(UTCMinute.text(december), "2026-12-03 14:05")
    }

    func testEveryMonthHasItsOwnName() {
        for language in Language.allCases {
            let names = DateText.monthAbbreviations(language)
            XCTAssertEqual(names.count, 12, language.rawValue)
            XCTAssertEqual(Set(names).count, 12, language.rawValue)
        }
    }

    func testAgesCompactAndAsPhrases() {
        let ago: (Int) -> Date = { self.december.addingTimeInterval(-Double($0)) }
        let hours3 = ago(3 * 3600 + 59)
        XCTAssertEqual(Language.allCases.map { RelativeAge.since(hours3, now: december, in: $0) },
                       ["3h", "3 h", "3 h", "3 Std.", "3 h", "3時間", "3 h"])
        XCTAssertEqual(Language.allCases.map { RelativeAge.phrase(hours3, now: december, in: $0) },
                       ["3h ago", "il y a 3 h", "3 h fa", "vor 3 Std.", "hace 3 h", "3時間前", "há 3 h"])
        let cases: [(Int, Language, String, String)] = [
            (0, .english, "now", "just now"), (59, .french, "< 1 min", "à l’instant"),
            (60, .german, "1 Min.", "vor 1 Min."), (5 * 60, .japanese, "5分", "5分前"),
            (2 * 86_400, .french, "2 j", "il y a 2 j"), (13 * 86_400, .italian, "13 g", "13 g fa"),
            (14 * 86_400, .spanish, "2 sem.", "hace 2 sem."), (52 * 7 * 86_400, .japanese, "52週", "52週間前"),
            (365 * 86_400, .french, "1 an", "il y a 1 an"), (2 * 365 * 86_400, .french, "2 ans", "il y a 2 ans"),
            (365 * 86_400, .brazilianPortuguese, "1 ano", "há 1 ano"), (3 * 365 * 86_400, .spanish, "3 años", "hace 3 años"),
            (1 * 365 * 86_400, .italian, "1 anno", "1 anno fa"), (4 * 365 * 86_400, .german, "4 J.", "vor 4 J."),
            (30, .brazilianPortuguese, "agora", "agora mesmo"), (10, .japanese, "今", "たった今"),
        ]
        for (seconds, language, compact, phrase) in cases {
            XCTAssertEqual(RelativeAge.since(ago(seconds), now: december, in: language), compact, "\(seconds)s \(language.rawValue)")
            XCTAssertEqual(RelativeAge.phrase(ago(seconds), now: december, in: language), phrase, "\(seconds)s \(language.rawValue)")
        }
        // A date after now (clocks disagree) reads as now.
        XCTAssertEqual(RelativeAge.since(december.addingTimeInterval(90), now: december, in: .german), "jetzt")
    }

    func testTheWidestCompactAgeFitsTheListColumn() {
        // The list's age column is 7 wide ("UPDATED"), 8 for Italian ("52 sett.").
        let widest = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, RelativeAge.widestCompact(in: $0)) })
        XCTAssertEqual(widest, [.english: 3, .french: 7, .italian: 8, .german: 7, .spanish: 7, .japanese: 6, .brazilianPortuguese: 7])
        // Every form an age up to 99 years can take is no wider.
        for language in Language.allCases {
            for days in stride(from: 0, through: 365 * 100 - 1, by: 1) where days < 400 || days % 97 == 0 || days > 365 * 99 {
                for extra in [0, 59, 61, 3599, 3601, 86_399] {
                    let text = RelativeAge.since(december.addingTimeInterval(-Double(days * 86_400 + extra)), now: december, in: language)
                    XCTAssertLessThanOrEqual(DisplayWidth.of(text), max(7, widest[language]!), "\(text) \(language.rawValue)")
                }
            }
        }
    }

    func testGroupedNumbers() {
        let expected: [Language: [String]] = [
            .english: ["0", "999", "1,234", "12,345", "1,234,567", "-5,000"],
            .french: ["0", "999", "1 234", "12 345", "1 234 567", "-5 000"],
            .german: ["0", "999", "1.234", "12.345", "1.234.567", "-5.000"],
            // Italian and Spanish leave four digits ungrouped.
            .italian: ["0", "999", "1234", "12.345", "1.234.567", "-5000"],
            .spanish: ["0", "999", "1234", "12.345", "1.234.567", "-5000"],
            .brazilianPortuguese: ["0", "999", "1.234", "12.345", "1.234.567", "-5.000"],
            .japanese: ["0", "999", "1,234", "12,345", "1,234,567", "-5,000"],
        ]
        for (language, texts) in expected {
            XCTAssertEqual([0, 999, 1234, 12_345, 1_234_567, -5000].map { NumberText.grouped($0, in: language) }, texts, language.rawValue)
        }
        XCTAssertEqual(FieldLimits.grouped(5000), "5,000")
    }

    func testByteSizes() {
        let sizes: [Int64] = [512, 12 * 1024 + 300, 1_572_864, 25 * 1_048_576]
        XCTAssertEqual(sizes.map { ByteSize.text($0, in: .english) }, ["512 B", "12 KB", "1.5 MB", "25.0 MB"])
        XCTAssertEqual(sizes.map { ByteSize.text($0, in: .french) }, ["512 o", "12 Ko", "1,5 Mo", "25,0 Mo"])
        XCTAssertEqual(sizes.map { ByteSize.text($0, in: .german) }, ["512 B", "12 KB", "1,5 MB", "25,0 MB"])
        XCTAssertEqual(sizes.map { ByteSize.text($0, in: .japanese) }, ["512 B", "12 KB", "1.5 MB", "25.0 MB"])
        // Rounded to the nearest tenth, as before.
        XCTAssertEqual(ByteSize.text(1_200_000, in: .english), "1.1 MB")
        XCTAssertEqual(ByteSize.text(1_100_000, in: .french), "1,0 Mo")
    }

    func testCompactCounts() {
        let values = [999, 12_345, 999_993, 1_234_567, 123_456_789]
        XCTAssertEqual(values.map { CompactCount.text($0, in: .english) }, ["999", "12.3k", "999k", "1.2M", "123M"])
        XCTAssertEqual(values.map { CompactCount.text($0, in: .french) }, ["999", "12,3k", "999k", "1,2M", "123M"])
        XCTAssertEqual(values.map { CompactCount.text($0, in: .german) }, ["999", "12,3k", "999k", "1,2M", "123M"])
        // Japanese counts in 万 (10⁴) and 億 (10⁸).
        XCTAssertEqual(values.map { CompactCount.text($0, in: .japanese) }, ["999", "1.2万", "99.9万", "123万", "1.2億"])
    }
}
