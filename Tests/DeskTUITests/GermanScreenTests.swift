import DeskModel
import XCTest

@testable import DeskTUI

/// The client in German: the list, an open ticket, the new-ticket form, the help, the status
/// menu and the command line at 80x24 and 132x40 (`TranslatedScreens`); labels whole, or cut
/// with "…" where the English ones are too (the help's columns at 80).
final class GermanScreenTests: XCTestCase {
    let screens = TranslatedScreens(.german)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
                 # STATUS   DRINGL.  BETREFF                        1/5 VON · ORG     GEÄND.
             #1042 offen    Hoch     VPN drops every hour               carl · Umbra  5 Min.
             #1041 neu               Invoice shows the wrong VAT number dora · Umbra  3 Std.
             #1040 wartet   Niedrig  Cannot export the monthly report … carl · Umbra   2 Tg.
             #1039 Lösung   Kritisch Mail server down for the whole of… dora · Umbra   3 Wo.
             #1038 geschl.           Password reset link expired        carl · Umbra    1 J.
















             enter öffnen  r antworten  i Notiz  S Status  a zuweisen  n neu  ? Hilfe
            """)
    }

    func testListAt132x40() {
        assertScreen(screens.list(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ Kein Ticket geöffnet: Eingabe öffnet das ausgewählte
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│
             #1041 neu               Invoice shows the …  3 Std.│
             #1040 wartet   Niedrig  Cannot export the …   2 Tg.│
             #1039 Lösung   Kritisch Mail server down f…   3 Wo.│
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
             enter öffnen  r antworten  i Notiz  S Status  a zuweisen  n neu  / suchen  s sortieren  ? Hilfe  q zurück
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40        neueste zuerst
             #1042 VPN drops every hour
             Status        Offen
             Art           Störung
             Dringlichkeit Hoch
             Anfragende(r) Carl Meyer (carl)
             Organisation  Umbra
             Zuständig     Ana Lind (ana)
             Produkt       VPN › Client
             Erstellt      30. Mai 2024, 09:00 (vor 2 Tg.)
             Aktualisiert  1. Juni 2024, 11:55 (vor 5 Min.)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             Verlauf (6)
             ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (Agent) · 30. Mai 2024, 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (Kunde) · 30. Mai 2024, 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter öffnen  r antworten  S Status  n neu  / suchen  s sortieren  ? Hilfe
            """)
    }

    func testOpenTicketAt132x40() {
        assertScreen(screens.openTicket(Fixture.size132), """
             Acme Support · carl (Kunde)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40            Sortierung: neueste zuerst
                 # STATUS        BETREFF  1/5 VON         GEÄND.│ #1042 VPN drops every hour
             #1042 Offen         VPN drops e… carl        5 Min.│ Status        Offen
             #1041 Offen         Invoice sho… dora        3 Std.│ Art           Störung
             #1040 Aktion nötig  Cannot expo… carl         2 Tg.│ Dringlichkeit Hoch
             #1039 Lösung        Mail server… dora         3 Wo.│ Anfragende(r) Carl Meyer (carl)
             #1038 Geschlossen   Password re… carl          1 J.│ Organisation  Umbra
                                                                │ Zuständig     Ana Lind (ana)
                                                                │ Produkt       VPN › Client
                                                                │ Erstellt      30. Mai 2024, 09:00 (vor 2 Tg.)
                                                                │ Aktualisiert  1. Juni 2024, 11:55 (vor 5 Min.)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Verlauf (6)
                                                                │ ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (Agent) · 30. Mai 2024, 11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (Kunde) · 30. Mai 2024, 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (Agent) · 30. Mai 2024, 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
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
                                                                │
                                                                │
             enter öffnen  r antworten  S Status  n neu  / suchen  s sortieren  ? Hilfe  q zurück
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40        neueste zuerst
             Neues Ticket
             Betreff        Printer jams
             Art            ‹ Frage ›
             Produkt        Printers
             Kategorie
             Unterkategorie
             Dringlichkeit    Hoch
             Kontakt          Portal
             Beobachter
             Beschreibung
             The tray jams
             every morning.










             ctrl-s senden  esc schließen, behalten  ctrl-e Editor  tab nächstes Feld
            """)
    }

    func testComposerAt132x40() {
        assertScreen(screens.composer(Fixture.size132), """
             Acme Support · carl (Kunde)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40            Sortierung: neueste zuerst
                 # STATUS        BETREFF  1/5 VON         GEÄND.│ Kein Ticket geöffnet: Eingabe öffnet das ausgewählte
             #1042 Offen         VPN drops e… carl        5 Min.│
             #1041 Offen         Invoice sho… dora        3 Std.│
             #1040 Aktion nötig  Cannot expo… carl         2 Tg.│
             #1039 Lösung        Mail server… dora         3 Wo.│
             #1038 Geschlossen   Password re… carl          1 J.│
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
                                                                │ Neues Ticket
                                                                │ Betreff        Printer jams
                                                                │ Art            ‹ Frage ›
                                                                │ Produkt        Printers
                                                                │ Kategorie
                                                                │ Unterkategorie
                                                                │ Dringlichkeit    Hoch
                                                                │ Kontakt          Portal
                                                                │ Beobachter
                                                                │ Beschreibung
                                                                │ The tray jams
                                                                │ every morning.
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

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
             ┌─ Tasten ───────────────────────────────────────────────────────────────────┐.
             │ j down       nächstes Ticket / nach…  Q            gewählte Nachricht zit… │.
             │ k up         vorheriges Ticket / na…  v            Anhänge: öffnen, speic… │.
             │ pgdn space   Seite nach unten         t            Zeile markieren / frei… │.
             │ pgup b       Seite nach oben          T            ganze Ansicht markieren │.
             │ g home       erstes Ticket / Anfang   N            als ungelesen markieren │.
             │ G end        letztes Ticket / Ende    W            Beobachter hinzufügen … │
             │ enter        ausgewähltes Ticket öf…  y            „#42 Betreff“ kopieren  │
             │ tab          nächster Bereich         K            Artikel (Wissensdatenb… │
             │ shift-tab    vorheriger Bereich       z            zitierten Verlauf eine… │
             │ 1            Ansicht: Zuletzt         Z            gesamten zitierten Ver… │
             │ 2            Ansicht: Aktiv           M            Mail-Benachrichtigunge… │
             │ 3            Ansicht: Meine           E            das geöffnete Ticket b… │
             │ 4            Ansicht: Alle offenen    D            Berichte: die Zahlen f… │
             │ 5            Ansicht: Alle            P            Rückrufanfrage überneh… │
             │ s            Sortierung: erstellt /…  O            Rückruf-Ergebnis: reac… │
             │ o            Reihenfolge umkehren     ctrl-s       Editor: senden          │
             │ /            Volltextsuche            esc          Editor: schließen, Ent… │
             │ #            zu einem Ticket per Nu…  ctrl-x       Editor: Entwurf verwer… │
             │                                                                            │
             │ ↓ weitere unten · Zeilen 1–18 von 35                                       │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup blättern  andere Tasten schließen
            """)
    }

    func testHelpAt132x40() {
        assertScreen(screens.help(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
             ┌─ Tasten ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
             │ j down       nächstes Ticket / nach unten                       Q            gewählte Nachricht zitieren                       │
             │ k up         vorheriges Ticket / nach oben                      v            Anhänge: öffnen, speichern                        │
             │ pgdn space   Seite nach unten                                   t            Zeile markieren / freigeben                       │
             │ pgup b       Seite nach oben                                    T            ganze Ansicht markieren                           │
             │ g home       erstes Ticket / Anfang                             N            als ungelesen markieren                           │
             │ G end        letztes Ticket / Ende                              W            Beobachter hinzufügen / entfernen                 │
             │ enter        ausgewähltes Ticket öffnen                         y            „#42 Betreff“ kopieren                            │
             │ tab          nächster Bereich                                   K            Artikel (Wissensdatenbank)                        │
             │ shift-tab    vorheriger Bereich                                 z            zitierten Verlauf einer Nachricht ein-/ausklappen │
             │ 1            Ansicht: Zuletzt                                   Z            gesamten zitierten Verlauf ein-/ausklappen        │
             │ 2            Ansicht: Aktiv                                     M            Mail-Benachrichtigungen, die Sie erhalten         │
             │ 3            Ansicht: Meine                                     E            das geöffnete Ticket bearbeiten                   │
             │ 4            Ansicht: Alle offenen                              D            Berichte: die Zahlen für die Teamleitung          │
             │ 5            Ansicht: Alle                                      P            Rückrufanfrage übernehmen (✆)                     │
             │ s            Sortierung: erstellt / geändert / Triage           O            Rückruf-Ergebnis: reached, no-answer, rescheduled │
             │ o            Reihenfolge umkehren                               ctrl-s       Editor: senden                                    │
             │ /            Volltextsuche                                      esc          Editor: schließen, Entwurf behalten               │
             │ #            zu einem Ticket per Nummer                         ctrl-x       Editor: Entwurf verwerfen                         │
             │ n            neues Ticket                                       ctrl-e       Editor: $EDITOR                                   │
             │ r            antworten                                          tab          Editor: nächstes Feld                             │
             │ i            interne Notiz                                      shift-tab    Editor: vorheriges Feld                           │
             │ S            Status ändern                                      f1           Editor: diese Hilfe                               │
             │ a            einem Agenten zuweisen                             ctrl-t       Editor: Zweck der Antwort                         │
             │ A            mir zuweisen                                       ctrl-o       Editor: Datei anhängen                            │
             │ w            beobachten / nicht mehr                            f2           neues Ticket: Artikel, die helfen können          │
             │ f            Folgeticket zu einem geschlossenen                 ctrl-k       Antwort: Link zu einem Artikel einfügen           │
             │ R ctrl-l     aktualisieren                                      ← →          Editor: Auswahl                                   │
             │ esc          Suche, Editor oder Ticket schließen                enter        Editor: Beobachter wählen                         │
             │ q            zurück, dann beenden                               r            Duplikat: dort antworten                          │
             │ ctrl-c       beenden (Entwürfe bleiben)                         c            Duplikat: trotzdem anlegen                        │
             │ ? f1         diese Hilfe                                        esc e        Duplikat: weiter bearbeiten                       │
             │ 6 7 8 9      gespeicherte Ansichten 1-4 (Tabs)                  y            Frage: ja                                         │
             │ :            Befehlszeile (Tab ergänzt)                         n esc enter  Frage: nein (Standard)                            │
             │ ]            nächste Nachricht wählen                           y            Artikel: Problem gelöst (kein Ticket)             │
             │ [            vorherige Nachricht wählen                         ctrl-t       Auswahl: Text des Artikels einfügen               │
             └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                │
             beliebige Taste schließen
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
             #1042 VPN drops every hour
             Status        Offen
             Art           Störung
             Dringlichkeit Hoch
             Anfragende(r) Carl Meyer (carl)
             Organisation  Umbra
             Zuständig     Ana Lind (ana)
             Produkt       ┌─ Status von 2 Tickets ändern ─────────────────┐
             Erstellt      │ 1  Offen                                      │
             Aktualisiert  │ 2  Wartet auf Kunden                          │
                           │ 3  Wartet auf Bestätigung                     │
             Since Monday t│ 4  Geschlossen                                │needs a
             restart.      │                                               │
                           │ ↑/↓ wählen · Eingabe anwenden · Esc abbrechen │
             Verlauf (7)   └───────────────────────────────────────────────┘
             ● Carl Meyer (Kunde) · 30. Mai 2024, 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (Agent) · 30. Mai 2024, 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (Kunde) · 30. Mai 2024, 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ wählen  enter anwenden  esc abbrechen
            """)
    }

    func testStatusMenuAt132x40() {
        assertScreen(screens.statusMenu(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ #1042 VPN drops every hour
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│ Status        Offen
             #1041 neu               Invoice shows the …  3 Std.│ Art           Störung
            *#1040 wartet   Niedrig  Cannot export the …   2 Tg.│ Dringlichkeit Hoch
            *#1039 Lösung   Kritisch Mail server down f…   3 Wo.│ Anfragende(r) Carl Meyer (carl)
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
                                                     ┌─ Status von 2 Tickets ändern ─────────────────┐ 10:00
                                                     │ 1  Offen                                      │e I was on a call with a customer, and
                                                     │ 2  Wartet auf Kunden                          │tes.
                                                     │ 3  Wartet auf Bestätigung                     │ 11:00
                                                     │ 4  Geschlossen                                │
                                                     │                                               │024, 11:30
                                                     │ ↑/↓ wählen · Eingabe anwenden · Esc abbrechen │
                                                     └───────────────────────────────────────────────┘024, 12:00
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
             ↑/↓ wählen  enter anwenden  esc abbrechen
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40         neueste zuerst
                 # STATUS   DRINGL.  BETREFF                        1/5 VON · ORG     GEÄND.
             #1042 offen    Hoch     VPN drops every hour               carl · Umbra  5 Min.
             #1041 neu               Invoice shows the wrong VAT number dora · Umbra  3 Std.
             #1040 wartet   Niedrig  Cannot export the monthly report … carl · Umbra   2 Tg.
             #1039 Lösung   Kritisch Mail server down for the whole of… dora · Umbra   3 Wo.
             #1038 geschl.           Password reset link expired        carl · Umbra    1 J.















              recent  active  mine  open  all
            :view active                            NAME: Ansicht oder gespeicherte Ansicht
            """)
    }

    func testCommandLineAt132x40() {
        assertScreen(screens.commandLine(Fixture.size132), """
             Acme Support · ana (Agent)  1 Zuletzt 12  2 Aktiv 5  3 Meine 2  4 Alle offenen 9  5 Alle 40             Sortierung: neueste zuerst
                 # STATUS   DRINGL.  BETREFF         1/5  GEÄND.│ Kein Ticket geöffnet: Eingabe öffnet das ausgewählte
             #1042 offen    Hoch     VPN drops every ho…  5 Min.│
             #1041 neu               Invoice shows the …  3 Std.│
             #1040 wartet   Niedrig  Cannot export the …   2 Tg.│
             #1039 Lösung   Kritisch Mail server down f…   3 Wo.│
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
            :assign                                                                                                   KENNUNG|me|none: zuweisen
            """)
    }
}
