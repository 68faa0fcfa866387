import DeskModel
import XCTest

@testable import DeskTUI

/// The client in German: the list, an open ticket, the form, the help, a menu and the command
/// line at 80x24 and 132x40 (`TranslatedScreens`), every label whole.
final class GermanScreenTests: XCTestCase {
    let screens = TranslatedScreens(.german)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40           newest first
                 # STATUS   DRINGL.  BETREFF                        1/5 VON · ORG     GEÄND.
             #1042 offen    Hoch     VPN drops every hour               carl · Umbra      5m
             #1041 neu               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 wartet   Niedrig  Cannot export the monthly report … carl · Umbra      2d
             #1039 Lösung   Kritisch Mail server down for the whole of… dora · Umbra      3w
             #1038 erledigt          Password reset link expired        carl · Umbra      1y
















             enter öffnen  r antworten  i Notiz  S Status  a zuweisen  n neu  ? Hilfe
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40          newest first
             #1042 VPN drops every hour
             Status        Open
             Art           Störung
             Dringlichkeit Hoch
             Anfragende(r) Carl Meyer (carl)
             Organisation  Umbra
             Zuständig     Ana Lind (ana)
             Produkt       VPN › Client
             Erstellt      2024-05-30 09:00 (2d)
             Aktualisiert  2024-06-01 11:55 (5m)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             Verlauf (6)
             ● Carl Meyer (Kunde) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (Agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (Kunde) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter öffnen  r antworten  S Status  n neu  / suchen  s sortieren  ? Hilfe
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40          newest first
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

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40           newest first
             ┌─ Tasten ───────────────────────────────────────────────────────────────────┐.
             │ j down       nächstes Ticket / nach…  ctrl-c       beenden (Entwürfe blei… │m
             │ k up         vorheriges Ticket / na…  ? f1         diese Hilfe             │h
             │ pgdn space   Seite nach unten         6 7 8 9      gespeicherte Ansichten… │d
             │ pgup b       Seite nach oben          :            Befehlszeile (Tab ergä… │w
             │ g home       erstes Ticket / Anfang   ]            nächste Nachricht wähl… │y
             │ G end        letztes Ticket / Ende    [            vorherige Nachricht wä… │
             │ enter        ausgewähltes Ticket öf…  Q            gewählte Nachricht zit… │
             │ tab          nächster Bereich         v            Anhänge: öffnen, speic… │
             │ shift-tab    vorheriger Bereich       t            Zeile markieren / frei… │
             │ 1            Ansicht: Recent          T            ganze Ansicht markieren │
             │ 2            Ansicht: Active          N            als ungelesen markieren │
             │ 3            Ansicht: Mine            W            Beobachter hinzufügen … │
             │ 4            Ansicht: All open        y            „#42 Betreff“ kopieren  │
             │ 5            Ansicht: All             ctrl-s       Editor: senden          │
             │ s            Sortierung: erstellt /…  esc          Editor: schließen, Ent… │
             │ o            Reihenfolge umkehren     ctrl-x       Editor: Entwurf verwer… │
             │ /            Volltextsuche            ctrl-e       Editor: $EDITOR         │
             │ #            zu einem Ticket per Nu…  tab          Editor: nächstes Feld   │
             │                                                                            │
             │ ↓ weitere unten · Zeilen 1–18 von 29                                       │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup blättern  andere Tasten schließen
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40           newest first
             #1042 VPN drops every hour
             Status        Open
             Art           Störung
             Dringlichkeit Hoch
             Anfragende(r) Carl Meyer (carl)
             Organisation  Umbra
             Zuständig     Ana Lind (ana)
             Produkt       ┌─ Status von 2 Tickets ändern ─────────────────┐
             Erstellt      │ 1  Open                                       │
             Aktualisiert  │ 2  Awaiting customer                          │
                           │ 3  Pending                                    │
             Since Monday t│ 4  Closed                                     │needs a
             restart.      │                                               │
                           │ ↑/↓ wählen · Eingabe anwenden · Esc abbrechen │
             Verlauf (7)   └───────────────────────────────────────────────┘
             ● Carl Meyer (Kunde) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (Agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (Kunde) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ wählen  enter anwenden  esc abbrechen
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 Zul 12  2 Akt 5  3 Meine 2  4 Offen 9  5 Alle 40           newest first
                 # STATUS   DRINGL.  BETREFF                        1/5 VON · ORG     GEÄND.
             #1042 offen    Hoch     VPN drops every hour               carl · Umbra      5m
             #1041 neu               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 wartet   Niedrig  Cannot export the monthly report … carl · Umbra      2d
             #1039 Lösung   Kritisch Mail server down for the whole of… dora · Umbra      3w
             #1038 erledigt          Password reset link expired        carl · Umbra      1y















              recent  active  mine  open  all
            :view active                            NAME: Ansicht oder gespeicherte Ansicht
            """)
    }
}
