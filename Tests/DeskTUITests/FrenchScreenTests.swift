import DeskModel
import XCTest

@testable import DeskTUI

/// The client in French: the list, an open ticket, the form, the help, a menu and the command
/// line at 80x24 and 132x40 (`TranslatedScreens`), every label whole.
final class FrenchScreenTests: XCTestCase {
    let screens = TranslatedScreens(.french)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40         tri : newest first
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    VPN drops every hour               carl · Umbra      5m
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 attente  Faible   Cannot export the monthly report … carl · Umbra      2d
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra      3w
             #1038 fermé             Password reset link expired        carl · Umbra      1y
















             enter ouvrir  r répondre  i note  S statut  a attribuer  n nouveau  ? aide
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40        tri : newest first
             #1042 VPN drops every hour
             Statut        Open
             Type          Incident
             Urgence       Grave
             Demandeur     Carl Meyer (carl)
             Organisation  Umbra
             Attribué à    Ana Lind (ana)
             Produit       VPN › Client
             Créé          2024-05-30 09:00 (2d)
             Mis à jour    2024-06-01 11:55 (5m)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             Historique (6)
             ● Carl Meyer (client) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (client) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter ouvrir  r répondre  S statut  n nouveau  / chercher  s trier  ? aide
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40        tri : newest first
             Nouveau ticket
             Sujet          Printer jams
             Type           ‹ Question ›
             Produit        Printers
             Catégorie
             Sous-catégorie
             Urgence          Grave
             Contact          Portail
             Observateurs
             Description
             The tray jams
             every morning.










             ctrl-s envoyer  esc fermer, garder  ctrl-e éditeur  tab champ suivant
            """)
    }

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40         tri : newest first
             ┌─ Touches ──────────────────────────────────────────────────────────────────┐É
             │ j down       ticket suivant / défil…  ctrl-c       quitter (brouillons co… │m
             │ k up         ticket précédent / déf…  ? f1         cette aide              │h
             │ pgdn space   page suivante            6 7 8 9      vues enregistrées 1-4 … │d
             │ pgup b       page précédente          :            ligne de commande (Tab… │w
             │ g home       premier ticket / début   ]            choisir le message sui… │y
             │ G end        dernier ticket / fin     [            choisir le message pré… │
             │ enter        ouvrir le ticket sélec…  Q            citer le message choisi │
             │ tab          volet suivant            v            pièces jointes : ouvri… │
             │ shift-tab    volet précédent          t            marquer / démarquer la… │
             │ 1            vue : Recent             T            marquer toute la vue    │
             │ 2            vue : Active             N            marquer non lu          │
             │ 3            vue : Mine               W            ajouter / retirer des … │
             │ 4            vue : All open           y            copier « #42 Sujet »    │
             │ 5            vue : All                ctrl-s       rédaction : envoyer     │
             │ s            tri : création / modif…  esc          rédaction : fermer, ga… │
             │ o            inverser l'ordre         ctrl-x       rédaction : abandonner… │
             │ /            recherche en texte int…  ctrl-e       rédaction : $EDITOR     │
             │ #            aller à un ticket par …  tab          rédaction : champ suiv… │
             │                                                                            │
             │ ↓ suite en dessous · lignes 1–18 sur 29                                    │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup défiler  autres touches fermer
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40         tri : newest first
             #1042 VPN drops every hour
             Statut        Open
             Type          Incident
             Urgence       Grave
             Demandeur     Carl Meyer (carl)
             Organisation  Umbra
             Attribué à    Ana Lind (ana)
             Produit       ┌─ Changer le statut de 2 tickets ───────────────┐
             Créé          │ 1  Open                                        │
             Mis à jour    │ 2  Awaiting customer                           │
                           │ 3  Pending                                     │
             Since Monday t│ 4  Closed                                      │eeds a
             restart.      │                                                │
                           │ ↑/↓ choisir · Entrée appliquer · Échap annuler │
             Historique (7)└────────────────────────────────────────────────┘
             ● Carl Meyer (client) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (client) · 2024-05-30 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ choisir  enter appliquer  esc annuler
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40         tri : newest first
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    VPN drops every hour               carl · Umbra      5m
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 attente  Faible   Cannot export the monthly report … carl · Umbra      2d
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra      3w
             #1038 fermé             Password reset link expired        carl · Umbra      1y















              recent  active  mine  open  all
            :view active                                NOM : vue de tickets ou enregistrée
            """)
    }
}
