import DeskModel
import XCTest

@testable import DeskTUI

/// The client in Japanese: the list, an open ticket, the form, the help, a menu and the command
/// line at 80x24 and 132x40 (`TranslatedScreens`), every label whole.
final class JapaneseScreenTests: XCTestCase {
    let screens = TranslatedScreens(.japanese)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   並び順: newest first
                 # 状態     緊急度   件名                           1/5 依頼者 · 組…    更新
             #1042 対応中   高       VPN drops every hour               carl · Umbra      5m
             #1041 新規              Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 回答待ち 低       Cannot export the monthly report … carl · Umbra      2d
             #1039 解決提案 緊急     Mail server down for the whole of… dora · Umbra      3w
             #1038 終了              Password reset link expired        carl · Umbra      1y
















             enter 開く  r 返信  i メモ  S 状態  a 割当  n 新規  / 検索  s 並替  ? ヘルプ
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40  並び順: newest first
             #1042 VPN drops every hour
             ステータス    Open
             種類          障害
             緊急度        高
             依頼者        Carl Meyer (carl)
             組織          Umbra
             担当者        Ana Lind (ana)
             製品          VPN › Client
             作成日時      2024-05-30 09:00 (2d)
             更新日時      2024-06-01 11:55 (5m)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             履歴 (6)
             ● Carl Meyer (顧客) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (担当者) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (顧客) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter 開く  r 返信  S 状態  n 新規  / 検索  s 並替  ? ヘルプ  q 戻る
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40  並び順: newest first
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

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   並び順: newest first
             ┌─ キー ─────────────────────────────────────────────────────────────────────┐
             │ j down       次のチケット / 下へス…   ctrl-c       終了 (下書きは保持)     │m
             │ k up         前のチケット / 上へス…   ? f1         このヘルプ              │h
             │ pgdn space   次のページ               6 7 8 9      保存したビュー 1-4 (タ… │d
             │ pgup b       前のページ               :            コマンド行 (Tab で補完) │w
             │ g home       最初のチケット / 先頭    ]            次のメッセージを選択    │y
             │ G end        最後のチケット / 末尾    [            前のメッセージを選択    │
             │ enter        選択中のチケットを開く   Q            選択したメッセージを引… │
             │ tab          次のペイン               v            添付ファイル: 開く、保… │
             │ shift-tab    前のペイン               t            行をマーク / 解除       │
             │ 1            ビュー: Recent           T            ビュー全体をマーク      │
             │ 2            ビュー: Active           N            未読にする              │
             │ 3            ビュー: Mine             W            ウォッチャーの追加 / …  │
             │ 4            ビュー: All open         y            「#42 件名」をコピー    │
             │ 5            ビュー: All              ctrl-s       作成欄: 送信            │
             │ s            並び順: 作成 / 更新 / …  esc          作成欄: 閉じる (下書き… │
             │ o            順序を反転               ctrl-x       作成欄: 下書きを破棄    │
             │ /            全文検索                 ctrl-e       作成欄: $EDITOR         │
             │ #            番号でチケットへ移動     tab          作成欄: 次の項目        │
             │                                                                            │
             │ ↓ 下に続きあり · 29 行中 1–18 行                                           │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup スクロール  他のキー 閉じる
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   並び順: newest first
             #1042 VPN drops every hour
             ステータス    Open
             種類          障害
             緊急度        高
             依頼者        Carl Meyer (carl)
             組織          Umbra
             担当者        Ana Lind (ana)
             製品          VPN › C┌─ 2 件のチケットのステータス変更 ─┐
             作成日時      2024-05│ 1  Open                          │
             更新日時      2024-06│ 2  Awaiting customer             │
                                  │ 3  Pending                       │
             Since Monday the VPN │ 4  Closed                        │r and needs a
             restart.             │                                  │
                                  │ ↑/↓ 選択 · Enter 適用 · Esc 取消 │
             履歴 (7)             └──────────────────────────────────┘
             ● Carl Meyer (顧客) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (担当者) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (顧客) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ 選択  enter 適用  esc 取消
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40   並び順: newest first
                 # 状態     緊急度   件名                           1/5 依頼者 · 組…    更新
             #1042 対応中   高       VPN drops every hour               carl · Umbra      5m
             #1041 新規              Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 回答待ち 低       Cannot export the monthly report … carl · Umbra      2d
             #1039 解決提案 緊急     Mail server down for the whole of… dora · Umbra      3w
             #1038 終了              Password reset link expired        carl · Umbra      1y















              recent  active  mine  open  all
            :view active                                   名前: ビューまたは保存したビュー
            """)
    }
}
