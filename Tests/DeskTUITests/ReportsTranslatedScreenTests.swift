import DeskModel
import XCTest

@testable import DeskTUI

/// The Reports screen in French and Japanese (#14): no English word left, labels not cut,
/// columns aligned also with wide characters, at 80x24 and 132x40, with and without colour.
final class ReportsTranslatedScreenTests: XCTestCase {
    func testFrenchChartAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .french, charts: true), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40   Rapports
             Rapport : 30 jours à partir du 2024-05-03
             Ouverts 122 · Fermés 109 · En cours 1 238
            
             Ouverts et fermés par jour
             ouverts ▃▄▂▄▅▁ ▄▆▃▄▂ ▁▆▅▄▃▄▂ ▂▄█▃▂▁ ▄▂ maximum 12
             fermés  ▂▄▃▃▄ ▁▃▄▄▄▃▁ ▄▆▄▄▃▂ ▃▃▅▄▂ ▁▄▂
                     05-03                    06-01
            
             Tickets en cours par statut et urgence
                        Critique  Grave  Faible  Aucune  total
               nouveau         2      3       0       4      9
               ouvert          1      6       5   1 204  1 216
               attente         0      0       3       7     10
               proposé         0      1       0       2      3
               total           3     10       8   1 217  1 238
            
             Délais par niveau de support (objectifs en heures ouvrées)
               première réponse   p50   p90  dans l'objectif  tickets
                 premium          18m  1h35              92%       24
                 prioritaire      42m    4h              83%       40
                 standard        2h05   15h              79%       61
               résolution         p50   p90  dans l'objectif  tickets
             [ ] période  r recalculer  j/k défiler  esc fermer
            """)
    }

    func testFrenchPlainNumbersAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, language: .french, charts: false), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40   Rapports
             Rapport : 30 jours à partir du 2024-05-03
             Ouverts 122 · Fermés 109 · En cours 1 238
            
             Ouverts et fermés par jour                                         Délais par niveau de support (objectifs en heures ouvrées)
               jour   ouverts  fermés    jour   ouverts  fermés                   première réponse   p50   p90  dans l'objectif  tickets
               05-03        4       2    05-18        7       8                     premium          18m  1h35              92%       24
               05-04        6       5    05-19        5       5                     prioritaire      42m    4h              83%       40
               05-05        3       4    05-20        4       5                     standard        2h05   15h              79%       61
               05-06        5       4    05-21        6       4                   résolution         p50   p90  dans l'objectif  tickets
               05-07        7       6    05-22        2       2                     premium           5h   48h              79%       19
               05-08        1       0    05-23        0       0                     prioritaire        –     –                –        0
               05-09        0       1    05-24        3       4                     standard         48h  240h              78%       50
               05-10        5       4    05-25        5       4
               05-11        8       6    05-26       12       7                 Organisations les plus actives
               05-12        4       5    05-27        4       6                   organisation                                ouverts  en cours
               05-13        6       5    05-28        2       3                   Umbra                                            38         9
               05-14        3       4    05-29        1       0                   Northwind Traders                                27         6
               05-15        0       1    05-30        0       1                   東京ロジスティクス                               15         4
               05-16        1       0    05-31        6       5                   Café Lumière                                      9         2
               05-17        9       6    06-01        3       2                   Blue Harbour Shipping and Logistics Inter…        8         3
            
             Tickets en cours par statut et urgence                             Charge des agents
                        Critique  Grave  Faible  Aucune  total                    agent  en cours  fermés
               nouveau         2      3       0       4      9                    ana          14      41
               ouvert          1      6       5   1 204  1 216                    ben           9      33
               attente         0      0       3       7     10                    chidi         0      12
               proposé         0      1       0       2      3                    yuki          5      20
               total           3     10       8   1 217  1 238
            
            
            
            
            
            
            
            
            
            
             [ ] période  r recalculer  j/k défiler  esc fermer
            """)
    }

    func testFrenchScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .french, charts: false, scroll: 100), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40   Rapports
                 premium          18m  1h35              92%       24
                 prioritaire      42m    4h              83%       40
                 standard        2h05   15h              79%       61
               résolution         p50   p90  dans l'objectif  tickets
                 premium           5h   48h              79%       19
                 prioritaire        –     –                –        0
                 standard         48h  240h              78%       50
            
             Organisations les plus actives
               organisation                                               ouverts  en cours
               Umbra                                                           38         9
               Northwind Traders                                               27         6
               東京ロジスティクス                                              15         4
               Café Lumière                                                     9         2
               Blue Harbour Shipping and Logistics International Holdin…        8         3
            
             Charge des agents
               agent  en cours  fermés
               ana          14      41
               ben           9      33
               chidi         0      12
               yuki          5      20
             [ ] période  r recalculer  j/k défiler  esc fermer
            """)
    }

    func testJapanesePlainNumbersAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .japanese, charts: false), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   レポート
             レポート: 2024-05-03 から 30 日間
             受付 122 件 · クローズ 109 件 · 未完了 1,238 件
            
             日別の受付件数とクローズ件数
               日付   受付  クローズ    日付   受付  クローズ    日付   受付  クローズ
               05-03     4         2    05-13     6         5    05-23     0         0
               05-04     6         5    05-14     3         4    05-24     3         4
               05-05     3         4    05-15     0         1    05-25     5         4
               05-06     5         4    05-16     1         0    05-26    12         7
               05-07     7         6    05-17     9         6    05-27     4         6
               05-08     1         0    05-18     7         8    05-28     2         3
               05-09     0         1    05-19     5         5    05-29     1         0
               05-10     5         4    05-20     4         5    05-30     0         1
               05-11     8         6    05-21     6         4    05-31     6         5
               05-12     4         5    05-22     2         2    06-01     3         2
            
             ステータス・緊急度別の未完了チケット
                         緊急  高  低   なし   合計
               新規         2   3   0      4      9
               対応中       1   6   5  1,204  1,216
               回答待ち     0   0   3      7     10
               解決提案     0   1   0      2      3
             [ ] 期間  r 再計算  j/k スクロール  esc 閉じる
            """)
    }

    func testJapaneseChartAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, language: .japanese, charts: true), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40   レポート
             レポート: 2024-05-03 から 30 日間
             受付 122 件 · クローズ 109 件 · 未完了 1,238 件
            
             日別の受付件数とクローズ件数                                       サポートレベル別の対応時間（目標は営業時間）
             受付     ▃▄▂▄▅▁ ▄▆▃▄▂ ▁▆▅▄▃▄▂ ▂▄█▃▂▁ ▄▂ 最大 12                      初回応答           p50   p90  目標内  件数
             クローズ ▂▄▃▃▄ ▁▃▄▄▄▃▁ ▄▆▄▄▃▂ ▃▃▅▄▂ ▁▄▂                                プレミアム       18m  1h35     92%    24
                      05-03                    06-01                                プライオリティ   42m    4h     83%    40
                                                                                    スタンダード    2h05   15h     79%    61
             ステータス・緊急度別の未完了チケット                                 解決               p50   p90  目標内  件数
                         緊急  高  低   なし   合計                                 プレミアム        5h   48h     79%    19
               新規         2   3   0      4      9                                 プライオリティ     –     –       –     0
               対応中       1   6   5  1,204  1,216                                 スタンダード     48h  240h     78%    50
               回答待ち     0   0   3      7     10
               解決提案     0   1   0      2      3                             チケットの多い組織
               合計         3  10   8  1,217  1,238                               組織                                             受付  未完了
                                                                                  Umbra                                              38       9
                                                                                  Northwind Traders                                  27       6
                                                                                  東京ロジスティクス                                 15       4
                                                                                  Café Lumière                                        9       2
                                                                                  Blue Harbour Shipping and Logistics Internatio…     8       3
            
                                                                                担当者の負荷
                                                                                  担当者  未完了  クローズ
                                                                                  ana         14        41
                                                                                  ben          9        33
                                                                                  chidi        0        12
                                                                                  yuki         5        20
            
            
            
            
            
            
            
            
            
            
            
             [ ] 期間  r 再計算  j/k スクロール  esc 閉じる
            """)
    }

    func testJapaneseScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .japanese, charts: true, scroll: 100), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   レポート
                 プレミアム       18m  1h35     92%    24
                 プライオリティ   42m    4h     83%    40
                 スタンダード    2h05   15h     79%    61
               解決               p50   p90  目標内  件数
                 プレミアム        5h   48h     79%    19
                 プライオリティ     –     –       –     0
                 スタンダード     48h  240h     78%    50
            
             チケットの多い組織
               組織                                                        受付  未完了
               Umbra                                                         38       9
               Northwind Traders                                             27       6
               東京ロジスティクス                                            15       4
               Café Lumière                                                   9       2
               Blue Harbour Shipping and Logistics International Holdings     8       3
            
             担当者の負荷
               担当者  未完了  クローズ
               ana         14        41
               ben          9        33
               chidi        0        12
               yuki         5        20
             [ ] 期間  r 再計算  j/k スクロール  esc 閉じる
            """)
    }

    func testJapaneseChartAtTheNarrowestScreen() {
        assertScreen(ReportFixture.render(size: TerminalSize(columns: 40, rows: 24), language: .japanese, charts: true), """
             ana  1  2 進行 5  3  4  5   レポート
             レポート: 2024-05-03 から 30 日間
             受付 122 件 · クローズ 109 件 · 未完…
            
             日別の受付件数とクローズ件数
             受付     ▃▄▄▅▁▄▆▄▂▁▆▅▃▄ ▂█▃▂ ▄ 最大 12
             クローズ ▂▄▃▄▁▃▄▄▃▁▄▆▄▃ ▃▅▄▂▁▄
                      05-03           06-01
            
             ステータス・緊急度別の未完了チケット
                         緊急  高  低   なし   合計
               新規         2   3   0      4      9
               対応中       1   6   5  1,204  1,216
               回答待ち     0   0   3      7     10
               解決提案     0   1   0      2      3
               合計         3  10   8  1,217  1,238
            
             サポートレベル別の対応時間（目標は営…
               初回応答     p50   p90  目標内  件数
                 プレミ…    18m  1h35     92%    24
                 プライ…    42m    4h     83%    40
                 スタン…   2h05   15h     79%    61
               解決         p50   p90  目標内  件数
             [ ] 期間  r 再計算  j/k スクロール
            """)
    }
}
