import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The Reports screen as a reader sees it (#14), whole screens at 80x24 and 132x40: the
/// per-day chart on a colour terminal, plain numbers without colour; the other sections are
/// the same either way.
final class ReportsLiteralScreenTests: XCTestCase {
    func testChartAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: true), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   Reports
             Report: 30 days from 2024-05-03
             Opened 122 · Closed 109 · Backlog 1,238
            
             Opened and closed per day
             opened ▃▄▂▄▅▁ ▄▆▃▄▂ ▁▆▅▄▃▄▂ ▂▄█▃▂▁ ▄▂ peak 12
             closed ▂▄▃▃▄ ▁▃▄▄▄▃▁ ▄▆▄▄▃▂ ▃▃▅▄▂ ▁▄▂
                    05-03                    06-01
            
             Backlog by status and urgency
                         Critical  Serious  Low   None  total
               new              2        3    0      4      9
               open             1        6    5  1,204  1,216
               awaiting         0        0    3      7     10
               pending          0        1    0      2      3
               total            3       10    8  1,217  1,238
            
             Response times by support tier (targets in working time)
               first response   p50   p90  within target  tickets
                 premium        18m  1h35            92%       24
                 priority       42m    4h            83%       40
                 standard      2h05   15h            79%       61
               resolution       p50   p90  within target  tickets
             [ ] period  r recompute  j/k scroll  esc close
            """)
    }

    func testPlainNumbersWithoutColourAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: false), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   Reports
             Report: 30 days from 2024-05-03
             Opened 122 · Closed 109 · Backlog 1,238
            
             Opened and closed per day
               day    opened  closed    day    opened  closed    day    opened  closed
               05-03       4       2    05-13       6       5    05-23       0       0
               05-04       6       5    05-14       3       4    05-24       3       4
               05-05       3       4    05-15       0       1    05-25       5       4
               05-06       5       4    05-16       1       0    05-26      12       7
               05-07       7       6    05-17       9       6    05-27       4       6
               05-08       1       0    05-18       7       8    05-28       2       3
               05-09       0       1    05-19       5       5    05-29       1       0
               05-10       5       4    05-20       4       5    05-30       0       1
               05-11       8       6    05-21       6       4    05-31       6       5
               05-12       4       5    05-22       2       2    06-01       3       2
            
             Backlog by status and urgency
                         Critical  Serious  Low   None  total
               new              2        3    0      4      9
               open             1        6    5  1,204  1,216
               awaiting         0        0    3      7     10
               pending          0        1    0      2      3
             [ ] period  r recompute  j/k scroll  esc close
            """)
    }

    func testScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: true, scroll: 100), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40   Reports
                 premium        18m  1h35            92%       24
                 priority       42m    4h            83%       40
                 standard      2h05   15h            79%       61
               resolution       p50   p90  within target  tickets
                 premium         5h   48h            79%       19
                 priority         –     –              –        0
                 standard       48h  240h            78%       50
            
             Busiest organisations
               organisation                                                opened  open now
               Umbra                                                           38         9
               Northwind Traders                                               27         6
               東京ロジスティクス                                              15         4
               Café Lumière                                                     9         2
               Blue Harbour Shipping and Logistics International Holdings       8         3
            
             Agent load
               agent  open now  closed
               ana          14      41
               ben           9      33
               chidi         0      12
               yuki          5      20
             [ ] period  r recompute  j/k scroll  esc close
            """)
    }

    func testChartAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, charts: true), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40   Reports
             Report: 30 days from 2024-05-03
             Opened 122 · Closed 109 · Backlog 1,238
            
             Opened and closed per day                                          Response times by support tier (targets in working time)
             opened ▃▄▂▄▅▁ ▄▆▃▄▂ ▁▆▅▄▃▄▂ ▂▄█▃▂▁ ▄▂ peak 12                        first response   p50   p90  within target  tickets
             closed ▂▄▃▃▄ ▁▃▄▄▄▃▁ ▄▆▄▄▃▂ ▃▃▅▄▂ ▁▄▂                                  premium        18m  1h35            92%       24
                    05-03                    06-01                                  priority       42m    4h            83%       40
                                                                                    standard      2h05   15h            79%       61
             Backlog by status and urgency                                        resolution       p50   p90  within target  tickets
                         Critical  Serious  Low   None  total                       premium         5h   48h            79%       19
               new              2        3    0      4      9                       priority         –     –              –        0
               open             1        6    5  1,204  1,216                       standard       48h  240h            78%       50
               awaiting         0        0    3      7     10
               pending          0        1    0      2      3                   Busiest organisations
               total            3       10    8  1,217  1,238                     organisation                                 opened  open now
                                                                                  Umbra                                            38         9
                                                                                  Northwind Traders                                27         6
                                                                                  東京ロジスティクス                               15         4
                                                                                  Café Lumière                                      9         2
                                                                                  Blue Harbour Shipping and Logistics Intern…       8         3
            
                                                                                Agent load
                                                                                  agent  open now  closed
                                                                                  ana          14      41
                                                                                  ben           9      33
                                                                                  chidi         0      12
                                                                                  yuki          5      20
            
            
            
            
            
            
            
            
            
            
            
             [ ] period  r recompute  j/k scroll  esc close
            """)
    }

    func testPlainNumbersWithoutColourAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, charts: false), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40   Reports
             Report: 30 days from 2024-05-03
             Opened 122 · Closed 109 · Backlog 1,238
            
             Opened and closed per day                                          Response times by support tier (targets in working time)
               day    opened  closed    day    opened  closed                     first response   p50   p90  within target  tickets
               05-03       4       2    05-18       7       8                       premium        18m  1h35            92%       24
               05-04       6       5    05-19       5       5                       priority       42m    4h            83%       40
               05-05       3       4    05-20       4       5                       standard      2h05   15h            79%       61
               05-06       5       4    05-21       6       4                     resolution       p50   p90  within target  tickets
               05-07       7       6    05-22       2       2                       premium         5h   48h            79%       19
               05-08       1       0    05-23       0       0                       priority         –     –              –        0
               05-09       0       1    05-24       3       4                       standard       48h  240h            78%       50
               05-10       5       4    05-25       5       4
               05-11       8       6    05-26      12       7                   Busiest organisations
               05-12       4       5    05-27       4       6                     organisation                                 opened  open now
               05-13       6       5    05-28       2       3                     Umbra                                            38         9
               05-14       3       4    05-29       1       0                     Northwind Traders                                27         6
               05-15       0       1    05-30       0       1                     東京ロジスティクス                               15         4
               05-16       1       0    05-31       6       5                     Café Lumière                                      9         2
               05-17       9       6    06-01       3       2                     Blue Harbour Shipping and Logistics Intern…       8         3
            
             Backlog by status and urgency                                      Agent load
                         Critical  Serious  Low   None  total                     agent  open now  closed
               new              2        3    0      4      9                     ana          14      41
               open             1        6    5  1,204  1,216                     ben           9      33
               awaiting         0        0    3      7     10                     chidi         0      12
               pending          0        1    0      2      3                     yuki          5      20
               total            3       10    8  1,217  1,238
            
            
            
            
            
            
            
            
            
            
             [ ] period  r recompute  j/k scroll  esc close
            """)
    }

    /// The narrowest terminal the client draws in (40 columns): the chart still fits, a
    /// column for a day or two.
    func testChartAtTheNarrowestScreen() {
        assertScreen(ReportFixture.render(size: TerminalSize(columns: 40, rows: 24), charts: true), """
             ana  1  2 Act 5  3  4  5   Reports
             Report: 30 days from 2024-05-03
             Opened 122 · Closed 109 · Backlog 1,2…
            
             Opened and closed per day
             opened ▃▄▂▅▁ ▆▃▄▂▁▆▅▄▄▂▂▄█▃▁ ▄ peak 12
             closed ▂▄▃▄ ▁▄▄▄▃ ▄▆▄▃▂▃▃▅▄ ▁▄
                    05-03             06-01
            
             Backlog by status and urgency
                         …  S…  …   None  total
               new       2   3  0      4      9
               open      1   6  5  1,204  1,216
               awaiting  0   0  3      7     10
               pending   0   1  0      2      3
               total     3  10  8  1,217  1,238
            
             Response times by support tier (targe…
               first response   p50   p90  wi…  t…
                 premium        18m  1h35  92%  24
                 priority       42m    4h  83%  40
                 standard      2h05   15h  79%  61
               resolution       p50   p90  wi…  t…
             [ ] period  r recompute  j/k scroll
            """)
    }

    /// Narrower than the client draws (`deskterm report` in a narrow terminal): no room for a
    /// chart, so the days are plain numbers even with colour.
    func testPlainNumbersWhereTheChartDoesNotFit() {
        assertReportText(ReportText.lines(ReportFixture.report, width: 26, language: .english, charts: true), """
            Report: 30 days from 2024…
            Opened 122 · Closed 109 ·…
            
            Opened and closed per day
              day    opened  closed
              05-03       4       2
              05-04       6       5
              05-05       3       4
              05-06       5       4
              05-07       7       6
              05-08       1       0
              05-09       0       1
              05-10       5       4
              05-11       8       6
              05-12       4       5
              05-13       6       5
              05-14       3       4
              05-15       0       1
              05-16       1       0
              05-17       9       6
              05-18       7       8
              05-19       5       5
              05-20       4       5
              05-21       6       4
              05-22       2       2
              05-23       0       0
              05-24       3       4
              05-25       5       4
              05-26      12       7
              05-27       4       6
              05-28       2       3
              05-29       1       0
              05-30       0       1
              05-31       6       5
              06-01       3       2
            
            Backlog by status and urg…
                 …  S…  …   None  total
              …  2   3  0      4      9
              …  1   6  5  1,204  1,216
              …  0   0  3      7     10
              …  0   1  0      2      3
              …  3  10  8  1,217  1,238
            
            Response times by support…
              fi…   p50   p90  wi…  t…
                …   18m  1h35  92%  24
                …   42m    4h  83%  40
                …  2h05   15h  79%  61
              re…   p50   p90  wi…  t…
                …    5h   48h  79%  19
                …     –     –    –   0
                …   48h  240h  78%  50
            
            Busiest organisations
              organ…  opened  open now
              Umbra       38         9
              North…      27         6
              東京…       15         4
              Café …       9         2
              Blue …       8         3
            
            Agent load
              agent  open now  closed
              ana          14      41
              ben           9      33
              chidi         0      12
              yuki          5      20
            """)
    }

    func testJapanesePlainNumbersWhereTheChartDoesNotFit() {
        assertReportText(ReportText.lines(ReportFixture.report, width: 26, language: .japanese, charts: true), """
            レポート: 2024-05-03 から…
            受付 122 件 · クローズ 10…
            
            日別の受付件数とクローズ…
              日付   受付  クローズ
              05-03     4         2
              05-04     6         5
              05-05     3         4
              05-06     5         4
              05-07     7         6
              05-08     1         0
              05-09     0         1
              05-10     5         4
              05-11     8         6
              05-12     4         5
              05-13     6         5
              05-14     3         4
              05-15     0         1
              05-16     1         0
              05-17     9         6
              05-18     7         8
              05-19     5         5
              05-20     4         5
              05-21     6         4
              05-22     2         2
              05-23     0         0
              05-24     3         4
              05-25     5         4
              05-26    12         7
              05-27     4         6
              05-28     2         3
              05-29     1         0
              05-30     0         1
              05-31     6         5
              06-01     3         2
            
            ステータス・緊急度別の未…
                 …  高  …   なし   合計
              …  2   3  0      4      9
              …  1   6  5  1,204  1,216
              …  0   0  3      7     10
              …  0   1  0      2      3
              …  3  10  8  1,217  1,238
            
            サポートレベル別の対応時…
              初…   p50   p90  目…   …
                …   18m  1h35  92%  24
                …   42m    4h  83%  40
                …  2h05   15h  79%  61
              解…   p50   p90  目…   …
                …    5h   48h  79%  19
                …     –     –    –   0
                …   48h  240h  78%  50
            
            チケットの多い組織
              組織        受付  未完了
              Umbra         38       9
              Northwind…    27       6
              東京ロジ…     15       4
              Café Lumi…     9       2
              Blue Harb…     8       3
            
            担当者の負荷
              担当者  未完了  クローズ
              ana         14        41
              ben          9        33
              chidi        0        12
              yuki         5        20
            """)
    }
}

/// Compares report lines with a literal; `DESKTERM_SCREEN_RECORD=DIR` writes the actual text
/// there, as `assertScreen` does.
func assertReportText(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = lines.joined(separator: "\n")
    guard actual != expected else { return }
    if let folder = ProcessInfo.processInfo.environment["DESKTERM_SCREEN_RECORD"] {
        let name = "\(("\(file)" as NSString).lastPathComponent)-\(line).txt"
        try? actual.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    XCTFail("report text differs:\n" + lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n"),
            file: file, line: line)
}
