import DeskModel
import XCTest

@testable import DeskTUI

/// The client in Japanese: the list, an open ticket, the new-ticket form, the help, the status
/// menu and the command line at 80x24 and 132x40 (`TranslatedScreens`); labels whole, or cut
/// with "…" where the English ones are too (the help's columns at 80).
final class JapaneseScreenTests: XCTestCase {
    let screens = TranslatedScreens(.japanese)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
                 # 状態     緊急度   件名                           1/5 依頼者 · 組…    更新
             #1042 対応中   高       VPN drops every hour               carl · Umbra     5分
             #1041 新規              Invoice shows the wrong VAT number dora · Umbra   3時間
             #1040 回答待ち 低       Cannot export the monthly report … carl · Umbra     2日
             #1039 解決提案 緊急     Mail server down for the whole of… dora · Umbra     3週
             #1038 クローズ          Password reset link expired        carl · Umbra     1年
















             enter 開く  r 返信  i メモ  S 状態  a 割当  n 新規  / 検索  s 並替  ? ヘルプ
            """)
    }

    func testListAt132x40() {
        assertScreen(screens.list(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ チケットが開かれていません: Enter で選択中のチケットを開きます
             #1042 対応中   高       VPN drops every ho…     5分│
             #1041 新規              Invoice shows the …   3時間│
             #1040 回答待ち 低       Cannot export the …     2日│
             #1039 解決提案 緊急     Mail server down f…     3週│
             #1038 クローズ          Password reset lin…     1年│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             enter 開く  r 返信  i メモ  S 状態  a 割当  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
             #1042 VPN drops every hour
             ステータス    対応中
             種類          障害
             緊急度        高
             依頼者        Carl Meyer (carl)
             組織          Umbra
             担当者        Ana Lind (ana)
             製品          VPN › Client
             作成日時      2024年5月30日 09:00 (2日前)
             更新日時      2024年6月1日 11:55 (5分前)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             履歴 (6)
             ● Carl Meyer (顧客) · 2024年5月30日 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (担当者) · 2024年5月30日 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter 開く  r 返信  S 状態  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    func testOpenTicketAt132x40() {
        assertScreen(screens.openTicket(Fixture.size132), """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                        並び順: 新しい順
                 # 状態          件名     1/5 依頼者        更新│ #1042 VPN drops every hour
             #1042 対応中        VPN drops e… carl           5分│ ステータス    対応中
             #1041 対応中        Invoice sho… dora         3時間│ 種類          障害
             #1040 要対応        Cannot expo… carl           2日│ 緊急度        高
             #1039 解決案        Mail server… dora           3週│ 依頼者        Carl Meyer (carl)
             #1038 クローズ済み  Password re… carl           1年│ 組織          Umbra
                                                                │ 担当者        Ana Lind (ana)
                                                                │ 製品          VPN › Client
                                                                │ 作成日時      2024年5月30日 09:00 (2日前)
                                                                │ 更新日時      2024年6月1日 11:55 (5分前)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ 履歴 (6)
                                                                │ ● Carl Meyer (顧客) · 2024年5月30日 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (担当者) · 2024年5月30日 11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (担当者) · 2024年5月30日 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ └─● Carl Meyer (顧客) · 2024年5月30日 13:00
                                                                │     Thanks!
                                                                │ · 2024年5月30日 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             enter 開く  r 返信  S 状態  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40      並び順: 新しい順
             新規チケット
             件名         Printer jams
             種類         ‹ 質問 ›
             製品         Printers
             カテゴリ
             サブカテゴリ
             緊急度         高
             連絡方法       ポータル
             ウォッチャー
             説明
             The tray jams
             every morning.










