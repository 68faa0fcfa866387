import DeskModel
import XCTest

@testable import DeskTUI

/// The client in French: the list, an open ticket, the new-ticket form, the help, the status
/// menu and the command line at 80x24 and 132x40 (`TranslatedScreens`); labels whole, or cut
/// with "…" where the English ones are too (the help's columns at 80).
final class FrenchScreenTests: XCTestCase {
    let screens = TranslatedScreens(.french)

    func testListAt80x24() {
        assertScreen(screens.list(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    VPN drops every hour               carl · Umbra   5 min
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra     3 h
             #1040 attente  Faible   Cannot export the monthly report … carl · Umbra     2 j
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra  3 sem.
             #1038 fermé             Password reset link expired        carl · Umbra    1 an
















             enter ouvrir  r répondre  i note  S statut  a attribuer  n nouveau  ? aide
            """)
    }

    func testListAt132x40() {
        assertScreen(screens.list(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 ouvert   Grave    VPN drops every ho…   5 min│
             #1041 nouveau           Invoice shows the …     3 h│
             #1040 attente  Faible   Cannot export the …     2 j│
             #1039 proposé  Critique Mail server down f…  3 sem.│
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
             enter ouvrir  r répondre  i note  S statut  a attribuer  n nouveau  / chercher  s trier  ? aide  q retour
            """)
    }

    func testOpenTicketAt80x24() {
        assertScreen(screens.openTicket(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40      plus récents d'abord
             #1042 VPN drops every hour
             Statut        Ouvert
             Type          Incident
             Urgence       Grave
             Demandeur     Carl Meyer (carl)
             Organisation  Umbra
             Attribué à    Ana Lind (ana)
             Produit       VPN › Client
             Créé          30 mai 2024 09:00 (il y a 2 j)
             Mis à jour    1 juin 2024 11:55 (il y a 5 min)

             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             Historique (6)
             ● Carl Meyer (client) · 30 mai 2024 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 30 mai 2024 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (client) · 30 mai 2024 11:30
             │     Version 5.2.1 on macOS 14.                                           78%
             enter ouvrir  r répondre  S statut  n nouveau  / chercher  s trier  ? aide
            """)
    }

    func testOpenTicketAt132x40() {
        assertScreen(screens.openTicket(Fixture.size132), """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40      tri : plus récents d'abord
                 # STATUT        SUJET    1/5 DEMANDEUR  MODIFIÉ│ #1042 VPN drops every hour
             #1042 Ouvert        VPN drops e… carl         5 min│ Statut        Ouvert
             #1041 Ouvert        Invoice sho… dora           3 h│ Type          Incident
             #1040 À vous d'agir Cannot expo… carl           2 j│ Urgence       Grave
             #1039 Solution      Mail server… dora        3 sem.│ Demandeur     Carl Meyer (carl)
             #1038 Fermé         Password re… carl          1 an│ Organisation  Umbra
                                                                │ Attribué à    Ana Lind (ana)
                                                                │ Produit       VPN › Client
                                                                │ Créé          30 mai 2024 09:00 (il y a 2 j)
                                                                │ Mis à jour    1 juin 2024 11:55 (il y a 5 min)
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ Historique (6)
                                                                │ ● Carl Meyer (client) · 30 mai 2024 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 30 mai 2024 11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (client) · 30 mai 2024 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (agent) · 30 mai 2024 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
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
                                                                │
                                                                │
             enter ouvrir  r répondre  S statut  n nouveau  / chercher  s trier  ? aide  q retour
            """)
    }

    func testComposerAt80x24() {
        assertScreen(screens.composer(Fixture.size80), """
             carl  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40      plus récents d'abord
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

    func testComposerAt132x40() {
        assertScreen(screens.composer(Fixture.size132), """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40      tri : plus récents d'abord
                 # STATUT        SUJET    1/5 DEMANDEUR  MODIFIÉ│ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 Ouvert        VPN drops e… carl         5 min│
             #1041 Ouvert        Invoice sho… dora           3 h│
             #1040 À vous d'agir Cannot expo… carl           2 j│
             #1039 Solution      Mail server… dora        3 sem.│
             #1038 Fermé         Password re… carl          1 an│
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
                                                                │ Nouveau ticket
                                                                │ Sujet          Printer jams
                                                                │ Type           ‹ Question ›
                                                                │ Produit        Printers
                                                                │ Catégorie
                                                                │ Sous-catégorie
                                                                │ Urgence          Grave
                                                                │ Contact          Portail
                                                                │ Observateurs
                                                                │ Description
                                                                │ The tray jams
                                                                │ every morning.
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

    func testHelpAt80x24() {
        assertScreen(screens.help(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
             ┌─ Touches ──────────────────────────────────────────────────────────────────┐É
             │ j down       ticket suivant / défil…  Q            citer le message choisi │n
             │ k up         ticket précédent / déf…  v            pièces jointes : ouvri… │h
             │ pgdn space   page suivante            t            marquer / démarquer la… │j
             │ pgup b       page précédente          T            marquer toute la vue    │.
             │ g home       premier ticket / début   N            marquer non lu          │n
             │ G end        dernier ticket / fin     W            ajouter / retirer des … │
             │ enter        ouvrir le ticket sélec…  y            copier « #42 Sujet »    │
             │ tab          volet suivant            K            articles (base de conn… │
             │ shift-tab    volet précédent          z            plier / déplier l'hist… │
             │ 1            vue : Récents            Z            plier / déplier tout l… │
             │ 2            vue : Actifs             M            notifications que vous… │
             │ 3            vue : Les miens          E            modifier le ticket ouv… │
             │ 4            vue : Tous ouverts       D            rapports : les chiffre… │
             │ 5            vue : Tous               P            prendre la demande de … │
             │ s            tri : création / modif…  O            résultat du rappel : r… │
             │ o            inverser l'ordre         ctrl-s       rédaction : envoyer     │
             │ /            recherche en texte int…  esc          rédaction : fermer, ga… │
             │ #            aller à un ticket par …  ctrl-x       rédaction : abandonner… │
             │                                                                            │
             │ ↓ suite en dessous · lignes 1–18 sur 35                                    │
             └────────────────────────────────────────────────────────────────────────────┘
             j/k pgdn/pgup défiler  autres touches fermer
            """)
    }

    func testHelpAt132x40() {
        assertScreen(screens.help(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
             ┌─ Touches ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
             │ j down       ticket suivant / défiler vers le bas               Q            citer le message choisi                           │
             │ k up         ticket précédent / défiler vers le haut            v            pièces jointes : ouvrir, enregistrer              │
             │ pgdn space   page suivante                                      t            marquer / démarquer la ligne                      │
             │ pgup b       page précédente                                    T            marquer toute la vue                              │
             │ g home       premier ticket / début                             N            marquer non lu                                    │
             │ G end        dernier ticket / fin                               W            ajouter / retirer des observateurs                │
             │ enter        ouvrir le ticket sélectionné                       y            copier « #42 Sujet »                              │
             │ tab          volet suivant                                      K            articles (base de connaissances)                  │
             │ shift-tab    volet précédent                                    z            plier / déplier l'historique cité d'un message    │
             │ 1            vue : Récents                                      Z            plier / déplier tout l'historique cité            │
             │ 2            vue : Actifs                                       M            notifications que vous recevez par e-mail         │
             │ 3            vue : Les miens                                    E            modifier le ticket ouvert                         │
             │ 4            vue : Tous ouverts                                 D            rapports : les chiffres du responsable d'équipe   │
             │ 5            vue : Tous                                         P            prendre la demande de rappel (✆)                  │
             │ s            tri : création / modification / triage             O            résultat du rappel : reached, no-answer, resched… │
             │ o            inverser l'ordre                                   ctrl-s       rédaction : envoyer                               │
             │ /            recherche en texte intégral                        esc          rédaction : fermer, garder le brouillon           │
             │ #            aller à un ticket par son numéro                   ctrl-x       rédaction : abandonner le brouillon               │
             │ n            nouveau ticket                                     ctrl-e       rédaction : $EDITOR                               │
             │ r            répondre                                           tab          rédaction : champ suivant                         │
             │ i            note interne                                       shift-tab    rédaction : champ précédent                       │
             │ S            changer le statut                                  f1           rédaction : cette aide                            │
             │ a            attribuer à un agent                               ctrl-t       rédaction : but de la réponse                     │
             │ A            m'attribuer                                        ctrl-o       rédaction : joindre un fichier                    │
             │ w            suivre / ne plus suivre                            f2           nouveau ticket : articles qui peuvent aider       │
             │ f            suite d'un ticket clos                             ctrl-k       réponse : insérer le lien d'un article            │
             │ R ctrl-l     actualiser                                         ← →          rédaction : choix                                 │
             │ esc          fermer recherche, rédaction ou ticket              enter        rédaction : choisir les observateurs              │
             │ q            retour, puis quitter                               r            doublon : répondre là-bas                         │
             │ ctrl-c       quitter (brouillons conservés)                     c            doublon : créer quand même                        │
             │ ? f1         cette aide                                         esc e        doublon : continuer la rédaction                  │
             │ 6 7 8 9      vues enregistrées 1-4 (onglets)                    y            question : oui                                    │
             │ :            ligne de commande (Tab complète)                   n esc enter  question : non (par défaut)                       │
             │ ]            choisir le message suivant                         y            article : problème résolu (aucun ticket créé)     │
             │ [            choisir le message précédent                       ctrl-t       sélecteur : insérer le texte de l'article         │
             └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
                                                                │
             une touche fermer
            """)
    }

    func testStatusMenuAt80x24() {
        assertScreen(screens.statusMenu(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
             #1042 VPN drops every hour
             Statut        Ouvert
             Type          Incident
             Urgence       Grave
             Demandeur     Carl Meyer (carl)
             Organisation  Umbra
             Attribué à    Ana Lind (ana)
             Produit       ┌─ Changer le statut de 2 tickets ───────────────┐
             Créé          │ 1  Ouvert                                      │
             Mis à jour    │ 2  En attente du client                        │
                           │ 3  En attente de validation                    │
             Since Monday t│ 4  Fermé                                       │eeds a
             restart.      │                                                │
                           │ ↑/↓ choisir · Entrée appliquer · Échap annuler │
             Historique (7)└────────────────────────────────────────────────┘
             ● Carl Meyer (client) · 30 mai 2024 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 30 mai 2024 11:00
             │   Which client version do you run?
             │ └─● Carl Meyer (client) · 30 mai 2024 11:30
             │     Version 5.2.1 on macOS 14.                                           73%
             ↑/↓ choisir  enter appliquer  esc annuler
            """)
    }

    func testStatusMenuAt132x40() {
        assertScreen(screens.statusMenu(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ #1042 VPN drops every hour
             #1042 ouvert   Grave    VPN drops every ho…   5 min│ Statut        Ouvert
             #1041 nouveau           Invoice shows the …     3 h│ Type          Incident
            *#1040 attente  Faible   Cannot export the …     2 j│ Urgence       Grave
            *#1039 proposé  Critique Mail server down f…  3 sem.│ Demandeur     Carl Meyer (carl)
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
                                                     ┌─ Changer le statut de 2 tickets ───────────────┐0:00
                                                     │ 1  Ouvert                                      │ I was on a call with a customer, and
                                                     │ 2  En attente du client                        │es.
                                                     │ 3  En attente de validation                    │:00
                                                     │ 4  Fermé                                       │
                                                     │                                                │24 11:30
                                                     │ ↑/↓ choisir · Entrée appliquer · Échap annuler │
                                                     └────────────────────────────────────────────────┘4 12:00
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
             ↑/↓ choisir  enter appliquer  esc annuler
            """)
    }

    func testCommandLineAt80x24() {
        assertScreen(screens.commandLine(Fixture.size80), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    VPN drops every hour               carl · Umbra   5 min
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra     3 h
             #1040 attente  Faible   Cannot export the monthly report … carl · Umbra     2 j
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra  3 sem.
             #1038 fermé             Password reset link expired        carl · Umbra    1 an















              recent  active  mine  open  all
            :view active                                NOM : vue de tickets ou enregistrée
            """)
    }

    func testCommandLineAt132x40() {
        assertScreen(screens.commandLine(Fixture.size132), """
             Acme Support · ana (agent)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40        tri : plus récents d'abord
                 # STATUT   URGENCE  SUJET           1/5 MODIFIÉ│ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 ouvert   Grave    VPN drops every ho…   5 min│
             #1041 nouveau           Invoice shows the …     3 h│
             #1040 attente  Faible   Cannot export the …     2 j│
             #1039 proposé  Critique Mail server down f…  3 sem.│
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
            :assign                                                                                             IDENTIFIANT|me|none : attribuer
            """)
    }
}
