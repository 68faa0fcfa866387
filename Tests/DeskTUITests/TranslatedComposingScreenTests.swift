import DeskModel
import XCTest

@testable import DeskTUI

/// The reply composer with a quote, the close question and the bulk question in French,
/// German and Japanese at 80x24 and 132x40 (`TranslatedScreens`), each also checked for
/// English outside user content.
final class FrenchComposingScreenTests: XCTestCase {
    let screens = TranslatedScreens(.french)

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt80x24() {
        assertScreen(screens.replyWithQuote(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
             Carl Meyer (client) · 30 mai 2024 11:30
             Version 5.2.1 on macOS 14.
             Réponse à #1042
             Réponse à Carl Meyer, 30 mai 2024 11:30 : Version 5.2.1 on macOS 14.
             Le 30 mai 2024 11:30, Carl Meyer a écrit :
             > Version 5.2.1 on macOS 14.

             OK.














             ctrl-s envoyer  esc fermer, garder  ctrl-e éditeur  tab champ suivant
            """)
    }

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt132x40() {
        assertScreen(screens.replyWithQuote(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ #1042 VPN drops every hour
             #1042 ouvert   Grave    VPN drops every ho…   5 min│ Statut        Ouvert
             #1041 nouveau           Invoice shows the …     3 h│ Type          Incident
             #1040 attente  Faible   Cannot export the …     2 j│ Urgence       Grave
             #1039 proposé  Critique Mail server down f…  3 sem.│ Demandeur     Carl Meyer (carl)
             #1038 fermé             Password reset lin…    1 an│ Organisation  Umbra
                                                                │ Attribué à    Ana Lind (ana)
                                                                │ Produit       VPN › Client
                                                                │ Créé          30 mai 2024 09:00 (il y a 2 j)
                                                                │ Mis à jour    1 juin 2024 11:55 (il y a 5 min)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Historique (7)
                                                                │ ● Carl Meyer (client) · 30 mai 2024 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 30 mai 2024 11:00                                  63%
                                                                │ Réponse à #1042
                                                                │ Réponse à Carl Meyer, 30 mai 2024 11:30 : Version 5.2.1 on macOS 14.
                                                                │ Le 30 mai 2024 11:30, Carl Meyer a écrit :
                                                                │ > Version 5.2.1 on macOS 14.
                                                                │
                                                                │ OK.
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
             ctrl-s envoyer  esc fermer, garder  ctrl-e éditeur  tab champ suivant
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt80x24() {
        assertScreen(screens.closeQuestion(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
             #1042 VPN drops every hour
             Statut        Ouvert
             Type          Incident
             Urgence       Grave
             Demandeur     Carl Meyer (carl)
             Organisation  Umbra
             Attribué à    Ana Lind (ana)
             ┌─ Clore #1042 ──────────────────────────────────────────────────────────────┐
             │ Clore #1042 définitivement ? Il faudra un ticket de suite pour continuer   │
             │ (y/N)                                                                      │
             │                                                                            │
             │ y            le clore définitivement                                       │
             │ n esc enter  le laisser tel quel                                           │
             └────────────────────────────────────────────────────────────────────────────┘
             Historique (7)
             ● Carl Meyer (client) · 30 mai 2024 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 30 mai 2024 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (client) · 30 mai 2024 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             y oui  n non
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt132x40() {
        assertScreen(screens.closeQuestion(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ #1042 VPN drops every hour
             #1042 ouvert   Grave    VPN drops every ho…   5 min│ Statut        Ouvert
             #1041 nouveau           Invoice shows the …     3 h│ Type          Incident
             #1040 attente  Faible   Cannot export the …     2 j│ Urgence       Grave
             #1039 proposé  Critique Mail server down f…  3 sem.│ Demandeur     Carl Meyer (carl)
             #1038 fermé             Password reset lin…    1 an│ Organisation  Umbra
                                                                │ Attribué à    Ana Lind (ana)
                                                                │ Produit       VPN › Client
                                                                │ Créé          30 mai 2024 09:00 (il y a 2 j)
                                                                │ Mis à jour    1 juin 2024 11:55 (il y a 5 min)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Historique (7)
                                                                │ ● Carl Meyer (client) · 30 mai 2024 10:00
                                     ┌─ Clore #1042 ──────────────────────────────────────────────────────────────────┐ with a customer, and
                                     │ Clore #1042 définitivement ? Il faudra un ticket de suite pour continuer (y/N) │
                                     │                                                                                │
                                     │ y            le clore définitivement                                           │
                                     │ n esc enter  le laisser tel quel                                               │
                                     └────────────────────────────────────────────────────────────────────────────────┘
                                                                │ │   └─● Ana Lind (agent) · 30 mai 2024 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ ├─● Ben Okafor (agent) · 30 mai 2024 11:15  NOTE INTERNE
                                                                │ │   Same as #998: vendor case 7731.
                                                                │ └─● Carl Meyer (client) · 30 mai 2024 13:00
                                                                │     Thanks!
                                                                │ · 30 mai 2024 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             y oui  n non
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt80x24() {
        assertScreen(screens.bulkQuestion(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    VPN drops every hour               carl · Umbra   5 min
            •#1041 nouveau           Invoice shows the wrong VAT number dora · Umbra     3 h
            *#1040 attente  Faible   Cannot export the monthly report … carl · Umbra     2 j
            *#1039 proposé  Critique Mail server down for the whole of… dora · Umbra  3 sem.
             #1038 fermé             Password reset link expired        carl · Umbra    1 an

             ┌─ 2 tickets marqués ────────────────────────────────────────────────────────┐
             │ Clore 2 tickets définitivement ? Il faudra un ticket de suite pour         │
             │ continuer chacun d'eux (y/N)                                               │
             │                                                                            │
             │ y            clore les 2 définitivement                                    │
             │ n esc enter  ne rien changer                                               │
             └────────────────────────────────────────────────────────────────────────────┘








             y oui  n non
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt132x40() {
        assertScreen(screens.bulkQuestion(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 ouvert   Grave    VPN drops every ho…   5 min│
            •#1041 nouveau           Invoice shows the …     3 h│
            *#1040 attente  Faible   Cannot export the …     2 j│
            *#1039 proposé  Critique Mail server down f…  3 sem.│
             #1038 fermé             Password reset lin…    1 an│
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
                            ┌─ 2 tickets marqués ─────────────────────────────────────────────────────────────────────────────┐
                            │ Clore 2 tickets définitivement ? Il faudra un ticket de suite pour continuer chacun d'eux (y/N) │
                            │                                                                                                 │
                            │ y            clore les 2 définitivement                                                         │
                            │ n esc enter  ne rien changer                                                                    │
                            └─────────────────────────────────────────────────────────────────────────────────────────────────┘
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
             y oui  n non
            """)
    }
}

final class GermanComposingScreenTests: XCTestCase {
    let screens = TranslatedScreens(.german)

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt80x24() {
        assertScreen(screens.replyWithQuote(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
             Carl Meyer (Kunde) · 30. Mai 2024, 11:30
             Version 5.2.1 on macOS 14.
             Antwort auf #1042
             Antwort an Carl Meyer, 30. Mai 2024, 11:30: Version 5.2.1 on macOS 14.
             Am 30. Mai 2024, 11:30 schrieb Carl Meyer:
             > Version 5.2.1 on macOS 14.

             OK.














             ctrl-s senden  esc schließen, behalten  ctrl-e Editor  tab nächstes Feld
            """)
    }

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt132x40() {
        assertScreen(screens.replyWithQuote(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ #1042 VPN drops every hour
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│ Status        Offen
             #1041 neu               Invoice shows the …  3 Std.│ Art           Störung
             #1040 wartet   Niedrig  Cannot export the …   2 Tg.│ Dringlichkeit Hoch
             #1039 Lösung   Kritisch Mail server down f…   3 Wo.│ Anfragende(r) Carl Meyer (carl)
             #1038 geschl.           Password reset lin…    1 J.│ Organisation  Umbra
                                                                │ Zuständig     Ana Lind (ana)
                                                                │ Produkt       VPN › Client
                                                                │ Erstellt      30. Mai 2024, 09:00 (vor 2 Tg.)
                                                                │ Aktualisiert  1. Juni 2024, 11:55 (vor 5 Min.)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Verlauf (7)
                                                                │ ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (Agent) · 30. Mai 2024, 11:00                                63%
                                                                │ Antwort auf #1042
                                                                │ Antwort an Carl Meyer, 30. Mai 2024, 11:30: Version 5.2.1 on macOS 14.
                                                                │ Am 30. Mai 2024, 11:30 schrieb Carl Meyer:
                                                                │ > Version 5.2.1 on macOS 14.
                                                                │
                                                                │ OK.
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
             ctrl-s senden  esc schließen, behalten  ctrl-e Editor  tab nächstes Feld
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt80x24() {
        assertScreen(screens.closeQuestion(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
             #1042 VPN drops every hour
             Status        Offen
             Art           Störung
             Dringlichkeit Hoch
             Anfragende(r) Carl Meyer (carl)
             Organisation  Umbra
             Zuständig     Ana Lind (ana)
             Produkt       VPN › Client
             ┌─ #1042 schließen ─────────────────────────────────────────────────────────┐
             │ #1042 endgültig schließen? Zum Fortsetzen ist ein Folgeticket nötig (y/N) │
             │                                                                           │
             │ y            endgültig schließen                                          │
             │ n esc enter  so lassen                                                    │
             └───────────────────────────────────────────────────────────────────────────┘
             Verlauf (7)
             ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (Agent) · 30. Mai 2024, 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (Kunde) · 30. Mai 2024, 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             y ja  n nein
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt132x40() {
        assertScreen(screens.closeQuestion(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ #1042 VPN drops every hour
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│ Status        Offen
             #1041 neu               Invoice shows the …  3 Std.│ Art           Störung
             #1040 wartet   Niedrig  Cannot export the …   2 Tg.│ Dringlichkeit Hoch
             #1039 Lösung   Kritisch Mail server down f…   3 Wo.│ Anfragende(r) Carl Meyer (carl)
             #1038 geschl.           Password reset lin…    1 J.│ Organisation  Umbra
                                                                │ Zuständig     Ana Lind (ana)
                                                                │ Produkt       VPN › Client
                                                                │ Erstellt      30. Mai 2024, 09:00 (vor 2 Tg.)
                                                                │ Aktualisiert  1. Juni 2024, 11:55 (vor 5 Min.)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Verlauf (7)
                                                                │ ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
                                       ┌─ #1042 schließen ─────────────────────────────────────────────────────────┐all with a customer, and
                                       │ #1042 endgültig schließen? Zum Fortsetzen ist ein Folgeticket nötig (y/N) │
                                       │                                                                           │
                                       │ y            endgültig schließen                                          │
                                       │ n esc enter  so lassen                                                    │
                                       └───────────────────────────────────────────────────────────────────────────┘
                                                                │ │   └─● Ana Lind (Agent) · 30. Mai 2024, 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ ├─● Ben Okafor (Agent) · 30. Mai 2024, 11:15  INTERNE NOTIZ
                                                                │ │   Same as #998: vendor case 7731.
                                                                │ └─● Carl Meyer (Kunde) · 30. Mai 2024, 13:00
                                                                │     Thanks!
                                                                │ · 30. Mai 2024, 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             y ja  n nein
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt80x24() {
        assertScreen(screens.bulkQuestion(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
                 # STATUS   DRINGL.  BETREFF                        1/5 VON · ORG     GEÄND.
             #1042 offen    Hoch     VPN drops every hour               carl · Umbra  5 Min.
            •#1041 neu               Invoice shows the wrong VAT number dora · Umbra  3 Std.
            *#1040 wartet   Niedrig  Cannot export the monthly report … carl · Umbra   2 Tg.
            *#1039 Lösung   Kritisch Mail server down for the whole of… dora · Umbra   3 Wo.
             #1038 geschl.           Password reset link expired        carl · Umbra    1 J.

             ┌─ 2 markierte Tickets ──────────────────────────────────────────────────────┐
             │ 2 Tickets endgültig schließen? Zum Fortsetzen ist je ein Folgeticket nötig │
             │ (y/N)                                                                      │
             │                                                                            │
             │ y            alle 2 endgültig schließen                                    │
             │ n esc enter  nichts ändern                                                 │
             └────────────────────────────────────────────────────────────────────────────┘








             y ja  n nein
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt132x40() {
        assertScreen(screens.bulkQuestion(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ Kein Ticket geöffnet: Eingabe öffnet das ausgewählte
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│
            •#1041 neu               Invoice shows the …  3 Std.│
            *#1040 wartet   Niedrig  Cannot export the …   2 Tg.│
            *#1039 Lösung   Kritisch Mail server down f…   3 Wo.│
             #1038 geschl.           Password reset lin…    1 J.│
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
                                    ┌─ 2 markierte Tickets ────────────────────────────────────────────────────────────┐
                                    │ 2 Tickets endgültig schließen? Zum Fortsetzen ist je ein Folgeticket nötig (y/N) │
                                    │                                                                                  │
                                    │ y            alle 2 endgültig schließen                                          │
                                    │ n esc enter  nichts ändern                                                       │
                                    └──────────────────────────────────────────────────────────────────────────────────┘
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
             y ja  n nein
            """)
    }
}

final class JapaneseComposingScreenTests: XCTestCase {
    let screens = TranslatedScreens(.japanese)

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt80x24() {
        assertScreen(screens.replyWithQuote(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
             Carl Meyer (顧客) · 2024年5月30日 11:30
             Version 5.2.1 on macOS 14.
             #1042 への返信
             Carl Meyer (2024年5月30日 11:30) への返信: Version 5.2.1 on macOS 14.
             2024年5月30日 11:30、Carl Meyer さんは書きました:
             > Version 5.2.1 on macOS 14.

             OK.














             ctrl-s 送信  esc 閉じる(保持)  ctrl-e エディタ  tab 次の項目
            """)
    }

    /// The reply quoting a message, its attribution in the agent's language and date.
    func testReplyWithQuoteAt132x40() {
        assertScreen(screens.replyWithQuote(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ #1042 VPN drops every hour
             #1042 対応中   高       VPN drops every ho…     5分│ ステータス    対応中
             #1041 新規              Invoice shows the …   3時間│ 種類          障害
             #1040 回答待ち 低       Cannot export the …     2日│ 緊急度        高
             #1039 解決提案 緊急     Mail server down f…     3週│ 依頼者        Carl Meyer (carl)
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
                                                                │ ● Carl Meyer (顧客) · 2024年5月30日 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (担当者) · 2024年5月30日 11:00                               63%
                                                                │ #1042 への返信
                                                                │ Carl Meyer (2024年5月30日 11:30) への返信: Version 5.2.1 on macOS 14.
                                                                │ 2024年5月30日 11:30、Carl Meyer さんは書きました:
                                                                │ > Version 5.2.1 on macOS 14.
                                                                │
                                                                │ OK.
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
             ctrl-s 送信  esc 閉じる(保持)  ctrl-e エディタ  tab 次の項目
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt80x24() {
        assertScreen(screens.closeQuestion(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
             #1042 VPN drops every hour
             ステータス    対応中
             種類          障害
             緊急度        高
             依頼者        Carl Meyer (carl)
             組織          Umbra
             担当者        Ana Lind (ana)
             製品          VPN › Client
             作成┌─ #1042 を終了 ─────────────────────────────────────────────────────┐
             更新│ #1042 を完全に終了しますか? 続けるには継続チケットが必要です (y/N) │
                 │                                                                    │
             Sinc│ y            完全に終了する                                        │
             rest│ n esc enter  そのままにする                                        │
                 └────────────────────────────────────────────────────────────────────┘
             履歴 (7)
             ● Carl Meyer (顧客) · 2024年5月30日 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (担当者) · 2024年5月30日 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (顧客) · 2024年5月30日 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             y はい  n いいえ
            """)
    }

    /// The question before closing a ticket.
    func testCloseQuestionAt132x40() {
        assertScreen(screens.closeQuestion(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ #1042 VPN drops every hour
             #1042 対応中   高       VPN drops every ho…     5分│ ステータス    対応中
             #1041 新規              Invoice shows the …   3時間│ 種類          障害
             #1040 回答待ち 低       Cannot export the …     2日│ 緊急度        高
             #1039 解決提案 緊急     Mail server down f…     3週│ 依頼者        Carl Meyer (carl)
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
                                                                │ ● Carl Meyer (顧客) · 2024年5月30日 10:00
                                           ┌─ #1042 を終了 ─────────────────────────────────────────────────────┐a call with a customer, and
                                           │ #1042 を完全に終了しますか? 続けるには継続チケットが必要です (y/N) │
                                           │                                                                    │
                                           │ y            完全に終了する                                        │
                                           │ n esc enter  そのままにする                                        │
                                           └────────────────────────────────────────────────────────────────────┘
                                                                │ │   └─● Ana Lind (担当者) · 2024年5月30日 12:00
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
             y はい  n いいえ
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt80x24() {
        assertScreen(screens.bulkQuestion(Fixture.size80), """
             ana  1 最近 12  2 進行 5  3 自分 2  4 未完 9  5 全件 40       並び順: 新しい順
                 # 状態     緊急度   件名                           1/5 依頼者 · 組…    更新
             #1042 対応中   高       VPN drops every hour               carl · Umbra     5分
            •#1041 新規              Invoice shows the wrong VAT number dora · Umbra   3時間
            *#1040 回答待ち 低       Cannot export the monthly report … carl · Umbra     2日
            *#1039 解決提案 緊急     Mail server down for the whole of… dora · Umbra     3週
             #1038 クローズ          Password reset link expired        carl · Umbra     1年


             ┌─ マーク済みチケット 2 件 ──────────────────────────────────────────────────┐
             │ 2 件のチケットを完全に終了しますか? 続けるには継続チケットが必要です (y/N) │
             │                                                                            │
             │ y            2 件すべてを完全に終了                                        │
             │ n esc enter  何も変更しない                                                │
             └────────────────────────────────────────────────────────────────────────────┘








             y はい  n いいえ
            """)
    }

    /// The question before closing two tagged tickets.
    func testBulkQuestionAt132x40() {
        assertScreen(screens.bulkQuestion(Fixture.size132), """
             Acme Support · ana (担当者)  1 最近 12  2 進行中 5  3 自分 2  4 未完了すべて 9  5 すべて 40                       並び順: 新しい順
                 # 状態     緊急度   件名            1/5    更新│ チケットが開かれていません: Enter で選択中のチケットを開きます
             #1042 対応中   高       VPN drops every ho…     5分│
            •#1041 新規              Invoice shows the …   3時間│
            *#1040 回答待ち 低       Cannot export the …     2日│
            *#1039 解決提案 緊急     Mail server down f…     3週│
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
                                       ┌─ マーク済みチケット 2 件 ──────────────────────────────────────────────────┐
                                       │ 2 件のチケットを完全に終了しますか? 続けるには継続チケットが必要です (y/N) │
                                       │                                                                            │
                                       │ y            2 件すべてを完全に終了                                        │
                                       │ n esc enter  何も変更しない                                                │
                                       └────────────────────────────────────────────────────────────────────────────┘
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
             y はい  n いいえ
            """)
    }
}