             ctrl-s 送信  esc 閉じる(保持)  ctrl-e エディタ  tab 次の項目
            """)
    }

    func testComposerAt132x40() {
        assertScreen(screens.composer(Fixture.size132), """
             Acme Support · carl (顧客)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                        並び順: 新しい順
                 # 状態          件名     1/5 依頼者        更新│ チケットが開かれていません: Enter で選択中のチケットを開きます
             #1042 対応中        VPN drops e… carl           5分│
             #1041 対応中        Invoice sho… dora         3時間│
             #1040 要対応        Cannot expo… carl           2日│
             #1039 解決案        Mail server… dora           3週│
             #1038 クローズ済み  Password re… carl           1年│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │ 新規チケット
                                                                │ 件名         Printer jams
                                                                │ 種類         ‹ 質問 ›
                                                                │ 製品         Printers
                                                                │ カテゴリ
                                                                │ サブカテゴリ
                                                                │ 緊急度         高
                                                                │ 連絡方法       ポータル
                                                                │ ウォッチャー
                                                                │ 説明
                                                                │ The tray jams
                                                                │ every morning.
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ctrl-s 送信  esc 閉じる(保持)  ctrl-e エディタ  tab 次の項目
            """)
    }

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
             ┌─ キー ─────────────────────────────────────────────────────────────────────┐
             │ j down       次のチケット / 下へス…   Q            選択したメッセージを引… │
             │ k up         前のチケット / 上へス…   v            添付ファイル: 開く、保… │
             │ pgdn space   次のページ               t            行をマーク / 解除       │
             │ pgup b       前のページ               T            ビュー全体をマーク      │
             │ g home       最初のチケット / 先頭    N            未読にする              │
             │ G end        最後のチケット / 末尾    W            ウォッチャーの追加 / …  │
             │ enter        選択中のチケットを開く   y            「#42 件名」をコピー    │
             │ tab          次のペイン               K            記事（ナレッジベース）  │
             │ shift-tab    前のペイン               z            メッセージの引用履歴を… │
             │ 1            ビュー: 最近             Z            すべての引用履歴を折り… │
             │ 2            ビュー: 進行中           M            受け取るメール通知      │
             │ 3            ビュー: 自分             E            開いているチケットを編… │
             │ 4            ビュー: 未完了すべて     D            レポート: チームリーダ… │
             │ 5            ビュー: すべて           P            折り返し電話の依頼を引… │
             │ s            並び順: 作成 / 更新 / …  O            折り返し電話の結果：re… │
             │ o            順序を反転               ctrl-s       作成欄: 送信            │
             │ /            全文検索                 esc          作成欄: 閉じる (下書き… │
             │ #            番号でチケットへ移動     ctrl-x       作成欄: 下書きを破棄    │
             │                                                                            │
             │ ↓ 下に続きあり · 35 行中 1–18 行                                           │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup スクロール  他のキー 閉じる
            """)
    }

    func testHelpAt132x40() {
        assertScreen(screens.help(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
             ┌─ キー ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
             │ j down       次のチケット / 下へスクロール                      Q            選択したメッセージを引用                          │
             │ k up         前のチケット / 上へスクロール                      v            添付ファイル: 開く、保存                          │
             │ pgdn space   次のページ                                         t            行をマーク / 解除                                 │
             │ pgup b       前のページ                                         T            ビュー全体をマーク                                │
             │ g home       最初のチケット / 先頭                              N            未読にする                                        │
             │ G end        最後のチケット / 末尾                              W            ウォッチャーの追加 / 削除                         │
             │ enter        選択中のチケットを開く                             y            「#42 件名」をコピー                              │
             │ tab          次のペイン                                         K            記事（ナレッジベース）                            │
             │ shift-tab    前のペイン                                         z            メッセージの引用履歴を折りたたむ／展開する        │
             │ 1            ビュー: 最近                                       Z            すべての引用履歴を折りたたむ／展開する            │
             │ 2            ビュー: 進行中                                     M            受け取るメール通知                                │
             │ 3            ビュー: 自分                                       E            開いているチケットを編集                          │
             │ 4            ビュー: 未完了すべて                               D            レポート: チームリーダー向けの数値                │
             │ 5            ビュー: すべて                                     P            折り返し電話の依頼を引き受ける (✆)                │
             │ s            並び順: 作成 / 更新 / トリアージ                   O            折り返し電話の結果：reached、no-answer、reschedu… │
             │ o            順序を反転                                         ctrl-s       作成欄: 送信                                      │
             │ /            全文検索                                           esc          作成欄: 閉じる (下書き保持)                       │
             │ #            番号でチケットへ移動                               ctrl-x       作成欄: 下書きを破棄                              │
             │ n            新規チケット                                       ctrl-e       作成欄: $EDITOR                                   │
             │ r            返信                                               tab          作成欄: 次の項目                                  │
             │ i            内部メモ                                           shift-tab    作成欄: 前の項目                                  │
             │ S            ステータス変更                                     f1           作成欄: このヘルプ                                │
             │ a            担当者に割り当て                                   ctrl-t       作成欄: 返信の意図                                │
             │ A            自分に割り当て                                     ctrl-o       作成欄: ファイルを添付                            │
             │ w            ウォッチ / 解除                                    f2           新しいチケット：役立つかもしれない記事            │
             │ f            終了したチケットの継続                             ctrl-k       返信：記事へのリンクを挿入                        │
             │ R ctrl-l     再読み込み                                         ← →          作成欄: 選択肢                                    │
             │ esc          検索・作成欄・チケットを閉じる                     enter        作成欄: ウォッチャーを選択                        │
             │ q            戻る、その後終了                                   r            重複: そちらに返信                                │
             │ ctrl-c       終了 (下書きは保持)                                c            重複: そのまま作成                                │
             │ ? f1         このヘルプ                                         esc e        重複: 編集を続ける                                │
             │ 6 7 8 9      保存したビュー 1-4 (タブ)                          y            確認: はい                                        │
             │ :            コマンド行 (Tab で補完)                            n esc enter  確認: いいえ (既定)                               │
             │ ]            次のメッセージを選択                               y            記事：解決した（チケットは作成しない）            │
             │ [            前のメッセージを選択                               ctrl-t       選択：記事の本文を挿入                            │
             └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                │
             任意のキー 閉じる
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
             #1042 VPN drops every hour
             ステータス    対応中
             種類          障害
             緊急度        高
             依頼者        Carl Meyer (carl)
             組織          Umbra
             担当者        Ana Lind (ana)
             製品          VPN › C┌─ 2 件のチケットのステータス変更 ─┐
             作成日時      2024年5│ 1  対応中                        │
             更新日時      2024年6│ 2  お客様の返信待ち              │
                                  │ 3  確認待ち                      │
             Since Monday the VPN │ 4  クローズ済み                  │r and needs a
             restart.             │                                  │
                                  │ ↑/↓ 選択 · Enter 適用 · Esc 取消 │
             履歴 (7)             └──────────────────────────────────┘
             ● Carl Meyer (顧客) · 2024年5月30日 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (担当者) · 2024年5月30日 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ 選択  enter 適用  esc 取消
            """)
    }

    func testStatusMenuAt132x40() {
        assertScreen(screens.statusMenu(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ #1042 VPN drops every hour
             #1042 対応中   高       VPN drops every ho…     5分│ ステータス    対応中
             #1041 新規              Invoice shows the …   3時間│ 種類          障害
            *#1040 回答待ち 低       Cannot export the …     2日│ 緊急度        高
            *#1039 解決提案 緊急     Mail server down f…     3週│ 依頼者        Carl Meyer (carl)
             #1038 クローズ          Password reset lin…     1年│ 組織          Umbra
                                                                │ 担当者        Ana Lind (ana)
                                                                │ 製品          VPN › Client
                                                                │ 作成日時      2024年5月30日 09:00 (2日前)
                                                                │ 更新日時      2024年6月1日 11:55 (5分前)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ 履歴 (7)
                                                            ┌─ 2 件のチケットのステータス変更 ─┐ 30日 10:00
                                                            │ 1  対応中                        │g while I was on a call with a customer, and
                                                            │ 2  お客様の返信待ち              │o minutes.
                                                            │ 3  確認待ち                      │5月30日 11:00
                                                            │ 4  クローズ済み                  │u run?
                                                            │                                  │年5月30日 11:30
                                                            │ ↑/↓ 選択 · Enter 適用 · Esc 取消 │4.
                                                            └──────────────────────────────────┘24年5月30日 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ ├─● Ben Okafor (担当者) · 2024年5月30日 11:15  内部メモ
                                                                │ │   Same as #998: vendor case 7731.
                                                                │ └─● Carl Meyer (顧客) · 2024年5月30日 13:00
                                                                │     Thanks!
                                                                │ · 2024年5月30日 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ↑/↓ 選択  enter 適用  esc 取消
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
                 # 状態     緊急度   件名                           1/5 依頼者 · 組…    更新
             #1042 対応中   高       VPN drops every hour               carl · Umbra     5分
             #1041 新規              Invoice shows the wrong VAT number dora · Umbra   3時間
             #1040 回答待ち 低       Cannot export the monthly report … carl · Umbra     2日
             #1039 解決提案 緊急     Mail server down for the whole of… dora · Umbra     3週
             #1038 クローズ          Password reset link expired        carl · Umbra     1年















              recent  active  mine  open  all
            :view active                                   名前: ビューまたは保存したビュー
            """)
    }

    func testCommandLineAt132x40() {
        assertScreen(screens.commandLine(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ チケットが開かれていません: Enter で選択中のチケットを開きます
             #1042 対応中   高       VPN drops every ho…     5分│
             #1041 新規              Invoice shows the …   3時間│
             #1040 回答待ち 低       Cannot export the …     2日│
             #1039 解決提案 緊急     Mail server down f…     3週│
             #1038 クローズ          Password reset lin…     1年│
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
            :assign                                                                                                  ハンドル|me|none: 割り当て
            """)
    }
}
